"""Search snippets built in Python, at a cost bounded by what they show.

FTS5's own snippet() scores every match against every other match and tokenizes the whole entry,
so one entry of 1 MB that repeats a searched word took 26 s, and a NUL byte in the text cut off the
rest of the word after it. Here the entry's first 64 KB are looked through for the first match in
small chunks, each folded (case and diacritics, like the index's unicode61 tokenizer) and tested by
one regular expression; only a chunk that passes is walked word by word. Past that, the match is
looked for in the lowercased text by one C-speed regular expression per searched word (a phrase
whose first word is followed by other words is checked at 1,000 places at most);
a match beyond 64 KB spelled with other accents than searched is still found by the index, but its
snippet then shows the entry's start. The snippet is read from a window of at most `_WINDOW_CHARS`
characters around the match.

Highlighting follows the user's query as `fts.to_fts_query` wrote it: quoted phrases, an optional
`*` for a prefix, OR between terms, and NOT before terms that must not be shown as matches.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

#: unicode61: runs of letters and digits (the underscore separates), with their combining marks.
_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])+")
#: The same words in ASCII text, where they are runs of letters and digits (a plain range test per
#: character is quicker than the Unicode classes).
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+")
_TERM = re.compile(r'"([^"]*)"(\*?)|(\S+)')
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
#: Control characters other than tab and newline: shown as a space (the index separates words there).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

#: Characters folded and tested at a time while looking for the first match, and how far that goes.
_CHUNK, _SCAN = 16_384, 65_536
#: Past `_SCAN`, how many places where a phrase's first word is not followed by the rest are checked.
_CANDIDATES = 1000
#: Longer "words" than this are cut where a chunk or a check ends.
_LONGEST = 256
#: Characters looked at before the first match (for the words leading up to it) and after it.
_LOOK_BACK, _WINDOW_CHARS = 120, 480
#: Words shown before the first match, when there are that many.
_LEAD = 3


def fold(text: str) -> str:
    """Case and diacritics removed, as the index compares words."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


Folding = Callable[[str], str]


def _folding(ascii_text: bool) -> Folding:
    """`fold`, or for ASCII text `str.lower`, which gives the same letters at a fraction of the cost
    (nothing to decompose, and ASCII casefolds to its lowercase)."""
    return str.lower if ascii_text else fold


@dataclass(frozen=True)
class _Phrase:
    words: tuple[str, ...]
    prefix: bool  # the last word is a prefix ("super*")

    def word_matches(self, i: int, word: str) -> bool:
        if self.prefix and i == len(self.words) - 1:
            return word.startswith(self.words[i])
        return word == self.words[i]


def phrases(fts: str) -> list[_Phrase]:
    """The phrases of an FTS5 query written by `fts.py`, folded; terms after NOT are left out."""
    found: list[_Phrase] = []
    negated = False
    for m in _TERM.finditer(fts):
        quoted, star, bare = m.groups()
        if bare is not None:
            if bare == "NOT":
                negated = True
                continue
            if bare == "OR":
                continue
            star, quoted = ("*" if bare.endswith("*") else ""), bare.rstrip("*")
        words = tuple(fold(w) for w in _TOKEN.findall(quoted or ""))
        words = tuple(w for w in words if w)
        if words and not negated:
            found.append(_Phrase(words, bool(star)))
        negated = False
    return found


def _filter(found: list[_Phrase]) -> re.Pattern[str]:
    """A pattern over folded text that every match's first word passes (a cheap first test)."""
    firsts = sorted({(p.words[0], p.prefix and len(p.words) == 1) for p in found})
    parts = [re.escape(w) + ("" if prefix else r"(?![^\W_])") for w, prefix in firsts]
    return re.compile(r"(?<![^\W_])(?:" + "|".join(parts) + ")")


def _match_at(text: str, first: re.Match[str], phrase: _Phrase, limit: int, folding: Folding = fold) -> int | None:
    """Where `phrase` ends when it starts at the word `first`, or None."""
    if not phrase.word_matches(0, folding(first.group())):
        return None
    end = first.end()
    if len(phrase.words) > 1:
        rest = islice(_TOKEN.finditer(text, end, limit), len(phrase.words) - 1)
        words = list(rest)
        if len(words) < len(phrase.words) - 1:
            return None
        for i, word in enumerate(words, start=1):
            if not phrase.word_matches(i, folding(word.group())):
                return None
        end = words[-1].end()
    return end


