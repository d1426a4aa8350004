"""Following the cue trie over a note's tokens: the longest cue that starts at a token.

A cue part is either a word or a class of words (a number, a few or many of something, an early or
a late hour), and a gap part lets one filler word through ("stayed [really] late"). The engine
calls `walk` once per token with a fresh `best`; this is its innermost loop.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from journal.domain.tagging.compiled import END, Trie
from journal.domain.tagging.lexicon import CLASSES, EARLY, FEW, GAP, MANY, NUM
from journal.domain.tagging.normalise import NUMBER_WORDS, Token

_HOUR_WORDS = {
    w: h for h, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
}
_HOUR_WORDS["midnight"] = 0
_COUNT_WORDS = {
    **_HOUR_WORDS,
    "midnight": -1,
    "dozen": 12,
    "hundred": 100,
    **{w: 13 + i for i, w in enumerate("thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())},
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
}


def is_number(tok: Token) -> bool:
    return tok.low[0].isdigit() or tok.low in NUMBER_WORDS


def _hour(tok: Token) -> int | None:
    """The hour a clock-time token names ("5", "17:30", "five"), or None."""
    word = tok.low
    if word in _HOUR_WORDS:
        return _HOUR_WORDS[word]
    head = word.split(":")[0].split(".")[0]
    if head.isdecimal() and len(head) <= 2:
        return int(head)
    return None


def _in_class(part: str, tok: Token) -> bool:
    if part == NUM:
        return is_number(tok)
    if part in (MANY, FEW):
        word = tok.low
        count = int(word) if word.isdecimal() and len(word) < 6 else _COUNT_WORDS.get(word)
        if count is None or count < 0:
            return False
        return count >= 6 if part == MANY else count <= 5
    hour = _hour(tok)
    if hour is None:
        return False
    if part == EARLY:
        return 1 <= hour <= 5 or 13 <= hour <= 17
    return 6 <= hour <= 11 or 18 <= hour <= 23 or hour == 0


def walk(
    node: Trie,
    tokens: Sequence[Token],
    numeric: Sequence[bool],
    k: int,
    limit: int,
    best: list[Any],
    gaps: tuple[int, ...] = (),
) -> None:
    """Follow the trie from token `k`; keep in `best` the furthest end, the cues ending there and
    the positions of the filler words that the cue's gaps swallowed."""
    ended = node.get(END)
    if ended is not None:
        if k > best[0]:
            best[0], best[1], best[2] = k, list(ended), gaps
        elif k == best[0]:
            best[1].extend(ended)
    if k < limit:
        child = node.get(tokens[k].norm)
        if child is not None:
            walk(child, tokens, numeric, k + 1, limit, best, gaps)
        if numeric[k]:
            for cls in CLASSES:
                child = node.get(cls)
                if child is not None and _in_class(cls, tokens[k]):
                    walk(child, tokens, numeric, k + 1, limit, best, gaps)
    gap = node.get(GAP)
    if gap is not None:  # one optional filler word
        walk(gap, tokens, numeric, k, limit, best, gaps)
        if k < limit:
            walk(gap, tokens, numeric, k + 1, limit, best, (*gaps, k))
