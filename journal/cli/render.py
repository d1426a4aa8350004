"""Turning results into text for a terminal or JSON for a script.

User text is shown as text: control characters (escape sequences above all) are removed before
anything reaches the terminal, so an entry can never restyle the screen or move the cursor. JSON
escapes them instead, so a script still gets the text exactly.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

import click

from journal.domain.models import COST_WORDS, MOOD_WORDS, Entry, EntryTag, Kind

if TYPE_CHECKING:
    from journal.domain.models import ParkedItem, RetagSummary, TagHit, TagStat
    from journal.domain.tagging.personal import Decision

# C0 controls except tab and newline, DEL, and the C1 controls (0x9b alone is a CSI on many terminals).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_UNSAFE_IN_JSON = re.compile(r"[\x7f-\x9f]")  # json.dumps already escapes C0 itself
_SPACES = re.compile(r"\s+")
MARK_OPEN, MARK_CLOSE = "«", "»"


def safe(text: str) -> str:
    """User text with every control character except tab and newline removed."""
    return _CONTROL.sub("", text)


class TerminalGate(io.TextIOBase):
    """A text stream for a terminal: everything written passes through `safe` on its way.

    For whole exports (CSV above all, which keeps every character) shown on a screen; a file or a
    pipe gets the exact text instead. Each control character is removed on its own, so a sequence
    split across two writes is caught as well.
    """

    def __init__(self, inner: TextIO) -> None:
        super().__init__()
        self._inner = inner

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._inner.write(safe(text))
        return len(text)

    def flush(self) -> None:
        self._inner.flush()


def for_terminal(stream: TextIO) -> TextIO:
    """`stream` itself, or behind a `TerminalGate` when it is a terminal."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return TerminalGate(stream) if tty else stream  # type: ignore[return-value]


def one_line(text: str, width: int = 0) -> str:
    """Safe text squeezed onto one line, cut to `width` characters with an ellipsis when longer."""
    if text.isprintable() and "  " not in text and text.strip() == text:
        line = text  # printable text has no control character and no whitespace but single spaces
    else:
        line = _SPACES.sub(" ", safe(text)).strip()
    if width and len(line) > width:
        line = line[: width - 1].rstrip() + "…"
    return line


def emit_json(data: Any) -> None:
    """Readable, exact JSON: non-ASCII kept as is, but DEL and C1 escaped like the C0 controls."""
    click.echo(_json_text(data))


def _json_text(data: Any) -> str:
    dumped = json.dumps(data, ensure_ascii=False, indent=2)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def emit_json_list(items: Iterable[Any]) -> None:
    """A JSON list written item by item as `items` yields them, never held whole in memory: the
    same text `emit_json(list(items))` writes (a raw newline in JSON can only be layout, so each
    item is indented one level by indenting its lines)."""
    opening = "[\n  "
    for item in items:
        click.echo(opening + _json_text(item).replace("\n", "\n  "), nl=False)
        opening = ",\n  "
    click.echo("[]" if opening == "[\n  " else "\n]")


def tag_list(tags: Sequence[EntryTag] | Sequence[TagHit]) -> str:
    return ", ".join(f"{t.name} ({t.category})" for t in tags)


def saved_line(entry: Entry) -> str:
    """What `mood` and `boundary` say after saving."""
    tags = entry.visible_tags
    head = "Saved."
    if entry.kind is Kind.BOUNDARY:
        cost = f", cost {entry.cost} ({COST_WORDS[entry.cost]})" if entry.cost else ""
        head = f"Saved: {entry.boundary}, {entry.outcome}{cost}."
    if not tags:
        return f"{head} No tags this time, and that is fine."
    return f"{head} Tags: {safe(tag_list(tags))}"


# --- search -------------------------------------------------------------------------------------


def _what(entry: Entry) -> str:
    if entry.kind is Kind.BOUNDARY:
        return f"{entry.boundary or '?'} {entry.outcome or ''}".strip()
    if entry.mood is not None:
        return f"{entry.mood} {MOOD_WORDS.get(entry.mood, '')}".strip()
    return ""


