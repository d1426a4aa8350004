"""The learned model as shipped: plain JSON read by pure Python (no numpy, no scikit-learn).

`model.json` (written by `scripts/train_tagger.py`) holds, for the built-in tags in a fixed order:
one bias per tag, `weights` (feature name -> "tag:weight tag:weight ..." with weights in thousandths,
only the weights that matter; a row is decoded the first time its feature occurs, so loading the
model costs one string per feature, not a Python float per weight), a Platt calibration (a, b) per tag turning a score into a probability, and two
thresholds per tag chosen by cross-validation over writers: `cue_thresholds` when the cue engine
found the tag, `thresholds` when it did not. A tag's probability is
`sigmoid(a * (bias + sum of the weights of the features present) + b)`.

It is read once per process, on first use (like the cue index), and each word's contribution is
remembered, so a long entry costs a dictionary lookup per distinct word plus its word pairs.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from journal.domain.tagging.features import word_features

MODEL_FILE = "model.json"
FORMAT = 2
_WORD_CACHE_LIMIT = 50_000
Row = tuple[tuple[int, float], ...]


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@dataclass(slots=True)
class Model:
    """A linear model per tag with calibration and thresholds (see the module docstring)."""

    tags: tuple[str, ...]
    bias: tuple[float, ...]
    #: feature -> its row as stored ("tag:weight*scale ..."), decoded on first use (`row`)
    weights: dict[str, str]
    calibration: tuple[tuple[float, float], ...]
    thresholds: tuple[float, ...]
    #: the threshold when the cue engine found the tag (a cue needs less confirmation than words)
    cue_thresholds: tuple[float, ...]
    #: whether words also bring their letter n-grams (as the model was trained)
    chars: bool = True
    scale: float = 1000.0
    _words: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    _rows: dict[str, Row] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        if data.get("format") != FORMAT:
            raise ValueError(f"unknown model format {data.get('format')!r}")
        weights = data["weights"]
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in weights.items()):
            raise ValueError("model weights are not feature -> row text")
        tags = tuple(data["tags"])
        model = cls(
            tags,
            tuple(float(b) for b in data["bias"]),
            weights,
            tuple((float(a), float(b)) for a, b in data["calibration"]),
            tuple(float(t) for t in data["thresholds"]),
            tuple(float(t) for t in data.get("cue_thresholds", data["thresholds"])),
            bool(data.get("chars", True)),
            float(data.get("weight_scale", 1000)),
        )
        if not (
            len(model.bias) == len(model.calibration) == len(model.thresholds) == len(model.cue_thresholds) == len(tags)
        ):
            raise ValueError("model arrays disagree in length")
        return model

    def present(self, words: Iterable[tuple[str, str]], others: Iterable[str]) -> set[str]:
        """The features of a text that carry weight: its distinct words' (lowercase form, key)
        features, cached per word, and its other (pair and engine) features."""
        found: set[str] = set()
        known = self._words
        for word in words:
            names = known.get(word)
            if names is None:
                weights = self.weights
                names = tuple(n for n in word_features(*word, self.chars) if n in weights)
                if len(known) < _WORD_CACHE_LIMIT:
                    known[word] = names
            found.update(names)
        found.update(others)
        return found

    def row(self, name: str) -> Row:
        """The (tag index, weight) pairs of a feature (empty if it carries none), decoded once."""
        found = self._rows.get(name)
        if found is None:
            text = self.weights.get(name)
            found = ()
            if text:
                n = len(self.tags)
                pairs = []
                for item in text.split():
                    t, _, w = item.partition(":")
                    k = int(t)
                    if 0 <= k < n:
                        pairs.append((k, int(w) / self.scale))
                found = tuple(pairs)
            self._rows[name] = found
        return found

    def scores(self, present: Iterable[str]) -> list[float]:
        """Raw scores per tag: the bias plus the weights of the features present."""
        scores = list(self.bias)
        row = self.row
        for name in present:
            for t, w in row(name):
                scores[t] += w
        return scores

    def probabilities(self, scores: Sequence[float]) -> list[float]:
        return [_sigmoid(a * s + b) for s, (a, b) in zip(scores, self.calibration, strict=True)]


@cache
def shipped() -> Model | None:
    """The model shipped with the package, read on first use; None if it is missing or unreadable
    (the tagger then falls back to the cue engine alone rather than failing)."""
    try:
        text = resources.files("journal.domain.tagging").joinpath(MODEL_FILE).read_text(encoding="utf-8")
        return Model.from_json(json.loads(text))
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None
