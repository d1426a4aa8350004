"""The small things a journal keeps besides entries: boundary kinds, settings, drafts, the ritual's
progress and parked items. Simple key/value tables, written through sqlite-utils."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from journal.domain.boundary_tags import KIND_STRESSORS, STRESSOR_CHOICES
from journal.domain.models import BOUNDARY_KINDS
from journal.domain.tags import kind_slug
from journal.storage.base import StoreBase
from journal.storage.errors import StoreError
from journal.storage.fts import with_fts_query
from journal.storage.rows import now_text, offset_minutes, row_to_parked, to_utc_text

if TYPE_CHECKING:
    from journal.domain.models import ParkedItem, TagHit

PARKED_STATUSES = ("open", "done", "dropped")
_PARKED_COLUMNS = "p.id, p.text, p.created_utc, p.utc_offset_min, p.status, p.ritual_entry_id, p.resolved_utc"


def _kind_slug(text: str) -> str:
    """A kind's slug by the one rule for kinds (journal.domain.tags.kind_slug), or one sentence."""
    slug = kind_slug(text)
    if not slug:
        raise StoreError("A boundary kind needs a name.")
    return slug


class ExtrasMixin(StoreBase):
    # boundary kinds -------------------------------------------------------------------------
    def boundary_kinds(self) -> dict[str, str]:
        """Built-in and user-defined boundary kinds, slug -> label (built-in first)."""
        with self._read() as conn:
            rows = conn.execute("SELECT slug, label FROM boundary_kinds ORDER BY label").fetchall()
        return {**BOUNDARY_KINDS, **{slug: label for slug, label in rows if slug not in BOUNDARY_KINDS}}

    def boundary_kind_tags(self) -> dict[str, str | None]:
        """The tag each boundary kind carries when crossed or bent (None: none), slug -> tag: the
        built-in kinds' stressors and the tags users picked for their own kinds."""
        with self._read() as conn:
            rows = conn.execute("SELECT slug, tag FROM boundary_kinds ORDER BY slug").fetchall()
        built_in = {s: KIND_STRESSORS.get(s) for s in BOUNDARY_KINDS}
        return {**built_in, **{s: t for s, t in rows if s not in BOUNDARY_KINDS}}

    def boundary_tag_hit(self, kind: str, outcome: str | None) -> TagHit | None:
        """The tag a boundary event of `kind` with `outcome` would carry for what it was, or None."""
        with self._read() as conn:
            hits = self._with_kind_tag(conn, "boundary", kind, outcome, [])
        return hits[0] if hits else None

    def add_boundary_kind(self, slug: str, label: str, tag: str | None = None) -> None:
        """Add (or rename) a kind of the user's own; `tag` is the tag its events carry when crossed or
        bent (a built-in stressor), stored with the kind. Events already logged keep their tags."""
        slug = _kind_slug(slug)
        if slug in BOUNDARY_KINDS:
            raise StoreError(f"“{slug}” is already a built-in boundary kind.")
        if tag is not None and tag not in STRESSOR_CHOICES:
            choices = ", ".join(STRESSOR_CHOICES)
            raise StoreError(f"“{tag}” is not one of the stressor tags; choose one of {choices}.")
        label = " ".join(label.split()) or slug
        with self._write():
            self._db.table("boundary_kinds").upsert({"slug": slug, "label": label, "tag": tag}, pk="slug")

    def remove_boundary_kind(self, slug: str) -> None:
        """Forget a user-defined kind; entries already logged with it keep their slug."""
        if slug in BOUNDARY_KINDS:
            raise StoreError("Built-in boundary kinds cannot be removed.")
        with self._write() as conn:
            conn.execute("DELETE FROM boundary_kinds WHERE slug = ?", (slug,))

    # settings and drafts ------------------------------------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        with self._read() as conn:
            row = conn.execute("SELECT value_json FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        data = json.dumps(value, ensure_ascii=False)
        with self._write():
            self._db.table("settings").upsert({"key": key, "value_json": data}, pk="key")

    def save_draft(self, key: str, data: dict[str, Any]) -> None:
        """Autosave of text being typed: one committed write, so a crash loses at most a keystroke or two."""
        record = {"key": key, "data_json": json.dumps(data, ensure_ascii=False), "updated_utc": now_text()}
        with self._write():
            self._db.table("drafts").upsert(record, pk="key")

    def load_draft(self, key: str) -> dict[str, Any] | None:
        with self._read() as conn:
            row = conn.execute("SELECT data_json FROM drafts WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def clear_draft(self, key: str) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM drafts WHERE key = ?", (key,))

    # the ritual's progress --------------------------------------------------------------------
    def ritual_state(self) -> dict[str, Any] | None:
        with self._read() as conn:
            row = conn.execute("SELECT state_json FROM ritual_state WHERE id = 1").fetchone()
        return json.loads(row[0]) if row else None

    def save_ritual_state(self, state: dict[str, Any]) -> None:
        record = {"id": 1, "state_json": json.dumps(state, ensure_ascii=False), "updated_utc": now_text()}
        with self._write():
            self._db.table("ritual_state").upsert(record, pk="id")

    def clear_ritual_state(self) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM ritual_state")

    # parked items -------------------------------------------------------------------------------
    def park(self, text: str, *, ritual_entry_id: int | None = None, now: datetime | None = None) -> ParkedItem:
        """Park an open loop; `now` is when, by the caller's clock (the wall clock if none is given)."""
        text = text.strip()
        if not text:
            raise StoreError("There is nothing to park; write a few words first.")
        now = now or datetime.now().astimezone()
        record = {
            "text": text,
            "created_utc": to_utc_text(now),
            "utc_offset_min": offset_minutes(now),
            "status": "open",
            "ritual_entry_id": ritual_entry_id,
        }
        with self._write() as conn:
            item_id = self._db.table("parked_items").insert(record).last_rowid
            row = conn.execute(f"SELECT {_PARKED_COLUMNS} FROM parked_items p WHERE id = ?", (item_id,)).fetchone()
        return row_to_parked(row)

    def parked(self, *, status: str | None = "open") -> list[ParkedItem]:
        """Parked items, oldest first; `status=None` lists every item."""
        sql = f"SELECT {_PARKED_COLUMNS} FROM parked_items p"
        params: tuple[Any, ...] = ()
        if status is not None:
            sql, params = sql + " WHERE status = ?", (status,)
        with self._read() as conn:
            rows = conn.execute(sql + " ORDER BY created_utc, id", params).fetchall()
        return [row_to_parked(r) for r in rows]

    def set_parked_status(self, item_id: int, status: str) -> None:
        if status not in PARKED_STATUSES:
            raise StoreError("A parked item is open, done or dropped.")
        resolved = None if status == "open" else now_text()
        with self._write() as conn:
            conn.execute(
                "UPDATE parked_items SET status = ?, resolved_utc = ? WHERE id = ?", (status, resolved, item_id)
            )

    def search_parked(self, text: str, *, limit: int = 50) -> list[ParkedItem]:
        """Parked items whose text matches a full-text query (any status), newest first."""
        sql = (
            f"SELECT {_PARKED_COLUMNS} FROM parked_items p WHERE p.id IN "
            "(SELECT rowid FROM parked_fts WHERE parked_fts MATCH ?) ORDER BY p.created_utc DESC, p.id DESC LIMIT ?"
        )
        with self._read() as conn:
            rows = with_fts_query(text, lambda fts: conn.execute(sql, (fts, limit)).fetchall())
        return [row_to_parked(r) for r in rows or ()]