def search_lines(entries: Sequence[Entry]) -> list[str]:
    """One line per entry: local date and time, kind, mood or boundary, tags, then the snippet.

    Written for tens of thousands of entries (`journal search --tag caseload --limit 0`): plain
    loops over the rows and one format per line, no generator per cell."""
    rows = [
        (
            entry.created_at.isoformat(" ", "minutes")[:16],  # "%Y-%m-%d %H:%M", at C speed
            str(entry.kind),
            one_line(_what(entry)),
            one_line(", ".join([t.name for t in entry.tags if not t.rejected])),
            one_line(entry.snippet or _first_line(entry.text), 70),
        )
        for entry in entries
    ]
    if not rows:
        return []
    w0, w1, w2, w3 = (max(map(len, column)) for column in list(zip(*rows, strict=True))[:4])
    return [f"{a:<{w0}}  {b:<{w1}}  {c:<{w2}}  {d:<{w3}}  {e}".rstrip() for a, b, c, d, e in rows]


def _first_line(text: str) -> str:
    end = text.find("\n")
    return text if end < 0 else text[:end]


#: a parked loop's status in the words the ritual and the Mood pane use
PARKED_WORDS = {"open": "still open", "done": "done", "dropped": "let go"}


def parked_lines(items: Sequence[ParkedItem]) -> list[str]:
    """A short "Parked:" section under the entries: day parked, where it stands, the words."""
    words = [PARKED_WORDS.get(i.status, i.status) for i in items]
    width = max(len(w) for w in words)
    return ["Parked:"] + [
        f"  {i.created_at.strftime('%Y-%m-%d')}  {word.ljust(width)}  {one_line(i.text)}"
        for i, word in zip(items, words, strict=True)
    ]


# --- stressors ------------------------------------------------------------------------------------


def _mood(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def stressor_lines(stats: Sequence[TagStat]) -> list[str]:
    """Aligned columns, a trend arrow with its plain word beside it (never a symbol alone)."""
    from journal.domain.insights import TREND_ARROWS, TREND_WORDS

    header = ("tag", "category", "entries", "days", "mood with", "without", "trend")
    rows = [header] + [
        (
            safe(s.name),
            str(s.category),
            str(s.count),
            str(s.days),
            _mood(s.mood_with),
            _mood(s.mood_without),
            f"{TREND_ARROWS.get(s.trend, ' ')} {TREND_WORDS.get(s.trend, s.trend)}".rstrip(),
        )
        for s in stats
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(w) if 2 <= i <= 5 else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


# --- tags explain ---------------------------------------------------------------------------------


def marked(text: str, hits: Sequence[TagHit]) -> str:
    """The text with every trigger span wrapped in «», overlapping spans merged."""
    spans = sorted((s.start, s.end) for hit in hits for s in hit.spans)
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out += [text[pos:start], MARK_OPEN, text[start:end], MARK_CLOSE]
        pos = end
    out.append(text[pos:])
    return safe("".join(out))


def explain_lines(
    text: str,
    hits: Sequence[TagHit],
    reasons: Mapping[str, str] | None = None,
    decided_by: Mapping[str, str] | None = None,
) -> list[str]:
    """The text with its tags' words marked, then one line per tag: its words, or for a tag without
    any (a boundary's kind) the reason in `reasons`, and what decided it (`decided_by`)."""
    if not hits:
        return [safe(text), "", "No tags for this text."]
    lines = [marked(text, hits), ""]
    for hit in hits:
        kind = f"{hit.category}, {hit.group}" if hit.group else str(hit.category)
        words = ", ".join(f'"{one_line(s.text)}"' for s in hit.spans) or safe((reasons or {}).get(hit.name, ""))
        by = (decided_by or {}).get(hit.name)
        lines.append(f"{safe(hit.name)} ({kind}): {words}" + (f" (decided by {by})" if by else ""))
    return lines


def personal_lines(decisions: Sequence[Decision]) -> list[str]:
    """What this journal's personal adjustment decided, one line per tag (after explain_lines)."""
    if not decisions:
        return []
    return ["", *(f"{safe(d.tag)}: {d.reason()}" for d in decisions)]


def retag_lines(summary: RetagSummary) -> list[str]:
    """A re-tag's summary: how many entries changed, then each tag added or removed and how often."""
    entries = f"{summary.entries:,} {'entry' if summary.entries == 1 else 'entries'}"
    changed = f"{summary.changed:,}"
    if summary.dry_run:
        head = f"Dry run: re-tagging {entries} would change the tags of {changed}; nothing was saved."
    else:
        head = f"Re-tagged {entries}: the tags of {changed} changed."
    lines = [head]
    if not summary.changed:
        return lines
    width = max(len(name) for name in [*summary.added, *summary.removed])
    for sign, counts in (("+", summary.added), ("-", summary.removed)):
        for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  {sign} {safe(name):<{width}}  {n:,}")
    lines.append("Tags you rejected or added by hand were kept.")
    return lines
