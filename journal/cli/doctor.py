"""`journal doctor`: are the journal's files and folders private, and make them so with --fix.

Why: a journal made before 0.2.0 (or copied in by hand, or restored from a backup drive) may be
readable by everyone on the computer; the notes in it are about other people's worst days. The
doctor looks only at permission bits, never at the content, so it works on an encrypted journal
without its passphrase.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import click

from journal.cli.common import db_option, db_path

FILE_MODE, FOLDER_MODE = 0o600, 0o700


def journal_places(path: Path) -> list[Path]:
    """Every file and folder that holds the journal or a copy of it, and the tagger's cache folder."""
    from journal.domain.tagging.compiled import cache_dir
    from journal.storage.backup import BACKUP_FOLDER

    places: list[Path] = [path.parent, path]
    places += [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal", ".converting")]
    places += sorted(path.parent.glob(f"{path.name}.before-v*.bak"))
    backups = path.parent / BACKUP_FOLDER
    places.append(backups)
    if backups.is_dir():
        places += sorted(p for p in backups.iterdir() if p.is_file())
    cache = cache_dir()
    if cache is not None:
        places.append(cache)
        if cache.is_dir():
            places += sorted(p for p in cache.iterdir() if p.is_file())
    return [p for p in places if p.exists() and not p.is_symlink()]


def loose(place: Path) -> tuple[int, int] | None:
    """(mode now, mode it should have) when `place` lets anyone but its owner in, else None."""
    mode = stat.S_IMODE(place.stat().st_mode)
    wanted = FOLDER_MODE if place.is_dir() else FILE_MODE
    return (mode, wanted) if mode & 0o077 else None


@click.command()
@click.option("--fix", is_flag=True, help="Make every file found private (0600) and every folder (0700).")
@db_option
@click.pass_context
def doctor(ctx: click.Context, fix: bool) -> None:
    """Check that the journal, its backups and its cache are private to you.

    Looks at the journal file and its companions, its folder, the backups folder and the copies in
    it, the copies made before upgrades, and the tagger's cache folder. Without --fix it changes
    nothing; with --fix files become 0600 and folders 0700 (owner only).

    \b
    Examples:
      journal doctor
      journal doctor --fix
      journal --db ~/work.db doctor --fix
    """
    path = db_path(ctx)
    places = journal_places(path)
    found = [(place, modes) for place in places if (modes := loose(place)) is not None]
    if not found:
        click.echo(f"All {len(places)} files and folders of the journal at {path} are private to you.")
        return
    for place, (mode, wanted) in found:
        click.echo(f"  {place}  {mode:04o} (others can get in; should be {wanted:04o})")
    if not fix:
        click.echo(
            f"{len(found)} of {len(places)} can be read by other users; `journal doctor --fix` makes them private."
        )
        return
    for place, (_, wanted) in found:
        os.chmod(place, wanted)
    click.echo(f"Made {len(found)} of {len(places)} private; nothing else was changed.")
