"""A day and month as a phone writes them in its language: "June 22", "22. Juni", "7 września".

Daylio's oldest exports (2017-2018) give the date only this way, beside a separate year column. The
month names cover the languages Daylio ships most: English, German, French, Spanish, Italian,
Portuguese, Polish, Dutch, Russian, Ukrainian, Czech, Turkish and Hebrew, in the nominative and the
genitive ("wrzesień", "września"; "июнь", "июня") and abbreviated ("Jun", "janv.", "сент."), with or
without accents. Words around them ("de", "del", "of") and the weekday are ignored.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MONTHS", "day_and_month"]

# One line per language: twelve months, each as "form/form/...". Abbreviations are listed where they
# are not simply the first three letters of a full form (those are added for every language).
_NAMES = """
en january february march april may june july august september/sept october november december
de januar/jänner/jän februar/feber märz/mrz april mai juni juli august september/sept oktober november dezember
fr janvier/janv février/févr/fév mars avril/avr mai juin juillet/juil août septembre/sept octobre novembre décembre
es enero febrero marzo abril mayo junio julio agosto septiembre/setiembre/sept/set octubre noviembre diciembre
it gennaio febbraio marzo aprile maggio giugno/giu luglio/lug agosto settembre ottobre novembre dicembre
pt janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
pl styczeń/stycznia luty/lutego marzec/marca kwiecień/kwietnia maj/maja czerwiec/czerwca lipiec/lipca sierpień/sierpnia wrzesień/września październik/października/paź listopad/listopada grudzień/grudnia
nl januari februari maart/mrt april mei juni juli augustus september/sept oktober november december
ru январь/января февраль/февраля/февр март/марта апрель/апреля май/мая июнь/июня/июн июль/июля/июл август/августа сентябрь/сентября/сент октябрь/октября ноябрь/ноября/нояб декабрь/декабря
uk січень/січня лютий/лютого березень/березня квітень/квітня травень/травня червень/червня липень/липня серпень/серпня вересень/вересня жовтень/жовтня листопад/листопада грудень/грудня
cs leden/ledna únor/února březen/března duben/dubna květen/května červen/června červenec/července srpen/srpna září říjen/října listopad/listopadu prosinec/prosince
tr ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık
he ינואר פברואר מרץ/מרס אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר
"""


def _plain(word: str) -> str:
    """Lower case without accents: "Février" and "fevrier" are one word."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _build() -> dict[str, int]:
    months: dict[str, int] = {}
    ambiguous: set[str] = set()

    def add(word: str, month: int) -> None:
        key = _plain(word)
        if months.get(key, month) != month:
            ambiguous.add(key)
        months[key] = month

    for line in _NAMES.strip().splitlines():
        lang, *names = line.split()
        assert len(names) == 12, lang
        for month, forms in enumerate(names, start=1):
            for form in forms.split("/"):
                add(form, month)
                if lang != "he" and len(form) > 3:
                    add(form[:3], month)
                if lang == "he":
                    add("ב" + form, month)  # "in June", as Hebrew dates say it
    # Czech "červen" (June) and "červenec" (July) share their first letters; so do a few others.
    for key in ambiguous:
        del months[key]
    return months


#: Every month word (without accents, lower case) -> 1..12.
MONTHS = _build()
_WORD = re.compile(r"[^\W\d_]+")
_DAY = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")


def day_and_month(text: str) -> tuple[int, int] | None:
    """(day, month) from "June 22", "22. Juni", "22 de junio", "7 września", "22 июн."; None when
    there is not exactly one day number and one month word."""
    days = _DAY.findall(text)
    months = {MONTHS[w] for w in (_plain(m) for m in _WORD.findall(text)) if w in MONTHS}
    if len(days) != 1 or len(months) != 1:
        return None
    day = int(days[0])
    return (day, months.pop()) if 1 <= day <= 31 else None
