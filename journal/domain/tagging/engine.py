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

from journal.domain.models import Category, Span, TagDef, TagHit, UserKeyword
from journal.domain.tagging.lexicon import GAP, NUM, Cue, load_lexicon, make_cues
from journal.domain.tagging.negation import clause_starts, is_negated
from journal.domain.tagging.normalise import NUMBER_WORDS, Token, tokenise
from journal.domain.tagging.taxonomy import TAXONOMY

# "#word" and "#after-hours": a letter first, not glued to a preceding word ("C#", "&#39;").
HASHTAG_RE = re.compile(r"(?<![\w#&])#([^\W\d_](?:[\w]|-(?=\w))*)")


def _is_number(tok: Token) -> bool:
    return tok.low[0].isdigit() or tok.low in NUMBER_WORDS


def _match(parts: Sequence[str], tokens: Sequence[Token], i: int, limit: int) -> int:
    """Index just past a match of `parts` starting at token `i` (within `limit`), or -1."""
    k = i
    for n, part in enumerate(parts):
        if part == GAP:
            # one optional filler word: try without it first, then with it
            rest = parts[n + 1:]
            end = _match(rest, tokens, k, limit)
            if end < 0 and k < limit:
                end = _match(rest, tokens, k + 1, limit)
            return end
        if k >= limit:
            return -1
        tok = tokens[k]
        if part == NUM:
            if not _is_number(tok):
                return -1
        elif tok.norm != part:
            return -1
        k += 1
    return k


class Tagger:
    """Finds built-in, user-made and `#hashtag` tags in free text, with the words that triggered them.

    Build one per set of user data; `tag()` is pure and deterministic, so the store can compare
    today's tags with those it saved (and keep rejected ones rejected).
    """

    def __init__(
        self, user_keywords: Iterable[UserKeyword] = (), user_tags: Iterable[TagDef] = ()
    ) -> None:
        lexicon = load_lexicon()
        self._lemmas = lexicon.lemmas
        self._defs: dict[str, TagDef] = dict(TAXONOMY)
        cues: list[Cue] = list(lexicon.cues)
        for tag in user_tags:
            name = tag.name.strip().lower()
            if not name or name in TAXONOMY:
                continue
            self._defs[name] = TagDef(name, tag.category, tag.group, tag.description)
            cues.extend(make_cues(name, name.replace("-", " ").replace("_", " "), self._lemmas))
        for kw in user_keywords:
            name = kw.tag.strip().lower()
            if name and kw.phrase.strip():
                cues.extend(make_cues(name, kw.phrase.replace("|", " "), self._lemmas))
        index: dict[str, list[Cue]] = defaultdict(list)
        for cue in dict.fromkeys(cues):
            index[cue.parts[0]].append(cue)
        for bucket in index.values():
            bucket.sort(key=lambda c: -len(c.parts))
        self._index = dict(index)

    def tag_def(self, name: str) -> TagDef:
        """The definition of a tag this tagger can produce (unknown names are personal tags)."""
        return self._defs.get(name) or TagDef(name, Category.PERSONAL)

    def tag(self, text: str) -> list[TagHit]:
        """Every tag in `text`, one hit per tag, spans sorted, hits ordered by their first span."""
        found: dict[str, list[Span]] = defaultdict(list)
        hashtag_spans = self._hashtags(text, found)
        tokens = tokenise(text, self._lemmas)
        if hashtag_spans:
            tokens = [t for t in tokens if not any(s <= t.start < e for s, e in hashtag_spans)]
        self._match_cues(text, tokens, found)
        hits = []
        for name, spans in found.items():
            d = self.tag_def(name)
            ordered = tuple(sorted(set(spans), key=lambda s: (s.start, s.end)))
            hits.append(TagHit(d.name, d.category, d.group, ordered))
        hits.sort(key=lambda h: (h.spans[0].start, h.spans[0].end, h.name))
        return hits

    def _hashtags(self, text: str, found: dict[str, list[Span]]) -> list[tuple[int, int]]:
        spans = []
        if "#" not in text:
            return spans
        for m in HASHTAG_RE.finditer(text):
            name = m.group(1).lower()
            found[name].append(Span(m.start(), m.end(), m.group()))
            spans.append((m.start(), m.end()))
        return spans

    def _match_cues(self, text: str, tokens: list[Token], found: dict[str, list[Span]]) -> None:
        starts, segs = clause_starts(text, tokens)
        index = self._index
        used: set[int] = set()
        n = len(tokens)
        i = 0
        while i < n:
            bucket = index.get(tokens[i].norm)
            if bucket is None:
                i += 1
                continue
            seg = segs[i]
            limit = i + 1
            while limit < n and segs[limit] == seg:
                limit += 1
            best_end, best = -1, []
            for cue in bucket:
                if len(cue.parts) < best_end - i:
                    break  # sorted longest first: nothing later can be as long
                end = _match(cue.parts, tokens, i, limit)
                if end > best_end:
                    best_end, best = end, [cue]
                elif end == best_end and end > 0:
                    best.append(cue)
            if best_end < 0:
                i += 1
                continue
            negated = not best[0].self_negated and is_negated(tokens, i, starts[i], used)
            used.update(range(i, best_end))
            if not negated:
                span = Span(tokens[i].start, tokens[best_end - 1].end,
                            text[tokens[i].start:tokens[best_end - 1].end])
                for cue in best:
                    if cue.tag is not None:
                        found[cue.tag].append(span)
            i = best_end
