"""`journal tags`: explain a text's tags, re-tag past entries, forget what the tagger learned.

`explain` saves nothing and must not even create the journal: the user's own keywords, tags and
personal adjustment are used only when their journal already exists; otherwise the built-in cues
alone answer. `retag` and `reset-personal` need an existing journal and never create one.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING

import click

from journal.cli.common import UserError, db_option, db_path, entry_text, json_option, mark_saved, open_journal, period
from journal.cli.render import emit_json, explain_lines, personal_lines, retag_lines
from journal.domain.models import TagHit, UserKeyword

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

    from journal.storage import Store


@click.group()
@db_option
def tags() -> None:
    """See how the tagger reads text, re-tag past entries, or reset what it learned from you.

    \b
    Examples:
      journal tags explain "drained, ate at my desk again"
      journal tags retag --since "last month" --dry-run
      journal tags reset-personal
    """


#: What decided a tag, as `--json` names it, and as the text says it after the tag's words.
DECIDED_BY = {
    "model+cue": "the model, with a cue agreeing",
    "model": "the model, from these words",
    "engine": "a cue",
    "user": "your own word or #tag",
    "personal": "your personal adjustment (tags you added by hand on similar notes)",
    "boundary-kind": "the boundary's kind",
}


def _hit_dict(hit: TagHit, reasons: dict[str, str], decided_by: dict[str, str]) -> dict[str, object]:
    data: dict[str, object] = {
        "name": hit.name,
        "category": str(hit.category),
        "group": hit.group,
        "matches": [{"start": s.start, "end": s.end, "text": s.text} for s in hit.spans],
    }
    if not hit.spans and hit.name in reasons:
        data["reason"] = reasons[hit.name]
    if hit.name in decided_by:
        data["decided_by"] = decided_by[hit.name]
    return data


def _decided_by(
    words: str, hits: list[TagHit], reasons: dict[str, str], added: set[str], keywords: list[UserKeyword]
) -> dict[str, str]:
    """What gave each tag: the journal's personal adjustment, the boundary's kind, or the tagger's
    own decision (the learned model, with or without a cue, the cue engine, or the user's words).
    The tagger is asked again with the journal's keywords, so its reasons match its tags."""
    from journal.storage.tagger_bridge import build_tagger

    tagger = build_tagger(keywords, [])
    sources = {d.name: d.source for _, d in tagger.decide(words)} if words.strip() else {}
    out: dict[str, str] = {}
    for hit in hits:
        if hit.name in added:
            out[hit.name] = "personal"
        elif hit.name in reasons:
            out[hit.name] = "boundary-kind"
        else:  # a journal's own tag the shared model does not know is the user's word
            out[hit.name] = sources.get(hit.name, "user")
    return out


@tags.command()
@click.argument("text", nargs=-1)
@click.option("--kind", "boundary", metavar="KIND", help="Explain it as the note of a boundary of this kind.")
@click.option(
    "--outcome",
    type=click.Choice(["held", "bent", "crossed"], case_sensitive=False),
    help="With --kind: how the boundary fared.",
)
@json_option
@db_option
@click.pass_context
def explain(
    ctx: click.Context, text: tuple[str, ...], boundary: str | None, outcome: str | None, as_json: bool
) -> None:
    """Show the tags TEXT would get, the words behind each and what decided it, saving nothing.

    TEXT may be `-` (or left out with text piped in) to read it from standard input. With --kind and
    --outcome, it is read as a boundary note: the tag of the boundary's kind is shown too.

    \b
    Examples:
      journal tags explain "drained, ate at my desk again"
      journal tags explain --json "two paracetamol for my head"
      journal tags explain "ate at my desk" --kind skipped-break --outcome crossed
    """
    from journal.domain.boundary_tags import kind_tag_reason
    from journal.domain.models import BOUNDARY_KINDS

    if (boundary is None) != (outcome is None):
        raise UserError("--kind and --outcome go together: give both to explain a boundary note, or neither.")
    words = entry_text(text, "text to explain")
    path = db_path(ctx)
    decisions = []
    keywords: list[UserKeyword] = []
    kind_hit: TagHit | None = None
    if path.exists():
        with open_journal(path, create=False) as store:
            adjusted = store.explain_text(words)
            keywords = store.keywords()
            if boundary is not None:
                kind_hit = store.boundary_tag_hit(boundary, outcome.lower() if outcome else None)
        hits, decisions = list(adjusted.hits), adjusted.decisions
    else:
        from journal.domain.boundary_tags import kind_tag
        from journal.domain.tagging import TAXONOMY, default_tagger

        hits = list(default_tagger().tag(words))
        name = kind_tag(boundary, outcome.lower() if outcome else None, {})
        if name is not None:
            kind_hit = TagHit(name, TAXONOMY[name].category, TAXONOMY[name].group, ())
    reasons: dict[str, str] = {}
    if kind_hit is not None and all(h.name != kind_hit.name for h in hits):
        hits.append(kind_hit)
        reasons[kind_hit.name] = kind_tag_reason(BOUNDARY_KINDS.get(boundary or "", boundary or ""), outcome)
    added = {d.tag for d in decisions if d.action == "added"}
    decided_by = _decided_by(words, hits, reasons, added, keywords)
    if as_json:
        data: dict[str, object] = {"tags": [_hit_dict(h, reasons, decided_by) for h in hits]}
        if decisions:  # only when this journal's own adjustment changed something
            data["personal"] = [{"name": d.tag, "action": d.action, "notes": d.notes} for d in decisions]
        emit_json(data)
    else:
        said = {name: DECIDED_BY[source] for name, source in decided_by.items() if source != "boundary-kind"}
        click.echo("\n".join(explain_lines(words, hits, reasons, said) + personal_lines(decisions)))


@contextmanager
def _existing_journal(ctx: click.Context) -> Iterator[Store]:
    path = db_path(ctx)
    if not path.exists():
        raise UserError(f"There is no journal at {path} yet; there is nothing to change.")
    with open_journal(path, create=False) as store:
        yield store


@tags.command(short_help="Re-tag past entries with the current tagger.")
@click.option("--since", metavar="WHEN", help="Only entries from this day on (included).")
@click.option("--dry-run", is_flag=True, help="Say what would change, and change nothing.")
@json_option
@db_option
@click.pass_context
def retag(ctx: click.Context, since: str | None, dry_run: bool, as_json: bool) -> None:
    """Tag past entries again with the current tagger; tags you rejected or added stay as they are.

    \b
    Examples:
      journal tags retag --dry-run
      journal tags retag --since "last month"
      journal tags retag --json
    """
    start, _ = period(since, None)
    with _existing_journal(ctx) as store, _progress() as progress:
        try:
            summary = store.retag(start, dry_run=dry_run, progress=progress)
        except KeyboardInterrupt:
            raise UserError("Re-tagging was stopped; your journal is unchanged.") from None
    if summary.changed and not dry_run:
        mark_saved(ctx)
    if as_json:
        emit_json(
            {
                "entries": summary.entries,
                "changed": summary.changed,
                "added": dict(sorted(summary.added.items())),
                "removed": dict(sorted(summary.removed.items())),
                "dry_run": summary.dry_run,
            }
        )
    else:
        click.echo("\n".join(retag_lines(summary)))


@contextmanager
def _progress() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr when it is a terminal (nothing in scripts and pipes)."""
    if not sys.stderr.isatty():
        yield None
        return
    with ExitStack() as stack:
        bar: ProgressBar[int] | None = None  # opened at the first report, when the total is known
        shown = 0

        def update(done: int, total: int) -> None:
            nonlocal bar, shown
            if bar is None:
                # Its finish (show the cursor, end the line) is registered before it first draws, so
                # a Ctrl+C that lands while it draws still leaves the next sentence on a line of its own.
                fresh = click.progressbar(length=total, label="Re-tagging", file=sys.stderr)
                stack.push(fresh)
                bar = fresh.__enter__()
            bar.update(done - shown)
            shown = done

        yield update


@tags.command("reset-personal", short_help="Forget what the tagger learned from your choices.")
@click.option("--yes", is_flag=True, help="Don't ask first.")
@db_option
@click.pass_context
def reset_personal(ctx: click.Context, yes: bool) -> None:
    """Forget what the tagger learned from the tags you rejected or added by hand.

    \b
    Examples:
      journal tags reset-personal
      journal tags reset-personal --yes
    """
    with _existing_journal(ctx) as store:
        counts = store.personal_counts()
        total = sum(counts.values())
        if not total:
            click.echo("The tagger hasn't learned anything from your choices yet; nothing to forget.")
            return
        if not yes:
            question = (
                f"Forget what the tagger learned from {total} of your tag choices? "
                "Your entries and their tags stay as they are."
            )
            try:
                forget = click.confirm(question, default=False, err=True)
            except click.exceptions.Abort:  # no answer (end of input, or ctrl+c): keep them
                click.echo("", err=True)
                forget = False
            if not forget:
                click.echo("Nothing was forgotten.")
                return
        store.reset_personal()
    mark_saved(ctx)
    click.echo(f"Done: the tagger has forgotten {total} of your tag choices; your entries are as they were.")
