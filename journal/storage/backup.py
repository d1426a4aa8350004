"""Consistent copies of a journal while it may be in use, through SQLite's online backup API.

The copy is written to a private temporary file (0600) beside the destination and renamed into place
only when complete, so a half-written backup never looks like a good one. An encrypted journal's
backup is encrypted with the same passphrase.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from journal.storage.base import StoreBase
from journal.storage.connection import driver, guarded, quote_literal
from journal.storage.errors import StoreError


def backup_path(dest: str | Path, source: Path) -> Path:
    """`dest` itself, or a dated file name inside it when it is a folder."""
    dest = Path(dest).expanduser()
    if dest.is_dir():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        return dest / f"{source.stem}-backup-{stamp}{source.suffix or '.db'}"
    return dest


class BackupMixin(StoreBase):
    def backup(self, dest: str | Path) -> Path:
        """A consistent copy through SQLite's backup API, safe while others write."""
        target = backup_path(dest, self.path)
        if target.exists():
            raise StoreError(f"There is already a file at {target}; choose another name for the backup.")
        if target.resolve() == self.path.resolve():
            raise StoreError("A backup cannot be written over the journal itself.")
        partial = target.with_name(target.name + ".part")
        with guarded(target):
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
        try:
            with guarded(target, encrypted=self.encrypted):
                dest_conn = driver(self.encrypted).connect(str(partial), isolation_level=None)
                try:
                    if self._passphrase is not None:
                        dest_conn.execute(f"PRAGMA key = {quote_literal(self._passphrase)}")
                    with self._lock:
                        self._conn.backup(dest_conn)
                    dest_conn.execute("PRAGMA journal_mode = DELETE")
                finally:
                    dest_conn.close()
                os.replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return target
