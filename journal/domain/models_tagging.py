"""What the tagger is taught and what it finds: the user's keywords and the tags it hits in a text.

Apart from `journal.domain.models` (which re-exports both), so reading the journal never pays to
create classes only tagging uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from journal.domain.models import Category, Span


@dataclass(frozen=True, slots=True)
class TagHit:
    """One tag the tagger found in a text, with the spans that triggered it."""

    name: str
    category: Category
    group: str | None
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class UserKeyword:
    """A word or phrase the user taught the tagger for a tag."""

    tag: str
    phrase: str
