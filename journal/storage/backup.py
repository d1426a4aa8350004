"""Consistent copies of a journal while it may be in use, and the automatic copy before a migration.

Why the care: a backup is what someone reaches for on their worst day with the file, so a copy must
never be half written, readable by others, or silently overwrite anything. The copy goes through
SQLite itself (the online backup API, or VACUUM INTO before a migration), which reads one consistent
snapshot even while the app or another process keeps writing. It is written to a private (0600)
`.part` file beside the destination and renamed into place only when complete. An encrypted
journal's copies are encrypted with the same passphrase.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from journal.paths import private_folder
from journal.storage.base import StoreBase
from journal.storage.connection import driver, guarded, quote_literal
from journal.storage.errors import (
    DatabaseDamaged,
    DatabaseLocked,
    DiskFull,
    JournalMoved,
    JournalNotFound,
    NoPermission,
    StoreError,
    WrongPassphrase,
)

BACKUP_FOLDER = "backups"
_STAMP = "%Y-%m-%dT%H%M"


def _free(path: Path) -> Path:
    """`path`, or `name-2.db`, `name-3.db`... when a backup of the same minute already exists."""
    candidate, n = path, 1
    while candidate.exists() or candidate.with_name(candidate.name + ".part").exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def stamped_name(source: Path, now: datetime | None = None) -> str:
    """`journal-2026-11-23T1830.db`: sorts by time, and has no colons (which some systems refuse)."""
    return f"{source.stem}-{(now or datetime.now()).strftime(_STAMP)}{source.suffix or '.db'}"


def default_backup_path(source: Path, now: datetime | None = None) -> Path:
    """Where `journal backup` puts a copy when not told: a `backups/` folder beside the journal."""
    return _free(source.parent / BACKUP_FOLDER / stamped_name(source, now))


def backup_path(dest: str | Path | None, source: Path, now: datetime | None = None) -> Path:
    """`dest` itself, a dated file inside it when it is a folder, or the default place when None."""
    if dest is None:
        return default_backup_path(source, now)
    target = Path(dest).expanduser()
    if target.is_dir():
        return _free(target / stamped_name(source, now))
    return target


def private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 (its folder 0700 if made now); refuse to reuse a file."""
    private_folder(path.parent)  # every folder made on the way 0700, not only the last
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def special_kind(path: Path) -> str | None:
    """ "a named pipe", "a character device"...: what `path` is when it is not a regular file or folder."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    for test, kind in (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device (a disk)"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return "a special file"


def _check_target(target: Path, source: Path) -> None:
    kind = special_kind(target)
    if kind is not None:  # a backup is a whole database file: it cannot be streamed into a pipe
        raise StoreError(f"{target} is {kind}, not a file; give a new file name or a folder for the backup.")
    if target.exists() or target.is_symlink():
        raise StoreError(f"There is already a file at {target}; choose another name for the backup.")
    if target.resolve() == source.resolve():
        raise StoreError("A backup cannot be written over the journal itself.")


@contextmanager
def destination_guarded(target: Path, *, encrypted: bool = False) -> Iterator[None]:
    """Like connection.guarded, but the sentences name the backup's destination, not "the journal"
    (whose file is only read here and is never at fault for a write that failed)."""
    try:
        with guarded(target, encrypted=encrypted):
            yield
    except DiskFull:
        raise DiskFull(
            f"The backup at {target} could not be written (the disk may be full); nothing was kept there "
            "and the journal is unchanged."
        ) from None
    except (NoPermission, JournalNotFound) as exc:
        cause = exc.__cause__
        if isinstance(cause, FileNotFoundError) or isinstance(exc, JournalNotFound):
            raise StoreError(
                f"The backup cannot be written to {target}: its folder is missing or does not take new files."
            ) from None
        raise NoPermission(
            f"You do not have permission to write the backup at {target}; choose a folder you can write to."
        ) from None
    except (DatabaseLocked, DatabaseDamaged, JournalMoved, WrongPassphrase):
        raise
    except StoreError as exc:
        cause = exc.__cause__
        reason = getattr(cause, "strerror", None) or "system error"
        raise StoreError(f"The backup could not be written to {target} ({reason}); the journal is unchanged.") from None


class BackupMixin(StoreBase):
    def backup(self, dest: str | Path | None = None) -> Path:
        """A consistent copy through SQLite's backup API, safe while others write. Returns its path.

        The whole copy is one step inside one read snapshot (WAL lets writers carry on meanwhile), so
        a writer in another process can neither restart nor tear it.
        """
        target = backup_path(dest, self.path)
        _check_target(target, self.path)
        partial = target.with_name(target.name + ".part")
        with destination_guarded(target):
            private_file(partial)
        try:
            with destination_guarded(target, encrypted=self.encrypted):
                dest_conn = driver(self.encrypted).connect(str(partial), isolation_level=None)
                try:
                    if self._passphrase is not None:
                        dest_conn.execute(f"PRAGMA key = {quote_literal(self._passphrase)}")
                    with self._lock:
                        self._conn.backup(dest_conn)
                    dest_conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
                finally:
                    dest_conn.close()
            _put_in_place(partial, target)  # its own sentence, outside the guard's rewording
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return target


def _put_in_place(partial: Path, target: Path) -> None:
    """Rename the finished copy to `target`, never replacing anything that appeared there meanwhile."""
    try:
        os.link(partial, target)  # fails if anything (a file, a pipe, a device) is there now
    except FileExistsError:
        raise StoreError(f"Something appeared at {target} during the backup; nothing was replaced.") from None
    except OSError:  # a file system without hard links
        if target.exists() or target.is_symlink():
            raise StoreError(f"Something appeared at {target} during the backup; nothing was replaced.") from None
        os.replace(partial, target)
        return
    os.unlink(partial)


def pre_migration_path(source: Path, version: int, now: datetime | None = None) -> Path:
    """`journal.db.before-v3-2026-11-23T1830.bak`, beside the journal."""
    stamp = (now or datetime.now()).strftime(_STAMP)
    return _free(source.with_name(f"{source.name}.before-v{version}-{stamp}.bak"))


def copy_before_migration(conn: sqlite3.Connection, target_version: int) -> Path | None:
    """Copy the journal aside before its schema is upgraded, if it holds anything worth keeping.

    Runs on the open (and, if encrypted, keyed) connection: VACUUM INTO writes a consistent,
    compact copy that SQLCipher encrypts with the same key, so no passphrase is needed here. A new,
    empty journal is not copied. Returns the copy's path, or None when there was nothing to copy.
    """
    has_entries = (
        conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entries'").fetchone()
        and conn.execute("SELECT 1 FROM entries LIMIT 1").fetchone()
    )
    if not has_entries:
        return None
    main = next(row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main")
    target = pre_migration_path(Path(main), target_version)
    partial = target.with_name(target.name + ".part")
    private_file(partial)
    try:
        conn.execute("VACUUM INTO ?", (str(partial),))
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target
