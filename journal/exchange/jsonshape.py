"""An entry as JSON-able data, and back: the one JSON shape of an entry (`entry_to_dict` defines it).

One converter for every place an entry leaves the program (`--json` output, export) or comes back
(import), so the shape cannot drift between them. Keys are inserted in the documented order because
people read this output and diff it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from journal.domain.models import Category, Entry, EntryTag, Kind, Outcome, Source

__all__ = ["ShapeError", "entry_from_dict", "entry_to_dict", "tag_to_dict"]


class ShapeError(ValueError):
    """A dict that is not an entry; `str()` is one sentence naming the field (never the text)."""


def tag_to_dict(tag: EntryTag) -> dict[str, Any]:
    return {
        "name": tag.name,
        "category": str(tag.category),
        "group": tag.group,
        "source": str(tag.source),
    }


def entry_to_dict(entry: Entry, *, snippet: bool = False) -> dict[str, Any]:
    """The documented shape: visible tags only; boundary and ritual fields only on those kinds."""
    data: dict[str, Any] = {
        "id": entry.id,
        "kind": str(entry.kind),
        "created_at": entry.created_at.isoformat(),
        "text": entry.text,
        "mood": entry.mood,
        "energy": entry.energy,
        "tags": [tag_to_dict(t) for t in entry.visible_tags],
    }
    if entry.kind is Kind.BOUNDARY:
        data["boundary"] = entry.boundary
        data["outcome"] = str(entry.outcome) if entry.outcome is not None else None
        data["cost"] = entry.cost
    elif entry.kind is Kind.RITUAL:
        data["ritual"] = entry.ritual
    if snippet:
        data["snippet"] = entry.snippet
    return data


def entry_from_dict(data: Mapping[str, Any]) -> Entry:
    """The inverse of `entry_to_dict`, checking every field; raises ShapeError on bad input."""
    if not isinstance(data, Mapping):
        raise ShapeError("An entry must be a JSON object.")
    kind = _enum(Kind, data.get("kind"), "kind")
    entry = Entry(
        kind=kind,
        created_at=_moment(data.get("created_at")),
        text=_text(data.get("text", "")),
        mood=_scale(data.get("mood"), "mood"),
        energy=_scale(data.get("energy"), "energy"),
        tags=[_tag(t) for t in _list(data.get("tags", []), "tags")],
        id=_id(data.get("id")),
    )
    if kind is Kind.BOUNDARY:
        boundary = data.get("boundary")
        if boundary is not None and not isinstance(boundary, str):
            raise ShapeError("An entry's boundary must be a kind name such as overtime.")
        entry.boundary = boundary
        outcome = data.get("outcome")
        entry.outcome = None if outcome is None else _enum(Outcome, outcome, "outcome")
        entry.cost = _scale(data.get("cost"), "cost")
    elif kind is Kind.RITUAL:
        ritual = data.get("ritual")
        if ritual is not None and not isinstance(ritual, dict):
            raise ShapeError("A ritual entry's answers must be a JSON object.")
        entry.ritual = ritual
    if "snippet" in data:
        snippet = data["snippet"]
        entry.snippet = None if snippet is None else _text(snippet, "snippet")
    return entry


# --- checking single fields -------------------------------------------------------------------


def _enum(enum: type[Kind] | type[Outcome] | type[Category] | type[Source], value: Any, field: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        choices = ", ".join(member.value for member in enum)
        raise ShapeError(f"An entry's {field} must be one of {choices}.") from None


def _moment(value: Any) -> datetime:
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            moment = None
        if moment is not None and moment.utcoffset() is not None:
            return moment
    raise ShapeError("An entry's created_at must be an ISO 8601 date-time with a UTC offset.")


def _text(value: Any, field: str = "text") -> str:
    if not isinstance(value, str):
        raise ShapeError(f"An entry's {field} must be a string.")
    return value


def _scale(value: Any, field: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ShapeError(f"An entry's {field} must be a whole number from 1 to 5, or null.")
    return value


def _id(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ShapeError("An entry's id must be a whole number, or null.")
    return value


def _list(value: Any, field: str) -> list[Any]:
    if not isinstance(value, list):
        raise ShapeError(f"An entry's {field} must be a list.")
    return value


def _tag(value: Any) -> EntryTag:
    if not isinstance(value, Mapping):
        raise ShapeError("Each of an entry's tags must be a JSON object.")
    name = value.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ShapeError("Each of an entry's tags needs a name.")
    group = value.get("group")
    if group is not None and not isinstance(group, str):
        raise ShapeError("A tag's group must be a string, or null.")
    return EntryTag(
        name=name,
        category=_enum(Category, value.get("category"), "tag category"),
        group=group,
        source=_enum(Source, value.get("source", "auto"), "tag source"),
    )
