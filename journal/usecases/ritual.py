"""Closing a ritual: turning it into journal entries, in a way that is safe to repeat.

The ritual becomes one `ritual` entry (mood and energy from the check-in; text = what was unloaded,
the good thing and the parked lines, so full-text search finds all three) plus one boundary entry
per "yes", written together by `Store.save_many` in ONE transaction. The parked lines then become
parked items linked to that entry, and only then is the ritual state cleared.

If the program dies part way, the saved ritual state is still closed, and `close_ritual` runs
again on the next start: it first looks for the ritual entry by its start time, so nothing is saved
twice (entry, boundary entries or parked items).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from journal.domain.models import Entry, EntryQuery, EntryTag, Kind, TagDef
from journal.domain.ritual import (
    BOUNDARY_QUESTIONS,
    RitualState,
    Step,
    ritual_entry_payload,
)
from journal.domain.tags import chosen_tag
from journal.storage.face import Listing, RitualWrites

#: a boundary entry logged by the ritual costs this much unless the user says otherwise
DEFAULT_COST = 2


def entry_text(state: RitualState) -> str:
    """The searchable text of the ritual entry: unload, the good thing, and what was parked."""
    parts = []
    if unload := state.answer_for(Step.UNLOAD):
        parts.append(unload)
    if good := state.answer_for(Step.GOOD_THING):
        parts.append(f"One good thing: {good}")
    if parked := state.answer_for(Step.PARK):
        parts.append("Parked for tomorrow: " + "; ".join(parked))
    return "\n\n".join(parts)


def _tags(extras: dict[str, Any], catalogue: Mapping[str, TagDef]) -> list[EntryTag]:
    """Tag decisions made in the Unload and Good-thing editors: hand-added and rejected tags."""
    tags: dict[str, EntryTag] = {}
    for step in (Step.UNLOAD, Step.GOOD_THING):
        editor = (extras.get(str(step)) or {}).get("editor") or {}
        for name in editor.get("manual", []):
            tags[str(name)] = chosen_tag(str(name), catalogue)
        for name in editor.get("rejected", []):
            tags.setdefault(str(name), chosen_tag(str(name), catalogue, rejected=True))
    return list(tags.values())


def build_entries(
    state: RitualState, extras: dict[str, Any], catalogue: Mapping[str, TagDef] | None = None
) -> list[Entry]:
    """The ritual entry first, then one boundary entry per "yes" (all stamped at closing)."""
    assert state.closed_at is not None
    checkin = state.answer_for(Step.CHECKIN) or {}
    payload = ritual_entry_payload(state)
    notes = (extras.get(str(Step.BOUNDARIES)) or {}).get("notes") or {}
    payload["boundary_notes"] = dict(notes)
    entries = [
        Entry(
            Kind.RITUAL,
            state.closed_at,
            text=entry_text(state),
            mood=checkin.get("mood"),
            energy=checkin.get("energy"),
            ritual=payload,
            tags=_tags(extras, catalogue or {}),
        )
    ]
    answers = state.answer_for(Step.BOUNDARIES) or {}
    for question in BOUNDARY_QUESTIONS:
        if answers.get(question.key):
            note = notes.get(question.key)
            text = f"{question.note}. {note}" if note else question.note
            entries.append(
                Entry(
                    Kind.BOUNDARY,
                    state.closed_at,
                    text=text,
                    boundary=question.kind,
                    outcome=question.outcome,
                    cost=DEFAULT_COST,
                )
            )
    return entries


def off_shift_since(store: Listing, now: datetime) -> datetime | None:
    """When today's shift was closed (its ritual entry), in `now`'s time zone; None while it is open.

    (Earlier versions also read an `off_shift_since` setting that nothing ever wrote; the ritual
    entry is the one record of a closed shift.)"""
    start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    rituals = store.search(EntryQuery(kind=Kind.RITUAL, since=start, limit=1))
    return rituals[0].created_at.astimezone(now.tzinfo) if rituals else None


def find_ritual_entry(store: RitualWrites, state: RitualState) -> Entry | None:
    """The ritual entry this state already produced, if a previous closing got that far."""
    query = EntryQuery(kind=Kind.RITUAL, since=state.started_at, limit=20)
    for entry in store.search(query):
        if (entry.ritual or {}).get("started_at") == state.started_at.isoformat():
            return entry
    return None


def close_ritual(store: RitualWrites, state: RitualState, extras: dict[str, Any]) -> Entry:
    """Write a closed ritual to the journal (idempotently) and clear the ritual state. Blocking.

    `extras` is what the ritual's steps kept beside their answers (the editors' tag decisions, the
    boundary notes), as saved with the ritual state."""
    entry = find_ritual_entry(store, state)
    if entry is None:
        catalogue = {t.name: t for t in store.tag_catalogue()}
        store.save_many(build_entries(state, extras, catalogue))
        entry = find_ritual_entry(store, state)
        assert entry is not None, "the ritual entry was just saved"
    already = {p.text for p in store.parked(status=None) if p.ritual_entry_id == entry.id}
    for text in state.answer_for(Step.PARK) or []:
        if text not in already:
            store.park(text, ritual_entry_id=entry.id, now=state.closed_at)
    store.clear_ritual_state()
    return entry
