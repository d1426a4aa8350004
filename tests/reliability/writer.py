"""A child process that saves entries through the store API as fast as it can, until it is killed.

    python tests/reliability/writer.py DB RUN        (or forked by forker.py, already warm)

After each `store.save` returns it writes `ID INDEX` and flushes: a line out is an acknowledged save,
which the parent will demand back after killing this process at a random moment. The WAL is
checkpointed every few pages, so kills also land in the middle of checkpoints, not only commits.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from typing import TextIO

#: Some of everything a journal holds: accents, CJK, right-to-left, emoji with ZWJ, combining marks.
_FLAVOURS = (
    "a long shift, café break skipped",
    "夜勤のあと眠れない",
    "יום ארוך מאוד",
    "👩‍⚕️ handover ran late 🧑🏽‍🤝‍🧑🏻",
    "Z̷a̴l̵g̶o̷ and ﷽",
    "[bold]not markup[/] \\x1b[2J",
)


def text_for(run: str, index: int) -> str:
    """The exact text of save `index` in `run`; every seventh one is large (about 40 KB)."""
    base = f"kill-{run} entry {index}: {_FLAVOURS[index % len(_FLAVOURS)]}"
    if index % 7 == 3:
        return base + " " + " ".join(f"word{n}" for n in range(6000))
    return base


def main(db: str, run: str, out: TextIO = sys.stdout) -> None:
    from journal.domain.models import Entry, Kind
    from journal.storage import open_store

    store = open_store(db)
    store._conn.execute("PRAGMA wal_autocheckpoint = 8")  # checkpoints often: kill them midway too
    start = datetime(2026, 1, 1, tzinfo=UTC)
    index = 0
    while True:
        entry = Entry(
            kind=Kind.MOOD, created_at=start + timedelta(minutes=index), text=text_for(run, index), mood=index % 5 + 1
        )
        saved = store.save(entry)
        out.write(f"{saved.id} {index}\n")
        out.flush()
        index += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
