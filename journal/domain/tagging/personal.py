"""What one journal has taught the tagger: a small personal adjustment applied after it.

The shipped tagger is the same for everybody. Each person also corrects it: "not this tag" on a note,
or a tag added by hand that it missed. Those choices are kept in that person's journal as
*memories* and change later tagging there, never the shipped model.

**What is remembered** (features, never the text): the note is cut into words (lowercased, a light
suffix trim so "texts"/"texting"/"text" meet, function words dropped); a feature is one such word or
two neighbouring ones in the same sentence ("rota headache" from "the rota is a headache"). Each
feature is stored as a short checksum (`crc32`), so the journal keeps no readable fragments of what
was written.

- A rejected tag remembers the *context* of the words that triggered it: up to four content words on
  each side within their sentence, and the pairs they form, but not the trigger words alone. What made
  "headache" wrong in "the nights rota is a proper headache" is the rota, not the word headache, so an
  honest "headache since noon" stays untouched.
- A tag added by hand remembers the whole note (its first 400 features).

**Similar**: two feature sets are similar when they share at least two features and the shared
ones are at least a third of the smaller set. (Two words, or one word and the pair it makes; a third
so that one long note does not look like every short one.)

**Decision**, for each tag: when the tagger gives it and at least three remembered rejections of it
are similar to this note (and more than the similar hand-added ones), it is left out; when the
tagger does not give it and at least three remembered hand-additions are similar (and more than the
similar rejections), it is added, with the shared words as its spans, so it still explains itself.
`#hashtags` are the writer's explicit tags and are never left out. A note never counts as its own
evidence (`exclude`), so re-tagging an old note is not swayed by the choice made on it.

Pure Python and linear in the length of the text: any string, however odd, gives an answer.

Stored memories are only comparable with features made the same way: changing `_key`, `_STOP` or
the feature shapes makes old ones stale. Should that be needed, re-derive them in a migration from
the entries (their text and the refused tags' spans are still in the journal), as schema V4 does
for the refusals made before it existed.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from journal.domain.models import Category, Span, TagHit
from journal.domain.tagging.taxonomy import TAXONOMY

#: How many similar remembered notes it takes to change a tag.
MIN_SIMILAR = 3
#: Features two notes must share to be similar, and the share of the smaller set they must make up.
MIN_SHARED = 2
MIN_SHARE_RATIO = 1 / 3
#: Content words kept on each side of a rejected tag's trigger words.
WINDOW = 4
#: Features kept for a hand-added tag's note.
MAX_FEATURES = 400

REJECTED = "rejected"
ADDED = "added"

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?;\n]")
_STOP = frozenset(
    """a about above after again against all am an and any are as at be been before being below
    between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me
    more most my myself of off on once only or other our ours ourselves out over own same she should
    so some such than that the their theirs them themselves then there these they this those through
    to too under until up very was we were what when where which while who whom why will with would
    you your yours yourself yourselves im ive id ill its thats theres really quite also even still
    bit lot got get gets getting today day now well much one like such proper bloody
    absolutely absolute totally total pretty""".split()
)


def _key(word: str) -> str:
    """A word's feature key: lowercase, no apostrophes, a light suffix trim."""
    w = word.casefold()
    for tail in ("'s", "’s"):
        if w.endswith(tail):
            w = w[: -len(tail)]
    w = w.replace("'", "").replace("’", "")
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith(("ied", "ies")):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    key: str
    sentence: int


def _content_words(text: str) -> list[_Word]:
    """The text's content words in order, each with the number of its sentence."""
    words: list[_Word] = []
    sentence = 0
    last = 0
    for m in _WORD.finditer(text):
        if _SENTENCE_END.search(text, last, m.start()):
            sentence += 1
        last = m.end()
        key = _key(m.group())
        if key and key not in _STOP and (len(key) > 1 or not key.isascii()):
            words.append(_Word(m.start(), m.end(), key, sentence))
    return words


def _hash(feature: str) -> str:
    return format(zlib.crc32(feature.encode("utf-8", "surrogatepass")), "08x")


