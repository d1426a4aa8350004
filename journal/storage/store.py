"""The Store: every read and write of the journal goes through here.

SKELETON: the public surface below is the contract the CLI, the UI, exchange and demo code against.
Implementations may move into helper modules (schema.py, migrations.py, connection.py, queries...),
but these names and signatures stay.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from journal.domain.models import (
    Entry,
    EntryQuery,
    ParkedItem,
    TagDef,
    TagHit,
    TagStat,
    UserKeyword,
)


def open_store(path: str | Path, *, passphrase: str | None = None, create: bool = True) -> Store:
    """Open (creating if allowed) the journal at `path`, migrating an older schema forward.

    Raises a StoreError subclass with a one-sentence message for a damaged/non-database file, a newer
    schema, a lock held too long, missing permissions or a wrong passphrase; the file is left untouched.
    `passphrase` opens/creates a SQLCipher-encrypted journal.
    """
    raise NotImplementedError


class Store:
    """A connection to one journal file. Thread-safe (one connection, a lock); close() when done."""

    path: Path

    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...

    # entries -------------------------------------------------------------------------------
    def save(self, entry: Entry) -> Entry:
        """Insert (id None) or update an entry in one committed transaction and return it as stored.

        Auto tags are recomputed from the text with the tagger (user keywords and user tags included);
        manual tags on `entry.tags` are kept; auto tags previously rejected for this entry stay rejected.
        """
        raise NotImplementedError

    def save_many(self, entries: Iterable[Entry], *, tag: bool = True) -> int:
        """Insert many new entries in one transaction (import, demo, benchmark). Returns the count."""
        raise NotImplementedError

    def get(self, entry_id: int) -> Entry | None: ...
    def delete(self, entry_id: int) -> None:
        """Move an entry to the trash (soft delete)."""

    def restore(self, entry_id: int) -> None:
        """Bring an entry back from the trash."""

    def purge(self, entry_id: int) -> None:
        """Delete an entry from the trash for good."""

    def search(self, query: EntryQuery) -> list[Entry]:
        """Entries matching every filter, newest first; with `query.text`, each has a `snippet`."""
        raise NotImplementedError

    def count(self, query: EntryQuery) -> int: ...

    # tags on entries -----------------------------------------------------------------------
    def reject_tag(self, entry_id: int, name: str) -> None:
        """Mark an auto tag wrong for this entry (a manual tag is simply removed)."""

    def unreject_tag(self, entry_id: int, name: str) -> None: ...
    def add_tag(self, entry_id: int, name: str) -> None:
        """Attach a tag by hand (source manual); unknown names become personal tags."""

    # the tag catalogue and teaching the tagger ----------------------------------------------
    def tag_catalogue(self) -> list[TagDef]:
        """Every tag the journal knows: built in, user-made, and personal tags in use."""
        raise NotImplementedError

    def tag_text(self, text: str) -> list[TagHit]:
        """The tags `text` would get on save (built-in cues, user keywords, user tags), saving nothing.

        Used by `journal tags explain` and the live tags in the Mood pane."""
        raise NotImplementedError

    def add_user_tag(self, tag: TagDef) -> None: ...
    def add_keyword(self, keyword: UserKeyword) -> None: ...
    def remove_keyword(self, keyword: UserKeyword) -> None: ...
    def keywords(self) -> list[UserKeyword]: ...

    # insights (aggregates computed in SQL) ----------------------------------------------------
    def tag_stats(
        self,
        since: datetime,
        until: datetime,
        *,
        categories: Sequence[str] = (),
    ) -> list[TagStat]:
        """Per tag over [since, until): count, distinct local days, mean mood with/without, and the
        count in the previous period of equal length with its trend. Most frequent first."""
        raise NotImplementedError

    # boundary kinds -------------------------------------------------------------------------
    def boundary_kinds(self) -> dict[str, str]:
        """Built-in and user-defined boundary kinds, slug -> label."""
        raise NotImplementedError

    def add_boundary_kind(self, slug: str, label: str) -> None: ...
    def remove_boundary_kind(self, slug: str) -> None: ...

    # settings, drafts, ritual state, parked items ---------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any: ...
    def set_setting(self, key: str, value: Any) -> None: ...
    def save_draft(self, key: str, data: dict[str, Any]) -> None: ...
    def load_draft(self, key: str) -> dict[str, Any] | None: ...
    def clear_draft(self, key: str) -> None: ...
    def ritual_state(self) -> dict[str, Any] | None: ...
    def save_ritual_state(self, state: dict[str, Any]) -> None: ...
    def clear_ritual_state(self) -> None: ...
    def park(self, text: str, *, ritual_entry_id: int | None = None) -> ParkedItem: ...
    def parked(self, *, status: str | None = "open") -> list[ParkedItem]: ...
    def set_parked_status(self, item_id: int, status: str) -> None: ...

    # maintenance ------------------------------------------------------------------------------
    def backup(self, dest: str | Path) -> Path:
        """A consistent copy through SQLite's backup API, safe while others write."""
        raise NotImplementedError

    @property
    def schema_version(self) -> int: ...
