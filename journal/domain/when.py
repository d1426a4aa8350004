"""Turning what people type for a date ("yesterday 18:00", "nov 3", "2 weeks ago") into local times.

The grammar is deliberately small and explicit rather than a fuzzy guesser: a journal that silently
reads "3/11" as the wrong month would file entries on the wrong day. Everything is interpreted in
the local time zone, and "whole days" are calendar days built from local wall-clock midnights, so a
day with a DST change is 23 or 25 hours long, never shifted by an hour.

Forms understood (case-insensitive, commas ignored):

* days: ``2026-11-03`` (also ``2026/11/03``), ``nov 3``, ``3 nov``, ``November 3rd``, ``nov 3 2025``,
  ``3rd of november 2025``, ``today``, ``yesterday``, ``tomorrow``, ``monday`` (the most recent one,
  today included), ``last monday`` (strictly before today), ``this monday`` (in the current week),
  ``3 days ago``, ``2 weeks ago``, ``1 month ago``, ``a year ago``;
* a day followed by a time: ``2026-11-03 18:30``, ``yesterday 18:00``, ``nov 3 at 6pm``; a time
  alone (``18:30``, ``6pm``, ``6:30pm``, ``noon``, ``midnight``) means today;
* moments: ``now``, ``3 hours ago``, ``20 minutes ago``, an ISO 8601 date-time with or without offset;
* spans: ``2026-11`` (a month), ``nov 2026``, ``november`` (the most recent November, this one
  included), ``2026`` (a year), ``this week`` / ``last week`` (Monday to Sunday), ``this month``,
  ``last month``, ``this year``, ``last year``.

A day or month given without a year means the most recent one that is not in the future.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from journal.domain.years import FIRST_YEAR, LAST_YEAR, RANGE_SENTENCE, is_supported

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "DayRange",
    "WhenError",
    "check_supported",
    "day_start",
    "local_tz",
    "parse_moment",
    "parse_range",
    "since_bound",
    "until_bound",
]

_EXAMPLES = "try 2026-11-03, yesterday or 3 days ago"
# Every date typed (an entry's --at, a filter's --since) lies in the years a journal holds (see
# journal.domain.years), so no later step can overflow.
_EARLIEST, _LATEST = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)


class WhenError(ValueError):
    """A date the user typed that we could not read; `str()` is one plain sentence for them."""


def check_supported(moment: datetime) -> datetime:
    """`moment`, or WhenError (one sentence) when it lies outside the years a journal holds."""
    if not is_supported(moment):
        raise WhenError(f"The date {moment.date().isoformat()} is out of range; {RANGE_SENTENCE}.")
    return moment


@dataclass(frozen=True)
class DayRange:
    """Whole local days `[start, end)`: both are aware local midnights (the first real moment of
    the day where a DST jump skips midnight)."""

    start: datetime
    end: datetime

    @property
    def days(self) -> int:
        """How many calendar days the range covers."""
        return (self.end.date() - self.start.date()).days

    def __contains__(self, moment: datetime) -> bool:
        return self.start <= moment < self.end


def local_tz() -> tzinfo:
    """The local zone, honouring a `TZ` environment variable set after start-up (tests, users)."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    # The system zone file keeps the full history of offsets, which a bare tzlocal() does not.
    # dateutil.tz loads only here: it brings tempfile, shutil and ctypes, ~10 ms of a command's start.
    from dateutil import tz as dateutil_tz

    return dateutil_tz.gettz(name or None) or dateutil_tz.tzlocal()


def day_start(day: date, tz: tzinfo) -> datetime:
    """The first moment of local calendar day `day` (midnight, unless a DST jump skips it)."""
    return _localize(datetime.combine(day, time()), tz)


def parse_moment(text: str, *, now: datetime | None = None, tz: tzinfo | None = None) -> datetime:
    """One aware moment, for `--at`.

    A day without a time means the current time if it is today (so `--at today` is "now"), and
    noon otherwise: the middle of the day sits safely inside it whatever the DST and keeps the
    entry on the day the user named. Spans such as "last week" are refused: they are not a moment.
    """
    reading, now, tz = _read(text, now, tz)
    if reading.moment is not None:
        return reading.moment
    if reading.first != reading.last:
        raise WhenError(
            f'"{_shown(text)}" is a stretch of days, not a moment; try 2026-11-03 18:30 or yesterday 18:00.'
        )
    if reading.first == now.date():
        return now
    return _localize(datetime.combine(reading.first, time(12)), tz)


def parse_range(text: str, *, now: datetime | None = None, tz: tzinfo | None = None) -> DayRange:
    """The whole local days the text names: a day, a week, a month or a year.

    A moment ("yesterday 18:00", "3 hours ago") names the day it falls on.
    """
    reading, now, tz = _read(text, now, tz)
    return DayRange(day_start(reading.first, tz), day_start(reading.last + timedelta(days=1), tz))


