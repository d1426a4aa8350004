"""Issue 16, point 11: imports validate what they store.

Each reader (this app's JSON, jrnl, Day One, Daylio's CSV) refuses what the journal should not hold,
naming the line, or normalises it as the README documents: an unknown boundary kind is refused; a
Daylio row with no mood and no note is skipped and counted; a tag over `LONGEST_TAG` characters is
refused; a score is one digit 1-5 in any script (`٣` is 3, `+3` is not a score), the same rule as
`journal mood`. And whatever a file holds, an import either takes all of it or changes nothing.
"""

from __future__ import annotations

import json
import sqlite3
import string
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.models import Entry, EntryQuery, Kind
from journal.domain.scores import parse_score
from journal.exchange.import_json import is_kind_name
from journal.exchange.importers import LONGEST_TAG, ImportProblem, UnknownMoods, parse_mood_map, prepare, run_import
from journal.storage import Store, open_store
from tests.reliability.helpers import assert_one_sentence, run_journal

DAYLIO_HEAD = "full_date,date,weekday,time,mood,activities,note_title,note\n"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with open_store(db_path) as opened:
        yield opened


def do_import(store: Store, data: str, fmt: str | None = None) -> tuple[int, list[str]]:
    prepared = prepare(data.encode(), fmt)
    return run_import(store, prepared).imported, prepared.notes


def journal_export(*entries: dict[str, Any]) -> str:
    return json.dumps({"format": "journal", "version": 1, "entries": list(entries)}, indent=2)


def boundary(kind: str, **fields: Any) -> dict[str, Any]:
    return {
        "kind": "boundary",
        "created_at": "2026-03-02T18:00:00+00:00",
        "text": "stayed late",
        "mood": None,
        "energy": None,
        "tags": [],
        "boundary": kind,
        "outcome": "crossed",
        "cost": 2,
        **fields,
    }


def dayone(*entries: dict[str, Any]) -> str:
    return json.dumps({"metadata": {"version": "1.0"}, "entries": list(entries)}, indent=2)


def dayone_entry(text: str, **fields: Any) -> dict[str, Any]:
    return {"creationDate": "2026-01-02T08:00:00Z", "timeZone": "Europe/London", "text": text, **fields}


def jrnl(*entries: dict[str, Any]) -> str:
    return json.dumps({"tags": {}, "entries": list(entries)}, indent=2)


def jrnl_entry(body: str, tags: list[str]) -> dict[str, Any]:
    return {"date": "2026-01-02", "time": "08:00", "title": "a day", "body": body, "tags": tags, "starred": False}


def entry_line(data: str, first_key: str, n: int) -> int:
    """The line the `n`th record (from 1) starts on: its `{`, before its first key."""
    at = -1
    for _ in range(n):
        at = data.index(f'"{first_key}"', at + 1)
    return data.count("\n", 0, data.rfind("{", 0, at)) + 1


# --- boundary kinds ----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["\x1b[2Jdrop table", "Overtime", "late night", "x" * 61, ""])
def test_a_boundary_kind_that_is_no_kind_name_is_refused_naming_the_entry_and_line(store: Store, kind: str) -> None:
    data = journal_export(boundary("overtime"), boundary(kind))
    with pytest.raises(ImportProblem) as refused:
        do_import(store, data)
    message = str(refused.value)
    line = entry_line(data, "kind", 2)
    assert message.startswith(f"Entry 2 (line {line}) cannot be imported: its boundary kind")
    assert "\x1b" not in message and "x" * 41 not in message and "at most 60 characters" in message
    assert store.count(EntryQuery()) == 0  # the good first entry was not kept either


def test_a_kind_of_another_journal_is_kept_as_written_and_said(store: Store) -> None:
    """Your own export, imported into a new journal, keeps your own kinds (as entries of a kind you
    removed keep it); the summary says which kinds this journal does not have yet."""
    store.add_boundary_kind("covering-shifts", "Covering shifts")
    imported, notes = do_import(
        store, journal_export(boundary("covering-shifts"), boundary("on-call-week", text="a week on call"))
    )
    assert imported == 2
    assert sorted(e.boundary for e in store.search(EntryQuery())) == ["covering-shifts", "on-call-week"]
    assert [n for n in notes if "on-call-week" in n and "covering-shifts" not in n]


# --- empty Daylio rows ----------------------------------------------------------------------------


