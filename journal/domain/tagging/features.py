"""What the learned tagger sees in a text: words, pieces of words and the cue engine's reading.

One function, `featurise`, is used both to train the model (`scripts/train_tagger.py`) and to apply
it, so the two can never drift apart. A text becomes a set of named features:

- `w:KEY`   a word by its engine key ("exhausted", "exhaustion", "exausted" -> one key);
- `c:GRAM`  3- to 5-letter pieces of each distinct word, edges marked ("<51", "50'd>"), so typos,
            slang and new coinages ("5150'd", "knackerd") could share evidence with known words
            (built but off in the shipped model: cross-validation by writer scored them worse);
- `b:K1 K2` two neighbouring words in the same stretch of text (no punctuation between them);
- `n:KEY`   a word under a negation a few words back in its clause ("didn't *drink*");
- `e:TAG`   the engine found the tag (a cue, not negated, not a wish, not someone else's...);
- `s:WHY:TAG` a cue of the tag that the engine dropped, and why (negated, undone, wish, topic,
            quoted, other);
- `p:TAG`   a cue of the tag in a sentence that speaks of the past ("used to", "years ago", "sober").

`word_features` is the part that depends on one word alone, so inference can cache each word's
contribution; `token_features` says which token each feature came from, for explaining a tag.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from journal.domain.tagging.negation import is_negator
from journal.domain.tagging.normalise import Token

if TYPE_CHECKING:
    from journal.domain.tagging.engine import Analysis

#: Words that put a sentence in the past or say a habit has stopped.
PAST_WORDS = frozenset("used ago anymore sober clean formerly previously once longer lately before recovery".split())
_PAST_PAIRS = frozenset(
    {
        ("used", "to"),
        ("last", "year"),
        ("no", "longer"),
        ("any", "more"),
        ("back", "then"),
        ("back", "when"),
        ("years", "ago"),
        ("in", "recovery"),
    }
)
NEG_REACH = 3  # a negation marks at most this many words after it, within its clause
MIN_GRAM, MAX_GRAM = 3, 5


def word_features(low: str, key: str, chars: bool = True) -> list[str]:
    """The features of one word on its own: its key and the letter n-grams of its written form."""
    out = [f"w:{key}"]
    padded = f"<{low}>"
    n = len(padded)
    if n > 40 or not chars:  # a run of letters this long is not a word: its key is evidence enough
        return out
    for size in range(MIN_GRAM, MAX_GRAM + 1):
        for i in range(n - size + 1):
            out.append("c:" + padded[i : i + size])
    return out


def negated_positions(tokens: Sequence[Token], starts: Sequence[int]) -> list[int]:
    """Indexes of the words a negation reaches: up to NEG_REACH words after it, in its clause."""
    out = []
    reach_until = -1
    clause = -1
    for i, tok in enumerate(tokens):
        if starts[i] != clause:
            reach_until = -1
        if i <= reach_until:
            out.append(i)
        if is_negator(tok.low):
            reach_until = i + NEG_REACH
            clause = starts[i]
    return out


def _past_segments(tokens: Sequence[Token], segs: Sequence[int]) -> set[int]:
    """Segments (stretches between punctuation) that speak of the past or of a habit that stopped."""
    found = set()
    for i, tok in enumerate(tokens):
        word = tok.low
        if word in PAST_WORDS:
            if word == "used" and not (i + 1 < len(tokens) and tokens[i + 1].low == "to"):
                continue
            found.add(segs[i])
        elif i + 1 < len(tokens) and (word, tokens[i + 1].low) in _PAST_PAIRS:
            found.add(segs[i])
    return found


def token_features(
    a: Analysis,
) -> tuple[dict[tuple[str, str], list[int]], list[tuple[str, tuple[int, int]]], list[str]]:
    """The features of an analysed text, grouped for scoring and explaining.

    Returns (words, pairs, engine): `words` maps each distinct (lowercase form, key) to the token
    positions where it occurs; `pairs` lists the bigram and negation features with the tokens they
    came from; `engine` lists the engine's features.
    """
    tokens, starts, segs = a.tokens, a.starts, a.segs
    words: dict[tuple[str, str], list[int]] = {}
    for i, tok in enumerate(tokens):
        words.setdefault((tok.low, tok.norm), []).append(i)
    pairs: list[tuple[str, tuple[int, int]]] = []
    for i in range(len(tokens) - 1):
        if segs[i] == segs[i + 1]:
            pairs.append((f"b:{tokens[i].norm} {tokens[i + 1].norm}", (i, i + 1)))
    for i in negated_positions(tokens, starts):
        pairs.append((f"n:{tokens[i].norm}", (i, i)))
    engine: list[str] = [f"e:{h.name}" for h in a.hits]
    past = _past_segments(tokens, segs) if a.events else set()
    for ev in a.events:
        for tag in ev.tags:
            if ev.reason is not None:
                engine.append(f"s:{ev.reason}:{tag}")
            if segs[ev.first] in past:
                engine.append(f"p:{tag}")
    return words, pairs, engine


def featurise(a: Analysis, chars: bool = True) -> set[str]:
    """Every feature present in an analysed text (the training view; see the module docstring).

    Features are present or absent, never counted: a long paragraph is not ten times as tired as
    a fragment for saying "tired" ten times.
    """
    words, pairs, engine = token_features(a)
    bag: set[str] = set()
    for low, key in words:
        bag.update(word_features(low, key, chars))
    bag.update(name for name, _ in pairs)
    bag.update(engine)
    return bag