def since_bound(text: str, *, now: datetime | None = None, tz: tzinfo | None = None) -> datetime:
    """Inclusive lower bound for `--since`: the first moment of the first day named."""
    return parse_range(text, now=now, tz=tz).start


def until_bound(text: str, *, now: datetime | None = None, tz: tzinfo | None = None) -> datetime:
    """Exclusive upper bound for `--until`, so `--until 2026-11` includes all of November."""
    return parse_range(text, now=now, tz=tz).end


# --- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    """What a text named: the local days `first..last` (inclusive), and a moment when it named one."""

    first: date
    last: date
    moment: datetime | None = None


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        ]
    )
    for name in names
}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_WEEKDAY = "(?P<weekday>" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + ")"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_TIME = (
    r"(?P<time>noon|midnight"
    r"|(?P<h12>\d{1,2})(?::(?P<m12>\d{2}))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)"
    r"|(?P<h24>\d{1,2}):(?P<m24>\d{2})(?::(?P<s24>\d{2}))?)"
)
# The forms are kept as text and compiled by `re` on first use (and cached there): compiling them
# all cost a few milliseconds of every dated command's start, and a date tries only the first few.
_WITH_TIME = rf"(?:(?P<rest>.+?)\s+(?:at\s+)?)?{_TIME}"
_ISO_DATETIME = (
    r"\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?"
    r"(?:z|[+-]\d{2}:?\d{2}(?::?\d{2}(?:\.\d{1,6})?)?)?"  # offsets may have seconds (old LMT)
)


def _read(text: str, now: datetime | None, tz: tzinfo | None) -> tuple[_Reading, datetime, tzinfo]:
    """Parse `text`, turning every failure into a WhenError, and settle `now` and `tz`."""
    tz = tz or local_tz()
    now = datetime.now(tz) if now is None else (now.replace(tzinfo=tz) if now.tzinfo is None else now.astimezone(tz))
    cleaned = " ".join(text.lower().replace(",", " ").split())
    if cleaned.startswith(("on ", "at ")):
        cleaned = cleaned[3:]
    if not cleaned:
        raise WhenError(f"Please give a date; {_EXAMPLES}.")
    try:
        reading = _read_cleaned(cleaned, now, tz)
    except WhenError:
        raise
    except (ValueError, OverflowError, ArithmeticError):
        reading = None
    if reading is None:
        raise WhenError(f'I couldn\'t understand the date "{_shown(text)}"; {_EXAMPLES}.')
    if not (reading.first >= _EARLIEST and reading.last <= _LATEST):
        raise WhenError(f'"{_shown(text)}" is too far away in time; {RANGE_SENTENCE}.')
    return reading, now, tz


def _read_cleaned(s: str, now: datetime, tz: tzinfo) -> _Reading | None:
    if re.fullmatch(_ISO_DATETIME, s, re.ASCII):
        moment = datetime.fromisoformat(s.upper())
        moment = _localize(moment, tz) if moment.tzinfo is None else moment
        return _at_moment(moment, tz)
    if s == "now":
        return _at_moment(now, tz)
    if m := re.fullmatch(r"(?P<n>\d+|an?|one) (?P<unit>min|minute|hour)s? ago", s, re.ASCII):
        amount = _number(m["n"])
        delta = timedelta(minutes=amount) if m["unit"] in ("min", "minute") else timedelta(hours=amount)
        return _at_moment((now - delta).astimezone(tz), tz)
    if m := re.fullmatch(_WITH_TIME, s, re.ASCII):
        day = _read_span(m["rest"], now) if m["rest"] else _Reading(now.date(), now.date())
        if day is None or day.first != day.last:
            return None
        return _at_moment(_localize(datetime.combine(day.first, _clock(m)), tz), tz)
    return _read_span(s, now)


def _read_span(s: str, now: datetime) -> _Reading | None:
    today = now.date()
    for pattern, handler in _SPAN_FORMS:
        if m := re.fullmatch(pattern, s, re.ASCII):
            return handler(m, today)
    return None


def _at_moment(moment: datetime, tz: tzinfo) -> _Reading:
    day = moment.astimezone(tz).date()
    return _Reading(day, day, moment)


def _clock(m: re.Match[str]) -> time:
    if m["time"] == "noon":
        return time(12)
    if m["time"] == "midnight":
        return time(0)
    if m["h12"] is not None:
        hour, minute = int(m["h12"]), int(m["m12"] or 0)
        if not 1 <= hour <= 12:
            raise ValueError("hour out of range for am/pm")
        return time(hour % 12 + (12 if m["ampm"].startswith("p") else 0), minute)
    return time(int(m["h24"]), int(m["m24"]), int(m["s24"] or 0))


