"""The one rule that turns a tag as written into the tag's name (its slug), everywhere in the app.

Typed `#tags`, the tag box in the editor, `--tag` on the command line, the store, and every importer
(jrnl's `@c++`, a Daylio activity "good meal") all go through `tag_slug`, so the same words always
make the same tag, and different tags stay different:

    >>> [tag_slug(t) for t in ("#Night Shift", "@c++", "@c#", "@os/2", "os-2", "late_night")]
    ['night-shift', 'c++', 'c#', 'os/2', 'os-2', 'late_night']

The rule, and nothing more:

1. Unicode NFC (a composed and a decomposed "é" are one letter), then lower case.
2. Leading `#` and `@` are the markers other programs write before a tag, not part of it
   (kept when they are all there is: `#` alone stays `#`).
3. Surrounding space goes; a run of spaces (with any hyphens touching it) inside becomes one `-`,
   so "late night", "late - night" and "late-night" are one tag.
4. Every other character is kept as written: `c++`, `c#`, `os/2`, `mood:low`, emoji. Underscores
   stay underscores (`#late_night`, as typed, has always been that tag).

Names stored by earlier versions are never rewritten; the rule gives back each of them unchanged
(they were already lower case with no spaces), except a name that began with `@`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from journal.domain.models import Category, EntryTag, Source, TagDef

__all__ = ["MAX_KIND_SLUG", "MAX_TYPED_TAG", "chosen_tag", "kind_slug", "tag_slug"]

#: The longest tag name a person types in the app's tag boxes (so a tag chip stays on one line);
#: the slug rule itself has no limit, so longer names from the CLI or an import stay whole.
MAX_TYPED_TAG = 40

_MARKERS = "#@"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: A run of white space inside a name, with the hyphens that touch it.
_SEPARATOR = re.compile(r"[-\s]*\s[-\s]*")
_NOT_WORD = re.compile(r"[\W_]+")
#: The longest slug a boundary kind gets.
MAX_KIND_SLUG = 40


def tag_slug(raw: str) -> str:
    """A tag as written (`#Late Night`, `@c++`, ` good meal `) -> its name; "" only when `raw` has
    nothing but spaces (or control characters) in it."""
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFC", raw).lower())
    text = _CONTROL.sub(" ", text).strip()
    bare = text.lstrip(_MARKERS + " \t\n\r\f\v")
    if bare:
        text = bare.strip()
    return _SEPARATOR.sub("-", text)


def kind_slug(label: str) -> str:
    """The slug a boundary kind is filed under and typed as (`--kind`): `Covering for a colleague!` ->
    `covering-for-a-colleague`; empty when the label has no letters or digits.

    `tag_slug` over the label's words: punctuation and underscores part words as spaces do, so a
    kind's slug holds nothing a shell minds. The dialog that adds a kind, the store, and
    `journal boundary --kind` (matching a slug or a label) all use it."""
    return tag_slug(_NOT_WORD.sub(" ", label))[:MAX_KIND_SLUG].strip("-")


def chosen_tag(name: str, catalogue: Mapping[str, TagDef], *, rejected: bool = False) -> EntryTag:
    """A tag decided by the person rather than the tagger: added by hand (manual), or an auto tag they
    turned down (`rejected`). It keeps the category and group the journal knows it by (`catalogue`:
    the store's tag catalogue, or the built-in taxonomy), and is personal when the name is new.

    The one place this rule lives: the editor, the ritual's closing, `--tag` on the command line and
    every importer build their hand-chosen tags here."""
    known = catalogue.get(name)
    return EntryTag(
        name,
        known.category if known else Category.PERSONAL,
        known.group if known else None,
        Source.AUTO if rejected else Source.MANUAL,
        rejected=rejected,
    )
