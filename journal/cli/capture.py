"""Quick capture from a shell: `journal mood` and `journal boundary`.

Every value is checked before the journal is opened, so a typo never creates a file or half an entry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from journal.cli.common import (
    UserError,
    db_option,
    db_path,
    entry_text,
    json_option,
    mark_saved,
    moment,
    open_journal,
    scale,
    tag_name,
)
from journal.cli.render import emit_json, safe, saved_line
from journal.cli.secure import guard_entry, redact_option
from journal.domain.models import (
    BOUNDARY_KINDS,
    COST_WORDS,
    ENERGY_WORDS,
    MOOD_WORDS,
    Entry,
    Kind,
    Outcome,
)
from journal.usecases.boundaries import kind_for
from journal.usecases.entries import hand_tags, save_entry

if TYPE_CHECKING:
    from journal.storage import Store


def _save_and_show(
    ctx: click.Context, entry: Entry, as_json: bool, prepare: Callable[[Store], None], redact: bool = False
) -> None:
    """Open the journal, let `prepare` finish the entry from what the journal knows, save, report.

    The confidentiality guard looks at the text first; it warns (or redacts, if asked), never blocks."""
    from journal.exchange.jsonshape import entry_to_dict

    with open_journal(db_path(ctx)) as store:
        prepare(store)
        notice = guard_entry(store, entry, redact_found=redact)
        saved = save_entry(store, entry)
    mark_saved(ctx)
    if as_json:
        emit_json(entry_to_dict(saved))
    else:
        click.echo(saved_line(saved))
    if notice:
        click.echo(notice, err=True)


@click.command()
@click.argument("score")
@click.argument("text", nargs=-1)
@click.option("--energy", metavar="N", help="Energy from 1 (empty) to 5 (full).")
@click.option("--at", "at", metavar="WHEN", help="When it was: yesterday 18:00, nov 3, 2 days ago...")
@click.option("--tag", "tags", multiple=True, metavar="T", help="Add a tag by hand (repeatable).")
@redact_option
@json_option
@db_option
@click.pass_context
def mood(
    ctx: click.Context,
    score: str,
    text: tuple[str, ...],
    energy: str | None,
    at: str | None,
    tags: tuple[str, ...],
    redact: bool,
    as_json: bool,
) -> None:
    """Save a mood entry: SCORE from 1 (awful) to 5 (great), then a few words.

    TEXT may be `-` (or left out with text piped in) to read the entry from standard input.

    \b
    Examples:
      journal mood 2 "couldn't sleep, then back-to-back crisis calls" --energy 2
      journal mood 4 good supervision today --tag supervision
      journal mood 3 - < notes.txt
      pbpaste | journal mood 3 --at "yesterday 18:00"
    """
    entry = Entry(
        kind=Kind.MOOD,
        mood=scale(score, "mood score", MOOD_WORDS),
        energy=scale(energy, "energy", ENERGY_WORDS),
        text=entry_text(text),
        created_at=moment(at),
    )
    names = [tag_name(t) for t in tags]

    def add_tags(store: Store) -> None:
        entry.tags = hand_tags(store, names)

    _save_and_show(ctx, entry, as_json, add_tags, redact)


def _boundary_kind(typed: str, kinds: dict[str, str]) -> str:
    """The slug for what the user typed (a slug or a label, see `kind_for`), or one sentence."""
    if (slug := kind_for(typed, kinds)) is not None:
        return slug
    shown = safe(typed.strip())[:40]
    raise UserError(f'There is no boundary kind "{shown}"; choose one of: {", ".join(kinds)}.')


@click.command()
@click.argument("text", nargs=-1)
@click.option("--kind", "kind", required=True, metavar="KIND", help="Which boundary, e.g. overtime.")
@click.option("--outcome", required=True, metavar="held/bent/crossed", help="How it fared.")
@click.option("--cost", metavar="N", help="What it cost you, from 1 (hardly) to 5 (heavy).")
@click.option("--at", "at", metavar="WHEN", help="When it was: yesterday 18:00, nov 3, 2 days ago...")
@redact_option
@json_option
@db_option
@click.pass_context
def boundary(
    ctx: click.Context,
    text: tuple[str, ...],
    kind: str,
    outcome: str,
    cost: str | None,
    at: str | None,
    redact: bool,
    as_json: bool,
) -> None:
    """Log a boundary event: what happened, which boundary, and whether it held, bent or crossed.

    TEXT may be `-` (or left out with text piped in) to read the note from standard input.

    \b
    Examples:
      journal boundary "answered a client text at 10pm" --kind after-hours-contact --outcome crossed --cost 3
      journal boundary "left at 5 on the dot" --kind overtime --outcome held
    """
    try:
        fared = Outcome(outcome.strip().lower())
    except ValueError:
        raise UserError("The outcome must be held, bent or crossed.") from None
    entry = Entry(
        kind=Kind.BOUNDARY,
        outcome=fared,
        cost=scale(cost, "cost", COST_WORDS),
        text=entry_text(text, "note"),
        created_at=moment(at),
    )
    if not db_path(ctx).exists():
        # A journal not yet made knows only the built-in kinds: check before creating it for a typo.
        _boundary_kind(kind, BOUNDARY_KINDS)

    def resolve_kind(store: Store) -> None:
        entry.boundary = _boundary_kind(kind, store.boundary_kinds())

    _save_and_show(ctx, entry, as_json, resolve_kind, redact)
