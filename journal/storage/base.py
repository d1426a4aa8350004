"""The state every part of the Store shares: one connection, one lock, transactions, the tagger.

One connection opened with check_same_thread=False and guarded by an RLock serves every thread (UI
workers included). Writes run in BEGIN IMMEDIATE transactions so they take the write lock up front and
wait (busy timeout) instead of failing half way; with synchronous=FULL a COMMIT that returned is on disk.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import cached_property
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from journal.domain.models import Category, Entry, EntryTag, Kind, Outcome, Source, TagDef
from journal.storage.connection import WRITE_BUDGET, guarded, integrity_errors, operational_errors
from journal.storage.errors import JournalMoved, ReadOnlyJournal, StoreError
from journal.storage.rows import INSERT_ENTRY, entry_params
from journal.storage.tagger_bridge import build_tagger, builtin_tags

# Writing and tagging load the rest when first used (journal.storage.personal and the personal
# adjustment, tag planning, the boundary kinds' tags, `random` for retries): a command that only
# reads, `journal search` above all, never needs them (tests/cli/test_lazy_commands.py).
if TYPE_CHECKING:
    import sqlite_utils

    from journal.domain.models import TagHit
    from journal.domain.tagging import Tagger
    from journal.domain.tagging.personal import Adjusted, PersonalModel

_GENERATION_KEY = "tagger_generation"
#: entries inserted per executemany in a bulk save
_BATCH = 2000


class StoreBase:
    """Connection, lock and tagger cache; the mixins build the public API on top."""

    path: Path

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        *,
        passphrase: str | None,
        write_budget: float = WRITE_BUDGET,
        read_only: bool = False,
    ) -> None:
        self.path = path
        #: opened on read-only media or without write permission: reads work, writes are refused
        self.read_only = read_only
        #: sentences for the person about what opening found and did (a leftover file removed...)
        self.notices: list[str] = []
        #: how long a write may wait for other writers before "busy" (seconds)
        self.write_budget = write_budget
        self._conn = conn
        self._passphrase = passphrase  # kept in memory only, to key backups of encrypted journals
        self._lock = threading.RLock()
        self._tagger: Tagger | None = None
        self._tagger_generation: str | None = None
        self._personal: PersonalModel | None = None
        self._personal_generation: str | None = None
        self._builtin_order = [t.name for t in builtin_tags()]
        self._builtin_names = set(self._builtin_order)
        self._identity = _identity(path)
        if not read_only:
            self._seed_builtin_tags()  # a new release may bring built-in tags an older journal lacks

    @cached_property
    def _db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for the simple upserts (settings, drafts, ritual).

        Made on the first such write: importing sqlite-utils (and pluggy with it) takes ~45 ms that
        reading, searching and the app's first frame never need. Callers hold the store's lock."""
        import sqlite_utils

        return sqlite_utils.Database(self._conn, execute_plugins=False)

    @property
    def encrypted(self) -> bool:
        return self._passphrase is not None

    # transactions ----------------------------------------------------------------------------
    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock, guarded(self.path, encrypted=self.encrypted):
            yield self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: committed if the block returns, rolled back if it raises.

        Keep the block to the writes themselves (tag text before, see EntriesMixin.save): every other
        writer waits for as long as it runs."""
        if self.read_only:
            raise ReadOnlyJournal(
                f"The journal at {self.path} is read-only here (read-only media, or no permission to write "
                "it or its folder); it can be searched, exported and backed up, but nothing was saved."
            )
        with self._lock, guarded(self.path, encrypted=self.encrypted):
            self._require_same_file()
            conn = self._conn
            self._begin_immediate(conn)
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def _begin_immediate(self, conn: sqlite3.Connection) -> None:
        """Take the write lock, retrying with growing, jittered pauses for up to `write_budget` seconds.

        SQLite's own busy handler waits inside each attempt (up to the connection's timeout); the
        retries carry on past it, so eight `journal mood` processes beside a reader all get their
        turn (measured: with the tagger inside the lock, 6% of such saves were refused after 5 s)."""
        deadline = time.monotonic() + self.write_budget
        pause = 0.005
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except operational_errors() as exc:
                text = str(exc).lower()
                if ("locked" not in text and "busy" not in text) or time.monotonic() + pause >= deadline:
                    raise
            import random

            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 2, 0.25)

    def _require_same_file(self) -> None:
        """Refuse to write once the file at `path` is no longer the one we opened.

        SQLite keeps writing to an unlinked file without complaint (in WAL mode the log even stays
        visible), so a journal deleted or replaced under an open app would swallow every later save.
        One stat per write transaction is the price of noticing.
        """
        try:
            same = _identity(self.path) == self._identity
        except FileNotFoundError:
            same = False
        if not same:
            raise JournalMoved(
                f"The journal file at {self.path} was moved or deleted while open; nothing more was saved. "
                "Reopen the journal to go on."
            )

    # tagger cache ----------------------------------------------------------------------------
    def _current_tagger(self, conn: sqlite3.Connection) -> Tagger:
        """The cached tagger, rebuilt when any process changed keywords or user tags."""
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (_GENERATION_KEY,)).fetchone()
        generation = row[0] if row else "0"
        if self._tagger is None or generation != self._tagger_generation:
            from journal.domain.models import UserKeyword

            keywords = [
                UserKeyword(t, p) for t, p in conn.execute("SELECT tag, phrase FROM user_keywords ORDER BY tag, phrase")
            ]
            user_tags = [
                TagDef(n, Category(c), g, d)
                for n, c, g, d in conn.execute(
                    "SELECT name, category, grp, description FROM tags WHERE origin = 'user' ORDER BY name"
                )
            ]
            self._tagger = build_tagger(keywords, user_tags)
            self._tagger_generation = generation
        return self._tagger

    def _personal_model(self, conn: sqlite3.Connection) -> PersonalModel:
        """What this journal learned from its writer's tag choices, cached like the tagger."""
        from journal.storage import personal

        generation = personal.generation(conn)
        if self._personal is None or generation != self._personal_generation:
            self._personal = personal.load_model(conn)
            self._personal_generation = generation
        return self._personal

    def _tag_adjusted(self, conn: sqlite3.Connection, text: str, entry_id: int | None = None) -> Adjusted:
        """The one place text is tagged for the journal: the tagger (with the user's keywords and
        tags), then this journal's personal adjustment. Saves, imports, re-tagging and the live
        tags all come through here. `entry_id` keeps a note from counting as its own evidence."""
        return tag_with(self._current_tagger(conn), self._personal_model(conn), text, entry_id)

    def _with_kind_tag(
        self, conn: sqlite3.Connection, kind: str, boundary: str | None, outcome: str | None, hits: list[TagHit]
    ) -> list[TagHit]:
        """`hits` plus the tag a boundary event carries for what it was (journal.domain.boundary_tags):
        its kind's stressor when crossed or bent, `boundary-held` when held, whatever its words. It has
        no trigger words (no spans); the UI and `tags explain` say it comes from the boundary's kind.
        Saves, bulk saves (imports, the ritual's closing) and re-tagging all come through here."""
        if kind != Kind.BOUNDARY or boundary is None or outcome is None:
            return hits
        from journal.domain.boundary_tags import KIND_STRESSORS, kind_tag
        from journal.domain.models import TagHit

        user: dict[str, str | None] = {}
        if outcome != Outcome.HELD and boundary not in KIND_STRESSORS:
            row = conn.execute("SELECT tag FROM boundary_kinds WHERE slug = ?", (boundary,)).fetchone()
            user[boundary] = row[0] if row else None
        name = kind_tag(boundary, outcome, user)
        if name is None or any(h.name == name for h in hits):
            return hits
        row = conn.execute("SELECT category, grp FROM tags WHERE name = ?", (name,)).fetchone()
        category, group = (Category(row[0]), row[1]) if row else (Category.PERSONAL, None)
        return [*hits, TagHit(name, category, group, ())]

    # inserting entries ---------------------------------------------------------------------------
    def _insert_entries(self, conn: sqlite3.Connection, entries: Iterable[Entry], *, tag: bool, keep_ids: bool) -> int:
        """Insert new entries inside the caller's transaction: `save_many`, and imports (which add their
        own rows to the same transaction)."""
        from journal.storage.entry_tags import TagPlan, plan_tags, write_plan

        count = 0
        next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM entries").fetchone()[0]
        for batch in _chunks(entries, _BATCH):
            plan = TagPlan()
            rows = []
            starred: list[tuple[int]] = []
            for entry in batch:
                if keep_ids and entry.id is not None:
                    entry_id = entry.id
                    next_id = max(next_id, entry_id + 1)
                else:
                    entry_id, next_id = next_id, next_id + 1
                rows.append((entry_id, *entry_params(entry)))
                if entry.starred:
                    starred.append((entry_id,))
                if tag:
                    hits = self._with_kind_tag(
                        conn, entry.kind, entry.boundary, entry.outcome, self._tag_adjusted(conn, entry.text).hits
                    )
                else:  # tags as given (a round trip); an older export may lack the kind's tag
                    hits = None
                    entry = self._with_given_kind_tag(conn, entry)
                plan_tags(plan, entry_id, entry, hits, (), self._builtin_names)
            try:
                conn.executemany(INSERT_ENTRY, rows)
            except integrity_errors() as exc:
                if "unique" not in str(exc).lower():
                    raise
                raise StoreError("Some of these entries are already in the journal; nothing was saved.") from exc
            if starred:
                conn.executemany("UPDATE entries SET starred = 1 WHERE id = ?", starred)
            write_plan(conn, plan)
            count += len(batch)
        return count

    def _with_given_kind_tag(self, conn: sqlite3.Connection, entry: Entry) -> Entry:
        """An imported entry whose tags are kept as given, plus its kind's tag if it has no row for it
        (neither kept nor turned down): so an export from before the kind tags imports like a new one."""
        have = {t.name for t in entry.tags}
        extra = [
            h for h in self._with_kind_tag(conn, entry.kind, entry.boundary, entry.outcome, []) if h.name not in have
        ]
        if not extra:
            return entry
        added = [EntryTag(h.name, h.category, h.group, Source.AUTO) for h in extra]
        return replace(entry, tags=[*entry.tags, *added])

    def _bump_tagger(self, conn: sqlite3.Connection) -> None:
        """Record (inside the caller's transaction) that every cached tagger is now stale."""
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE "
            "SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)",
            (_GENERATION_KEY,),
        )

    def _seed_builtin_tags(self) -> None:
        """Make sure every built-in tag has its row (new releases may add tags)."""
        builtins = builtin_tags()
        if not builtins:
            return
        with self._read() as conn:
            have = conn.execute("SELECT count(*) FROM tags WHERE origin = 'builtin'").fetchone()[0]
        if have >= len(builtins):
            return
        with self._write() as conn:
            conn.executemany(
                "INSERT INTO tags (name, category, grp, description, origin) VALUES (?, ?, ?, ?, 'builtin') "
                "ON CONFLICT (name) DO UPDATE SET category = excluded.category, grp = excluded.grp, "
                "description = excluded.description, origin = 'builtin'",
                [(t.name, str(t.category), t.group, t.description) for t in builtins],
            )


def tag_with(tagger: Tagger, model: PersonalModel, text: str, entry_id: int | None = None) -> Adjusted:
    """`text` tagged by `tagger`, then adjusted by `model`. Both are immutable once built (the store
    replaces, never mutates, its cached ones), so this may run outside the store's lock."""
    from journal.domain.tagging.personal import Adjusted

    hits = tagger.tag(text) if text else []
    return model.adjust(text, hits, exclude=entry_id) if model else Adjusted(hits, [])


def _chunks(items: Iterable[Entry], size: int) -> Iterator[list[Entry]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _identity(path: Path) -> tuple[int, int]:
    """Which file `path` names right now: (device, inode)."""
    st = os.stat(path)
    return st.st_dev, st.st_ino
