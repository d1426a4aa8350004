"""Removing what an interrupted encrypt, decrypt or passphrase change left beside the journal.

Why: the conversion writes a complete copy (`journal.db.converting`) before swapping it in; a
decrypt's copy is the whole journal in plain text. A conversion cleans up on every signal it can
catch (journal.storage.crypto), but SIGKILL, a power cut or a crash cannot be caught, so every open
of the journal also looks for the copy and removes it, overwriting it with zeros first. That is
"where possible": on SSDs and copy-on-write file systems the old blocks may survive an overwrite,
which only full-disk encryption covers (the README says so).
"""

from __future__ import annotations

import os
from pathlib import Path

#: The copy and the files SQLite may keep beside it while writing it.
SUFFIXES = (".converting", ".converting-journal", ".converting-wal", ".converting-shm")
_CHUNK = 1 << 20


def conversion_leftovers(path: Path) -> list[Path]:
    return [p for p in (path.with_name(path.name + s) for s in SUFFIXES) if p.is_file() and not p.is_symlink()]


def shred(path: Path) -> bool:
    """Overwrite the file at `path` with zeros (flushed to disk), then delete it. True when it is
    gone; never raises (if overwriting fails the file is still deleted, if deleting fails False)."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return True
    except OSError:
        fd = -1
    if fd >= 0:
        try:
            size = os.fstat(fd).st_size
            zeros = bytes(min(size, _CHUNK))
            done = 0
            while done < size:
                done += os.write(fd, zeros[: min(_CHUNK, size - done)])
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)
    try:
        path.unlink(missing_ok=True)
    except OSError:
        return False
    return True


def remove_conversion_leftovers(path: Path) -> str | None:
    """Shred any copy an interrupted conversion left beside the journal at `path`; one sentence
    saying so, or None when there was none. Call only while holding a connection to the journal
    (a conversion in progress holds it exclusively, so none can be running then)."""
    found = conversion_leftovers(path)
    if not found:
        return None
    if not all([shred(leftover) for leftover in found]):
        return (
            f"{found[0]}, a copy of the journal left by an interrupted encrypt, decrypt or passphrase "
            "change, could not be removed; delete it yourself once you can write to its folder."
        )
    return (
        f"Removed {found[0].name}, a copy of the journal left by an interrupted encrypt, decrypt or "
        "passphrase change (overwritten with zeros first); your journal is as it was."
    )
