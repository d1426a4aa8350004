"""Reading labelled notes: the corpus (`must` / `may` / `traps`) and the older `tags` files.

A line is one JSON object. The corpus format is
`{"id": "w07-0001", "text": ..., "must": [...], "may": [...], "traps": [...]}`: `must` are the tags
a careful reader would certainly give, `may` those a reader could defend either way (giving one is
not wrong, missing one is not a miss). The older sets are `{"text": ..., "tags": [...]}`, read as
`must` with nothing in `may`. A line that is not a JSON object with a text (a file still being
written ends mid-line) is skipped, never fatal.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Note:
    """One labelled note."""

    id: str
    text: str
    must: frozenset[str]
    may: frozenset[str] = frozenset()
    traps: tuple[str, ...] = ()
    writer: str = ""


def _names(value: object) -> frozenset[str]:
    if not isinstance(value, list):
        return frozenset()
    return frozenset(str(v).strip().lower() for v in value if isinstance(v, str) and v.strip())


def parse_line(line: str, writer: str, number: int) -> Note | None:
    """The note on one line, or None when the line is blank or unreadable."""
    try:
        row = json.loads(line)
    except ValueError:
        return None
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        return None
    must = _names(row.get("must", row.get("tags")))
    may = _names(row.get("may")) - must
    traps = tuple(str(t) for t in row.get("traps") or () if isinstance(t, str))
    note_id = str(row.get("id") or f"{writer}-{number:04d}")
    return Note(note_id, row["text"], must, may, traps, writer)


def files(paths: Iterable[Path]) -> list[Path]:
    """The .jsonl files named, with folders expanded to their .jsonl files (sorted)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(path.glob("*.jsonl")))
        else:
            out.append(path)
    return out


def load_notes(*paths: Path) -> list[Note]:
    """Every readable note in the files or folders given; the writer is the file's name (`w07`)."""
    notes: list[Note] = []
    for path in files(paths):
        writer = path.stem
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if line.strip():
                note = parse_line(line, writer, n)
                if note is not None:
                    notes.append(note)
    return notes
