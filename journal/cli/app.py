"""The `journal` command: the group, the bare command that opens the app, and the safety net.

Every failure becomes one plain sentence on stderr: the store's and the date parser's errors carry
their own sentence; anything unexpected is named by its type only (never by entry text) and says
whether anything was written.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from journal import __version__
from journal.cli.commands import COMMANDS, LazyGroup
from journal.cli.common import UserError, db_option, db_path
from journal.cli.opening import failure_sentence
from journal.cli.start import start_app


class JournalGroup(LazyGroup):
    """A click group that turns every error below it into one sentence and exit code 1.

    Its commands load lazily (see journal.cli.commands), so a failed import of one is caught here too.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:
            # `journal search x | head`: the reader left; there is nobody to tell.
            sys.stderr.close()
            raise click.exceptions.Exit(1) from None
        except Exception as exc:  # the whole point is to catch everything
            raise UserError(failure_sentence(exc, saved=bool(ctx.meta.get("journal.saved")))) from None
        finally:
            say_cache_notice()


def say_cache_notice() -> None:
    """A tagger cache that could not be written is said once, on stderr, after the command."""
    compiled = sys.modules.get("journal.domain.tagging.compiled")
    notice = compiled.cache_notice() if compiled is not None else None
    if notice:
        click.echo(notice, err=True)


@click.group(
    cls=JournalGroup,
    lazy_subcommands=COMMANDS,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option("--demo", is_flag=True, help="Open the app on a throwaway journal full of sample entries.")
@db_option
@click.version_option(__version__, "--version", prog_name="journal", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context, demo: bool) -> None:
    """An end-of-shift companion: a mood journal, a boundary log and a transition ritual.

    With no command it opens the app. The commands capture and search from a shell;
    `journal help COMMAND` (or `journal COMMAND -h`) explains each one.

    \b
    Examples:
      journal                       open the app
      journal --demo                look around a throwaway journal full of sample entries
      journal mood 2 "long day, no lunch" --energy 2
      journal search supervision --since "last month"
      journal where                 where your journal, cache and backups are
    """
    if ctx.invoked_subcommand is not None:
        if demo:
            raise UserError("--demo only opens the app; leave it out when giving a command.")
        return
    start_app(db_path(ctx), demo=demo)  # Textual loads only there, never for a quick command


def main(argv: list[str] | None = None) -> None:
    """The command line, parsed by click (`journal.cli.main` sends an empty one to the app directly)."""
    cli.main(args=argv, prog_name="journal")
