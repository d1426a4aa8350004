"""Forgiving one-letter typos in longer words: "exhuasted", "overwhelmd", "anxous", "migrane".

Only words the lexicon does not know are corrected, only towards cue words of six or more letters,
and only by one dropped, doubled-up or swapped letter, never by a changed letter: a changed letter
turns real words into other real words ("trained"/"drained", "lovely"/"lonely").

The index holds nothing but the cue words themselves: the spellings one typo away from an unknown
word are generated when that word is first met (a few hundred set lookups, remembered per word).
An index of every cue word's one-letter deletions would answer the same, but it costs some 20,000
sets and 6 MB for the life of the process, where the lookups cost tens of microseconds per unusual
word.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

MIN_WORD = 6  # shorter cue words are too easy to hit by accident
_MEMO_LIMIT = 50_000


def _one_typo_away(typed: str, letters: str) -> set[str]:
    """Every spelling one dropped letter, one added letter (from `letters`) or one swap of two
    neighbours away from `typed`: the words `typed` could be a one-letter slip of."""
    n = len(typed)
    found = {typed[:i] + typed[i + 1 :] for i in range(n)}  # typed has an extra letter
    found.update(typed[:i] + c + typed[i:] for i in range(n + 1) for c in letters)  # typed lost one
    found.update(typed[:i] + typed[i + 1] + typed[i] + typed[i + 2 :] for i in range(n - 1) if typed[i] != typed[i + 1])
    found.discard(typed)
    return found


class TypoIndex:
    """Finds the key of the one cue word a misspelt word most likely meant (None when unsure)."""

    def __init__(self, words: Mapping[str, str], known: Iterable[str]) -> None:
        self._keys = words
        self._known = known if isinstance(known, (set, frozenset)) else frozenset(known)
        #: the cue words typos are corrected towards (long enough, letters only)
        self._targets = frozenset(w for w in words if len(w) >= MIN_WORD and w.isalpha())
        self._letters = "".join(sorted({c for w in self._targets for c in w}))
        self._memo: dict[str, str | None] = {}

    def correct(self, typed: str) -> str | None:
        """The key of the cue word `typed` (lowercase, as written) is one typo away from."""
        if typed in self._known or typed in self._keys or len(typed) < MIN_WORD - 1 or not typed.isalpha():
            return None
        memo = self._memo
        if typed in memo:
            return memo[typed]
        keys = {self._keys[w] for w in _one_typo_away(typed, self._letters) & self._targets}
        found = keys.pop() if len(keys) == 1 else None
        if len(memo) < _MEMO_LIMIT:
            memo[typed] = found
        return found
