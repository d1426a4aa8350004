"""Where the user's journal lives.

One rule for every front end, so the CLI and the TUI always open the same file: an explicit
`--db` wins, then the `JOURNAL_DB` environment variable, then the per-user data folder that
platformdirs knows for this operating system.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "JOURNAL_DB"
FILE_NAME = "journal.db"


def default_db_path() -> Path:
    """The journal file in the user's data folder (no side effects: the folder may not exist yet)."""
    # platformdirs is imported here so that commands given an explicit path never pay for it.
    import platformdirs

    return platformdirs.user_data_path("journal") / FILE_NAME


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db` > `$JOURNAL_DB` > the platform default, with `~` expanded. Creates nothing."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return default_db_path()


def ensure_folder(db_path: Path) -> None:
    """Create the journal's folder, owner-only (0700), when it is missing; an existing one is left as is."""
    private_folder(db_path.parent)


def private_folder(folder: Path) -> None:
    """Create `folder` and every missing folder above it, each owner-only (0700).

    Not `mkdir(parents=True, mode=...)`: that gives the parents it makes the default mode (0755
    under the usual umask), so `~/.local/share/journal/` could be listed by everyone when
    `~/.local/share` was new. Folders that already exist are left as they are."""
    missing = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for each in reversed(missing):
        try:
            each.mkdir(mode=0o700)
        except FileExistsError:  # made by another process a moment ago: theirs to set
            continue
        os.chmod(each, 0o700)  # mkdir's mode is filtered by the umask


#: Permission bits that let anyone but the owner in.
OTHERS = 0o077


def readable_by_others(path: Path) -> bool:
    """Whether the existing file or folder at `path` grants anything to its group or to others."""
    try:
        return bool(path.stat().st_mode & OTHERS)
    except OSError:
        return False


def loose_mode_warning(db_path: Path) -> str | None:
    """One line when an existing journal file lets others in, else None. (A folder others can list
    shows only file names; `journal doctor` reports it, without a warning on every command.)"""
    if not readable_by_others(db_path):
        return None
    return (
        f"Warning: {db_path} can be read by other users of this computer; "
        "`journal doctor --fix` makes the journal's files private."
    )
