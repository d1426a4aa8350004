"""Automatic symptom, stressor and care tagging of free text.

    >>> [h.name for h in default_tagger().tag("Couldn't sleep, ate at my desk again #nights")]
    ['sleep', 'skipped-break', 'nights']

Pure Python: knows nothing of the UI or the database. Cues live as data in `cues/`.
"""

from __future__ import annotations

from functools import cache

from journal.domain.tagging.engine import HASHTAG_RE, Tagger
from journal.domain.tagging.taxonomy import TAXONOMY

__all__ = ["HASHTAG_RE", "TAXONOMY", "Tagger", "default_tagger", "hashtags"]


@cache
def default_tagger() -> Tagger:
    """The shared tagger with built-in cues only (no user keywords or tags)."""
    return Tagger()


def hashtags(text: str) -> list[str]:
    """The `#hashtag` names in `text`, lowercased, in order of first appearance."""
    return list(dict.fromkeys(m.group(1).lower() for m in HASHTAG_RE.finditer(text)))
