"""Importing many entries at once without ever importing the same one twice.

Each imported entry leaves a fingerprint (sha256 of kind, UTC moment and text) in `import_keys`, so
importing the same file again adds nothing, even after the imported entries were edited. An entry
written in this journal and exported from it is recognised by the same three fields on the entry
itself, so importing one's own export back is harmless too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from journal.domain.models import Entry, Kind
from journal.storage.base import StoreBase
from journal.storage.rows import now_text, to_utc_text

if TYPE_CHECKING:
    from journal.domain.models import ImportCount

_SAME_ENTRY = "SELECT id FROM entries WHERE kind = ? AND created_utc = ? AND text = ?"
_KNOWN_KEY = "SELECT 1 FROM import_keys WHERE key = ?"
_ADD_KEY = "INSERT OR IGNORE INTO import_keys (key, imported_utc) VALUES (?, ?)"
_ID_CHUNK = 500


def fingerprint(entry: Entry, moment: str | None = None) -> str:
    """What makes two entries the same entry, whatever their ids or tags (`moment`: its UTC text)."""
    import hashlib  # imported here: only an import needs it, and _hashlib (OpenSSL) is slow to load

    moment = moment or to_utc_text(entry.created_at)
    data = "\x1f".join((str(Kind(entry.kind)), moment, entry.text or ""))
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back, carrying its count out."""

    def __init__(self, count: ImportCount) -> None:
        super().__init__("dry run")
        self.count = count


class ImportMixin(StoreBase):
    def import_entries(
        self, entries: Iterable[Entry], *, tag: bool, keep_ids: bool = False, dry_run: bool = False
    ) -> ImportCount:
        """Insert the entries not already here, all in ONE transaction; nothing at all if anything fails.

        `tag` and `keep_ids` are as for save_many. `dry_run` does every step, then rolls back, so
        the count it returns is exactly what a real import would do.
        """
        from journal.domain.models import ImportCount

        try:
            with self._write() as conn:
                now = now_text()
                keys: list[tuple[str, str]] = []
                skipped = {"already": 0, "repeated": 0}
                first_new = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM entries").fetchone()[0]
                new_ids: set[int] = set()  # ids kept from the file, which may be below first_new
                # Into an empty journal (the usual big import) nothing can be here already: skip the lookups.
                empty = first_new == 1 and conn.execute("SELECT 1 FROM import_keys LIMIT 1").fetchone() is None

                def fresh() -> Iterator[Entry]:
                    # Two entries with different ids in one file are two entries, however alike.
                    seen: set[tuple[str, int | None]] = set()
                    for entry in entries:
                        moment = to_utc_text(entry.created_at)
                        key = fingerprint(entry, moment)
                        if (key, entry.id) in seen:
                            skipped["repeated"] += 1
                            continue
                        seen.add((key, entry.id))
                        if not empty and self._already_here(conn, key, entry, moment, first_new, new_ids):
                            skipped["already"] += 1
                        else:
                            keys.append((key, now))
                            if keep_ids and entry.id is not None:
                                new_ids.add(entry.id)
                            yield entry

                imported = self._insert_entries(conn, fresh(), tag=tag, keep_ids=keep_ids)
                keys.sort()  # in key order the b-tree fills page by page
                conn.executemany(_ADD_KEY, keys)
                count = ImportCount(imported, skipped["already"], skipped["repeated"])
                if dry_run:
                    raise _DryRun(count)
        except _DryRun as done:
            return done.count
        return count

    def ids_in_use(self, ids: Iterable[int]) -> bool:
        """Whether any of these entry ids is taken (then an import numbers its entries afresh)."""
        it = iter(ids)
        with self._read() as conn:
            while chunk := list(islice(it, _ID_CHUNK)):
                marks = ", ".join("?" * len(chunk))
                if conn.execute(f"SELECT 1 FROM entries WHERE id IN ({marks}) LIMIT 1", chunk).fetchone():
                    return True
        return False

    @staticmethod
    def _already_here(
        conn: sqlite3.Connection, key: str, entry: Entry, moment: str, first_new: int, new_ids: set[int]
    ) -> bool:
        """In the journal before this import began (entries this import added do not count)."""
        if conn.execute(_KNOWN_KEY, (key,)).fetchone():
            return True
        same = (str(Kind(entry.kind)), moment, entry.text or "")
        return any(eid < first_new and eid not in new_ids for (eid,) in conn.execute(_SAME_ENTRY, same))