def test_daylio_rows_without_mood_or_note_are_skipped_and_counted(store: Store) -> None:
    data = DAYLIO_HEAD + (
        "2026-01-01,January 1,Thursday,10:00,,,,\n"
        "2026-01-01,January 1,Thursday,11:00,,work | gym,,\n"
        '2026-01-01,January 1,Thursday,12:00,,,"<br>",""\n'
        "2026-01-02,January 2,Friday,10:00,good,,,a fine day\n"
        "2026-01-03,January 3,Saturday,10:00,,,,only words\n"
    )
    imported, notes = do_import(store, data)
    assert imported == 2
    assert "3 rows with no mood and no note are skipped." in notes
    assert sorted(e.text for e in store.search(EntryQuery())) == ["a fine day", "only words"]


# --- tags of thousands of characters -----------------------------------------------------------

LONG = "x" * 5000
_JSON = journal_export(
    boundary("overtime"),
    {
        "kind": "mood",
        "created_at": "2026-03-02T18:00:00+00:00",
        "text": "t",
        "mood": 3,
        "energy": None,
        "tags": [{"name": LONG, "category": "personal", "group": None, "source": "manual"}],
    },
)
_JRNL = jrnl(jrnl_entry("fine", ["@work"]), jrnl_entry("fine", ["@" + LONG]))
_DAYONE = dayone(dayone_entry("fine"), dayone_entry("fine", tags=[LONG]))
FILES = {
    "json": (_JSON, f"Entry 2 (line {entry_line(_JSON, 'kind', 2)})"),
    "jrnl": (_JRNL, f"Entry 2 (line {entry_line(_JRNL, 'date', 2)})"),
    "dayone": (_DAYONE, f"Entry 2 (line {entry_line(_DAYONE, 'creationDate', 2)})"),
    "daylio": (DAYLIO_HEAD + f"2026-01-01,January 1,Thursday,10:00,good,{LONG},,note\n", "line 2"),
}


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_a_tag_of_thousands_of_characters_is_refused_naming_the_line_and_the_limit(store: Store, fmt: str) -> None:
    data, where = FILES[fmt]
    with pytest.raises(ImportProblem) as refused:
        do_import(store, data, fmt)
    message = str(refused.value)
    assert where in message and "5,000 characters" in message and f"at most {LONGEST_TAG}" in message
    assert LONG not in message
    assert store.count(EntryQuery()) == 0


@pytest.mark.parametrize("name", ["\x00", "\x00\x07\x1b"])
def test_a_json_tag_with_no_letters_or_numbers_is_refused_naming_the_line(store: Store, name: str) -> None:
    """Found by the property test below: such a tag reached the store, which refused it without the line."""
    data = journal_export(
        boundary("overtime"),
        {
            "kind": "mood",
            "created_at": "2026-03-02T18:00:00+00:00",
            "text": "t",
            "mood": 3,
            "energy": None,
            "tags": [{"name": name, "category": "personal", "group": None, "source": "manual"}],
        },
    )
    with pytest.raises(ImportProblem) as refused:
        do_import(store, data, "json")
    assert f"Entry 2 (line {entry_line(data, 'kind', 2)})" in str(refused.value)
    assert "no letters or numbers" in str(refused.value)
    assert store.count(EntryQuery()) == 0


def test_a_tag_at_the_limit_is_kept(store: Store) -> None:
    name = "t" * LONGEST_TAG
    assert do_import(store, jrnl(jrnl_entry("fine", ["@" + name])), "jrnl")[0] == 1
    assert name in [t.name for t in store.search(EntryQuery())[0].tags]


# --- scores: one rule for imports and the command line --------------------------------------------


@given(st.text(max_size=4))
def test_a_score_is_one_digit_from_1_to_5_in_any_script(text: str) -> None:
    score = parse_score(text)
    stripped = text.strip()
    if score is None:
        assert not (len(stripped) == 1 and stripped.isdecimal() and 1 <= int(stripped) <= 5)
    else:
        assert 1 <= score <= 5 and len(stripped) == 1 and int(stripped) == score


@pytest.mark.parametrize("written", ["+3", "-3", "03", "3.0", "3_0", "٣٣", "three"])
def test_signs_and_other_spellings_are_not_scores(written: str) -> None:
    assert parse_score(written) is None


@pytest.mark.parametrize("written", ["3", " 3 ", "٣", "३", "３"])
def test_a_three_in_any_script_is_three(written: str) -> None:
    assert parse_score(written) == 3