def _number(word: str) -> int:
    return 1 if word in ("a", "an", "one") else int(word)


def _one_day(day: date) -> _Reading:
    return _Reading(day, day)


def _month_span(year: int, month: int) -> _Reading:
    from dateutil.relativedelta import relativedelta

    first = date(year, month, 1)
    return _Reading(first, first + relativedelta(months=1, days=-1))


def _latest(month: int, day: int, today: date) -> date:
    """The most recent `day month` that is not after `today` (Feb 29 looks back to a leap year)."""
    for year in range(today.year, today.year - 9, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    raise ValueError("no such day in recent years")


def _named_day(m: re.Match[str], today: date) -> _Reading:
    month, day = _MONTHS[m["month"]], int(m["day"])
    if m["year"]:
        return _one_day(date(int(m["year"]), month, day))
    date(2000, month, day)  # a leap year: refuse "feb 30" and "apr 31" outright
    return _one_day(_latest(month, day, today))


def _named_month(m: re.Match[str], today: date) -> _Reading:
    month = _MONTHS[m["month"]]
    if m["year"]:
        return _month_span(int(m["year"]), month)
    return _month_span(today.year if month <= today.month else today.year - 1, month)


def _weekday(m: re.Match[str], today: date) -> _Reading:
    target, which = _WEEKDAYS[m["weekday"]], m["which"]
    if which == "this":
        return _one_day(today + timedelta(days=target - today.weekday()))
    back = (today.weekday() - target) % 7
    if which == "last" and back == 0:
        back = 7
    return _one_day(today - timedelta(days=back))


def _ago(m: re.Match[str], today: date) -> _Reading:
    # dateutil.relativedelta loads for the forms that count in months or years, not for a plain day
    from dateutil.relativedelta import relativedelta

    units = {
        "day": relativedelta(days=1),
        "week": relativedelta(weeks=1),
        "month": relativedelta(months=1),
        "year": relativedelta(years=1),
    }
    return _one_day(today - units[m["unit"]] * _number(m["n"]))


def _this_or_last(m: re.Match[str], today: date) -> _Reading:
    back = 1 if m["which"] == "last" else 0
    if m["unit"] == "week":
        monday = today - timedelta(days=today.weekday(), weeks=back)
        return _Reading(monday, monday + timedelta(days=6))
    if m["unit"] == "month":
        from dateutil.relativedelta import relativedelta

        first = today.replace(day=1) - relativedelta(months=back)
        return _month_span(first.year, first.month)
    return _Reading(date(today.year - back, 1, 1), date(today.year - back, 12, 31))


_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}


_SPAN_FORMS: list[tuple[str, Callable[[re.Match[str], date], _Reading]]] = [
    (r"today|yesterday|tomorrow", lambda m, t: _one_day(t + timedelta(days=_RELATIVE_DAYS[m[0]]))),
    (
        r"(?P<y>\d{4})[-/](?P<mo>\d{1,2})[-/](?P<d>\d{1,2})",
        lambda m, t: _one_day(date(int(m["y"]), int(m["mo"]), int(m["d"]))),
    ),
    (r"(?P<y>\d{4})-(?P<mo>\d{1,2})", lambda m, t: _month_span(int(m["y"]), int(m["mo"]))),
    (r"(?P<y>\d{4})", lambda m, t: _Reading(date(int(m["y"]), 1, 1), date(int(m["y"]), 12, 31))),
    (rf"{_MONTH}\.? {_DAY}(?: {_YEAR})?", _named_day),
    (rf"(?:the )?{_DAY} (?:of )?{_MONTH}\.?(?: {_YEAR})?", _named_day),
    (rf"{_MONTH}\.?(?: {_YEAR})?", _named_month),
    (rf"(?:(?P<which>last|this) )?{_WEEKDAY}\.?", _weekday),
    (r"(?P<n>\d+|an?|one) (?P<unit>day|week|month|year)s? ago", _ago),
    (r"(?P<which>last|this) (?P<unit>week|month|year)", _this_or_last),
]


def _localize(naive: datetime, tz: tzinfo) -> datetime:
    """Attach `tz` to a wall-clock time, moving a time skipped by a DST jump to the real moment."""
    aware = naive.replace(tzinfo=tz)
    return aware.astimezone(UTC).astimezone(tz)


def _shown(text: str) -> str:
    """User text made safe to echo in a one-line message: printable only, and not too long."""
    printable = "".join(ch if ch.isprintable() else "?" for ch in text.strip())
    return printable if len(printable) <= 40 else printable[:39] + "…"
