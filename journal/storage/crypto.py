"""Encrypting, decrypting and re-keying a journal in place, without ever leaving half a journal.

Why it is done this way: the journal is someone's hardest days, so the conversion never edits the
file itself. It writes a complete converted copy beside it (SQLCipher's `sqlcipher_export`, which
copies every table, index, trigger and the full-text index), opens that copy with the new key and
checks it (integrity check, same counts, same full-text search results), and only then swaps it
into place with one atomic rename. Until that rename the original is the journal, byte for byte in
content; after it, the converted file is. A failure at any step removes the copy and says so.

While converting, the original is held with an exclusive lock, and the conversion refuses to start
while any other program (the app in another terminal, say) has the journal open: that program would
go on writing into the old file after the swap and its words would be lost.
"""

from __future__ import annotations

import os
import re
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import quote

from journal.storage.backup import private_file
from journal.storage.connection import (
    SQLITE_HEADER,
    connect,
    driver,
    guarded,
    operational_errors,
    quote_literal,
    read_header,
)
from journal.storage.errors import DatabaseDamaged, DatabaseLocked, StoreError
from journal.storage.leftovers import conversion_leftovers, shred
from journal.storage.store import open_store

#: How many distinct words of the journal are searched before and after, to prove the index came along.
PROBE_WORDS = 25
_WORD = re.compile(r"[^\W\d_]{4,}")


def is_encrypted(path: Path) -> bool:
    """Whether the journal file at `path` is (most likely) SQLCipher-encrypted: a non-empty file
    without the plain SQLite header. Reads 16 bytes; changes nothing."""
    return path.stat().st_size > 0 and read_header(path) != SQLITE_HEADER


def encrypt(path: str | Path, new: str) -> None:
    """Encrypt the plain journal at `path` with the passphrase `new`."""
    convert(path, old=None, new=new)


def decrypt(path: str | Path, old: str) -> None:
    """Turn the encrypted journal at `path` (passphrase `old`) back into a plain one."""
    convert(path, old=old, new=None)


def change_passphrase(path: str | Path, old: str, new: str) -> None:
    """Re-encrypt the journal at `path` under a new passphrase."""
    convert(path, old=old, new=new)


def convert(path: str | Path, *, old: str | None, new: str | None) -> None:
    """Rewrite the journal at `path` from passphrase `old` to `new` (None: plain) safely; see module doc."""
    path = Path(path).expanduser()
    if new is not None and not new:
        raise StoreError("A passphrase needs at least one character.")
    # A normal open first: a wrong passphrase, a damaged or too-new file gets its usual sentence, and
    # an old schema is migrated (and copied aside) before anything is converted.
    open_store(path, passphrase=old, create=False).close()
    temp = path.with_name(path.name + ".converting")
    with _signals_interrupt():
        source = _hold(path, old)
        try:
            expected = fingerprint(source)
            with guarded(temp):
                for leftover in conversion_leftovers(path):  # of a conversion that was killed
                    shred(leftover)
                private_file(temp)
            _export(source, temp, new, expected["user_version"])
            _verify(temp, new, expected)
            _swap(temp, path)
        except BaseException:
            for leftover in [temp, *conversion_leftovers(path)]:
                shred(leftover)
            raise
        finally:
            source.close()


