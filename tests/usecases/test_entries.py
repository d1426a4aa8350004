"""Saving with the writer's tag decisions, `--tag`s, and the confidentiality check, without the UI."""

from __future__ import annotations

from datetime import UTC, datetime

from journal.domain.confidentiality import NEVER_WRITE_SETTING
from journal.domain.models import Category, Entry, Kind, Source
from journal.storage import Store
from journal.usecases.entries import confidential_findings, hand_tags, save_entry

T0 = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)
TIRED = "could not sleep at all, exhausted after the crisis calls"


def _mood(text: str, **kw: object) -> Entry:
    return Entry(kind=Kind.MOOD, created_at=T0, text=text, mood=2, **kw)


def _tags(store: Store, entry_id: int) -> dict[str, bool]:
    entry = store.get(entry_id)
    assert entry is not None
    return {t.name: t.rejected for t in entry.tags}


def test_a_tag_turned_down_while_writing_stays_turned_down(store: Store) -> None:
    """The tagger tags the final text; a tag the writer refused on the way must not come back."""
    saved = save_entry(store, _mood(TIRED), rejected={"sleep"})
    assert saved.id is not None
    assert "sleep" not in [t.name for t in saved.visible_tags]
    assert _tags(store, saved.id)["sleep"] is True  # kept as a refusal, so an edit does not bring it back
    assert "crisis" in [t.name for t in saved.visible_tags]


def test_a_refusal_taken_back_on_edit_brings_the_tag_back(store: Store) -> None:
    saved = save_entry(store, _mood(TIRED), rejected={"sleep"})
    edited = save_entry(store, saved, unrejected={"sleep"})
    assert "sleep" in [t.name for t in edited.visible_tags]
    assert edited.id is not None and _tags(store, edited.id)["sleep"] is False


def test_a_plain_save_is_the_store_s_save(store: Store) -> None:
    saved = save_entry(store, _mood(TIRED))
    assert {t.name for t in saved.visible_tags} >= {"sleep", "crisis"}


def test_hand_tags_keep_the_journal_s_category_and_new_ones_are_personal(store: Store) -> None:
    tags = hand_tags(store, ["sleep", "choir", "sleep"])
    assert [(t.name, t.category, t.source) for t in tags] == [
        ("sleep", Category.SYMPTOM, Source.MANUAL),
        ("choir", Category.PERSONAL, Source.MANUAL),
    ]
    assert tags[0].group == "physical" and tags[1].group is None
    assert hand_tags(store, []) == []


def test_the_never_write_list_is_part_of_the_check(store: Store) -> None:
    text = "Talked with Morwenna about the move"
    assert confidential_findings(store, text) == []
    store.set_setting(NEVER_WRITE_SETTING, ["Morwenna"])
    assert [f.text for f in confidential_findings(store, text)] == ["Morwenna"]
