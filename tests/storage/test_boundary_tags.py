"""Issue 14: a boundary event carries the tag of its kind, whatever its words, on every way in."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from journal.domain.models import Entry, EntryQuery, EntryTag, Kind, Outcome, Source
from journal.storage import Store, StoreError, open_store

AT = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)


def boundary(kind: str, outcome: Outcome, text: str = "") -> Entry:
    return Entry(Kind.BOUNDARY, AT, text=text, boundary=kind, outcome=outcome, cost=2)


def visible(entry: Entry) -> dict[str, EntryTag]:
    return {t.name: t for t in entry.visible_tags}


@pytest.mark.parametrize(
    ("kind", "outcome", "tag"),
    [
        ("skipped-break", Outcome.CROSSED, "skipped-break"),
        ("after-hours-contact", Outcome.BENT, "after-hours"),
        ("overtime", Outcome.CROSSED, "overtime"),
        ("overtime", Outcome.HELD, "boundary-held"),
        ("over-involvement", Outcome.HELD, "boundary-held"),
    ],
)
def test_save_gives_the_kind_tag_without_words(store: Store, kind: str, outcome: Outcome, tag: str) -> None:
    saved = store.save(boundary(kind, outcome, "the usual Tuesday"))
    tags = visible(saved)
    assert tag in tags
    assert tags[tag].source is Source.AUTO and tags[tag].spans == ()  # it has no words: nothing to slice


def test_words_do_not_decide_and_held_is_not_a_stressor(store: Store) -> None:
    held = store.save(boundary("skipped-break", Outcome.HELD, "took my full lunch"))
    assert "boundary-held" in visible(held) and "skipped-break" not in visible(held)
    empty = store.save(boundary("skipped-break", Outcome.CROSSED))
    assert list(visible(empty)) == ["skipped-break"]
    other = store.save(boundary("extra-responsibility", Outcome.CROSSED))  # no stressor of its own
    assert visible(other) == {}


def test_a_refused_kind_tag_stays_refused_on_edit(store: Store) -> None:
    saved = store.save(boundary("overtime", Outcome.CROSSED, "stayed on"))
    store.reject_tag(saved.id, "overtime")
    saved = store.get(saved.id)
    assert saved is not None
    saved.text = "stayed on for an hour"
    again = store.save(saved)
    assert "overtime" not in visible(again)


def test_a_users_own_kind_carries_the_tag_picked_for_it(store: Store) -> None:
    store.add_boundary_kind("covering", "Covering for a colleague", "staffing")
    store.add_boundary_kind("no-tag", "Something else")
    assert store.boundary_kind_tags()["covering"] == "staffing"
    assert store.boundary_kind_tags()["skipped-break"] == "skipped-break"
    assert "staffing" in visible(store.save(boundary("covering", Outcome.BENT)))
    assert visible(store.save(boundary("no-tag", Outcome.CROSSED))) == {}
    assert "boundary-held" in visible(store.save(boundary("covering", Outcome.HELD)))
    with pytest.raises(StoreError, match="not one of the stressor tags"):
        store.add_boundary_kind("x", "X", "sleep")


def test_bulk_saves_and_imports_as_given_and_retag(store: Store) -> None:
    store.save_many([boundary("skipped-break", Outcome.CROSSED, "Skipped a break")])
    # an export from before: tags as given, without the kind's tag, and one that refused it
    old = boundary("overtime", Outcome.CROSSED, "late again")
    refused = boundary("skipped-break", Outcome.CROSSED, "no lunch")
    refused.tags = [EntryTag("skipped-break", store.tag_catalogue()[0].category, None, Source.AUTO, rejected=True)]
    store.save_many([old, refused], tag=False)
    entries = {e.text: e for e in store.search(EntryQuery(kind=Kind.BOUNDARY))}
    assert "skipped-break" in visible(entries["Skipped a break"])
    assert "overtime" in visible(entries["late again"])
    assert "skipped-break" not in visible(entries["no lunch"])  # the refusal was kept
    summary = store.retag(dry_run=True)
    assert summary.changed == 0  # re-tagging agrees with saving


def test_upgrading_a_v5_journal_tags_past_boundary_events(db_path: Path) -> None:
    with open_store(db_path) as store:
        kept = store.save(boundary("after-hours-contact", Outcome.CROSSED, "answered a text"))
        held = store.save(boundary("overtime", Outcome.HELD, "left on time"))
        assert kept.id is not None and held.id is not None
    conn = sqlite3.connect(db_path)  # back to how a V5 journal looked (the kind's tag came at 6)
    conn.execute("DELETE FROM entry_tags WHERE tag IN ('after-hours', 'boundary-held')")
    conn.execute("ALTER TABLE boundary_kinds DROP COLUMN tag")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    with open_store(db_path) as store:
        assert "after-hours" in visible(store.get(kept.id))  # type: ignore[arg-type]
        assert "boundary-held" in visible(store.get(held.id))  # type: ignore[arg-type]
        assert json.dumps(store.boundary_kind_tags())