def _first_match(text: str, found: list[_Phrase], test: re.Pattern[str] | None = None) -> tuple[int, int] | None:
    """The first match of any phrase in `text` (start, end), or None when none is found cheaply.

    The first `_SCAN` characters are looked through exactly (folded like the index folds them);
    past them, only spellings that `str.lower` gives are looked for, one C-speed pass per word, and
    at most `_CANDIDATES` places are checked in Python, so a huge entry costs a few fast passes.
    ASCII text folds to its own lowercase, letter for letter, so there only the places the cheap
    test finds are checked, not every word before them.
    """
    test = test or _filter(found)
    ascii_text = text.isascii()
    folding = _folding(ascii_text)
    start, scan = 0, min(len(text), _SCAN)
    while start < scan:
        end = min(len(text), start + _CHUNK)
        word = _TOKEN.match(text, end, min(len(text), end + _LONGEST)) if end < len(text) else None
        end = word.end() if word else end  # never cut a word in two (unless it is absurdly long)
        folded = folding(text[start:end])
        if ascii_text:
            for candidate in test.finditer(folded):
                token = _TOKEN.match(text, start + candidate.start(), end)
                hit = _phrase_at(text, token, found, folding) if token else None
                if hit is not None:
                    return hit
        elif test.search(folded):
            for token in _TOKEN.finditer(text, start, end):
                hit = _phrase_at(text, token, found)
                if hit is not None:
                    return hit
        start = end
    return _find_further(text, start, found) if start < len(text) else None


def _phrase_at(
    text: str, token: re.Match[str], found: list[_Phrase], folding: Folding = fold
) -> tuple[int, int] | None:
    for phrase in found:
        stop = _match_at(text, token, phrase, min(len(text), token.end() + _WINDOW_CHARS), folding)
        if stop is not None:
            return token.start(), stop
    return None


def _find_further(text: str, start: int, found: list[_Phrase]) -> tuple[int, int] | None:
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters lower to two: positions would not line up
        return None
    best: tuple[int, int] | None = None
    checked = 0
    for first, prefix in dict.fromkeys((p.words[0], p.prefix and len(p.words) == 1) for p in found):
        # A literal first keeps the search at C speed; the look-behind then rules out "untired".
        word = re.compile(re.escape(first) + rf"(?<![^\W_]{re.escape(first)})" + ("" if prefix else r"(?![^\W_])"))
        for m in word.finditer(lowered, start, best[0] if best else len(text)):
            token = _TOKEN.match(text, m.start(), min(len(text), m.end() + _LONGEST))
            hit = _phrase_at(text, token, found) if token else None
            if hit is not None:
                best = hit
                break
            checked += 1
            if checked >= _CANDIDATES:
                return best
    return best


def _marks(words: list[re.Match[str]], found: list[_Phrase], folding: Folding = fold) -> list[tuple[int, int]]:
    """Every phrase match among `words` (start, end in the text), overlapping ones merged."""
    folded = [folding(w.group()) for w in words]
    spans: list[tuple[int, int]] = []
    for i, word in enumerate(folded):
        for phrase in found:
            if not phrase.word_matches(0, word):
                continue
            n = len(phrase.words)
            if n == 1 or (i + n <= len(words) and all(phrase.word_matches(k, folded[i + k]) for k in range(1, n))):
                spans.append((words[i].start(), words[i + n - 1].end()))
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def make_snippet(
    text: str, fts: str, *, tokens: int = 16, marks: tuple[str, str] = ("«", "»"), ellipsis: str = "…"
) -> str:
    """About `tokens` words of `text` around its first match of `fts`, matches wrapped in `marks`.

    The work is bounded by the window shown (plus a folded scan up to the first match), never by
    how long the entry is or how often the words repeat in it.
    """
    return Snippets(fts, tokens=tokens, marks=marks, ellipsis=ellipsis)(text)


