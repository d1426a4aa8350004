"""Reading Daylio's CSV export, in every layout Daylio has written.

- Today: `full_date,date,weekday,time,mood,activities,note_title,note` (older versions have no
  note_title; newer ones add `scales` and more columns), so columns are found by their header names.
- The oldest (2017-2018): `year,date,weekday,time,mood,activities,note`, where `date` is the day and
  month in the phone's language ("June 22", "22. Juni", "7 września", "22 июня"): see `daymonth.py`.
- Either, without its header row: the layout is told from the first row (a full date or a year).

Times are 12-hour ("8:15 pm") or 24-hour ("20:15"). A row may stop early (Daylio leaves off empty
trailing fields: 6 of 7 is a row without a note). Moods are words: the default five map to 5..1,
custom ones need a score from the person. Activities (" | "-joined) become manual tags; notes may
carry HTML (<br>, <b>, &amp;), turned into plain text with the line breaks kept. The `scales` column
("Sleep Quality: 8/10 points | Sleep Time: 8:00") becomes lines at the end of the entry's text. Any
other column is named in the import's summary as not imported.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterator
from datetime import date, time, tzinfo
from html.parser import HTMLParser

from journal.domain.models import Entry, Kind
from journal.domain.scores import parse_score
from journal.domain.when import local_tz
from journal.domain.years import RANGE_SENTENCE, is_supported
from journal.exchange.daymonth import day_and_month
from journal.exchange.importers import (
    DAYLIO_MOODS,
    ImportProblem,
    Options,
    Prepared,
    UnknownMoods,
    joined_text,
    local_moment,
    long_tag,
    manual_tags,
    mood_key,
)

_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$", re.IGNORECASE)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
#: The layouts, as Daylio names the columns.
_NEW = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note", "scales")
_NEW_NO_TITLE = ("full_date", "date", "weekday", "time", "mood", "activities", "note")
_OLD = ("year", "date", "weekday", "time", "mood", "activities", "note")
#: Columns read (date and weekday repeat full_date; weekday also repeats year + date).
_READ = {"full_date", "year", "date", "weekday", "time", "mood", "activities", "note_title", "note", "scales"}


def read(text: str, options: Options) -> Prepared:
    moods = {
        **{mood_key(k): v for k, v in DAYLIO_MOODS.items()},
        **{mood_key(k): v for k, v in options.mood_map.items()},
    }
    columns, has_header = _layout(text)
    count = empty = 0
    unknown: dict[str, str] = {}
    filled: dict[str, int] = {}
    for _line, row in _rows(text, columns, has_header):  # rows are checked in full as they are imported
        if _is_empty(row):
            empty += 1
            continue
        label = row.get("mood") or ""
        key = mood_key(label)
        if key and key not in moods and parse_score(key) is None and key not in unknown:
            unknown[key] = " ".join(label.split())
        for name, value in row.items():
            if name not in _READ and value.strip():
                filled[name] = filled.get(name, 0) + 1
        count += 1
    if unknown:
        raise UnknownMoods(list(unknown.values()))

    tz = local_tz()

    def stream() -> Iterator[Entry]:
        for line, row in _rows(text, columns, has_header):
            if not _is_empty(row):
                yield _entry(line, row, moods, tz)

    notes = [_not_imported(name, filled.get(name, 0)) for name in columns if name not in _READ]
    if empty:
        rows = "row with no mood and no note is" if empty == 1 else "rows with no mood and no note are"
        notes.append(f"{empty} {rows} skipped.")
    return Prepared("daylio", count, retag=True, records=stream, notes=notes)


def _is_empty(row: dict[str, str]) -> bool:
    """A row with no mood and no words in its note or scales: skipped and counted, as Day One's
    entries without text are (activities alone do not make an entry)."""
    return not (row.get("mood") or "").strip() and not _text(row)


def _text(row: dict[str, str]) -> str:
    """The entry's text: the note's title and body as plain text, then the scales' lines."""
    text = joined_text(plain_text(row.get("note_title") or ""), plain_text(row.get("note") or ""))
    scales = scale_lines(row.get("scales") or "")
    if scales:
        text = f"{text}\n\n{scales}" if text else scales
    return text


def _not_imported(name: str, rows: int) -> str:
    what = f"{rows} {'row has' if rows == 1 else 'rows have'} something in it" if rows else "it is empty"
    return f'The column "{name}" was not imported ({what}).'


def looks_like_daylio(text: str) -> bool:
    """A Daylio export, with or without its header row."""
    try:
        _layout(text)
    except ImportProblem:
        return False
    return True


# --- rows ---------------------------------------------------------------------------------------


def _layout(text: str) -> tuple[list[str], bool]:
    """The column names, and whether the first row is the header (not an entry)."""
    first = next(csv.reader(io.StringIO(text, newline="")), [])
    columns = [c.strip().lower() for c in first]
    if len(_READ.intersection(columns)) >= 2:  # a header row
        required = ("year", "date", "time", "mood") if "year" in columns else ("full_date", "time", "mood")
        missing = [c for c in required if c not in columns]
        if missing:
            raise ImportProblem(
                f"The first line is not a Daylio header (it has no {missing[0]} column); a Daylio export "
                "starts with full_date,date,weekday,time,mood,activities."
            )
        return [c or f"column {i + 1}" for i, c in enumerate(columns)], True
    cells = [c.strip() for c in first]
    if len(cells) >= 5 and _CLOCK.match(cells[3]):
        if _ISO_DAY.match(cells[0]):
            names = list(_NEW_NO_TITLE if len(cells) == 7 else _NEW)
            return names + [f"column {i + 1}" for i in range(len(names), len(cells))], False
        if _YEAR.match(cells[0]):
            return list(_OLD) + [f"column {i + 1}" for i in range(len(_OLD), len(cells))], False
    raise ImportProblem(
        "The first line is not a Daylio header, nor a Daylio row; a Daylio export starts with "
        "full_date,date,weekday,time,mood,activities (or year,date,weekday,time,mood in the oldest ones)."
    )


