"""What the tests read straight from a journal's file to check the storage layer from outside:
every page readable (SQLite's quick_check) and the schema step reached. Neither is something a
person does with the journal, so neither is part of the Store's face; they read through the
store's own connection so an encrypted journal is checked the same way."""

from __future__ import annotations

from journal.storage import Store
from journal.storage.migrations import user_version


def assert_whole(store: Store) -> None:
    """Every page of the journal reads back (PRAGMA quick_check says "ok")."""
    with store._read() as conn:
        result = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    assert result == ["ok"], f"the journal at {store.path} is damaged: {result[:5]}"


def schema_step(store: Store) -> int:
    """The last schema step the journal's file has been through."""
    with store._read() as conn:
        return user_version(conn)
