"""Forward-only schema migrations keyed by `PRAGMA user_version`.

Each step runs in its own IMMEDIATE transaction together with the bump of `user_version`, so a crash
mid-upgrade leaves the file at the last complete version, and a second process opening the same file
at the same moment waits and then sees the upgrade already done.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from journal.storage import schema
from journal.storage.backup import copy_before_migration
from journal.storage.errors import DatabaseTooNew, NotAJournal

Step = Callable[[sqlite3.Connection], None]


def _run(statements: Sequence[str], then: Step | None = None) -> Step:
    def step(conn: sqlite3.Connection) -> None:
        for sql in statements:
            conn.execute(sql)
        if then is not None:
            then(conn)

    return step


#: (version reached, step). Append only; never edit a shipped step.
MIGRATIONS: tuple[tuple[int, Step], ...] = (
    (1, _run(schema.V1)),
    (2, _run(schema.V2)),
    (3, _run(schema.V3)),
    (4, _run(schema.V4, schema.upgrade_to_v4)),
    (5, _run(schema.V5)),
    (6, _run(schema.V6, schema.upgrade_to_v6)),
    # Repairs whichever time columns exist and is idempotent: it depends on no schema of its own,
    # so it stays the last step.
    (7, _run((), schema.repair_short_years)),
)
LATEST = MIGRATIONS[-1][0]


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_version(conn: sqlite3.Connection, path: Path) -> int:
    """Refuse, before anything is written, a file from a newer journal or from another program."""
    version = user_version(conn)
    if version > LATEST:
        raise DatabaseTooNew(
            f"The journal at {path} was written by a newer version of journal; please update journal to open it."
        )
    if version == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchone()[0]
        if tables:
            raise NotAJournal(
                f"The file at {path} is a database of some other program, not a journal; it was left untouched."
            )
    return version


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to LATEST, one committed step at a time. Returns the final version.

    A journal with entries is first copied aside (`journal.db.before-vN-<time>.bak`, see
    backup.copy_before_migration), so an upgrade can always be undone by hand.
    """
    if user_version(conn) >= LATEST:  # the usual case: no write lock taken just to open
        return user_version(conn)
    if user_version(conn) > 0:
        copy_before_migration(conn, LATEST)
    for version, step in MIGRATIONS:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if user_version(conn) >= version:  # someone else got here first
                conn.execute("ROLLBACK")
                continue
            step(conn)
            conn.execute(f"PRAGMA user_version = {int(version)}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return user_version(conn)
