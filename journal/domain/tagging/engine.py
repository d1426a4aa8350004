"""Matching cue token sequences against an entry's tokens.

The text is tokenised once; at each token the index offers only the cues that start with that
token's key, longest first, so the cost grows with the entry, not with the lexicon. The longest cue
wins at a position and consumes its words: "slept well" (rest) hides the "slept" inside it, and a
blocker such as "blood pressure" hides "pressure" while tagging nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, NamedTuple

from journal.domain.models import Category, Span, TagDef, TagHit, UserKeyword
from journal.domain.tagging import compiled
from journal.domain.tagging.fuzzy import TypoIndex
from journal.domain.tagging.irrealis import EVENT_STRESSORS, is_irrealis
from journal.domain.tagging.lexicon import Cue, make_cues
from journal.domain.tagging.mention import in_scare_quotes, is_topic
from journal.domain.tagging.negation import (
    belongs_to_someone_else,
    clause_starts,
    is_negated,
    is_undone,
    subject_is_someone_else,
)
from journal.domain.tagging.normalise import Token, iter_words, tokenise
from journal.domain.tagging.taxonomy import TAXONOMY
from journal.domain.tagging.tears import drop_happy_tears
from journal.domain.tagging.walk import is_number, walk
from journal.domain.tags import tag_slug

# "#word" and "#after-hours": a letter first, not glued to a preceding word ("C#", "&#39;"). The
# "#" comes first and the look back after it, so the regex engine can skip straight to each "#"
# instead of trying the look back at every character of a long note.
HASHTAG_RE = re.compile(r"#(?<![\w#&]#)([^\W\d_](?:[\w]|-(?=\w))*)")


Trie = compiled.Trie  # token -> sub-trie; "" -> the cues that end at this node


# Care that only counts when the writer does it: "he plays football" is not the writer's exercise.
_OWN_ACTIVITIES = frozenset("exercise hobby rest mindfulness connection substance-use".split())


def _literal(phrase: str) -> str:
    """A user's phrase as plain words, so cue-file syntax in it ("*", "|", "$") means nothing."""
    return " ".join(iter_words(phrase))


@cache
def _builtin_trie() -> Trie:
    # The compiled index (cached on disk, rebuilt when a cue file or this code changes) is the same
    # trie with identical subtrees merged: ~30 ms and ~10 MB to load instead of seconds and 150 MB.
    return compiled.builtin().trie


@cache
def _typos() -> TypoIndex:
    index = compiled.builtin()
    return TypoIndex(index.words, known=index.known)


def _with_typos_fixed(tokens: list[Token]) -> list[Token]:
    """Tokens whose unknown keys are one typo from a cue word take that word's key."""
    typos = _typos()
    fixed = tokens
    for i, tok in enumerate(tokens):
        if tok.norm in _builtin_trie():
            continue
        key = typos.correct(tok.low)
        if key is not None:
            if fixed is tokens:
                fixed = list(tokens)
            fixed[i] = tok._replace(norm=key)
    return fixed


def _segment_ends(segs: Sequence[int]) -> list[int]:
    """For each token, the index just past the last token of its punctuation segment."""
    ends = [0] * len(segs)
    end = len(segs)
    for i in range(len(segs) - 1, -1, -1):
        if i + 1 < len(segs) and segs[i + 1] != segs[i]:
            end = i + 1
        ends[i] = end
    return ends


def _outside(tokens: list[Token], spans: Sequence[tuple[int, int]]) -> list[Token]:
    """The tokens that do not start inside any of the (sorted, disjoint) spans."""
    kept = []
    k = 0
    for tok in tokens:
        while k < len(spans) and spans[k][1] <= tok.start:
            k += 1
        if k < len(spans) and spans[k][0] <= tok.start:
            continue
        kept.append(tok)
    return kept


class CueEvent(NamedTuple):
    """One cue match: its tags, words, token range, why it does not count (None: it does) and
    whether it is one of the user's own keywords."""

    tags: tuple[str, ...]
    span: Span
    first: int
    end: int
    reason: str | None
    user: bool


