"""Writing and reading entries: save, bulk save, get, trash, restore, purge."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from journal.domain.models import Entry
from journal.storage.base import StoreBase, tag_with
from journal.storage.entry_tags import TagPlan, load_tags, plan_tags, write_plan
from journal.storage.errors import EntryNotFound, StoreError
from journal.storage.rows import ENTRY_COLUMNS, ENTRY_SELECT, INSERT_ENTRY, entry_params, now_text, row_to_entry

_UPDATE = "UPDATE entries SET {sets} WHERE id = ?".format(sets=", ".join(f"{c} = ?" for c in ENTRY_COLUMNS))


class EntriesMixin(StoreBase):
    def save(self, entry: Entry) -> Entry:
        """Insert (id None) or update an entry in one committed transaction and return it as stored.

        Auto tags are recomputed from the text with the tagger (user keywords and user tags included);
        manual tags on `entry.tags` are kept; auto tags previously rejected for this entry stay rejected.
        """
        from journal.storage.personal import learn_from_save  # what a save teaches; a search never loads it

        params = entry_params(entry)  # refuses a date out of range before anything is locked
        # Tag first, outside the write lock: building the tagger and tagging a long note take far longer
        # than the writes, and every other writer would wait for them.
        with self._read() as conn:
            tagger, model = self._current_tagger(conn), self._personal_model(conn)
        early = tag_with(tagger, model, entry.text, entry.id).hits
        with self._write() as conn:
            if entry.id is None:
                entry_id = conn.execute(INSERT_ENTRY, (None, *params)).lastrowid
                assert entry_id is not None  # an INSERT always sets it
                if entry.starred:  # a new entry may arrive starred; an edit never changes the star
                    conn.execute("UPDATE entries SET starred = 1 WHERE id = ?", (entry_id,))
                prior_rejected: set[str] = set()
                prior_manual: set[str] = set()
            else:
                entry_id = entry.id
                params = (*params[:-2], now_text(), params[-1])  # updated_utc is now
                if conn.execute(_UPDATE, (*params, entry_id)).rowcount == 0:
                    raise EntryNotFound("That entry no longer exists; it may have been deleted for good.")
                prior = conn.execute(
                    "SELECT tag, source, rejected FROM entry_tags WHERE entry_id = ?", (entry_id,)
                ).fetchall()
                prior_rejected = {tag for tag, _, rejected in prior if rejected}
                prior_manual = {tag for tag, source, rejected in prior if source == "manual" and not rejected}
                conn.execute("DELETE FROM entry_tags WHERE entry_id = ?", (entry_id,))
            plan = TagPlan()
            if self._current_tagger(conn) is tagger and self._personal_model(conn) is model:
                hits = early
            else:  # another program changed keywords or tags meanwhile: tag again with theirs
                hits = self._tag_adjusted(conn, entry.text, entry_id).hits
            hits = self._with_kind_tag(conn, entry.kind, entry.boundary, entry.outcome, hits)
            plan_tags(plan, entry_id, entry, hits, prior_rejected, self._builtin_names)
            write_plan(conn, plan)
            learn_from_save(conn, entry_id, entry, hits, plan, prior_rejected, prior_manual)
        try:
            stored = self.get(entry_id)
        except StoreError:
            raise
        except Exception as exc:  # committed above: never let a failure here read as "nothing changed"
            raise StoreError(
                f"The entry was saved, but reading it back failed ({type(exc).__name__}); please report it."
            ) from exc
        assert stored is not None
        return stored

    def save_many(self, entries: Iterable[Entry], *, tag: bool = True, keep_ids: bool = False) -> int:
        """Insert many new entries in one transaction (import, demo, benchmark). Returns the count.

        `tag=False` stores each entry's `tags` exactly as given (for imports that must round-trip);
        `keep_ids=True` keeps the entries' own ids (an error if one is taken).
        """
        with self._write() as conn:
            return self._insert_entries(conn, entries, tag=tag, keep_ids=keep_ids)

    def get(self, entry_id: int) -> Entry | None:
        with self._read() as conn:
            row = conn.execute(f"SELECT {ENTRY_SELECT} FROM entries e WHERE e.id = ?", (entry_id,)).fetchone()
            if row is None:
                return None
            return row_to_entry(row, load_tags(conn, [entry_id])[entry_id])

    def set_starred(self, entry_id: int, starred: bool = True) -> Entry:
        """Star (or unstar) an entry "bring to supervision" and return it. Its text, tags and
        `updated_at` are untouched: a star is a bookmark, not an edit. Entries in the trash too."""
        with self._write() as conn:
            self._require(conn, entry_id)
            conn.execute("UPDATE entries SET starred = ? WHERE id = ?", (int(bool(starred)), entry_id))
        stored = self.get(entry_id)
        assert stored is not None
        return stored

    def delete(self, entry_id: int) -> None:
        """Move an entry to the trash (soft delete)."""
        with self._write() as conn:
            self._require(conn, entry_id)
            conn.execute(
                "UPDATE entries SET deleted_utc = ? WHERE id = ? AND deleted_utc IS NULL", (now_text(), entry_id)
            )

    def restore(self, entry_id: int) -> None:
        """Bring an entry back from the trash."""
        with self._write() as conn:
            self._require(conn, entry_id)
            conn.execute("UPDATE entries SET deleted_utc = NULL WHERE id = ?", (entry_id,))

    def purge(self, entry_id: int) -> None:
        """Delete an entry from the trash for good (its tags go with it; parked items keep their text)."""
        with self._write() as conn:
            deleted = self._require(conn, entry_id)
            if deleted is None:
                raise StoreError("Only entries in the trash can be deleted for good; move it to the trash first.")
            conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))

    @staticmethod
    def _require(conn: sqlite3.Connection, entry_id: int) -> str | None:
        """The entry's deleted_utc; EntryNotFound if there is no such entry."""
        row = conn.execute("SELECT deleted_utc FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise EntryNotFound("That entry no longer exists; it may have been deleted for good.")
        deleted: str | None = row[0]
        return deleted