class Interrupted(BaseException):
    """A signal arrived during a conversion; raised so the copy is removed on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


#: Every signal that ends a process by default and can be caught (a closed terminal, `kill`,
#: Ctrl-C, Ctrl-\\, timers, limits); SIGKILL cannot be, see journal.storage.leftovers. SIGPIPE is left
#: to Python (ignored; a closed pipe is an error where it happens).
_CATCHABLE = tuple(
    getattr(signal, name)
    for name in (
        "SIGHUP",
        "SIGTERM",
        "SIGINT",
        "SIGQUIT",
        "SIGALRM",
        "SIGUSR1",
        "SIGUSR2",
        "SIGXCPU",
        "SIGXFSZ",
        "SIGVTALRM",
        "SIGPROF",
    )
    if hasattr(signal, name)
)


@contextmanager
def _signals_interrupt() -> Iterator[None]:
    """While converting, a terminating signal removes the copy (overwritten first), then ends the
    process by that same signal, as it would have without us. Only the main thread can set handlers;
    elsewhere (a UI worker) the next open cleans up instead."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, _frame: object) -> None:
        raise Interrupted(signum)

    # A signal someone chose to ignore (`nohup journal decrypt`) stays ignored.
    previous = {sig: signal.signal(sig, handler) for sig in _CATCHABLE if signal.getsignal(sig) != signal.SIG_IGN}
    try:
        yield
    except Interrupted as stop:
        for sig, old in previous.items():
            signal.signal(sig, old)
        previous = {}
        if stop.signum == signal.SIGINT:
            raise KeyboardInterrupt from None
        with suppress(OSError, ValueError):  # the terminal may be gone (SIGHUP)
            print(
                "Stopped before the conversion finished; the journal was left as it was and its partial copy removed.",
                file=sys.stderr,
                flush=True,
            )
        signal.signal(stop.signum, signal.SIG_DFL)
        os.kill(os.getpid(), stop.signum)
        raise SystemExit(128 + stop.signum) from None  # if the signal is blocked
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _hold(path: Path, passphrase: str | None) -> Any:
    """The journal opened through SQLCipher (which reads plain files too) and locked for us alone.

    Leaving WAL mode needs every other connection closed, so it doubles as the "is anyone else using
    this journal" check; it also folds the -wal file into the main file.
    """
    uri = "file:" + quote(str(path.absolute())) + "?mode=rw"
    with guarded(path, encrypted=passphrase is not None):
        conn = driver(True).connect(uri, uri=True, timeout=2.0, isolation_level=None)
    try:
        try:
            if passphrase is not None:
                conn.execute(f"PRAGMA key = {quote_literal(passphrase)}")
            mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        except operational_errors() as exc:
            if "locked" not in str(exc).lower() and "busy" not in str(exc).lower():
                raise
            mode = "busy"
        if str(mode).lower() != "delete":
            raise DatabaseLocked(
                f"The journal at {path} is open in another program (perhaps the app); close it and try "
                "again. Nothing was changed."
            )
        with guarded(path, encrypted=passphrase is not None):
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute(f"PRAGMA user_version = {int(conn.execute('PRAGMA user_version').fetchone()[0])}")
            conn.execute("COMMIT")  # the exclusive lock stays until close, in this locking mode
    except BaseException:
        conn.close()
        raise
    return conn


def fingerprint(conn: Any) -> dict[str, Any]:
    """What must be the same after conversion: version, row counts and full-text search results."""
    counts = {
        table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for (table,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '%_fts%' ORDER BY name"
        ).fetchall()
    }
    words: list[str] = []
    for (text,) in conn.execute("SELECT text FROM entries ORDER BY id LIMIT 200"):
        for word in _WORD.findall(text or ""):
            if word.lower() not in words:
                words.append(word.lower())
        if len(words) >= PROBE_WORDS:
            break
    search = {
        word: [
            r[0]
            for r in conn.execute(
                "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY rowid", ('"' + word + '"',)
            )
        ]
        for word in words[:PROBE_WORDS]
    }
    return {
        "user_version": conn.execute("PRAGMA user_version").fetchone()[0],
        "counts": counts,
        "search": search,
    }


def _export(source: Any, temp: Path, new: str | None, version: int) -> None:
    """Copy everything into `temp`, keyed with `new` (an empty key writes a plain file)."""
    key = quote_literal(new or "")
    with guarded(temp, encrypted=new is not None):
        source.execute(f"ATTACH DATABASE {quote_literal(str(temp))} AS converted KEY {key}")
        try:
            source.execute("SELECT sqlcipher_export('converted')").fetchall()
            source.execute(f"PRAGMA converted.user_version = {int(version)}")
        finally:
            source.execute("DETACH DATABASE converted")


def _verify(temp: Path, new: str | None, expected: dict[str, Any]) -> None:
    """Open the copy with the new key, as the app would, and compare it with the original."""
    conn = connect(temp, passphrase=new, timeout=2.0)
    try:
        with guarded(temp, encrypted=new is not None):
            healthy = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()] == ["ok"]
            same = healthy and fingerprint(conn) == expected
    finally:
        conn.close()
    if new is not None and read_header(temp) == SQLITE_HEADER:
        same = False
    if not same:
        raise DatabaseDamaged(
            "The converted copy did not match the journal, so it was thrown away; your journal was left as it was."
        )


def _fsync(path: Path, *, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _swap(temp: Path, path: Path) -> None:
    """Make the converted copy the journal in one atomic step, durable once this returns."""
    with guarded(path):
        _fsync(temp)
        os.replace(temp, path)
        _fsync(path.parent, directory=True)
