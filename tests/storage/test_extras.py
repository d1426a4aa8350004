"""Keywords and user tags, the catalogue, boundary kinds, settings, drafts, ritual state, parked items
and backups."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from journal.domain.models import BOUNDARY_KINDS, Category, EntryQuery, UserKeyword
from journal.storage import Store, StoreError, WrongPassphrase, open_store
from tests.storage.conftest import mood


def visible(entry) -> list[str]:
    return sorted(t.name for t in entry.visible_tags)


def test_keywords_teach_the_tagger_and_other_stores_notice(store: Store, db_path: Path, passphrase) -> None:
    assert "paperwork" not in [h.name for h in store.tag_text("the zorblax binder again")]
    other = open_store(db_path, passphrase=passphrase)
    try:
        other.add_keyword(UserKeyword("paperwork", "zorblax binder"))
        hits = {h.name: h for h in store.tag_text("the zorblax binder again")}  # a different Store
        assert hits["paperwork"].category == Category.STRESSOR
        assert hits["paperwork"].spans[0].text == "zorblax binder"
        assert store.keywords() == [UserKeyword("paperwork", "zorblax binder")]
    finally:
        other.close()


def test_the_catalogue_lists_built_in_tags_first_then_the_writers_own(store: Store) -> None:
    saved = store.save(mood("another night shift done #night-shift"))
    assert "night-shift" in visible(saved)
    catalogue = store.tag_catalogue()
    names = [t.name for t in catalogue]
    assert names[0] == "fatigue" and names[-1] == "night-shift"  # built-ins first, in taxonomy order
    assert next(t for t in catalogue if t.name == "night-shift").category == Category.PERSONAL


def test_catalogue_lists_personal_tags_only_while_in_use(store: Store) -> None:
    saved = store.save(mood("#allotment"))
    assert "allotment" in [t.name for t in store.tag_catalogue()]
    store.reject_tag(saved.id, "allotment")
    assert "allotment" not in [t.name for t in store.tag_catalogue()]


def test_boundary_kinds(store: Store) -> None:
    assert store.boundary_kinds() == BOUNDARY_KINDS
    store.add_boundary_kind("Weekend Email", "Weekend email")
    assert store.boundary_kinds()["weekend-email"] == "Weekend email"
    assert list(store.boundary_kinds())[: len(BOUNDARY_KINDS)] == list(BOUNDARY_KINDS)
    with pytest.raises(StoreError):
        store.add_boundary_kind("overtime", "Mine")
    with pytest.raises(StoreError):
        store.remove_boundary_kind("overtime")
    store.remove_boundary_kind("weekend-email")
    assert store.boundary_kinds() == BOUNDARY_KINDS


def test_settings_drafts_and_ritual_state_round_trip(store: Store) -> None:
    assert store.get_setting("theme", "calm") == "calm"
    store.set_setting("theme", {"name": "dusk", "sizes": [1, 2]})
    store.set_setting("theme", {"name": "dawn"})
    assert store.get_setting("theme") == {"name": "dawn"}
    assert store.load_draft("mood") is None
    store.save_draft("mood", {"text": "half a thought [b]x[/b] \x1b[31m", "mood": 2})
    assert store.load_draft("mood") == {"text": "half a thought [b]x[/b] \x1b[31m", "mood": 2}
    store.clear_draft("mood")
    assert store.load_draft("mood") is None
    store.save_ritual_state({"step": 3, "answers": {"unload": "ok"}})
    store.save_ritual_state({"step": 4})
    assert store.ritual_state() == {"step": 4}
    store.clear_ritual_state()
    assert store.ritual_state() is None


def test_parked_items(store: Store) -> None:
    ritual = store.save(mood("shift closed"))
    a = store.park("  ring the ward about Tuesday ", ritual_entry_id=ritual.id)
    b = store.park("chase the referral")
    assert a.text == "ring the ward about Tuesday" and a.status == "open" and a.created_at.tzinfo
    store.set_parked_status(a.id, "done")
    assert [p.id for p in store.parked()] == [b.id]
    done = store.parked(status="done")[0]
    assert done.resolved_at is not None and done.ritual_entry_id == ritual.id
    assert [p.id for p in store.parked(status=None)] == [a.id, b.id]
    assert [p.id for p in store.search_parked("referral")] == [b.id]
    assert store.search_parked('"unbalanced') == []
    with pytest.raises(StoreError):
        store.set_parked_status(a.id, "forgotten")
    with pytest.raises(StoreError):
        store.park("   ")


def test_backup_is_a_private_consistent_copy(store: Store, tmp_path: Path, passphrase) -> None:
    store.save_many(mood(f"entry {i}") for i in range(200))
    dest = store.backup(tmp_path / "backups" / "copy.db")
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert not dest.with_name("copy.db.part").exists()
    with open_store(dest, passphrase=passphrase) as copy:
        assert copy.count(EntryQuery(text="entry")) == 200
    if passphrase is not None:
        with pytest.raises(WrongPassphrase):
            open_store(dest)
    with pytest.raises(StoreError):
        store.backup(dest)  # never overwrites
    in_folder = store.backup(tmp_path / "backups")
    assert in_folder.parent == tmp_path / "backups" and in_folder.name.startswith("journal-20")
