"""`journal help [COMMAND]` and `journal where`: finding your way around from a shell."""

from __future__ import annotations

import click

from journal.cli.common import UserError, db_option, db_path, json_option
from journal.cli.render import emit_json


@click.command("help")
@click.argument("command", nargs=-1)
@click.pass_context
def help_(ctx: click.Context, command: tuple[str, ...]) -> None:
    """Show the help of journal, or of one of its commands.

    \b
    Examples:
      journal help
      journal help mood
      journal help tags explain
    """
    group = ctx.find_root().command
    target: click.Command = group
    target_ctx = ctx.find_root()
    for name in command:
        if not isinstance(target, click.Group):
            raise UserError(f"{target_ctx.command_path} has no command {name!r}.")
        found = target.get_command(target_ctx, name)
        if found is None:
            raise UserError(f"There is no command {name!r}; `journal help` lists them.")
        target_ctx = click.Context(found, info_name=name, parent=target_ctx)
        target = found
    click.echo(target.get_help(target_ctx))


@click.command()
@json_option
@db_option
@click.pass_context
def where(ctx: click.Context, as_json: bool) -> None:
    """Say where the journal, its cache and its backups live on this computer.

    The cache holds only the tagger's index, rebuilt when missing: it is always safe to delete.

    \b
    Examples:
      journal where
      journal --db ~/work.db where --json
    """
    from journal.domain.tagging.compiled import cache_dir
    from journal.storage.backup import BACKUP_FOLDER

    path = db_path(ctx)
    cache = cache_dir()
    places = {
        "journal": str(path),
        "exists": path.is_file(),
        "cache": str(cache) if cache is not None else None,
        "backups": str(path.parent / BACKUP_FOLDER),
    }
    if as_json:
        emit_json(places)
        return
    state = "" if path.is_file() else "  (not made yet: it is made the first time you write something)"
    click.echo(f"journal  {path}{state}")
    click.echo(f"cache    {cache if cache is not None else 'none (caching is off: $JOURNAL_CACHE_DIR is empty)'}")
    click.echo(f"backups  {path.parent / BACKUP_FOLDER}")
