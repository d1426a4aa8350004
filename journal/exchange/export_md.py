"""The Markdown export: a readable journal, one heading per local day, oldest first.

Scores are given in words and numbers ("low (2 of 5)"), tags by name and kind, boundary events by
their label, outcome and cost, rituals by their answers. User text is escaped so that nothing a person
wrote (an asterisk, a "#" at the start of a line, a <tag>) turns into formatting or HTML in a
Markdown viewer, and their line breaks are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any, TextIO

from journal.domain.models import COST_WORDS, ENERGY_WORDS, MOOD_WORDS, Entry, EntryTag, Kind
from journal.exchange.export import ExportContext, Exporter, register

_INLINE = re.compile(r"([\\`*_{}\[\]<>|~!&])")
_MARK_START = re.compile(r"^([#>+\-=])")
_NUMBER_START = re.compile(r"^(\d+)([.)])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_line(line: str) -> str:
    """One line of user text with every Markdown-active character made literal."""
    line = _INLINE.sub(r"\\\1", _CONTROL.sub("", line)).strip()
    line = _MARK_START.sub(r"\\\1", line)
    return _NUMBER_START.sub(r"\1\\\2", line)


def paragraphs(text: str) -> str:
    """User text as Markdown: blank lines between paragraphs, single line breaks kept as hard breaks."""
    blocks = [b for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()) if b.strip()]
    return "\n\n".join("  \n".join(escape_line(line) for line in block.split("\n")) for block in blocks)


def scale(value: int | None, words: dict[int, str]) -> str | None:
    return None if value is None else f"{words[value]} ({value} of 5)"


def _tags(tags: list[EntryTag]) -> str:
    return ", ".join(f"{escape_line(t.name)} ({t.category}{', by hand' if t.source == 'manual' else ''})" for t in tags)


def _heading(entry: Entry, context: ExportContext) -> str:
    clock = entry.created_at.strftime("%H:%M")
    if entry.kind is Kind.BOUNDARY:
        label = context.boundary_labels.get(entry.boundary or "", entry.boundary or "a boundary")
        return f"### {clock} · Boundary: {escape_line(label)}"
    if entry.kind is Kind.RITUAL:
        return f"### {clock} · End-of-shift ritual"
    return f"### {clock} · Mood entry"


def _facts(entry: Entry) -> list[str]:
    facts = []
    if mood := scale(entry.mood, MOOD_WORDS):
        facts.append(f"**Mood:** {mood}")
    if energy := scale(entry.energy, ENERGY_WORDS):
        facts.append(f"**Energy:** {energy}")
    if entry.kind is Kind.BOUNDARY:
        if entry.outcome is not None:
            facts.append(f"**Outcome:** {entry.outcome}")
        if cost := scale(entry.cost, COST_WORDS):
            facts.append(f"**Cost:** {cost}")
    return facts


def _ritual(answers: dict[str, Any]) -> list[str]:
    """The ritual's answers as a list, each under the step's own title."""
    from journal.domain.ritual_steps import BOUNDARY_QUESTIONS, RITUAL_STEPS, Step, intention_label

    lines = []
    for key, value in answers.items():
        try:
            title = RITUAL_STEPS[Step(key)].title
        except ValueError:
            title = key
        if key == "checkin" and isinstance(value, dict):
            scores = (
                ("mood", scale(value.get("mood"), MOOD_WORDS)),
                ("energy", scale(value.get("energy"), ENERGY_WORDS)),
            )
            shown = "; ".join(f"{name} {p}" for name, p in scores if p) or "—"
        elif key == "park" and isinstance(value, list):
            shown = "; ".join(escape_line(str(v)) for v in value) or "nothing"
        elif key == "boundaries" and isinstance(value, dict):
            asked = {q.key: q.question for q in BOUNDARY_QUESTIONS}
            shown = "; ".join(
                f"{escape_line(asked.get(str(k), str(k)))} {'yes' if v else 'no'}" for k, v in value.items()
            )
        elif key == "breathe" and isinstance(value, dict):
            done = "finished" if value.get("completed") else "paused early"
            shown = f"{value.get('pattern', '')} breathing, {value.get('seconds', 0)} seconds, {done}"
        elif key == "switch":
            shown = escape_line(intention_label(str(value)))
        else:
            shown = escape_line(" ".join(str(value).split()))
        lines.append(f"- **{title}:** {shown}")
    return lines


def entry_block(entry: Entry, context: ExportContext) -> str:
    parts = [_heading(entry, context)]
    if facts := _facts(entry):
        parts.append(" · ".join(facts))
    if entry.kind is Kind.RITUAL and entry.ritual and isinstance(entry.ritual.get("answers"), dict):
        parts.append("\n".join(_ritual(entry.ritual["answers"])))
    elif entry.text.strip():
        parts.append(paragraphs(entry.text))
    if tags := entry.visible_tags:
        parts.append(f"*Tags:* {_tags(tags)}")
    return "\n\n".join(parts)


@register
class MarkdownExporter(Exporter):
    name = "md"
    suffix = ".md"
    description = "readable, one heading per day"

    def write(self, entries: Iterable[Entry], out: TextIO, context: ExportContext) -> int:
        out.write(f"# Journal\n\nExported {context.exported_at:%A %-d %B %Y at %H:%M}.\n")
        day: date | None = None
        count = 0
        for entry in entries:
            if entry.local_day != day:
                day = entry.local_day
                out.write(f"\n## {day:%A %-d %B %Y}\n")
            out.write("\n" + entry_block(entry, context) + "\n")
            count += 1
        if not count:
            out.write("\nNo entries to export.\n")
        return count
