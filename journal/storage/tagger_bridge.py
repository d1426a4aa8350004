"""Building the domain tagger for a journal, and the built-in tag catalogue.

The store caches one tagger built with the journal's own keywords and tags (see StoreBase); with none
of either, the shared default tagger is used so opening a journal does not rebuild the cue trie.
"""

from __future__ import annotations

from collections.abc import Sequence

from journal.domain.models import TagDef, UserKeyword
from journal.domain.tagging import TAXONOMY, Tagger, default_tagger


def build_tagger(keywords: Sequence[UserKeyword], user_tags: Sequence[TagDef]) -> Tagger:
    """A tagger that knows the built-in cues plus this journal's keywords and tags."""
    if not keywords and not user_tags:
        return default_tagger()
    return Tagger(user_keywords=list(keywords), user_tags=list(user_tags))


def builtin_tags() -> list[TagDef]:
    """The built-in taxonomy, in its documented order."""
    return list(TAXONOMY.values())
