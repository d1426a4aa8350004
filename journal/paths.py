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
    folder = db_path.parent
    if folder.exists():
        return
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    # mkdir's mode is filtered by the umask; make sure the journal's own folder is owner-only.
    os.chmod(folder, 0o700)
