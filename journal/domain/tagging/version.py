"""Which tagger this is, so a journal knows when its past entries were tagged by an older one.

Bump `TAGGER_VERSION` whenever a release tags the same text differently enough that re-tagging old
entries is worth offering (a new model, a large lexicon change). The journal remembers the version
that last tagged all of it (`journal tags retag`); the app offers a re-tag once when it finds an
older one. Version 1 is the lexicon-only tagger, and journals that predate this number count as 1.
"""

from __future__ import annotations

TAGGER_VERSION = 3
