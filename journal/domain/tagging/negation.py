"""Which words negate, where a clause ends, and whether a cue sits under a negation.

Negation is scoped to a clause: split at punctuation and at joining words ("but", "and", "so"),
and looked for only a few words back, so "no headache, exhausted" still finds fatigue while
"I wasn't really anxious" does not find anxiety.
"""

from __future__ import annotations

from collections.abc import Sequence

from journal.domain.tagging.normalise import Token

NEGATORS = frozenset(
    "no not never without nor neither none nothing less nope zero nobody noone meant supposed "
    "should should've shouldve skipped skip skipping missed cancelled canceled wish".split()
)
# Words after a negator that mean the negation is not about what follows:
# "can't believe how tired", "not sure why", "didn't realise how anxious", "couldn't stop crying".
_CANCELLERS = frozenset(
    "believe sure wonder realise realize notice know think just only help stop mention surprise "
    "surprising surprised matter even mind until till idea wait".split()
)
_INTENSIFIERS = frozenset("so this that as such more ever".split())
CLAUSE_WORDS = frozenset(
    "but though although however yet and so because cos coz then while whereas when since plus "
    "whilst tho altho".split()
)
CLAUSE_PUNCT = frozenset(".;,!?\n:()[]\"/|–—…•")
WINDOW = 4  # how many words back a negator still reaches


def is_negator(word: str) -> bool:
    """Whether a lowercase word (apostrophes straightened) negates what follows."""
    return word in NEGATORS or word.endswith("n't") or word == "cannot"


def clause_starts(text: str, tokens: Sequence[Token]) -> tuple[list[int], list[int]]:
    """For each token: the index where its clause starts, and its punctuation segment number.

    Clauses (for negation) break at punctuation and joining words; segments (which a cue may not
    span) break at punctuation only, so "tossed and turned" still matches as one cue.
    """
    starts: list[int] = []
    segs: list[int] = []
    start = 0
    seg = 0
    prev_end = 0
    for i, tok in enumerate(tokens):
        if i:
            gap = text[prev_end:tok.start]
            if gap.strip() and any(ch in CLAUSE_PUNCT for ch in gap):
                seg += 1
                start = i
            elif tok.low in CLAUSE_WORDS:
                start = i
        starts.append(start)
        segs.append(seg)
        prev_end = tok.end
    return starts, segs


# Words after a cue that say it did not happen: "supervision was cancelled", "gym got skipped".
_UNDOERS = frozenset("cancelled canceled postponed scrapped skipped rescheduled".split())
# "was going to call my brother": an intention, not an event.
_INTENDING = frozenset("was were i'm am gonna".split())


def is_undone(tokens: Sequence[Token], end: int, starts: Sequence[int]) -> bool:
    """Whether a word shortly after the cue (same clause) says it was called off."""
    if end >= len(tokens):
        return False
    clause = starts[end - 1]
    for j in range(end, min(end + 3, len(tokens))):
        if starts[j] != clause:
            return False
        if tokens[j].low in _UNDOERS:
            return True
    return False


def is_negated(tokens: Sequence[Token], index: int, clause_start: int, used: set[int]) -> bool:
    """Whether the cue starting at `index` is negated by a word shortly before it in its clause.

    Negators already inside a matched cue (the "couldn't" of "couldn't sleep") are spent.
    """
    lo = max(clause_start, index - WINDOW - 1)
    for j in range(index - 1, lo - 1, -1):
        word = tokens[j].low
        if word == "going" and j > 0 and tokens[j - 1].low in _INTENDING and j + 1 < index \
                and tokens[j + 1].low == "to":
            return True
        if j in used or not is_negator(word):
            continue
        after = tokens[j + 1].low if j + 1 < len(tokens) else ""
        if after in _CANCELLERS:
            return False
        if word == "never" and j + 2 < len(tokens) and tokens[j + 2].low in _INTENSIFIERS:
            return False  # "never been so tired"
        if word == "no" and after == "wonder":
            continue
        return True
    return False
