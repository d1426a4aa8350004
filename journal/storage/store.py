"""The Store: every read and write of the journal goes through here.

`open_store` does the careful part (checks before any write, migrations, durability settings); the
Store itself is assembled from small mixins, one per concern, sharing one connection and one lock.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from journal.domain.models import Entry
from journal.storage import migrations
from journal.storage.aggregates import StatsMixin
from journal.storage.backup import BackupMixin
from journal.storage.brief import BriefMixin
from journal.storage.connection import (
    DEFAULT_TIMEOUT,
    WRITE_BUDGET,
    cannot_write,
    configure,
    connect,
    guarded,
    prepare_file,
)
from journal.storage.entries import EntriesMixin
from journal.storage.errors import NoPermission
from journal.storage.extras import ExtrasMixin
from journal.storage.import_keys import ImportMixin
from journal.storage.insights import InsightsMixin
from journal.storage.leftovers import remove_conversion_leftovers
from journal.storage.retag import RetagMixin
from journal.storage.search import SearchMixin
from journal.storage.tags import TagsMixin

if TYPE_CHECKING:
    from journal.domain.boundaries import DayCount
    from journal.domain.models import DayMood


def open_store(
    path: str | Path,
    *,
    passphrase: str | None = None,
    create: bool = True,
    timeout: float = DEFAULT_TIMEOUT,
    write_budget: float | None = None,
) -> Store:
    """Open (creating if allowed) the journal at `path`, migrating an older schema forward.

    Raises a StoreError subclass with a one-sentence message for a damaged/non-database file, a newer
    schema, a lock held too long, missing permissions or a wrong passphrase; the file is left untouched.
    `passphrase` opens/creates a SQLCipher-encrypted journal. `timeout` is how long (seconds) to wait
    for another program's lock before giving up with DatabaseLocked: when opening, and for each
    write's attempts; `write_budget` (default: WRITE_BUDGET, or `timeout` when that is given and
    shorter) is how long a write keeps retrying in all.
    """
    path = Path(path).expanduser()
    encrypted = passphrase is not None
    with guarded(path, encrypted=encrypted):
        created = prepare_file(path, create=create)
    read_only = not created and cannot_write(path)
    try:
        conn = connect(path, passphrase=passphrase, timeout=timeout, read_only=read_only)
    except BaseException:
        if created:
            path.unlink(missing_ok=True)  # only ever the empty file we made a moment ago
        raise
    try:
        leftover = None
        with guarded(path, encrypted=encrypted):
            version = migrations.check_version(conn, path)
            if read_only:
                # Read-only media or no write permission: searching, exporting and backing up work;
                # every write is refused with one sentence (StoreBase._write).
                if version < migrations.LATEST:
                    raise NoPermission(
                        f"The journal at {path} is read-only and needs an upgrade to open; copy it somewhere "
                        "you can write and open the copy."
                    )
                conn.execute("PRAGMA query_only = ON")
            else:
                # Connected and read: no conversion holds the journal, so a copy beside it is a leftover.
                leftover = remove_conversion_leftovers(path)
                configure(conn, path, encrypted=encrypted)
                migrations.migrate(conn)
        if write_budget is None:
            write_budget = WRITE_BUDGET if timeout >= DEFAULT_TIMEOUT else timeout
        store = Store(path, conn, passphrase=passphrase, write_budget=write_budget, read_only=read_only)
        if leftover:
            store.notices.append(leftover)
    except BaseException:
        conn.close()
        raise
    return store


class Store(
    ImportMixin,
    EntriesMixin,
    SearchMixin,
    TagsMixin,
    RetagMixin,
    StatsMixin,
    InsightsMixin,
    BriefMixin,
    ExtrasMixin,
    BackupMixin,
):
    """A connection to one journal file. Thread-safe (one connection, a lock); close() when done.

    What it offers, grouped by what callers do with it, is spelled out in journal/storage/face.py."""

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def boundary_day_counts(self, since: datetime, until: datetime) -> list[DayCount]:
        """Boundary events in [since, until) as (local day, boundary, outcome, count) rows."""
        from journal.storage.boundaries import boundary_day_counts

        with self._read() as conn:
            return boundary_day_counts(conn, since, until)

    def day_moods(self, start: date, end: date) -> dict[date, DayMood]:
        """Mean mood, entry count and closed ritual of each day in `[start, end)` that has entries."""
        from journal.storage import calendar

        with self._read() as conn:
            return calendar.day_moods(conn, start, end)

    def on_this_day(self, day: date, limit: int = 30) -> list[Entry]:
        """Entries from the same date in earlier months and years, newest first."""
        from journal.storage import calendar

        with self._read() as conn:
            return calendar.on_this_day(conn, day, limit)