def test_daylio_and_the_mood_map_read_scores_by_the_same_rule(store: Store) -> None:
    data = DAYLIO_HEAD + "2026-01-01,January 1,Thursday,10:00,٣,,,arabic-indic three\n"
    assert do_import(store, data)[0] == 1
    assert store.search(EntryQuery())[0].mood == 3
    with pytest.raises(UnknownMoods) as asked:  # "+3" is not a score: a label whose score is asked for
        prepare((DAYLIO_HEAD + "2026-01-02,January 2,Friday,10:00,+3,,,plus three\n").encode())
    assert asked.value.labels == ["+3"]
    assert parse_mood_map("meh=٣") == {"meh": 3}
    with pytest.raises(ImportProblem):
        parse_mood_map("meh=+3")


def test_the_command_line_reads_scores_by_the_same_rule(db_path: Path) -> None:
    assert run_journal(db_path, "mood", "٣", "arabic-indic three").returncode == 0
    refused = run_journal(db_path, "mood", "+3", "plus three")
    assert_one_sentence(refused, "whole number from 1")
    with open_store(db_path) as store:
        assert [e.mood for e in store.search(EntryQuery())] == [3]


# --- all or nothing ---------------------------------------------------------------------------------


def snapshot(path: Path) -> list[Any]:
    """Every row of every table, read with plain sqlite3."""
    with sqlite3.connect(path) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'entries_fts%' ORDER BY name"
            )
        ]
        return [(t, sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"')))) for t in tables]


_words = st.text(alphabet=string.ascii_letters + " é٣\x1b\x00", max_size=12)
_tags = st.lists(
    st.one_of(_words, st.text(alphabet="ab", min_size=LONGEST_TAG - 2, max_size=LONGEST_TAG + 3)), max_size=2
)
_kinds = st.sampled_from(["overtime", "skipped-break", "made-up", "", "Overtime"])
_moods = st.sampled_from(["good", "meh", "", "٣", "3", "+3", "0", "rad"])
_dates = st.sampled_from(["2026-01-02", "0999-06-01", "2026-02-30", "2026-01-03"])


@st.composite
def hostile_files(draw: st.DrawFn) -> tuple[str, str]:
    fmt = draw(st.sampled_from(["json", "jrnl", "dayone", "daylio"]))
    n = draw(st.integers(1, 4))
    if fmt == "json":
        items = [
            boundary(
                draw(_kinds),
                created_at=draw(_dates) + "T10:00:00+00:00",
                text=draw(_words),
                tags=[{"name": t, "category": "personal", "group": None, "source": "manual"} for t in draw(_tags)],
            )
            for _ in range(n)
        ]
        return fmt, journal_export(*items)
    if fmt == "jrnl":
        return fmt, jrnl(*[dict(jrnl_entry(draw(_words), draw(_tags)), date=draw(_dates)) for _ in range(n)])
    if fmt == "dayone":
        return fmt, dayone(
            *[dayone_entry(draw(_words), tags=draw(_tags), creationDate=draw(_dates) + "T08:00:00Z") for _ in range(n)]
        )
    rows = [
        ",".join(
            [
                draw(_dates),
                "x",
                "y",
                "10:00",
                draw(_moods),
                " | ".join(t.replace(",", "") for t in draw(_tags)),
                "",
                json.dumps(draw(_words)),
            ]
        )
        for _ in range(n)
    ]
    return fmt, DAYLIO_HEAD + "\n".join(rows) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hostile_files())
def test_any_import_file_imports_fully_or_changes_nothing(db_path: Path, drawn: tuple[str, str]) -> None:
    fmt, data = drawn
    with open_store(db_path) as store:
        if store.count(EntryQuery()) == 0:
            store.save(Entry(kind=Kind.MOOD, created_at=_now(), text="already here", mood=2))
        before, entries_before = snapshot(db_path), store.count(EntryQuery())
        try:
            prepared = prepare(data.encode(), fmt)
            count = run_import(store, prepared)
        except ImportProblem as refused:
            assert str(refused).strip() and "\n" not in str(refused) and "\x1b" not in str(refused)
            assert snapshot(db_path) == before
            return
        assert count.imported + count.already + count.repeated == prepared.count
        assert store.count(EntryQuery()) == entries_before + count.imported
        for entry in store.search(EntryQuery(limit=None)):
            assert all(len(t.name) <= LONGEST_TAG for t in entry.tags)
            assert entry.mood is None or 1 <= entry.mood <= 5
            assert entry.kind is not Kind.BOUNDARY or is_kind_name(entry.boundary or "overtime")


def _now():
    from datetime import datetime

    return datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
