"""Forgiving one-letter typos in longer words: "exhuasted", "overwhelmd", "anxous", "migrane".

Only words the lexicon does not know are corrected, only towards cue words of six or more letters,
and only by one dropped, doubled-up or swapped letter, never by a changed letter: a changed letter
turns real words into other real words ("trained"/"drained", "lovely"/"lonely").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

MIN_WORD = 6  # shorter cue words are too easy to hit by accident


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_typo_apart(typed: str, key: str) -> bool:
    """One letter missing, one extra, or two neighbours swapped (no substitutions)."""
    if abs(len(typed) - len(key)) == 1:
        short, long = sorted((typed, key), key=len)
        return short in _deletes(long)
    if len(typed) == len(key):
        diffs = [i for i, (a, b) in enumerate(zip(typed, key, strict=True)) if a != b]
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and typed[diffs[0]] == key[diffs[1]]
            and typed[diffs[1]] == key[diffs[0]]
        )
    return False


class TypoIndex:
    """Finds the key of the one cue word a misspelt word most likely meant (None when unsure)."""

    def __init__(self, words: Mapping[str, str], known: Iterable[str]) -> None:
        self._keys = dict(words)
        self._known = set(known) | set(words)
        self._by_variant: dict[str, set[str]] = {}
        for word in words:
            if len(word) < MIN_WORD or not word.isalpha():
                continue
            for variant in _deletes(word) | {word}:
                self._by_variant.setdefault(variant, set()).add(word)
        self._memo: dict[str, str | None] = {}

    def correct(self, typed: str) -> str | None:
        """The key of the cue word `typed` (lowercase, as written) is one typo away from."""
        if typed in self._known or len(typed) < MIN_WORD - 1 or not typed.isalpha():
            return None
        if typed in self._memo:
            return self._memo[typed]
        candidates: set[str] = set()
        for variant in _deletes(typed) | {typed}:
            candidates |= self._by_variant.get(variant, set())
        keys = {self._keys[word] for word in candidates if _one_typo_apart(typed, word)}
        found = keys.pop() if len(keys) == 1 else None
        if len(self._memo) < 50_000:
            self._memo[typed] = found
        return found
