"""The store's side of personal tagging: which choices are remembered, forgotten, and applied.

The tag used is taught (a user keyword), so these hold whatever the built-in tagger does."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from journal.domain.models import Category, EntryTag, Source, UserKeyword
from journal.domain.tagging.version import TAGGER_VERSION
from journal.storage import Store, open_store
from tests.by_hand import add_by_hand as tag_by_hand
from tests.storage.conftest import T0, mood

REFUSED = [
    "the pile of laundry at home is huge",
    "tackled the pile of laundry at home",
    "the pile of laundry at home again",
]
SIMILAR = "the pile of laundry at home, sigh"
DIFFERENT = "the pile of referrals at work"
DESK = [
    "covered the front desk all afternoon",
    "front desk cover again, all afternoon",
    "stuck on the front desk all afternoon",
]


@pytest.fixture
def s(plain_store: Store) -> Store:
    plain_store.add_keyword(UserKeyword("caseload", "the pile"))
    return plain_store


def names(store: Store, text: str) -> list[str]:
    return [h.name for h in store.tag_text(text)]


def refuse_in_editor(store: Store, text: str) -> int:
    """Save as the Mood pane does after `x` on a tag: the refusal travels with the new entry."""
    [hit] = [h for h in store.tag_text(text) if h.name == "caseload"]
    tag = EntryTag("caseload", hit.category, hit.group, Source.AUTO, hit.spans, rejected=True)
    return store.save(mood(text, tags=[tag])).id


def add_by_hand(store: Store, text: str, name: str = "front-desk") -> int:
    return store.save(mood(text, tags=[EntryTag(name, Category.PERSONAL, None, Source.MANUAL)])).id


def test_three_refusals_in_the_editor_leave_the_tag_off_the_next_similar_note(s: Store) -> None:
    assert "caseload" in names(s, SIMILAR)
    for text in REFUSED:
        refuse_in_editor(s, text)
    assert s.personal_counts() == {"rejected": 3, "added": 0}
    assert "caseload" not in names(s, SIMILAR)
    saved = s.save(mood(SIMILAR))
    assert "caseload" not in [t.name for t in saved.tags]  # not even as a refusal: it was never given
    assert [(d.tag, d.action, d.notes) for d in s.explain_text(SIMILAR).decisions] == [("caseload", "removed", 3)]
    assert "caseload" in names(s, DIFFERENT)
    assert s.explain_text(DIFFERENT).decisions == []
    assert [(d.tag, d.action) for d in s.personal_decisions(SIMILAR)] == [("caseload", "removed")]


def test_nothing_learned_means_no_decisions(s: Store) -> None:
    assert s.personal_decisions(SIMILAR) == []


def test_reject_tag_teaches_and_unreject_forgets(s: Store) -> None:
    ids = [s.save(mood(t)).id for t in REFUSED]
    for entry_id in ids:
        s.reject_tag(entry_id, "caseload")
    assert "caseload" not in names(s, SIMILAR)
    s.unreject_tag(ids[0], "caseload")
    assert s.personal_counts()["rejected"] == 2
    assert "caseload" in names(s, SIMILAR)


def test_editing_an_entry_keeps_one_memory_of_it(s: Store) -> None:
    entry_id = refuse_in_editor(s, REFUSED[0])
    entry = s.get(entry_id)
    entry.text = REFUSED[0] + " and the ironing"
    s.save(entry)
    s.save(entry)
    assert s.personal_counts() == {"rejected": 1, "added": 0}


def test_three_hand_added_tags_tag_the_fourth_with_the_words_behind_it(s: Store) -> None:
    text = "front desk all afternoon today"
    assert "front-desk" not in names(s, text)
    for note in DESK:
        add_by_hand(s, note)
    assert s.personal_counts() == {"rejected": 0, "added": 3}
    saved = s.save(mood(text))
    [tag] = [t for t in saved.tags if t.name == "front-desk"]
    assert tag.source == Source.AUTO and not tag.rejected
    assert tag.spans and all(text[sp.start : sp.end] == sp.text for sp in tag.spans)
    assert "front desk" in " ".join(sp.text for sp in tag.spans)
    assert "front-desk" not in names(s, "quiet evening, read a book")


def test_add_tag_teaches_and_taking_it_off_forgets(s: Store) -> None:
    ids = [s.save(mood(t)).id for t in DESK]
    for entry_id in ids:
        tag_by_hand(s, entry_id, "front-desk")
    assert "front-desk" in names(s, "front desk all afternoon today")
    s.reject_tag(ids[0], "front-desk")  # a manual tag taken off again
    assert s.personal_counts()["added"] == 2
    assert "front-desk" not in names(s, "front desk all afternoon today")


def test_an_entry_deleted_for_good_takes_its_memories_with_it(s: Store) -> None:
    ids = [refuse_in_editor(s, t) for t in REFUSED]
    s.delete(ids[0])
    assert s.personal_counts()["rejected"] == 3  # the trash can be undone
    s.purge(ids[0])
    assert s.personal_counts()["rejected"] == 2
    assert "caseload" in names(s, SIMILAR)


def test_imports_are_adjusted_but_teach_nothing(s: Store) -> None:
    for text in REFUSED:
        refuse_in_editor(s, text)
    imported = [
        mood(SIMILAR, at=T0 + timedelta(days=1)),
        mood(DESK[0], tags=[EntryTag("front-desk", Category.PERSONAL, None, Source.MANUAL)]),
    ]
    s.save_many(imported)
    assert s.personal_counts() == {"rejected": 3, "added": 0}
    texts = {e.text: [t.name for t in e.tags] for e in (s.get(i) for i in range(4, 6))}
    assert "caseload" not in texts[SIMILAR]


def test_reset_forgets_everything_and_keeps_the_entries(s: Store) -> None:
    ids = [refuse_in_editor(s, t) for t in REFUSED]
    assert s.reset_personal() == 3
    assert s.personal_counts() == {"rejected": 0, "added": 0}
    assert "caseload" in names(s, SIMILAR)
    assert all(s.get(i).tags[0].rejected for i in ids)  # each entry's own refusal stays
    s.save(s.get(ids[0]))  # re-saving an old refusal does not bring the memory back
    assert s.personal_counts()["rejected"] == 0


def test_teaching_words_still_works_beside_it(s: Store) -> None:
    for text in REFUSED:
        refuse_in_editor(s, text)
    s.add_keyword(UserKeyword("paperwork", "the forms"))
    assert names(s, "the forms, the forms") == ["paperwork"]
    assert "caseload" not in names(s, SIMILAR)


def test_memories_hold_no_text(s: Store) -> None:
    refuse_in_editor(s, REFUSED[0])
    with s._read() as conn:
        [(features,)] = conn.execute("SELECT features_json FROM personal_signals").fetchall()
    assert "laundry" not in features and all(len(f) == 8 for f in json.loads(features))


def test_upgrading_learns_from_past_refusals_only(db_path: Path) -> None:
    """A journal from before V4: its refusals become memories; its manual tags (maybe imported) don't."""
    from tests.storage.test_migrations import build_v1

    build_v1(db_path, 0)
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO tags (name, category, origin) VALUES ('caseload', 'stressor', 'builtin')")
    conn.execute("INSERT INTO tags (name, category, origin) VALUES ('garden', 'personal', 'personal')")
    for i, text in enumerate(REFUSED, 1):
        conn.execute(
            "INSERT INTO entries (id, kind, created_utc, utc_offset_min, local_day, text, mood) "
            "VALUES (?, 'mood', '2026-03-10T17:00:00.000000Z', 60, '2026-03-10', ?, 3)",
            (i, text),
        )
        start = text.index("the pile")
        spans = json.dumps([[start, start + 8, "the pile"]])
        conn.execute("INSERT INTO entry_tags VALUES (?, 'caseload', 'auto', ?, 1)", (i, spans))
        conn.execute("INSERT INTO entry_tags VALUES (?, 'garden', 'manual', NULL, 0)", (i,))
    conn.commit()
    conn.close()
    with open_store(db_path) as store:
        assert store.personal_counts() == {"rejected": 3, "added": 0}
        # tagged before versions were kept, which counts as the first tagger: offered once there is a newer one
        assert store.retag_offer_due() == (TAGGER_VERSION > 1)
        store.add_keyword(UserKeyword("caseload", "the pile"))
        assert "caseload" not in names(store, SIMILAR)
        assert "caseload" in names(store, DIFFERENT)


def test_a_new_journal_starts_at_todays_tagger_version(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.save(mood("the pile again"))
        assert not store.retag_offer_due()  # its entries were tagged by today's tagger
