"""The JSON export is exact: export, import into an empty journal, export again: the same bytes."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.models import Entry, EntryQuery, Kind, Outcome
from journal.exchange.export import export_to
from journal.exchange.importers import prepare, run_import
from journal.storage import Store, open_store
from tests.exchange.conftest import fill

NOW = datetime(2026, 11, 20, 18, 40, tzinfo=UTC)


def export_json(store: Store, **kw: object) -> str:
    out = io.StringIO()
    export_to(store, "json", out, now=NOW, **kw)  # type: ignore[arg-type]
    return out.getvalue()


def test_export_import_export_is_byte_for_byte_the_same(store: Store, other: Store) -> None:
    fill(store)
    first = export_json(store)
    count = run_import(other, prepare(first.encode()))
    assert count.imported == 5 and count.already == 0
    assert export_json(other) == first
    data = json.loads(first)
    assert data["format"] == "journal" and data["version"] == 1
    assert data["exported_at"] == "2026-11-20T18:40:00+00:00"
    by_text = {e["text"][:10]: e for e in data["entries"]}
    sleepy = by_text["Couldn't s"]
    assert "sleep" not in [t["name"] for t in sleepy["tags"]]  # rejected: hidden from the documented tags
    assert [t["name"] for t in sleepy["rejected_tags"]] == ["sleep"]  # ...but kept for an exact copy
    assert "updated_at" in by_text["Line one\nL"]
    assert {"name": "walk", "category": "personal", "group": None, "source": "manual"}.items() <= by_text[
        "Line one\nL"
    ]["tags"][-1].items()
    assert by_text["Answered a"]["created_at"].endswith("-05:30")
    assert by_text["Still thin"]["ritual"]["answers"]["park"] == ["call back", "notes"]


def test_ids_are_kept_in_an_empty_journal_and_renumbered_when_taken(store: Store, other: Store) -> None:
    saved = fill(store)
    text = export_json(store)
    other.save(Entry(Kind.MOOD, NOW, "already mine"))  # takes id 1
    run_import(other, prepare(text.encode()))
    imported = other.search(EntryQuery(limit=None))
    assert len(imported) == 6
    assert {e.id for e in imported} == {1, 2, 3, 4, 5, 6}
    assert {e.text for e in imported} == {e.text for e in saved} | {"already mine"}


def test_reimporting_ones_own_export_adds_nothing(store: Store) -> None:
    fill(store)
    count = run_import(store, prepare(export_json(store).encode()))
    assert (count.imported, count.already) == (0, 5)


def test_filters_apply_to_the_export(store: Store) -> None:
    fill(store)
    only = json.loads(export_json(store, query=EntryQuery(kind=Kind.BOUNDARY)))["entries"]
    assert [e["kind"] for e in only] == ["boundary"]
    assert json.loads(export_json(store, query=EntryQuery(text="rota")))["entries"][0]["kind"] == "ritual"


def test_paging_gives_every_entry_once_oldest_first(store: Store) -> None:
    from journal.exchange.export import iter_entries

    base = datetime(2026, 1, 1, 9, tzinfo=UTC)
    store.save_many(Entry(Kind.MOOD, base + timedelta(minutes=i // 3), f"entry {i}") for i in range(25))
    got = [e.text for e in iter_entries(store, page=4)]
    assert sorted(got) == sorted(f"entry {i}" for i in range(25))
    assert len(got) == 25
    moments = [e.created_at for e in iter_entries(store, page=4)]
    assert moments == sorted(moments)


# --- property: any entries survive the round trip -----------------------------------------------

_offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
_moments = st.builds(
    lambda dt, tz: dt.replace(tzinfo=tz),
    st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2100, 1, 1)),
    _offsets,
)
_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
_score = st.none() | st.integers(1, 5)
_json_leaf = st.none() | st.booleans() | st.integers(-(10**6), 10**6) | _text
_ritual = st.none() | st.dictionaries(
    _text,
    st.recursive(_json_leaf, lambda c: st.lists(c, max_size=3) | st.dictionaries(_text, c, max_size=3), max_leaves=6),
    max_size=4,
)


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    kind = draw(st.sampled_from(list(Kind)))
    entry = Entry(kind, draw(_moments), draw(_text), mood=draw(_score), energy=draw(_score))
    entry.starred = draw(st.booleans())
    if kind is Kind.BOUNDARY:
        entry.boundary = draw(st.none() | st.sampled_from(["overtime", "my-own-kind"]))
        entry.outcome = draw(st.none() | st.sampled_from(list(Outcome)))
        entry.cost = draw(_score)
    elif kind is Kind.RITUAL:
        entry.ritual = draw(_ritual)
    return entry


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(entries(), max_size=6))
def test_any_entries_round_trip_exactly(tmp_path_factory, batch: list[Entry]) -> None:
    folder: Path = tmp_path_factory.mktemp("rt")
    with open_store(folder / "a.db") as a, open_store(folder / "b.db") as b:
        a.save_many(batch, tag=True)
        first = export_json(a)
        count = run_import(b, prepare(first.encode()))
        assert count.imported == len(batch) and count.repeated == 0
        assert export_json(b) == first


def test_a_star_survives_export_and_import(store: Store, other: Store) -> None:
    fill(store)
    first = store.search(EntryQuery(limit=1))[0]
    store.set_starred(first.id)  # type: ignore[arg-type]
    exported = export_json(store)
    assert sum('"starred": true' in line for line in exported.splitlines()) == 1
    run_import(other, prepare(exported.encode()))
    assert [e.id for e in other.search(EntryQuery(starred=True))] == [first.id]
    assert export_json(other) == exported
