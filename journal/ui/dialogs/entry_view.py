"""What an entry says, laid out for reading: its fields by kind, its tags with the words behind them.

Pure functions from an `Entry` to `Content`, so the detail dialog stays about keys and actions. Every
string that came from the person (text, tag names, matched words, ritual answers, a boundary kind of
their own) goes through `safe_text`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.content import Content

from journal.domain.boundary_tags import kind_tag_reason
from journal.domain.models import BOUNDARY_KINDS, COST_WORDS, ENERGY_WORDS, MOOD_WORDS, Entry, Kind, Source
from journal.ui.boundary_names import boundary_name
from journal.ui.safe import safe_text

_TITLES = {Kind.MOOD: "Mood entry", Kind.BOUNDARY: "Boundary", Kind.RITUAL: "End-of-shift ritual"}
_RITUAL_LABELS = {
    "checkin": "Checked in",
    "unload": "Unloaded",
    "park": "Parked for tomorrow",
    "boundaries": "Boundaries today",
    "good_thing": "One good thing",
    "breathe": "Breathed",
    "switch": "Evening intention",
}
_BOUNDARY_QUESTIONS = {
    "worked_late": "worked late",
    "skipped_break": "skipped a break",
    "after_hours_contact": "contact outside hours",
    "said_no": "said no to something",
}


def title(entry: Entry, tz: Any = None) -> str:
    local = entry.created_at.astimezone(tz) if tz else entry.created_at
    return f"{_TITLES.get(entry.kind, 'Entry')} · {local.strftime('%A %-d %B %Y, %H:%M')}"


def _scale(label: str, value: int | None, words: Mapping[int, str]) -> str | None:
    return None if value is None else f"{label} {value} {words.get(value, '')}".rstrip()


def fields(entry: Entry) -> Content:
    """The kind-specific facts in one or two short lines."""
    parts: list[Content] = []
    for label, value, words in (("mood", entry.mood, MOOD_WORDS), ("energy", entry.energy, ENERGY_WORDS)):
        if (shown := _scale(label, value, words)) is not None:
            parts.append(Content(shown))
    if entry.kind is Kind.BOUNDARY:
        parts.append(safe_text(boundary_name(entry.boundary)).stylize("bold"))
        if entry.outcome is not None:
            parts.append(Content(str(entry.outcome)))
        if (cost := _scale("cost", entry.cost, COST_WORDS)) is not None:
            parts.append(Content(cost))
    if entry.updated_at is not None:
        parts.append(
            Content.styled(f"edited {entry.updated_at.astimezone().strftime('%-d %b %Y %H:%M')}", "$text-muted")
        )
    if entry.deleted_at is not None:
        parts.append(Content.styled("in the trash", "$text-warning"))
    if entry.starred:
        parts.append(Content.styled("★ starred for supervision", "$text-accent"))
    return Content(" · ").join(parts)


def _answer(value: Any) -> Content:
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, list):
        return Content("; ").join(safe_text(str(v)) for v in value) if value else Content("nothing")
    if isinstance(value, Mapping):
        if "pattern" in value and "minutes" in value:
            done = "" if value.get("completed", True) else ", stopped early"
            return Content(f"{value['minutes']} min of {value['pattern']} breathing{done}")
        if "mood" in value or "energy" in value:
            return Content(
                ", ".join(
                    s
                    for s in (
                        _scale("mood", value.get("mood"), MOOD_WORDS),
                        _scale("energy", value.get("energy"), ENERGY_WORDS),
                    )
                    if s
                )
            )
        if set(value) & set(_BOUNDARY_QUESTIONS):
            yes = [label for key, label in _BOUNDARY_QUESTIONS.items() if value.get(key)]
            return Content(", ".join(yes) if yes else "none of these")
        return Content(", ".join(f"{k} {v}" for k, v in value.items() if not isinstance(v, (dict, list))))
    return safe_text(str(value))


def ritual_answers(entry: Entry) -> Content | None:
    """The ritual's step answers, one per line, in the order they were walked through."""
    data = entry.ritual or {}
    answers = data.get("answers") or {}
    if not isinstance(answers, Mapping) or not answers:
        return None
    lines = []
    for key, label in _RITUAL_LABELS.items():
        if key in answers:
            value = data.get("intention") if key == "switch" and data.get("intention") else answers[key]
            lines.append(Content.assemble((f"{label}: ", "bold"), _answer(value)))
    skipped = [_RITUAL_LABELS.get(str(s), str(s)).lower() for s in data.get("skipped") or []]
    if skipped:
        lines.append(Content.styled(f"Skipped: {', '.join(skipped)}", "$text-muted"))
    if isinstance(data.get("duration_seconds"), int):
        minutes = max(1, round(data["duration_seconds"] / 60))
        lines.append(Content.styled(f"Took about {minutes} minute{'s' if minutes != 1 else ''}", "$text-muted"))
    return Content("\n").join(lines)


def tag_lines(entry: Entry) -> Content:
    """Each tag with its family and the words that triggered it; rejected tags said to stay rejected."""
    if not entry.tags:
        return Content.styled("No tags.", "$text-muted")
    lines = []
    for tag in sorted(entry.tags, key=lambda t: (t.rejected, t.name)):
        name = safe_text(tag.name).stylize("$text-disabled strike" if tag.rejected else "bold")
        if tag.rejected:
            why = Content.styled("rejected by you; it stays off when you edit", "$text-muted")
        elif tag.source is Source.MANUAL:
            why = Content.styled("added by you", "$text-muted")
        elif tag.spans:
            quoted = [Content.assemble("“", safe_text(s.text), "”") for s in tag.spans]
            why = Content.assemble(Content("from "), Content(", ").join(quoted))
        elif entry.kind is Kind.BOUNDARY and entry.boundary:
            # no words behind it: the tag of the boundary's kind (journal.domain.boundary_tags)
            label = BOUNDARY_KINDS.get(entry.boundary, entry.boundary)
            why = safe_text(kind_tag_reason(label, entry.outcome)).stylize("$text-muted")
        else:
            why = Content("")
        lines.append(Content.assemble(name, "  ", (str(tag.category), "$text-muted"), "  ", why))
    return Content("\n").join(lines)
