"""Tags on entries, the tag catalogue, and teaching the tagger (user keywords and user tags)."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from journal.domain.models import Category, TagDef
from journal.storage.base import StoreBase, tag_with
from journal.storage.entry_tags import normalise_tag_name
from journal.storage.errors import EntryNotFound, StoreError
from journal.storage.rows import spans_from_json

if TYPE_CHECKING:  # the personal adjustment loads with the first tag choice, never for a search
    from journal.domain.models import TagHit, UserKeyword
    from journal.domain.tagging.personal import Adjusted, Decision

_ENSURE_PERSONAL = "INSERT OR IGNORE INTO tags (name, category, origin) VALUES (?, 'personal', 'personal')"


class TagsMixin(StoreBase):
    # tags on entries -----------------------------------------------------------------------
    def reject_tag(self, entry_id: int, name: str) -> None:
        """Mark an auto tag wrong for this entry (a manual tag is simply removed)."""
        from journal.domain.tagging.personal import ADDED
        from journal.storage import personal

        name = normalise_tag_name(name)
        with self._write() as conn:
            self._entry_exists(conn, entry_id)
            if conn.execute(
                "DELETE FROM entry_tags WHERE entry_id = ? AND tag = ? AND source = 'manual'", (entry_id, name)
            ).rowcount:
                personal.forget(conn, entry_id, name, ADDED)
            row = conn.execute(
                "SELECT spans_json FROM entry_tags WHERE entry_id = ? AND tag = ? AND rejected = 0", (entry_id, name)
            ).fetchone()
            conn.execute("UPDATE entry_tags SET rejected = 1 WHERE entry_id = ? AND tag = ?", (entry_id, name))
            if row is not None and row[0]:
                text = conn.execute("SELECT text FROM entries WHERE id = ?", (entry_id,)).fetchone()[0]
                personal.remember_rejection(conn, entry_id, name, text, spans_from_json(row[0]))

    def unreject_tag(self, entry_id: int, name: str) -> None:
        from journal.domain.tagging.personal import REJECTED
        from journal.storage import personal

        name = normalise_tag_name(name)
        with self._write() as conn:
            self._entry_exists(conn, entry_id)
            conn.execute("UPDATE entry_tags SET rejected = 0 WHERE entry_id = ? AND tag = ?", (entry_id, name))
            personal.forget(conn, entry_id, name, REJECTED)

    @staticmethod
    def _entry_exists(conn: sqlite3.Connection, entry_id: int) -> None:
        if conn.execute("SELECT 1 FROM entries WHERE id = ?", (entry_id,)).fetchone() is None:
            raise EntryNotFound("That entry no longer exists; it may have been deleted for good.")

    # the catalogue ---------------------------------------------------------------------------
    def tag_catalogue(self) -> list[TagDef]:
        """Every tag the journal knows: built in (in taxonomy order), user-made, and personal tags in use."""
        order = {name: i for i, name in enumerate(self._builtin_order)}
        with self._read() as conn:
            rows = conn.execute(
                "SELECT name, category, grp, description, origin FROM tags t WHERE origin != 'personal' "
                "OR EXISTS (SELECT 1 FROM entry_tags et WHERE et.tag = t.name AND et.rejected = 0)"
            ).fetchall()
        rank = {"builtin": 0, "user": 1, "personal": 2}
        rows.sort(key=lambda r: (rank[r[4]], order.get(r[0], 0), r[0]))
        return [TagDef(n, Category(c), g, d) for n, c, g, d, _ in rows]

    def tag_text(self, text: str) -> list[TagHit]:
        """The tags `text` would get on save (built-in cues, user keywords, user tags), saving nothing."""
        return self.explain_text(text).hits

    def explain_text(self, text: str) -> Adjusted:
        """`tag_text`, with what this journal's personal adjustment decided (see `tags explain`)."""
        with self._read() as conn:  # the lock only to fetch them: tagging a long text holds up no one
            tagger, model = self._current_tagger(conn), self._personal_model(conn)
        return tag_with(tagger, model, text)

    def personal_decisions(self, text: str) -> list[Decision]:
        """What the personal adjustment decides for `text` (nothing at all, and no tagging, while
        the journal has not learned enough to change any tag)."""
        with self._read() as conn:
            tagger, model = self._current_tagger(conn), self._personal_model(conn)
        return tag_with(tagger, model, text).decisions if model else []

    # what the journal learned from its writer --------------------------------------------------
    def personal_counts(self) -> dict[str, int]:
        """How many remembered choices there are: {"rejected": n, "added": m}."""
        from journal.storage import personal

        with self._read() as conn:
            return personal.counts(conn)

    def reset_personal(self) -> int:
        """Forget every tag choice the tagger learned from (entries and their tags stay as they are).
        Returns how many were forgotten."""
        from journal.storage import personal

        with self._write() as conn:
            return personal.forget_all(conn)

    # teaching the tagger -----------------------------------------------------------------------
    def add_keyword(self, keyword: UserKeyword) -> None:
        name, phrase = normalise_tag_name(keyword.tag), " ".join(keyword.phrase.split())
        if not phrase:
            raise StoreError("A keyword needs at least one word.")
        with self._write() as conn:
            conn.execute(_ENSURE_PERSONAL, (name,))
            conn.execute("INSERT OR IGNORE INTO user_keywords (tag, phrase) VALUES (?, ?)", (name, phrase))
            self._bump_tagger(conn)

    def keywords(self) -> list[UserKeyword]:
        from journal.domain.models import UserKeyword

        with self._read() as conn:
            rows = conn.execute("SELECT tag, phrase FROM user_keywords ORDER BY tag, phrase").fetchall()
        return [UserKeyword(t, p) for t, p in rows]