def _rows(text: str, columns: list[str], has_header: bool) -> Iterator[tuple[int, dict[str, str]]]:
    # csv refuses a field over 131,072 characters by default ("field larger than field limit"), a
    # long note is not a broken file: no field can be longer than the file itself.
    if csv.field_size_limit() <= len(text):
        csv.field_size_limit(len(text) + 1)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    if has_header:
        next(reader)
    line = reader.line_num + 1
    needed = columns.index("mood") + 1
    try:
        for fields in reader:
            if fields and any(f.strip() for f in fields):
                if len(fields) < needed:
                    raise ImportProblem(
                        f"The row on line {line} has only {len(fields)} of the {len(columns)} columns; "
                        "check that it was not cut short."
                    )
                if len(fields) > len(columns):
                    if columns[-1] != "note":
                        raise ImportProblem(
                            f"The row on line {line} has {len(fields)} fields but the file has {len(columns)} "
                            "columns; check the quotes on that line."
                        )
                    # a note with a comma that was not quoted: the rest of the row is the note
                    fields = [*fields[: len(columns) - 1], ",".join(fields[len(columns) - 1 :])]
                yield line, dict(zip(columns, fields, strict=False))  # short rows leave fields out
            line = reader.line_num + 1
    except csv.Error:
        raise ImportProblem(
            f"The CSV is broken near line {reader.line_num} (probably an unclosed quote); export it again."
        ) from None


def _entry(line: int, row: dict[str, str], moods: dict[str, int], tz: tzinfo) -> Entry:
    day = _day(row, line)
    clock = _clock(row.get("time", ""), line)
    label = mood_key(row.get("mood") or "")
    score = moods.get(label) or parse_score(label)
    if label and score is None:
        raise UnknownMoods([" ".join((row.get("mood") or "").split())])
    activities = [a for a in (row.get("activities") or "").split("|") if a.strip()]
    if (too_long := long_tag(activities)) is not None:
        raise ImportProblem(
            f"The row on line {line} cannot be imported: {too_long.replace('its tag', 'its activity', 1)}."
        )
    text = _text(row)
    return Entry(
        kind=Kind.MOOD, created_at=local_moment(day, clock, tz), text=text, mood=score, tags=manual_tags(activities)
    )


def scale_lines(value: str) -> str:
    """`Sleep Quality: 8/10 points | Sleep Time: 8:00` -> one line per scale, as Daylio shows them."""
    return "\n".join(part.strip() for part in plain_text(value).split("|") if part.strip())


def _day(row: dict[str, str], line: int) -> date:
    if "full_date" in row or "year" not in row:
        value = row.get("full_date", "")
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            raise ImportProblem(
                f'The row on line {line} has the date "{_shown(value)}"; Daylio\'s full_date looks like 2026-11-03.'
            ) from None
        if not is_supported(day):
            raise ImportProblem(f"The row on line {line} is dated {day.isoformat()}; {RANGE_SENTENCE}.")
        return day
    year, value = row.get("year", "").strip(), row.get("date", "")
    found = day_and_month(value)
    if found is None:
        raise ImportProblem(
            f'The row on line {line} has the date "{_shown(value)}", which is not a day and month such as '
            '"June 22" or "22 czerwca".'
        )
    try:
        number = int(year) if _YEAR.match(year) else 0
        if not 1000 < number < 9999:
            raise ValueError
        day = date(number, found[1], found[0])
    except ValueError:
        raise ImportProblem(
            f'The row on line {line} has the year "{_shown(year)}" and date "{_shown(value)}", which is not a '
            "day of the calendar."
        ) from None
    if not is_supported(day):
        raise ImportProblem(f"The row on line {line} is dated {day.isoformat()}; {RANGE_SENTENCE}.")
    return day


def _clock(value: str, line: int) -> time:
    m = _CLOCK.match(value.strip())
    hour, minute, second = (int(m.group(i) or 0) for i in (1, 2, 3)) if m else (99, 0, 0)
    if m and m.group(4):
        if not 1 <= hour <= 12:
            hour = 99
        else:
            hour = hour % 12 + (12 if m.group(4).lower() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ImportProblem(
            f'The row on line {line} has the time "{_shown(value)}"; it should look like 20:15 or 8:15 pm.'
        )
    return time(hour, minute, second)


def _shown(value: str) -> str:
    printable = "".join(ch if ch.isprintable() else "?" for ch in value.strip())
    return printable if len(printable) <= 30 else printable[:29] + "…"


# --- notes --------------------------------------------------------------------------------------

_BREAKS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}


class _Plain(HTMLParser):
    """Text of an HTML fragment: tags dropped, entities decoded, block ends and <br> as line breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAKS and tag not in ("br", "li"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def plain_text(note: str) -> str:
    """A Daylio note as plain text; text without any markup comes back unchanged (but trimmed)."""
    note = note.replace("\r\n", "\n")
    if "<" not in note and "&" not in note:
        return note.strip()
    text = _BR.sub("\n", note)
    if "<" in text:  # real markup: the (slower) parser
        parser = _Plain()
        parser.feed(note)
        parser.close()
        text = "".join(parser.parts)
    else:  # only line breaks and entities, as most Daylio notes
        text = html.unescape(text)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in text.split("\n"))).strip()
