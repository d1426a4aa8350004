"""Reading jrnl's JSON export (`jrnl --format json`).

The layout jrnl documents and writes: `{"tags": {"@work": 2, ...}, "entries": [{"title", "body",
"date": "2026-11-03", "time": "18:30", "tags": ["@work", "#tired"], "starred": false}, ...]}`, with
date and time in the writer's local time. Newer jrnl versions add keys (uuid, creator, ...); they are
ignored. Each entry becomes a mood entry without a score: title and body joined, jrnl's tags as
manual tags, a star as the personal tag `starred`, and the text tagged like anything written here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, time, tzinfo
from typing import Any

from journal.domain.models import Entry, Kind
from journal.domain.when import local_tz
from journal.domain.years import RANGE_SENTENCE, is_supported
from journal.exchange.import_json import record_problem, records, top_level
from journal.exchange.importers import (
    ImportProblem,
    Options,
    Prepared,
    joined_text,
    local_moment,
    long_tag,
    manual_tags,
)

#: jrnl's own default hour for an entry written without a time.
_DEFAULT_TIME = time(9, 0)


def read(text: str, options: Options) -> Prepared:
    members, start = top_level(text, "entries")
    if start is None:
        raise ImportProblem('This is not a jrnl JSON export: it has no "entries" list.')
    if "format" in members:
        raise ImportProblem("This looks like a journal export, not a jrnl one; try --from json.")
    count = sum(1 for _ in records(text, start))  # records are checked as they are imported

    tz = local_tz()

    def stream() -> Iterator[Entry]:
        for number, line, data in records(text, start):
            yield _entry(number, line, data, tz)

    return Prepared("jrnl", count, retag=True, records=stream)


def _entry(number: int, line: int, data: Any, tz: tzinfo) -> Entry:
    if not isinstance(data, Mapping):
        raise record_problem(number, line, "it is not a JSON object")
    title, body = _string(data, "title", number, line), _string(data, "body", number, line)
    day = _date(data.get("date"), number, line)
    clock = _time(data.get("time"), number, line)
    raw_tags = data.get("tags") or []
    if not isinstance(raw_tags, list) or not all(isinstance(t, str) for t in raw_tags):
        raise record_problem(number, line, 'its "tags" must be a list of words such as "@work"')
    starred = data.get("starred", False)
    if starred not in (True, False, None):
        raise record_problem(number, line, 'its "starred" must be true or false')
    names = list(raw_tags) + (["starred"] if starred else [])
    if (too_long := long_tag(names)) is not None:
        raise record_problem(number, line, too_long)
    return Entry(
        kind=Kind.MOOD,
        created_at=local_moment(day, clock, tz),
        text=joined_text(title, body),
        tags=manual_tags(names),
    )


def _string(data: Mapping[str, Any], key: str, number: int, line: int) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise record_problem(number, line, f'its "{key}" is not text')
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise record_problem(number, line, f'its "{key}" has a broken character (a lone surrogate escape)') from None
    return value


def _date(value: Any, number: int, line: int) -> date:
    try:
        day = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else _fail()
    except ValueError:
        raise record_problem(number, line, f'its "date" must look like 2026-11-03, not {_shown(value)}') from None
    if not is_supported(day):
        raise record_problem(number, line, f"it is dated {day.isoformat()}, and {RANGE_SENTENCE}")
    return day


def _time(value: Any, number: int, line: int) -> time:
    if value in (None, ""):
        return _DEFAULT_TIME
    try:
        if not isinstance(value, str):
            _fail()
        clock = time.fromisoformat(value.strip())
        return clock.replace(tzinfo=None)
    except ValueError:
        raise record_problem(number, line, f'its "time" must look like 18:30, not {_shown(value)}') from None


def _fail() -> Any:
    raise ValueError


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    printable = "".join(ch if ch.isprintable() else "?" for ch in text)
    return printable if len(printable) <= 30 else printable[:29] + "…"