class Analysis(NamedTuple):
    """What the engine found in a text (`hits`) and how (see `Tagger.analyse`)."""

    hits: list[TagHit]
    tokens: list[Token]
    events: tuple[CueEvent, ...]
    hashtags: frozenset[str]
    #: per token: where its clause starts and its punctuation segment (see `clause_starts`)
    starts: list[int]
    segs: list[int]


class Tagger:
    """Finds built-in, user-made and `#hashtag` tags in free text, with the words that triggered them.

    Build one per set of user data; `tag()` is pure and deterministic, so the store can compare
    today's tags with those it saved (and keep rejected ones rejected).
    """

    def __init__(self, user_keywords: Iterable[UserKeyword] = (), user_tags: Iterable[TagDef] = ()) -> None:
        self._lemmas = compiled.builtin().lemmas
        self._defs: dict[str, TagDef] = dict(TAXONOMY)
        cues: list[Cue] = []
        for tag in user_tags:
            name = tag_slug(tag.name)
            if not name or name in TAXONOMY:
                continue
            self._defs[name] = TagDef(name, tag.category, tag.group, tag.description)
            cues.extend(make_cues(name, _literal(name), self._lemmas))
        for kw in user_keywords:
            name = tag_slug(kw.tag)
            if name and kw.phrase.strip():
                cues.extend(make_cues(name, _literal(kw.phrase), self._lemmas))
        # The built-in trie is shared by every Tagger; the user's cues get a small trie of their own,
        # so teaching a keyword costs milliseconds, not a rebuild of the whole lexicon.
        self._tries = (_builtin_trie(), compiled.plain_trie(cues)) if cues else (_builtin_trie(),)
        self._user_cues = frozenset(cues)
        self._roots = frozenset().union(*self._tries)

    def _personal_state(self, name: str) -> bool:
        """Whether a tag names the writer's own state, so "her anxiety" is not it.

        Intrusive thoughts are about other people by nature ("his words keep echoing").
        """
        return self.tag_def(name).category == Category.SYMPTOM and name != "intrusive-thoughts"

    def tag_def(self, name: str) -> TagDef:
        """The definition of a tag this tagger can produce (unknown names are personal tags)."""
        return self._defs.get(name) or TagDef(name, Category.PERSONAL)

    def tag(self, text: str) -> list[TagHit]:
        """Every tag in `text`, one hit per tag, spans sorted, hits ordered by their first span."""
        return self.analyse(text).hits

    def analyse(self, text: str) -> Analysis:
        """The tags of `text` together with what the learned model reads from the engine: the
        tokens, every cue match (also those dropped, and why) and the hashtags."""
        found: dict[str, list[Span]] = defaultdict(list)
        hashtag_spans = self._hashtags(text, found)
        hashtag_names = frozenset(found)
        tokens = tokenise(text, self._lemmas)
        if hashtag_spans:
            tokens = _outside(tokens, hashtag_spans)
        tokens = _with_typos_fixed(tokens)
        trace: list[CueEvent] = []
        starts, segs = self._match_cues(text, tokens, found, trace)
        drop_happy_tears(found)
        hits = []
        for name, spans in found.items():
            d = self.tag_def(name)
            ordered = tuple(sorted(set(spans), key=lambda s: (s.start, s.end)))
            hits.append(TagHit(d.name, d.category, d.group, ordered))
        hits.sort(key=lambda h: (h.spans[0].start, h.spans[0].end, h.name))
        return Analysis(hits, tokens, tuple(trace), hashtag_names, starts, segs)

    def _hashtags(self, text: str, found: dict[str, list[Span]]) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        if "#" not in text:
            return spans
        for m in HASHTAG_RE.finditer(text):
            name = tag_slug(m.group(1))
            found[name].append(Span(m.start(), m.end(), m.group()))
            spans.append((m.start(), m.end()))
        return spans

    def _match_cues(
        self, text: str, tokens: list[Token], found: dict[str, list[Span]], trace: list[CueEvent]
    ) -> tuple[list[int], list[int]]:
        starts, segs = clause_starts(text, tokens)
        seg_ends = _segment_ends(segs)
        numeric = [is_number(tok) for tok in tokens]
        used: set[int] = set()
        roots = self._roots
        i = 0
        while i < len(tokens):
            if tokens[i].norm not in roots and not numeric[i]:
                i += 1
                continue
            end, cues, gaps = self._longest(tokens, numeric, i, seg_ends[i])
            if end < 0:
                i += 1
                continue
            self._record(text, tokens, i, end, cues, starts, segs, used, found, trace)
            # A filler word inside a cue can be a cue of its own: "can't get the 999 call out of
            # my head" is intrusive thoughts and a crisis.
            for g in gaps:
                g_end, g_cues, _ = self._longest(tokens, numeric, g, g + 1)
                if g_end > 0:
                    self._record(text, tokens, g, g_end, g_cues, starts, segs, used, found, trace)
            i = end
        return starts, segs

    def _longest(
        self, tokens: Sequence[Token], numeric: Sequence[bool], i: int, limit: int
    ) -> tuple[int, list[Cue], tuple[int, ...]]:
        """The longest cue match starting at token `i` across the built-in and user tries."""
        best: list[Any] = [-1, [], ()]
        norm = tokens[i].norm
        for trie in self._tries:
            if norm in trie or numeric[i]:
                walk(trie, tokens, numeric, i, limit, best)
        return best[0], best[1], best[2]

    def _record(
        self,
        text: str,
        tokens: Sequence[Token],
        i: int,
        end: int,
        cues: list[Cue],
        starts: Sequence[int],
        segs: Sequence[int],
        used: set[int],
        found: dict[str, list[Span]],
        trace: list[CueEvent],
    ) -> None:
        """Add the tags of a match at tokens [i, end) unless negated, undone or someone else's."""
        tagged = [c.tag for c in cues if c.tag is not None]
        reason = self._why_not(text, tokens, i, end, cues, tagged, starts, segs, used)
        first, last = tokens[i], tokens[end - 1]
        span = Span(first.start, last.end, text[first.start : last.end])
        if tagged:
            user = any(c in self._user_cues for c in cues)
            trace.append(CueEvent(tuple(dict.fromkeys(tagged)), span, i, end, reason, user))
        if reason is None:
            for cue in cues:
                if cue.tag is not None:
                    found[cue.tag].append(span)

    def _why_not(
        self,
        text: str,
        tokens: Sequence[Token],
        i: int,
        end: int,
        cues: list[Cue],
        tagged: list[str],
        starts: Sequence[int],
        segs: Sequence[int],
        used: set[int],
    ) -> str | None:
        """Why a match does not count ("negated", "undone", "wish", "topic", "quoted", "other"),
        or None when it does."""
        kinds = {self.tag_def(t).category for t in tagged}
        care = bool(tagged) and kinds == {Category.CARE}
        # Someone else's hopes can be the writer's meaningful moment: "she's going to try college".
        event = bool(tagged) and all(
            t in EVENT_STRESSORS or (self.tag_def(t).category == Category.CARE and t != "meaningful-moment")
            for t in tagged
        )
        reason = None
        if not cues[0].self_negated:
            if is_negated(tokens, i, starts[i], used):
                reason = "negated"
            elif is_undone(tokens, end, starts, care):
                reason = "undone"
        used.update(range(i, end))
        if reason is None and event and is_irrealis(tokens, i, end, segs):
            reason = "wish"
        if reason is None and kinds and Category.PERSONAL not in kinds:
            if is_topic(tokens, i, segs, stressor=Category.STRESSOR in kinds):
                reason = "topic"
            elif care and in_scare_quotes(text, tokens[i].start, tokens[end - 1].end):
                reason = "quoted"
        if (
            reason is None
            and tagged
            and all(self._personal_state(t) for t in tagged)
            and belongs_to_someone_else(tokens, i, end, segs)
        ):
            reason = "other"
        if (
            reason is None
            and tagged
            and all(t in _OWN_ACTIVITIES for t in tagged)
            and subject_is_someone_else(tokens, i, segs)
        ):
            reason = "other"
        return reason
