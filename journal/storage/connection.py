"""Opening the journal file safely, and turning SQLite's failures into StoreErrors.

Why this is its own module: every rule about *how* the file is touched lives here: owner-only
permissions, never letting SQLite create or rewrite a file behind our back, SQLCipher keying, WAL and
durable commits, and the mapping from SQLite's error strings to sentences a person can act on.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from types import ModuleType
from urllib.parse import quote

from journal.paths import private_folder
from journal.storage.errors import (
    DatabaseDamaged,
    DatabaseLocked,
    DiskFull,
    JournalNotFound,
    NoPermission,
    StoreError,
    WrongPassphrase,
)

# SQLCipher is optional, and imported only when an encrypted journal is opened: it brings its own
# SQLite and OpenSSL (~5 MB resident, a sixth of a bare Textual app) that plain journals never use.
_CIPHER_API = "sqlcipher3.dbapi2"


def _errors(name: str) -> tuple[type[Exception], ...]:
    """sqlite3's exception class `name`, and SQLCipher's too once it is loaded (its connections can
    only exist from then on). Used in `except` clauses, which evaluate it only when something fails."""
    cipher = sys.modules.get(_CIPHER_API)
    plain: type[Exception] = getattr(sqlite3, name)
    return (plain, getattr(cipher, name)) if cipher is not None else (plain,)


def db_errors() -> tuple[type[Exception], ...]:
    """Every exception class a database call may raise, whichever driver is in use."""
    return _errors("Error")


def integrity_errors() -> tuple[type[Exception], ...]:
    return _errors("IntegrityError")


def operational_errors() -> tuple[type[Exception], ...]:
    return _errors("OperationalError")


@cache
def cipher_installed() -> bool:
    """Whether sqlcipher3 could be imported (without importing it)."""
    import importlib.util  # only to ask; opening a plain journal never does

    return importlib.util.find_spec("sqlcipher3") is not None


#: SQLite's names for a write the disk refused (full, over the size limit, gone): the file itself is
#: fine, so these must not be reported as damage.
_WRITE_FAILURES = frozenset(
    {
        "SQLITE_FULL",
        "SQLITE_IOERR_WRITE",
        "SQLITE_IOERR_FSYNC",
        "SQLITE_IOERR_DIR_FSYNC",
        "SQLITE_IOERR_TRUNCATE",
        "SQLITE_IOERR_SHMSIZE",
    }
)

SQLITE_HEADER = b"SQLite format 3\x00"
#: How long one attempt waits for another program's lock (SQLite's busy handler), and how long a
#: write keeps retrying in all (journal.storage.base.StoreBase._begin_immediate).
DEFAULT_TIMEOUT = 5.0
WRITE_BUDGET = 30.0


def translate(exc: BaseException, path: Path, *, encrypted: bool = False) -> StoreError | None:
    """The StoreError a low-level failure means for the user, or None for a programming error."""
    where = str(path)
    if isinstance(exc, PermissionError):
        return NoPermission(
            f"You do not have permission to use the journal at {where}; check who owns the file and its folder."
        )
    if isinstance(exc, FileNotFoundError):
        return JournalNotFound(f"There is no journal at {where}.")
    msg = str(exc).lower()
    if isinstance(exc, OSError) and not isinstance(exc, db_errors()):
        if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
            return _disk_full(where)
        return StoreError(f"The journal at {where} could not be used ({exc.strerror or 'system error'}).")
    if not isinstance(exc, db_errors()):
        return None
    if isinstance(exc, integrity_errors()) and "check constraint" in msg:
        return StoreError("A value is out of range (mood, energy and cost go from 1 to 5); nothing was saved.")
    if getattr(exc, "sqlite_errorname", None) in _WRITE_FAILURES or "disk is full" in msg:
        return _disk_full(where)
    if "locked" in msg or "busy" in msg:
        return DatabaseLocked(
            f"The journal at {where} is busy (another program is writing to it); try again in a moment."
        )
    if "readonly" in msg or "read-only" in msg or "unable to open" in msg or "permission" in msg:
        return NoPermission(
            f"The journal at {where} cannot be opened for writing; check the permissions of the file and its folder."
        )
    if "not a database" in msg and encrypted:
        return WrongPassphrase(f"That passphrase does not open the journal at {where}; please try again.")
    if "not a database" in msg or "malformed" in msg or "corrupt" in msg or "disk i/o" in msg:
        return DatabaseDamaged(
            f"The file at {where} is damaged or is not a journal; it was left untouched. Restore a backup or choose another file."
        )
    return None


def _disk_full(where: str) -> DiskFull:
    return DiskFull(
        f"The journal at {where} could not be written (the disk may be full); nothing more was saved. "
        "Free some space and try again."
    )


@contextmanager
def guarded(path: Path, *, encrypted: bool = False) -> Iterator[None]:
    """Re-raise database and OS failures as the StoreError they mean; let real bugs through."""
    failures: tuple[type[Exception], ...] = (OSError, *db_errors())
    try:
        yield
    except StoreError:
        raise
    except failures as exc:
        mapped = translate(exc, path, encrypted=encrypted)
        if mapped is None:
            raise
        raise mapped from exc


def prepare_file(path: Path, *, create: bool) -> bool:
    """Make sure the journal file exists with owner-only permissions. True if it was created now.

    The file is created by us with mode 0600 before SQLite sees it, so there is never a moment where
    a freshly written journal is readable by others; a new folder is made 0700.
    """
    if path.exists():
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a journal file; give the path of a file.")
        return False
    if not create:
        raise JournalNotFound(f"There is no journal at {path}.")
    private_folder(path.parent)  # every folder made on the way 0700, not only the last
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    return True


def read_header(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(len(SQLITE_HEADER))


def driver(encrypted: bool) -> ModuleType:
    if not encrypted:
        return sqlite3
    try:
        import sqlcipher3
    except ImportError:
        raise StoreError("Encrypted journals need the sqlcipher3 package; install journal[encryption].") from None
    module: ModuleType = sqlcipher3  # it ships no types
    return module


def quote_literal(value: str) -> str:
    """A SQL string literal for `value` (PRAGMA key takes no bound parameters)."""
    if "\x00" in value:
        raise WrongPassphrase("A passphrase cannot contain a NUL character.")
    return "'" + value.replace("'", "''") + "'"


def cannot_write(path: Path) -> bool:
    """Whether the journal at `path` can only be read: the file, or its folder (where SQLite keeps
    the -wal and -shm files), is not writable for us, or the whole file system is read-only.

    access(2) answers EROFS for a read-only mount even for root, and statvfs is asked as well."""
    try:
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):
        pass
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK)


def connect(path: Path, *, passphrase: str | None, timeout: float, read_only: bool = False) -> sqlite3.Connection:
    """Open `path` (which must exist) without letting SQLite create or change anything yet.

    Only reads happen here: keying, then reading sqlite_master to prove the file is a database we can
    decrypt. Journal mode and the schema are set afterwards, once the version has been checked.
    """
    encrypted = passphrase is not None
    size = path.stat().st_size
    header = read_header(path)
    if encrypted and header == SQLITE_HEADER:
        raise WrongPassphrase(f"The journal at {path} is not encrypted; open it without a passphrase.")
    if not encrypted and size and header != SQLITE_HEADER:
        if cipher_installed() and size % 1024 == 0 and size >= 1024:
            # Indistinguishable from random bytes by design; a page-sized file is most likely encrypted.
            raise WrongPassphrase(
                f"The journal at {path} looks encrypted (or is damaged); open it with its passphrase."
            )
        raise DatabaseDamaged(
            f"The file at {path} is damaged or is not a journal; it was left untouched. Restore a backup or choose another file."
        )
    module = driver(encrypted)
    uri = "file:" + quote(os.fsencode(path.absolute())) + ("?mode=ro" if read_only else "?mode=rw")
    with guarded(path, encrypted=encrypted):
        conn: sqlite3.Connection = module.connect(
            uri, uri=True, timeout=timeout, check_same_thread=False, isolation_level=None
        )
    try:
        with guarded(path, encrypted=encrypted):
            try:
                _prove(conn, passphrase)
            except operational_errors():
                if not read_only:
                    raise
                # A WAL journal on read-only media whose -shm file cannot be made: nobody can change
                # the file there, so SQLite may read it as immutable (no locks, no -shm).
                conn.close()
                conn = module.connect(
                    uri + "&immutable=1", uri=True, timeout=timeout, check_same_thread=False, isolation_level=None
                )
                _prove(conn, passphrase)
    except BaseException:
        conn.close()
        raise
    return conn


def _prove(conn: sqlite3.Connection, passphrase: str | None) -> None:
    """Key the connection and read sqlite_master: the file is a database we can decrypt."""
    if passphrase is not None:
        # SQLCipher would print its own lines on stderr for a wrong passphrase (an expected
        # event here, told in one sentence instead).
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {quote_literal(passphrase)}")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def configure(conn: sqlite3.Connection, path: Path, *, encrypted: bool) -> None:
    """Durability and integrity settings, applied once the file is known to be ours."""
    with guarded(path, encrypted=encrypted):
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        try:
            if side.exists() and side.stat().st_mode & 0o077:
                os.chmod(side, 0o600)
        except OSError:
            pass
