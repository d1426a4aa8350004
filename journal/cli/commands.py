"""The table of `journal` subcommands, and the click group that imports each one only when needed.

Importing every command module up front pulls in most of the domain before the app can even
start, so `journal` (which just opens the app) paid for commands it never ran. Here each command
is known by name and by "module:attribute"; its module loads when the command is invoked, or
when help lists the commands (that needs each one's short help). This is the LazyGroup pattern
from click's documentation ("Lazily Loading Subcommands").

tests/cli/test_lazy_commands.py checks that this table matches the real commands.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

import click

COMMANDS: dict[str, str] = {
    "mood": "journal.cli.capture:mood",
    "boundary": "journal.cli.capture:boundary",
    "search": "journal.cli.query:search",
    "stressors": "journal.cli.query:stressors",
    "tags": "journal.cli.tags:tags",
    "brief": "journal.cli.brief:brief",
    "star": "journal.cli.brief:star",
    "unstar": "journal.cli.brief:unstar",
    # journal.cli.secure.COMMANDS
    "backup": "journal.cli.secure:backup",
    "encrypt": "journal.cli.secure:encrypt",
    "decrypt": "journal.cli.secure:decrypt",
    "passphrase": "journal.cli.secure:passphrase",
    # journal.cli.exchange.EXCHANGE_COMMANDS
    "export": "journal.cli.exchange:export",
    "import": "journal.cli.exchange:import_",
    # journal.cli.info
    "doctor": "journal.cli.doctor:doctor",
    "help": "journal.cli.info:help_",
    "where": "journal.cli.info:where",
}


def load_command(target: str) -> click.Command:
    """The click command that "module:attribute" names (importing its module now)."""
    module_name, _, attribute = target.partition(":")
    command = getattr(import_module(module_name), attribute)
    if not isinstance(command, click.Command):
        raise TypeError(f"{target} is not a click command")
    return command


class LazyGroup(click.Group):
    """A click group whose subcommands, given as name -> "module:attribute", load on first use."""

    def __init__(self, *args: Any, lazy_subcommands: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_subcommands = dict(lazy_subcommands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_subcommands})

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """Click's own, but a mistyped command name suggests the nearest real ones."""
        name = click.utils.make_str(args[0]) if args else ""
        if args and self.get_command(ctx, name) is None and not name.startswith("-"):
            import difflib

            close = difflib.get_close_matches(name, self.list_commands(ctx), n=3, cutoff=0.6)
            hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            ctx.fail(f"There is no command {name!r}.{hint} `journal help` lists them.")
        return super().resolve_command(ctx, args)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_subcommands:
            return load_command(self.lazy_subcommands[cmd_name])
        return super().get_command(ctx, cmd_name)
