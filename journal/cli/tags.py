"""`journal tags explain`: which tags a text would get, and which words triggered them.

It saves nothing and must not even create the journal: the user's own keywords and tags are used
only when their journal already exists; otherwise the built-in cues alone answer.
"""

from __future__ import annotations

import click

from journal.cli.common import db_option, db_path, entry_text, json_option, open_journal
from journal.cli.render import emit_json, explain_lines
from journal.domain.models import TagHit


@click.group()
@db_option
def tags() -> None:
    """Look at how the tagger reads text.

    \b
    Examples:
      journal tags explain "drained, ate at my desk again"
    """


def _hit_dict(hit: TagHit) -> dict[str, object]:
    return {
        "name": hit.name,
        "category": str(hit.category),
        "group": hit.group,
        "matches": [{"start": s.start, "end": s.end, "text": s.text} for s in hit.spans],
    }


@tags.command()
@click.argument("text", nargs=-1)
@json_option
@db_option
@click.pass_context
def explain(ctx: click.Context, text: tuple[str, ...], as_json: bool) -> None:
    """Show the tags TEXT would get and the words behind each, saving nothing.

    TEXT may be `-` (or left out with text piped in) to read it from standard input.

    \b
    Examples:
      journal tags explain "drained, ate at my desk again"
      journal tags explain --json "two paracetamol for my head"
    """
    words = entry_text(text, "text to explain")
    path = db_path(ctx)
    if path.exists():
        with open_journal(path, create=False) as store:
            hits = store.tag_text(words)
    else:
        from journal.domain.tagging import default_tagger

        hits = default_tagger().tag(words)
    if as_json:
        emit_json({"tags": [_hit_dict(h) for h in hits]})
    else:
        click.echo("\n".join(explain_lines(words, hits)))
