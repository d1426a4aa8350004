"""jrnl's JSON export (`jrnl --format json`), from a file laid out exactly as jrnl writes it."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from journal.domain.models import Category, EntryQuery, Source
from journal.exchange.importers import ImportProblem, guess_format, prepare, run_import
from journal.storage import Store
from tests.exchange.conftest import fixture_bytes


def imported(store: Store, data: bytes, fmt: str | None = None) -> list:
    run_import(store, prepare(data, fmt))
    return list(reversed(store.search(EntryQuery(limit=None))))


def test_the_format_is_guessed_from_the_content() -> None:
    assert guess_format(fixture_bytes("jrnl_export.json").decode()) == "jrnl"


def test_entries_text_time_tags_and_stars(store: Store) -> None:
    entries = imported(store, fixture_bytes("jrnl_export.json"))
    assert len(entries) == 4
    first, quiet, said_no, swim = entries
    assert first.text.startswith("Long day at the clinic.\nBack-to-back sessions")
    assert "\n\nTomorrow" in first.text  # the body's own paragraphs are kept
    assert first.created_at.replace(tzinfo=None) == datetime(2026, 3, 2, 18, 30)
    assert first.created_at.utcoffset().total_seconds() == 0  # local time: London in March
    assert quiet.text == "Quiet one 🌙 #tired"  # title alone when the body is empty; emoji from \\ud83c\\udf19
    names = {t.name: t for t in first.visible_tags}
    assert names["work"].source is Source.MANUAL and names["work"].category is Category.PERSONAL
    assert names["supervision"].category is Category.CARE  # a built-in slug is that tag
    assert "sleep" in names and names["sleep"].source is Source.AUTO  # tagged like any entry
    assert {t.name for t in quiet.visible_tags} >= {"tired", "starred"}
    assert "starred" not in {t.name for t in said_no.tags}
    assert "night_shift" in {t.name for t in said_no.visible_tags}  # #Night_Shift as a typed #tag would be
    assert 'Said "no"' in said_no.text and "\t" in said_no.text
    assert any(t.name == "exercise" for t in swim.visible_tags)  # extra jrnl keys (uuid, creator) ignored


def test_a_jrnl_tag_that_is_a_builtin_slug_is_that_tag(store: Store) -> None:
    data = {
        "tags": {"@sleep": 1},
        "entries": [
            {
                "title": "Nothing much",
                "body": "",
                "date": "2026-03-02",
                "time": "08:00",
                "tags": ["#Sleep"],
                "starred": False,
            }
        ],
    }
    (entry,) = imported(store, json.dumps(data).encode())
    (tag,) = entry.visible_tags
    assert (tag.name, tag.category, tag.source) == ("sleep", Category.SYMPTOM, Source.MANUAL)


def test_missing_fields_are_gentle_and_a_missing_date_is_named(store: Store) -> None:
    data = {"entries": [{"title": "only a title", "date": "2026-03-02"}]}
    (entry,) = imported(store, json.dumps(data).encode(), "jrnl")
    assert entry.text == "only a title" and entry.created_at.hour == 9  # jrnl's default hour
    bad = {"entries": [{"title": "ok", "date": "2026-03-02"}, {"title": "no date"}]}
    with pytest.raises(ImportProblem, match=r"^Entry 2 \(line 1\) .*date"):
        run_import(store, prepare(json.dumps(bad).encode(), "jrnl"))
    assert store.count(EntryQuery()) == 1  # only the first test's entry: the bad file added nothing


def test_duplicates_in_the_file_and_on_reimport(store: Store) -> None:
    one = {"title": "Same", "body": "again", "date": "2026-03-02", "time": "10:00", "tags": []}
    data = json.dumps({"tags": {}, "entries": [one, one, {**one, "time": "10:01"}]}).encode()
    first = run_import(store, prepare(data))
    assert (first.imported, first.repeated) == (2, 1)
    again = run_import(store, prepare(data))
    assert (again.imported, again.already, again.repeated) == (0, 2, 1)
    assert store.count(EntryQuery()) == 2


def test_an_edited_import_is_still_recognised(store: Store) -> None:
    data = fixture_bytes("jrnl_export.json")
    run_import(store, prepare(data))
    entry = store.search(EntryQuery(limit=1))[0]
    entry.text = "rewritten later"
    store.save(entry)
    assert run_import(store, prepare(data)).imported == 0