def _features(words: Sequence[_Word]) -> dict[str, tuple[int, int]]:
    """Hashed unigram and same-sentence bigram features -> the word indices they come from."""
    found: dict[str, tuple[int, int]] = {}
    for i, w in enumerate(words):
        found.setdefault(_hash("w " + w.key), (i, i))
        if i and words[i - 1].sentence == w.sentence:
            found.setdefault(_hash(f"b {words[i - 1].key} {w.key}"), (i - 1, i))
    return found


def _context(
    words: Sequence[_Word], spans: Iterable[Span], starts: Sequence[int] | None = None
) -> dict[str, tuple[int, int]]:
    """Features of the words around `spans`: the neighbours and the pairs they form, not the
    trigger words on their own. `starts` (the words' start offsets) can be shared between calls;
    the cost is that of the spans and their windows, not of the whole text."""
    if starts is None:
        starts = [w.start for w in words]
    trigger: set[int] = set()
    for s in spans:
        if s.end <= s.start:
            continue
        k = max(bisect_right(starts, s.start) - 1, 0)
        while k < len(words) and words[k].start < s.end:
            if words[k].end > s.start:
                trigger.add(k)
            k += 1
    if not trigger:
        return {}
    window: set[int] = set()
    for t in trigger:
        sentence = words[t].sentence
        for i in range(max(0, t - WINDOW), min(len(words), t + WINDOW + 1)):
            if words[i].sentence == sentence:
                window.add(i)
    found: dict[str, tuple[int, int]] = {}
    for i in sorted(window):
        w = words[i]
        if i not in trigger:
            found.setdefault(_hash("w " + w.key), (i, i))
        if i - 1 in window and words[i - 1].sentence == w.sentence and not (i in trigger and i - 1 in trigger):
            found.setdefault(_hash(f"b {words[i - 1].key} {w.key}"), (i - 1, i))
    return found


def rejection_features(text: str, spans: Iterable[Span]) -> frozenset[str]:
    """What to remember when a tag triggered by `spans` is rejected on `text`."""
    return frozenset(_context(_content_words(text), spans))


def addition_features(text: str) -> frozenset[str]:
    """What to remember when a tag is added by hand to `text`."""
    found = _features(_content_words(text))
    return frozenset(list(found)[:MAX_FEATURES])