class Snippets:
    """`make_snippet` for one query over many entries: the query is read and its cheap test built
    once, not once per entry (a search printing thousands of matches makes one snippet each)."""

    def __init__(self, fts: str, *, tokens: int = 16, marks: tuple[str, str] = ("«", "»"), ellipsis: str = "…") -> None:
        self.found = phrases(fts)
        self.test = _filter(self.found) if self.found else None
        self.tokens, self.marks, self.ellipsis = tokens, marks, ellipsis
        # Words alone (no phrase of several) in ASCII text: a match is one whole word, so one
        # C-speed pattern finds the first, another the window's end, and marks every match.
        single = bool(self.found) and all(len(p.words) == 1 for p in self.found)
        self._word = _ascii_words(self.found) if single else None
        self._words = re.compile(rf"(?:[^A-Za-z0-9]*[A-Za-z0-9]+){{1,{max(1, tokens)}}}")
        opening, closing = marks
        # A function, not a "\\g<0>" template: re expands a template in Python for every match.
        self._mark: Callable[[re.Match[str]], str] = lambda m: f"{opening}{m[0]}{closing}"

    def __call__(self, text: str) -> str:
        if self._word is not None and len(text) <= _CHUNK and text.isascii():
            return self._ascii(text, self._word)
        return _snippet(text, self.found, self.test, self.tokens, self.marks, self.ellipsis)

    def _ascii(self, text: str, word: re.Pattern[str]) -> str:
        """What `_snippet` makes of short ASCII text (tests/reliability/test_print_speed.py checks
        that they agree), without walking the words one Python step at a time."""
        first = word.search(text)
        begin = _begin(text, first.span() if first else None, self.tokens, _ASCII_TOKEN)
        limit = min(len(text), begin + _WINDOW_CHARS)
        shown = self._words.match(text, begin, limit)
        if shown is None:
            return _snippet(text, self.found, self.test, self.tokens, self.marks, self.ellipsis)
        end, cut = _window_end(text, shown.end())
        marked = word.sub(self._mark, text[begin:end])
        return _CONTROL.sub(" ", (self.ellipsis if begin > 0 else "") + marked + (self.ellipsis if cut else ""))


def _ascii_words(found: list[_Phrase]) -> re.Pattern[str]:
    """One pattern for single-word phrases over ASCII text: the whole word (a prefix: the word it
    starts), as `_TOKEN` and `_Phrase.word_matches` would find it."""
    parts = [re.escape(p.words[0]) + ("[A-Za-z0-9]*" if p.prefix else "(?![A-Za-z0-9])") for p in found]
    return re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(parts) + ")", re.ASCII | re.IGNORECASE)


def _snippet(
    text: str,
    found: list[_Phrase],
    test: re.Pattern[str] | None,
    tokens: int,
    marks: tuple[str, str],
    ellipsis: str,
) -> str:
    hit = _first_match(text, found, test) if found else None
    begin = _begin(text, hit, tokens)
    limit = min(len(text), begin + _WINDOW_CHARS)
    words = list(islice(_TOKEN.finditer(text, begin, limit), tokens))
    if not words:
        shown, cut = text[begin:limit], limit < len(text)
        return _CONTROL.sub(" ", shown) + (ellipsis if cut else "")
    end, cut = _window_end(text, words[-1].end())
    out = [ellipsis] if begin > 0 else []
    pos = begin
    for s, e in _marks(words, found, _folding(text.isascii())):
        out += [text[pos:s], marks[0], text[s:e], marks[1]]
        pos = e
    out.append(text[pos:end])
    if cut:
        out.append(ellipsis)
    return _CONTROL.sub(" ", "".join(out))


def _window_end(text: str, end: int) -> tuple[int, bool]:
    """Where the shown text ends, after its last word at `end`, and whether anything is cut off."""
    cut = _TOKEN.search(text, end, min(len(text), end + _WINDOW_CHARS)) is not None or (end + _WINDOW_CHARS < len(text))
    return (end, True) if cut else (len(text), False)


def _begin(text: str, hit: tuple[int, int] | None, tokens: int, token: re.Pattern[str] = _TOKEN) -> int:
    """Where the snippet starts: a few words before the first match, or the entry's start
    (`token`: what a word is; `_ASCII_TOKEN` finds the same words in ASCII text, sooner)."""
    begin = 0
    if hit and hit[0] > 0:
        low = max(0, hit[0] - _LOOK_BACK)
        before = list(token.finditer(text, low, hit[0]))
        if low > 0 and before and before[0].start() == low:
            before = before[1:]  # that word may go on before the look-back: start at the next one
        if low == 0 and len(before) <= tokens // 2:
            before = before[:1]  # a short way in: show it from the start
        else:
            before = before[-_LEAD:]
        begin = before[0].start() if before else hit[0]
        if begin <= _LOOK_BACK and not token.search(text, 0, begin):
            begin = 0  # nothing but punctuation before it: show from the start
    return begin
