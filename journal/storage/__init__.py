"""The only code that knows SQLite.

Everything else talks to the journal through one `Store`, returned by `open_store`. The store takes and
returns domain models (journal.domain.models), never rows.
"""

from journal.storage.errors import (
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseTooNew,
    NoPermission,
    ReadOnlyJournal,
    StoreError,
    WrongPassphrase,
)
from journal.storage.store import Store, open_store

__all__ = [
    "DatabaseDamaged",
    "DatabaseLocked",
    "DatabaseTooNew",
    "NoPermission",
    "ReadOnlyJournal",
    "Store",
    "StoreError",
    "WrongPassphrase",
    "open_store",
]