def is_similar(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> bool:
    """The similarity rule of the module docstring."""
    if not a or not b:
        return False
    shared = len(a & b)
    return shared >= MIN_SHARED and shared >= MIN_SHARE_RATIO * min(len(a), len(b))


@dataclass(frozen=True, slots=True)
class Memory:
    """One remembered choice: `tag` was rejected on, or added by hand to, a note with `features`."""

    tag: str
    kind: str  # REJECTED or ADDED
    features: frozenset[str]
    entry_id: int | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """A tag the personal adjustment left out or added, and on how many similar notes that rests."""

    tag: str
    action: str  # "removed" or "added"
    notes: int

    def reason(self) -> str:
        if self.action == "removed":
            return f"left out: you turned this tag down on {self.notes} similar notes"
        return f"added: you added this tag by hand on {self.notes} similar notes"


@dataclass(frozen=True, slots=True)
class Adjusted:
    """The tags after the personal adjustment, and what it decided."""

    hits: list[TagHit]
    decisions: list[Decision]


def _default_def(name: str) -> tuple[Category, str | None]:
    d = TAXONOMY.get(name)
    return (d.category, d.group) if d else (Category.PERSONAL, None)


class _Group:
    """The remembered notes of one tag and kind, with an index from feature to note."""

    def __init__(self) -> None:
        self.memories: list[Memory] = []
        self.index: dict[str, list[int]] = defaultdict(list)

    def add(self, memory: Memory) -> None:
        k = len(self.memories)
        self.memories.append(memory)
        for f in memory.features:
            self.index[f].append(k)

    def similar(
        self, features: dict[str, tuple[int, int]] | frozenset[str], exclude: int | None
    ) -> list[tuple[Memory, set[str]]]:
        """The remembered notes similar to `features`, each with the features they share."""
        if not features:
            return []
        shared: dict[int, set[str]] = defaultdict(set)
        for f in features:
            for k in self.index.get(f, ()):
                shared[k].add(f)
        size = len(features)
        found = []
        for k, common in shared.items():
            memory = self.memories[k]
            if exclude is not None and memory.entry_id == exclude:
                continue
            if len(common) >= MIN_SHARED and len(common) >= MIN_SHARE_RATIO * min(size, len(memory.features)):
                found.append((memory, common))
        return found


class PersonalModel:
    """A journal's memories, ready to adjust the tagger's output. Build once, use for many notes."""

    def __init__(
        self, memories: Iterable[Memory] = (), tag_def: Callable[[str], tuple[Category, str | None]] = _default_def
    ) -> None:
        self._groups: dict[tuple[str, str], _Group] = defaultdict(_Group)
        for memory in memories:
            if memory.features and memory.kind in (REJECTED, ADDED):
                self._groups[(memory.tag, memory.kind)].add(memory)
        self._tag_def = tag_def
        self._addable = sorted(
            {tag for (tag, kind), g in self._groups.items() if kind == ADDED and len(g.memories) >= MIN_SIMILAR}
        )
        self._rejectable = {
            tag for (tag, kind), g in self._groups.items() if kind == REJECTED and len(g.memories) >= MIN_SIMILAR
        }

    def __bool__(self) -> bool:
        return bool(self._addable or self._rejectable)

    def _count(
        self, tag: str, kind: str, features: dict[str, tuple[int, int]], exclude: int | None
    ) -> list[tuple[Memory, set[str]]]:
        group = self._groups.get((tag, kind))
        return group.similar(features, exclude) if group else []

    def adjust(self, text: str, hits: Sequence[TagHit], *, exclude: int | None = None) -> Adjusted:
        """The tagger's `hits` for `text` after this journal's personal adjustment."""
        hits = list(hits)
        if not self or not text:
            return Adjusted(hits, [])
        words = _content_words(text)
        starts = [w.start for w in words]
        whole: dict[str, tuple[int, int]] | None = None
        kept: list[TagHit] = []
        decisions: list[Decision] = []
        for hit in hits:
            if hit.name not in self._rejectable or _is_hashtag(hit):
                kept.append(hit)
                continue
            # Span by span: "rota is a headache. And a real headache tonight" keeps the second.
            counts = [len(self._count(hit.name, REJECTED, _context(words, (s,), starts), exclude)) for s in hit.spans]
            spans = tuple(s for s, n in zip(hit.spans, counts, strict=True) if n < MIN_SIMILAR)
            if len(spans) < len(hit.spans):
                whole = whole if whole is not None else _features(words)
                added = len(self._count(hit.name, ADDED, whole, exclude))
                rejected = max(counts)
                if rejected > added:
                    if not spans:
                        decisions.append(Decision(hit.name, "removed", rejected))
                        continue
                    hit = TagHit(hit.name, hit.category, hit.group, spans)
            kept.append(hit)
        present = {h.name for h in hits}
        for tag in self._addable:
            if tag in present:
                continue
            whole = whole if whole is not None else _features(words)
            similar = self._count(tag, ADDED, whole, exclude)
            if len(similar) < MIN_SIMILAR or len(similar) <= len(self._count(tag, REJECTED, whole, exclude)):
                continue
            spans = _spans(text, words, whole, similar)
            if not spans:
                continue
            category, group = self._tag_def(tag)
            kept.append(TagHit(tag, category, group, spans))
            decisions.append(Decision(tag, "added", len(similar)))
        kept.sort(key=lambda h: (h.spans[0].start, h.spans[0].end, h.name) if h.spans else (0, 0, h.name))
        return Adjusted(kept, decisions)


def _is_hashtag(hit: TagHit) -> bool:
    return bool(hit.spans) and all(s.text.startswith("#") for s in hit.spans)


def _spans(
    text: str, words: Sequence[_Word], features: dict[str, tuple[int, int]], similar: Sequence[tuple[Memory, set[str]]]
) -> tuple[Span, ...]:
    """The words behind an added tag: the features most of the similar notes share with this one."""
    votes: dict[str, int] = defaultdict(int)
    for _, common in similar:
        for f in common:
            votes[f] += 1
    best = max(votes.values())
    wanted = [f for f, n in votes.items() if n >= min(best, 2)]
    ranges = sorted({(words[features[f][0]].start, words[features[f][1]].end) for f in wanted if f in features})
    merged: list[list[int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple(Span(s, e, text[s:e]) for s, e in merged)
