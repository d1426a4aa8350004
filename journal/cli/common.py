"""What every command shares: the `--db` option, plain-sentence errors, opening the journal, and
reading the values people type (scores, dates, tags).

Nothing heavy is imported at module level: `journal search x` has to start in well under a third
of a second, so the storage layer and the date parser load only when a command needs them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from journal.cli.opening import PASSPHRASE_ENV, interactive, open_journal
from journal.paths import resolve_db_path

__all__ = ["PASSPHRASE_ENV", "interactive", "open_journal"]  # opened the same way for every command

F = TypeVar("F", bound=Callable[..., Any])

_DB_KEY = "journal.db"


class UserError(click.ClickException):
    """A mistake the user can fix: shown as the bare sentence on stderr, exit code 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(self.format_message(), err=True)


# --- options shared by every command ----------------------------------------------------------


def _remember_db(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    # ctx.meta is shared by the whole context chain, so a --db given after the command name
    # (parsed later) overrides one given before it.
    if value is not None:
        ctx.meta[_DB_KEY] = value


def db_option(func: F) -> F:
    """`--db PATH`, accepted on the group and on every command, so it may come before or after."""
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        expose_value=False,
        callback=_remember_db,
        help="The journal file (default: $JOURNAL_DB, else your user data folder).",
    )(func)


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(func)


def db_path(ctx: click.Context) -> Path:
    return resolve_db_path(ctx.meta.get(_DB_KEY))


def mark_saved(ctx: click.Context) -> None:
    """Remember that something was written, so a later failure does not claim nothing changed."""
    ctx.meta["journal.saved"] = True


# --- reading values -------------------------------------------------------------------------------


def scale(value: str | int | None, what: str, words: dict[int, str]) -> int | None:
    """A 1-5 score, or None when not given; one plain sentence otherwise."""
    from journal.domain.scores import parse_score

    if value is None:
        return None
    number = value if isinstance(value, int) and not isinstance(value, bool) else parse_score(str(value))
    if number is None or not 1 <= number <= 5:
        raise UserError(f"The {what} must be a whole number from 1 ({words[1]}) to 5 ({words[5]}).")
    return number


#: How much text `-` or a pipe may bring: far more than anyone types, far less than a runaway pipe.
STDIN_LIMIT = 1_000_000


def entry_text(words: tuple[str, ...], what: str = "entry") -> str:
    """The words of a TEXT... argument as one text; `-` (or no words with text piped in) reads
    standard input, as shell tools do. Refuses blank text and undecodable bytes."""
    import sys

    if words == ("-",) or (not words and not sys.stdin.isatty()):
        text = read_stdin(what)
    else:
        text = " ".join(words)
    text = text.strip()
    if not text:
        raise UserError(f"The {what} is empty; write a few words (in quotes if you like).")
    return valid_utf8(text)


def read_stdin(what: str) -> str:
    """Standard input as text, for `journal mood 3 -` or `... | journal mood 3`."""
    import sys

    data = sys.stdin.buffer.read(STDIN_LIMIT + 1)
    if len(data) > STDIN_LIMIT:
        raise UserError(f"The {what} on standard input is over {STDIN_LIMIT:,} bytes; nothing was saved.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"The {what} on standard input is not UTF-8 text; nothing was saved.") from None


def existing_journal(ctx: click.Context) -> Path:
    """The journal's path for a command that only reads it; a path with no journal is one sentence
    (a mistyped --db must not look like an empty journal, and reading never creates one)."""
    path = db_path(ctx)
    if not path.exists():
        raise UserError(
            f"There is no journal at {path}; check the path (a new journal is made the first time you write something)."
        )
    if not path.is_file():
        raise UserError(f"{path} is not a journal file.")
    return path


def valid_utf8(text: str) -> str:
    """`text`, unless the shell handed us bytes that are not UTF-8 (they arrive as lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UserError(
            "The text has bytes that are not valid UTF-8; check your terminal's character encoding."
        ) from None
    return text


def now() -> datetime:
    """The current local moment, to the second (tidier JSON, and nobody writes faster)."""
    from journal.domain.when import local_tz

    return datetime.now(local_tz()).replace(microsecond=0)


def moment(text: str | None) -> datetime:
    """`--at WHEN`, or now."""
    if text is None:
        return now()
    from journal.domain.when import parse_moment

    return parse_moment(text)


def period(since: str | None, until: str | None) -> tuple[datetime | None, datetime | None]:
    """`--since`/`--until` as [inclusive, exclusive) bounds of whole local days."""
    if not since and not until:
        return None, None  # the date parser (and dateutil) load only for a date: ~15 ms of a search
    from journal.domain.when import since_bound, until_bound

    start = since_bound(since) if since else None
    end = until_bound(until) if until else None
    if start is not None and end is not None and start >= end:
        raise UserError("The --since day is after the --until day; swap them round.")
    return start, end


def tag_name(raw: str) -> str:
    """A tag as typed (`#Late night`) -> its slug (`late-night`), by the app's one slug rule."""
    from journal.domain.tags import tag_slug

    name = tag_slug(valid_utf8(raw))
    if not name:
        raise UserError("A --tag needs a name, such as --tag sleep.")
    return name
