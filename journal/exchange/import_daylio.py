"""Reading Daylio's CSV export.

Daylio writes `full_date,date,weekday,time,mood,activities,note_title,note` (older versions have no
note_title; newer ones add columns), so columns are found by their header names. Times are 12-hour
("8:15 pm") or 24-hour ("20:15") depending on the phone. Moods are words: the default five map to
5..1, custom ones need a score from the person. Activities (" | "-joined) become manual tags; notes
may carry HTML (<br>, <b>, &amp;), turned into plain text with the line breaks kept.
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
from journal.domain.when import local_tz
from journal.domain.years import RANGE_SENTENCE, is_supported
from journal.exchange.importers import (
    DAYLIO_MOODS,
    ImportProblem,
    Options,
    Prepared,
    UnknownMoods,
    joined_text,
    local_moment,
    manual_tags,
)

_REQUIRED = ("full_date", "time", "mood")
_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$", re.IGNORECASE)


def read(text: str, options: Options) -> Prepared:
    moods = {**DAYLIO_MOODS, **options.mood_map}
    columns = _header(text)
    count = 0
    unknown: dict[str, None] = {}
    for _line, row in _rows(text, columns):  # rows are checked in full as they are imported
        label = _label(row)
        if label and label not in moods and label not in "12345":
            unknown[label] = None
        count += 1
    if unknown:
        raise UnknownMoods(list(unknown))

    tz = local_tz()

    def stream() -> Iterator[Entry]:
        for line, row in _rows(text, columns):
            yield _entry(line, row, moods, tz)

    return Prepared("daylio", count, retag=True, records=stream)


# --- rows ---------------------------------------------------------------------------------------


def _header(text: str) -> list[str]:
    first = next(csv.reader(io.StringIO(text, newline="")), [])
    columns = [c.strip().lower() for c in first]
    missing = [c for c in _REQUIRED if c not in columns]
    if missing:
        raise ImportProblem(
            f"The first line is not a Daylio header (it has no {missing[0]} column); a Daylio export starts "
            "with full_date,date,weekday,time,mood,activities."
        )
    return columns


def _rows(text: str, columns: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    # csv refuses a field over 131,072 characters by default ("field larger than field limit"), a
    # long note is not a broken file: no field can be longer than the file itself.
    if csv.field_size_limit() <= len(text):
        csv.field_size_limit(len(text) + 1)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    next(reader)
    line = reader.line_num + 1
    try:
        for fields in reader:
            if fields and any(f.strip() for f in fields):
                if len(fields) < len(_REQUIRED) or len(fields) < columns.index("mood") + 1:
                    raise ImportProblem(
                        f"The row on line {line} has only {len(fields)} of the {len(columns)} columns; "
                        "check that it was not cut short."
                    )
                yield line, dict(zip(columns, fields))
            line = reader.line_num + 1
    except csv.Error:
        raise ImportProblem(
            f"The CSV is broken near line {reader.line_num} (probably an unclosed quote); export it again."
        ) from None


def _label(row: dict[str, str]) -> str:
    return " ".join((row.get("mood") or "").split()).lower()


def _entry(line: int, row: dict[str, str], moods: dict[str, int], tz: tzinfo) -> Entry:
    day = _day(row.get("full_date", ""), line)
    clock = _clock(row.get("time", ""), line)
    label = _label(row)
    score = moods.get(label) or (int(label) if label in {"1", "2", "3", "4", "5"} else None)
    if label and score is None:
        raise UnknownMoods([label])
    activities = [a for a in (row.get("activities") or "").split("|") if a.strip()]
    text = joined_text(plain_text(row.get("note_title") or ""), plain_text(row.get("note") or ""))
    return Entry(kind=Kind.MOOD, created_at=local_moment(day, clock, tz), text=text, mood=score,
                 tags=manual_tags(activities))


def _day(value: str, line: int) -> date:
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise ImportProblem(
            f'The row on line {line} has the date "{_shown(value)}"; Daylio\'s full_date looks like 2026-11-03.'
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
