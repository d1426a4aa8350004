"""What the head-to-head times, and the words, tags and dates each operation uses.

The parameters are read from the journal itself (its busiest tags, the span of its dates), so every
size does real work whatever the demo generator or the tagger currently produce, and every contender
gets exactly the same arguments.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

#: Words a counsellor's journal is full of; each repeat takes the next, the same on every side.
WORDS = ("supervision", "tired", "client")
#: Every listing prints every match, as jrnl does by default (issue 16: many results print fast);
#: `journal search` gets `--limit 0`, jrnl no `-n`, raw SQLite no LIMIT. A number here makes it a page.
PAGE: int | None = None
SHOWN = f"newest {PAGE}" if PAGE else "every match"
ADD_TEXT = "ok day, ate lunch at my desk again"

#: (key, label) in the order operations are run and reported; "add" runs last as it changes the data.
OPERATIONS: tuple[tuple[str, str], ...] = (
    ("word", f"Search a word ({SHOWN})"),
    ("tag", f"Filter by tag ({SHOWN})"),
    ("range", f"Date range, one month ({SHOWN})"),
    ("counts", "Tag counts, all time"),
    ("latest", "The latest ten"),
    ("add", "Add an entry"),
)
LABELS = dict(OPERATIONS)


@dataclass(frozen=True)
class Params:
    """The arguments every contender gets for one journal."""

    words: tuple[str, ...]
    tags: tuple[str, ...]
    #: local days, both included (as `--since/--until` and jrnl's `-from/-to` read them)
    first_day: date
    last_day: date
    #: the whole journal's span, for "tag counts over all time"
    all_from: date
    all_to: date


def read_params(db: Path) -> Params:
    """Pick the busiest tags and a month in the middle of the journal at `db`."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        tags = [
            r[0]
            for r in conn.execute(
                "SELECT tag, count(*) AS n FROM entry_tags WHERE rejected = 0 GROUP BY tag ORDER BY n DESC, tag LIMIT 3"
            )
        ]
        lo, hi = conn.execute("SELECT min(local_day), max(local_day) FROM entries").fetchone()
    start, end = date.fromisoformat(lo), date.fromisoformat(hi)
    span = (end - start).days
    first = start + timedelta(days=int(span * 0.4))
    last = first + timedelta(days=max(1, min(30, span // 3)) - 1)
    return Params(WORDS, tuple(tags) or ("none",), first, last, start, end)
