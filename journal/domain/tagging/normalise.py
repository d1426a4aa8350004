"""Turning raw text into comparable tokens, once, with their character offsets.

Cues and entry text go through the same `norm()` so that "EXHAUSTED", "exhaustion", "exausted" and
"Exhausting" all meet as one key. The light suffix stripper is deliberately crude: it only has to be
consistent on both sides, not linguistically right, and an explicit table catches irregular verbs,
British/American spellings and common typos.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import NamedTuple

# A word: letters with inner apostrophes (didn't, DNA'd, client’s), or a number (4, 4:30, 136).
# Hyphens split words, so "lie-in" and "lie in" meet; digits split from letters, so "4am" is 4 + am.
WORD_RE = re.compile(r"\d+(?:[:.]\d+)?|[^\W\d_]+(?:['’‘`][^\W\d_]+)*")

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})

NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve midnight thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty hundred dozen".split()
)

# Contractions typed without the apostrophe, and their long forms, meet the apostrophe spelling.
_CONTRACTIONS: dict[str, str] = {
    "cant": "can't",
    "cannot": "can't",
    "couldnt": "couldn't",
    "dont": "don't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "wasnt": "wasn't",
    "werent": "weren't",
    "isnt": "isn't",
    "arent": "aren't",
    "wont": "won't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "hadnt": "hadn't",
    "aint": "ain't",
    "im": "i'm",
    "ive": "i've",
    "id": "i'd",
    "youre": "you're",
    "theyre": "they're",
    "thats": "that's",
    "whats": "what's",
    "couldn't've": "couldn't",
    "wouldve": "would've",
    "shouldve": "should've",
    "couldve": "could've",
    "neednt": "needn't",
    "mustnt": "mustn't",
}

# Irregular forms and spellings are filled from cues/_lemmas.txt by the lexicon loader.
_STEM_CACHE: dict[str, str] = {}
_RAW_CACHE: dict[str, tuple[str, str]] = {}

_VOWELS = frozenset("aeiouy")
_SUFFIXES = ("nesses", "ness", "ments", "ment", "ions", "ion", "ings", "ing", "ful", "edly", "ed", "ly", "es", "s", "e")


class Token(NamedTuple):
    """One word of the original text: its normalised key, its lowercase form and where it sits."""

    norm: str
    low: str
    start: int
    end: int


def _strip_suffix(word: str) -> str:
    """Remove one layer of inflectional/derivational suffix, keeping at least three letters."""
    if len(word) <= 3 or "'" in word:
        return word
    if word.endswith(("ies", "ied")) and len(word) > 4:
        return word[:-3] + "y"
    for suffix in _SUFFIXES:
        if not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        if len(stem) < 3 or not (_VOWELS & set(stem)):
            continue
        if suffix == "s" and word.endswith(("ss", "us", "is")):
            continue
        if suffix == "es" and not word.endswith(("ches", "shes", "sses", "xes", "zes")):
            stem = word[:-1]
        if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
            stem = stem[:-1]
        return stem
    return word


def pure_stem(word: str) -> str:
    """Strip suffixes until stable: "tiredness" -> "tired" -> "tir". No table involved."""
    prev = None
    while prev != word:
        prev, word = word, _strip_suffix(word)
    return word


def stem(word: str, lemmas: Mapping[str, str]) -> str:
    """The comparison key of one lowercase word (cached; words repeat a lot).

    `lemmas` maps irregular forms, spellings and typos straight to their final key; it is also
    consulted after each suffix is stripped, so "behaviors" finds the entry for "behavior".
    """
    cached = _STEM_CACHE.get(word)
    if cached is not None:
        return cached
    base = _CONTRACTIONS.get(word, word)
    if base.endswith("'s"):
        base = base[:-2]
    if base in lemmas:
        base = lemmas[base]
    elif "'" not in base:
        if "iz" in base and base.endswith(("ize", "ized", "izing", "ization", "izes", "izations")):
            base = base.replace("iz", "is")
        prev = None
        while prev != base:
            prev, base = base, _strip_suffix(base)
            if base in lemmas:
                base = lemmas[base]
                break
    if len(_STEM_CACHE) < 200_000:
        _STEM_CACHE[word] = base
    return base


def clear_cache() -> None:
    """Forget cached stems (the lemma table changed)."""
    _STEM_CACHE.clear()
    _RAW_CACHE.clear()


def tokenise(text: str, lemmas: Mapping[str, str]) -> list[Token]:
    """Every word of `text` with its key and offsets into the original string."""
    out: list[Token] = []
    append = out.append
    known = _RAW_CACHE.get
    new = tuple.__new__  # a NamedTuple's own __new__ is a slow Python function
    for m in WORD_RE.finditer(text):
        raw = m.group()
        keys = known(raw)
        if keys is None:
            keys = _keys(raw, lemmas)
        start, end = m.span()
        append(new(Token, (keys[0], keys[1], start, end)))
    return out


def _keys(raw: str, lemmas: Mapping[str, str]) -> tuple[str, str]:
    """(key, lowercase form) of a word as it appears in text, remembered for next time."""
    word = raw.lower()
    if "’" in word or "‘" in word or "`" in word:
        word = word.translate(_APOSTROPHES)
    keys = (stem(word, lemmas), _CONTRACTIONS.get(word, word))
    if len(_RAW_CACHE) < 200_000:
        _RAW_CACHE[raw] = keys
    return keys


def iter_words(phrase: str) -> Iterator[str]:
    """The lowercase words of a cue phrase (for loading cues and user keywords)."""
    for m in WORD_RE.finditer(phrase):
        yield m.group().lower().translate(_APOSTROPHES)
