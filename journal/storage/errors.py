"""Errors the store raises, each carrying one plain sentence for the user.

The front ends print `str(error)` as is; it must say what was wrong and what to do, and never contain
entry text.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base of every error the store raises for a reason the user can act on."""


class DatabaseDamaged(StoreError):
    """The file is not a journal database, or is damaged. It was not touched."""


class DatabaseTooNew(StoreError):
    """The file was written by a newer version of journal. It was not touched."""


class DatabaseLocked(StoreError):
    """Another program held the journal locked for too long."""


class NoPermission(StoreError):
    """The journal file or its folder cannot be read or written by this user."""


class ReadOnlyJournal(NoPermission):
    """A write to a journal opened read-only (read-only media, or no permission to write it): the
    app tells this apart from other failures to say it calmly, and keeps what was typed."""


class DiskFull(StoreError):
    """The disk (or the user's file-size limit) had no room for a write. Nothing of it was kept."""


class JournalMoved(StoreError):
    """The open journal file was deleted, moved or replaced; writing on would go nowhere."""


class WrongPassphrase(StoreError):
    """The passphrase does not open this encrypted journal (or the journal is encrypted and none was given)."""


class NotAJournal(DatabaseDamaged):
    """The file is a healthy SQLite database of some other program. It was not touched."""


class JournalNotFound(StoreError):
    """There is no journal at the path and creating one was not allowed."""


class EntryNotFound(StoreError):
    """An entry asked for by id does not exist (any more)."""
