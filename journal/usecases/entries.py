"""Saving what a person wrote, with the tag decisions they made, after the confidentiality check.

The Mood pane, the entry editor, the Boundaries pane and `journal mood`/`journal boundary` all save
through `save_entry`, and all check for identifying details with `confidential_findings`; what
each front end then does with a finding (ask in a dialog, warn on stderr) is its own business.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from journal.domain.confidentiality import NEVER_WRITE_SETTING, Finding, find_identifiers, never_write_list
from journal.domain.models import Entry, EntryTag
from journal.domain.tags import chosen_tag
from journal.storage.face import EntryWrites, Settings, Tagging

__all__ = ["confidential_findings", "hand_tags", "save_entry", "star"]


def confidential_findings(store: Settings, text: str) -> list[Finding]:
    """What in `text` may identify someone, with the writer's own never-write list. Never blocks a
    save by itself: the front end lets the writer decide."""
    return find_identifiers(text, never_write_list(store.get_setting(NEVER_WRITE_SETTING, [])))


def hand_tags(store: Tagging, names: Iterable[str]) -> list[EntryTag]:
    """Tag names (already slugs) given by hand, as manual tags with the category the journal knows
    each by (else personal); a repeated name counts once."""
    wanted = list(dict.fromkeys(names))
    if not wanted:
        return []
    catalogue = {t.name: t for t in store.tag_catalogue()}
    return [chosen_tag(name, catalogue) for name in wanted]


def save_entry(
    store: EntryWrites, entry: Entry, *, rejected: Collection[str] = (), unrejected: Collection[str] = ()
) -> Entry:
    """Save `entry` (new or edited) and return it as stored, tagged.

    `rejected`: auto tags the writer turned down while writing; should the tagger find one of them
    anyway (it tagged the final text, not the text the writer last saw), it is turned down again, so
    a refusal always sticks. `unrejected`: tags turned down earlier that the writer took back."""
    saved = store.save(entry)
    assert saved.id is not None, "a saved entry has an id"
    leaked = [t.name for t in saved.visible_tags if t.name in rejected]
    for name in leaked:
        store.reject_tag(saved.id, name)
    for name in unrejected:
        store.unreject_tag(saved.id, name)
    if leaked or unrejected:
        saved = store.get(saved.id) or saved
    return saved


def star(store: EntryWrites, entry_id: int, starred: bool = True) -> Entry:
    """Star (or unstar) an entry to bring to supervision and return it as stored. A star is a
    bookmark, not an edit: the text, tags and `updated_at` stay as they are, and a starred entry in
    the trash keeps its star. The brief quotes starred entries, and only them."""
    return store.set_starred(entry_id, starred)
