"""Building the domain tagger for a journal, and the built-in tag catalogue.

The store caches one tagger built with the journal's own keywords and tags (see StoreBase); with none
of either, the shared default tagger is used so opening a journal does not rebuild the cue trie.
The tagging engine is imported only when the first entry is tagged (`journal.domain.tagging` loads
it lazily); opening a journal needs just the taxonomy.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from journal.domain.models import TagDef
from journal.domain.tagging import TAXONOMY, default_tagger

if TYPE_CHECKING:
    from journal.domain.models import UserKeyword
    from journal.domain.tagging import Tagger


def build_tagger(keywords: Sequence[UserKeyword], user_tags: Sequence[TagDef]) -> Tagger:
    """A tagger that knows the built-in cues plus this journal's keywords and tags."""
    from journal.domain.tagging import Tagger

    if not keywords and not user_tags:
        return default_tagger()
    return Tagger(user_keywords=list(keywords), user_tags=list(user_tags))


def builtin_tags() -> list[TagDef]:
    """The built-in taxonomy, in its documented order."""
    return list(TAXONOMY.values())
