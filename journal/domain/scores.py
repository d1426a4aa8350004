"""The one rule for reading a 1-5 score someone wrote: a mood, an energy, a cost, a --mood-map score,
a score in an imported file's mood column.

A score is a single digit from 1 to 5, spaces around it allowed. The digit may be written in any
script's decimal digits (Arabic-Indic `٣`, Devanagari `३`, full-width `３`: each is read as 3),
because people type numbers the way their keyboard writes them. Nothing else is a score: no sign
(`+3`, `-3`), no leading zero (`03`), no fraction (`3.0`), no digit separators (`3_0`), no second
digit. Python's `int()` takes most of those, which is why every place reads scores through here.
"""

from __future__ import annotations

import unicodedata

__all__ = ["HIGHEST", "LOWEST", "parse_score"]

LOWEST, HIGHEST = 1, 5


def parse_score(text: str) -> int | None:
    """The score `text` writes (1-5), or None when it is not exactly one such digit."""
    stripped = text.strip()
    if len(stripped) != 1:
        return None
    value = unicodedata.decimal(stripped, None)
    return value if value is not None and LOWEST <= value <= HIGHEST else None
