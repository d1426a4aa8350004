"""The tagger the app uses: the learned model decides, the cue engine supplies the words.

For each built-in tag the model (`model.py`) gives a calibrated probability from the text's words,
pieces of words and the cue engine's reading of it (cues found, and cues dropped as negated, wished
for, someone else's, a topic of the work or in the past). A tag is given when its probability
reaches the tag's threshold, chosen by cross-validation over writers: a lower one when the cue
engine found the tag too (a cue needs less confirmation), a higher one for words alone. Its
spans are, in order:

1. the engine's cue words for that tag, when the engine found it too;
2. else the words of a cue of that tag that the engine had dropped (the model overruled it);
3. else the words that carried the decision: the tokens contributing most to the tag's score.

So no tag is without words behind it. What the user asked for always stands: a `#hashtag` and a
keyword the user taught (Ctrl+T) give their tag whatever the model says. Without a readable model
the tagger is the cue engine alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from journal.domain.models import Span, TagDef, TagHit, UserKeyword
from journal.domain.tagging import engine
from journal.domain.tagging.features import token_features
from journal.domain.tagging.model import Model, shipped
from journal.domain.tagging.normalise import Token

MAX_WORDS = 3  # at most this many words stand behind a tag the model found without a cue


class Decision(NamedTuple):
    """Why a tag was given: by the model (`probability` >= `threshold`), by the user's own
    keyword or hashtag (`source` "user"), or by the cue engine alone (no model: "engine")."""

    name: str
    probability: float | None
    threshold: float | None
    source: str  # "model+cue", "model", "user", "engine"


class Tagger(engine.Tagger):
    """The combined tagger (same interface as the cue engine's `Tagger`)."""

    def __init__(
        self, user_keywords: Iterable[UserKeyword] = (), user_tags: Iterable[TagDef] = (), model: Model | None = None
    ) -> None:
        super().__init__(user_keywords, user_tags)
        self._model = model

    @property
    def model(self) -> Model | None:
        return self._model or shipped()

    def tag(self, text: str) -> list[TagHit]:
        return [hit for hit, _ in self.decide(text)]

    def probabilities(self, text: str) -> dict[str, float]:
        """The model's calibrated probability of every built-in tag (empty without a model)."""
        model = self.model
        if model is None:
            return {}
        a = self.analyse(text)
        return dict(zip(model.tags, model.probabilities(self._scores(model, text, a)[0]), strict=True))

    def decide(self, text: str) -> list[tuple[TagHit, Decision]]:
        """Every tag with the reason it was given, ordered like `tag()`."""
        a = self.analyse(text)
        model = self.model
        if model is None:
            return [(h, Decision(h.name, None, None, "engine")) for h in a.hits]
        scores, words, pairs = self._scores(model, text, a)
        probs = model.probabilities(scores)
        engine_hits = {h.name: h for h in a.hits}
        user_given = set(a.hashtags) | {t for ev in a.events if ev.user and ev.reason is None for t in ev.tags}
        out: list[tuple[TagHit, Decision]] = []
        decided: set[str] = set()
        for t, name in enumerate(model.tags):
            hit = engine_hits.get(name)
            threshold = model.cue_thresholds[t] if hit is not None else model.thresholds[t]
            if probs[t] < threshold or name in user_given:
                continue
            decided.add(name)
            if hit is not None:
                out.append((hit, Decision(name, probs[t], threshold, "model+cue")))
                continue
            spans = self._dropped_cue_spans(a.events, name) or self._carrying_words(
                model, t, text, a.tokens, words, pairs
            )
            if spans:
                d = self.tag_def(name)
                out.append((TagHit(name, d.category, d.group, spans), Decision(name, probs[t], threshold, "model")))
        for name, hit in engine_hits.items():
            if name in decided:
                continue
            if name in user_given or name not in model.tags:
                idx = model.tags.index(name) if name in model.tags else -1
                out.append(
                    (
                        hit,
                        Decision(
                            name, probs[idx] if idx >= 0 else None, model.thresholds[idx] if idx >= 0 else None, "user"
                        ),
                    )
                )
        out.sort(key=lambda hd: (hd[0].spans[0].start, hd[0].spans[0].end, hd[0].name))
        return out

    @staticmethod
    def _scores(
        model: Model, text: str, a: engine.Analysis
    ) -> tuple[list[float], dict[tuple[str, str], list[int]], list[tuple[str, tuple[int, int]]]]:
        words, pairs, eng = token_features(a)
        present = model.present(words, [*(name for name, _ in pairs), *eng])
        return model.scores(present), words, pairs

    @staticmethod
    def _dropped_cue_spans(events: Sequence[engine.CueEvent], name: str) -> tuple[Span, ...]:
        spans = {ev.span for ev in events if name in ev.tags}
        return tuple(sorted(spans, key=lambda s: (s.start, s.end)))

    @staticmethod
    def _carrying_words(
        model: Model,
        t: int,
        text: str,
        tokens: Sequence[Token],
        words: dict[tuple[str, str], list[int]],
        pairs: Sequence[tuple[str, tuple[int, int]]],
    ) -> tuple[Span, ...]:
        """The few tokens whose own features (and half of each word pair) pushed tag `t` up most."""
        weight = [0.0] * len(tokens)
        for word, positions in words.items():
            own = sum(model.weight(k, t) for k in model.present((word,), ()))
            if own:
                for i in positions:
                    weight[i] += own
        for name, (i, j) in _first_of_each(pairs):
            w = model.weight(model.index(name), t)
            if w and i == j:
                weight[i] += w
            elif w:
                weight[i] += w / 2
                weight[j] += w / 2
        ranked = sorted((i for i in range(len(tokens)) if weight[i] > 0), key=lambda i: (-weight[i], i))
        if not ranked:
            return ()
        top = weight[ranked[0]]
        chosen = sorted(i for i in ranked[:MAX_WORDS] if weight[i] >= top / 2)
        spans: list[Span] = []
        previous = -2
        for i in chosen:
            tok = tokens[i]
            if spans and i == previous + 1:  # neighbouring words make one span
                start = spans[-1].start
                spans[-1] = Span(start, tok.end, text[start : tok.end])
            else:
                spans.append(Span(tok.start, tok.end, text[tok.start : tok.end]))
            previous = i
        return tuple(spans)


def _first_of_each(pairs: Sequence[tuple[str, tuple[int, int]]]) -> list[tuple[str, tuple[int, int]]]:
    """Each pair feature once (a feature counts once however often it occurs), at its first place."""
    seen: dict[str, tuple[int, int]] = {}
    for name, where in pairs:
        seen.setdefault(name, where)
    return list(seen.items())
