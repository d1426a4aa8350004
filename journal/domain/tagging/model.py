"""The learned model as shipped: packed plain data read by pure Python (no numpy, no scikit-learn).

What it holds, for the built-in tags in a fixed order: one bias per tag; per feature the weights
that matter, as (tag index, weight in thousandths) pairs; a Platt calibration (a, b) per tag turning
a score into a probability; and two thresholds per tag chosen by cross-validation over writers:
`cue_thresholds` when the cue engine found the tag, `thresholds` when it did not. A tag's
probability is `sigmoid(a * (bias + sum of the weights of the features present) + b)`.

`scripts/train_tagger.py` writes the model twice from one training run: `data/tagging/model.json`
(readable, the form a review or a diff reads; rows as "tag:thousandths ...") and `model.bin` beside
this module, the same numbers packed by `pack` for the app to read (`Model.from_bytes`). Packed,
because a model read from JSON is some 300,000 Python numbers or 18,000 strings in a dictionary:
5 MB held for the life of the app and 7 MB at the peak of parsing, in an app whose whole budget is
1.5x a bare Textual app's memory. Packed, it is one bytes object with typed views into it:

- a header (JSON, a few kB): tags, biases, calibration, thresholds, the counts below;
- every feature name, UTF-8, sorted, one after the other, and where each starts;
- an open-addressing table: slot `crc32(name) % size` onward holds the index of the feature (plus
  one; 0 is an empty slot), found by comparing the stored name, so lookups are exact;
- where each feature's row starts, then every row's tag indexes (a byte each) and weights
  (thousandths, 16-bit, or 32-bit when one does not fit).

Scores add the integer thousandths exactly and divide once, so they equal the JSON form's sums of
`weight / 1000` to within floating-point rounding (a test checks this on the whole corpus).
It is read once per process, on first use (like the cue index), and each word's features are
remembered, so a long entry costs a lookup per distinct word plus its word pairs.
"""

from __future__ import annotations

import json
import math
import sys
from array import array
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any, Literal
from zlib import crc32

from journal.domain.tagging.features import word_features

MODEL_FILE = "model.bin"
MAGIC = b"journal-model\n"
FORMAT = 3
_WORD_CACHE_LIMIT = 50_000
#: pair and engine feature names remembered with their index (or -1): a lookup in the packed table
#: costs some 0.7 microseconds, a dictionary's a tenth of that; bounded, so memory stays flat
_NAME_CACHE_LIMIT = 20_000
#: rows remembered as lane integers (~230 bytes each): the features a journal's notes keep using
_ROW_CACHE_LIMIT = 4_096
Row = tuple[tuple[int, float], ...]
_U32: Literal["I"] = "I"


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def _view(data: bytes, start: int, count: int, code: Literal["I", "h", "i"]) -> Sequence[int]:
    """`count` little-endian items of type `code` at `start`: a view without copying where the
    machine is little-endian (nearly all are), else a byte-swapped copy."""
    size = array(code).itemsize
    if sys.byteorder == "little":
        return memoryview(data)[start : start + count * size].cast(code)
    copy = array(code, data[start : start + count * size])
    copy.byteswap()
    return copy


def _le(items: Iterable[int], code: str) -> bytes:
    out = array(code, items)
    if sys.byteorder != "little":
        out.byteswap()
    return out.tobytes()


def _pad(blob: bytearray) -> None:
    blob.extend(b"\0" * (-len(blob) % 4))  # every typed section starts 4-byte aligned


def pack(data: Mapping[str, Any]) -> bytes:
    """The shipped bytes of a model given in its JSON form (`weights`: feature -> "t:w t:w ...")."""
    scale = int(data.get("weight_scale", 1000))
    names = sorted(data["weights"])
    rows = []
    for name in names:
        pairs = [item.partition(":") for item in data["weights"][name].split()]
        rows.append([(int(t), int(w)) for t, _, w in pairs])
    weights = [w for row in rows for _, w in row]
    wide = any(not -32768 <= w <= 32767 for w in weights)
    encoded = [name.encode() for name in names]
    size = 1 << max(4, (2 * len(names)).bit_length())  # at most half full
    slots = [0] * size
    for k, key in enumerate(encoded):
        h = crc32(key) & (size - 1)
        while slots[h]:
            h = (h + 1) & (size - 1)
        slots[h] = k + 1
    header = {
        "format": FORMAT,
        **{k: data[k] for k in ("tags", "bias", "calibration", "thresholds")},
        "cue_thresholds": data.get("cue_thresholds", data["thresholds"]),
        "chars": bool(data.get("chars", True)),
        "weight_scale": scale,
        "trained_on": data.get("trained_on", {}),
        "features": len(names),
        "slots": size,
        "pairs": len(weights),
        "wide": wide,
    }
    blob = bytearray(MAGIC)
    head = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    blob += _le([len(head)], _U32) + head
    _pad(blob)
    name_offsets = [0]
    for key in encoded:
        name_offsets.append(name_offsets[-1] + len(key))
    blob += _le(name_offsets, _U32)
    blob += b"".join(encoded)
    _pad(blob)
    blob += _le(slots, _U32)
    row_offsets = [0]
    for row in rows:
        row_offsets.append(row_offsets[-1] + len(row))
    blob += _le(row_offsets, _U32)
    blob += bytes(t for row in rows for t, _ in row)
    _pad(blob)
    blob += _le(weights, "i" if wide else "h")
    return bytes(blob)


class Model:
    """A linear model per tag with calibration and thresholds, over packed weights (see the module
    docstring). Features are found by name (`index`) and then handled by their index. A plain
    class rather than a dataclass: it is built once, from bytes, and importing it costs less."""

    __slots__ = (
        "_base",
        "_data",
        "_lane",
        "_lane_rows",
        "_names",
        "_row_tags",
        "_row_weights",
        "_rows",
        "_seen",
        "_slots",
        "_words",
        "bias",
        "calibration",
        "chars",
        "cue_thresholds",
        "features",
        "scale",
        "tags",
        "thresholds",
    )

    def __init__(self, data: bytes) -> None:
        """The model packed in `data` by `pack`; ValueError when it is not one."""
        if not data.startswith(MAGIC):
            raise ValueError("not a packed tagging model")
        at = len(MAGIC)
        (length,) = _view(data, at, 1, _U32)
        at += 4
        head = json.loads(data[at : at + length])
        if head.get("format") != FORMAT:
            raise ValueError(f"unknown model format {head.get('format')!r}")
        at += length + (-(at + length) % 4)
        n, size, pairs = int(head["features"]), int(head["slots"]), int(head["pairs"])
        #: feature k's UTF-8 name is _data[_base + _names[k] : _base + _names[k + 1]]
        self._names = _view(data, at, n + 1, _U32)
        at += 4 * (n + 1)
        self._base = at
        at += self._names[n]
        at += -at % 4
        self._slots = _view(data, at, size, _U32)
        at += 4 * size
        self._rows = _view(data, at, n + 1, _U32)  # row k is pairs _rows[k] .. _rows[k + 1]
        at += 4 * (n + 1)
        self._row_tags = data[at : at + pairs]
        at += pairs + (-(at + pairs) % 4)
        code: Literal["h", "i"] = "i" if head["wide"] else "h"
        self._row_weights = _view(data, at, pairs, code)
        if at + pairs * array(code).itemsize != len(data) or size & (size - 1) or self._rows[n] != pairs:
            raise ValueError("the packed model's sections do not add up")
        # wide enough that every feature's largest weight, all added in one lane, still fits (`scores`)
        self._lane = max(32, ((n + 1) << (8 * array(code).itemsize - 1)).bit_length() + 1)
        self._data = data
        self.features = n
        self.tags: tuple[str, ...] = tuple(head["tags"])
        self.bias = tuple(float(b) for b in head["bias"])
        #: Platt's (a, b) per tag
        self.calibration = tuple((float(a), float(b)) for a, b in head["calibration"])
        self.thresholds = tuple(float(t) for t in head["thresholds"])
        #: the threshold when the cue engine found the tag (a cue needs less confirmation than words)
        self.cue_thresholds = tuple(float(t) for t in head["cue_thresholds"])
        #: whether words also bring their letter n-grams (as the model was trained)
        self.chars = bool(head["chars"])
        self.scale = float(head["weight_scale"])
        self._words: dict[tuple[str, str], tuple[int, ...]] = {}
        self._seen: dict[str, int] = {}
        self._lane_rows: dict[int, int] = {}
        counts = {len(self.bias), len(self.calibration), len(self.thresholds), len(self.cue_thresholds)}
        if counts != {len(self.tags)} or self._row_tags.translate(None, bytes(range(len(self.tags)))):
            raise ValueError("the packed model's arrays disagree")  # or a row names a tag past the last

    @classmethod
    def from_bytes(cls, data: bytes) -> Model:
        """The model packed in `data` by `pack`; ValueError when it is not one."""
        return cls(data)

    def index(self, name: str) -> int:
        """The index of the feature called `name`, or -1 when it carries no weight."""
        key = name.encode()
        slots, names, data, base = self._slots, self._names, self._data, self._base
        mask = len(slots) - 1
        h = crc32(key) & mask
        while k := slots[h]:
            k -= 1
            if data[base + names[k] : base + names[k + 1]] == key:
                return k
            h = (h + 1) & mask
        return -1

    def present(self, words: Iterable[tuple[str, str]], others: Iterable[str]) -> set[int]:
        """The features of a text that carry weight, by index: its distinct words' (lowercase form,
        key) features, remembered per word, and its other (pair and engine) features."""
        found: set[int] = set()
        known = self._words
        index = self.index
        for word in words:
            ids = known.get(word)
            if ids is None:
                ids = tuple(k for k in map(index, word_features(*word, self.chars)) if k >= 0)
                if len(known) < _WORD_CACHE_LIMIT:
                    known[word] = ids
            found.update(ids)
        seen = self._seen
        for name in others:
            k = seen.get(name)
            if k is None:
                k = index(name)
                if len(seen) < _NAME_CACHE_LIMIT:
                    seen[name] = k
            if k >= 0:
                found.add(k)
        return found

    def row(self, k: int) -> Row:
        """The (tag index, weight) pairs of feature `k` (empty for -1)."""
        if k < 0:
            return ()
        a, b = self._rows[k], self._rows[k + 1]
        scale = self.scale
        return tuple(zip(self._row_tags[a:b], (w / scale for w in self._row_weights[a:b]), strict=True))

    def weight(self, k: int, t: int) -> float:
        """Feature `k`'s weight for tag `t` (0 when it has none)."""
        for tag, w in self.row(k):
            if tag == t:
                return w
        return 0.0

    def _lanes(self, k: int) -> int:
        """Feature `k`'s row as one integer: its weight for tag t in the lane of bits from
        `_lane * t` (a negative weight borrows from the lanes above; reading the lanes back from the
        lowest up returns each borrow)."""
        a, b = self._rows[k], self._rows[k + 1]
        lane = self._lane
        value = 0
        for t, w in zip(self._row_tags[a:b], self._row_weights[a:b], strict=True):
            value += w << (lane * t)
        return value

    def scores(self, present: Iterable[int]) -> list[float]:
        """Raw scores per tag: the bias plus the weights of the features present, summed exactly in
        thousandths, then scaled once.

        Each row is an integer with a lane of bits per tag (`_lanes`), so adding the rows adds every
        tag's weights at once, in C: a note's ~800 features cost ~800 additions instead of ~25,000
        (tag, weight) steps. A lane cannot overflow: it is wide enough for every feature's largest
        weight at once (32 bits for this model). Rows are remembered up to a bound.
        """
        known = self._lane_rows
        total = 0
        for k in present:
            row = known.get(k)
            if row is None:
                row = self._lanes(k)
                if len(known) < _ROW_CACHE_LIMIT:
                    known[k] = row
            total += row
        sums = []
        lane_bits = self._lane
        full, half = 1 << lane_bits, 1 << (lane_bits - 1)
        for _ in self.tags:
            lane = total & (full - 1)
            if lane >= half:
                lane -= full
            sums.append(lane)
            total = (total - lane) >> lane_bits
        scale = self.scale
        return [b + s / scale for b, s in zip(self.bias, sums, strict=True)]

    def probabilities(self, scores: Sequence[float]) -> list[float]:
        return [_sigmoid(a * s + b) for s, (a, b) in zip(scores, self.calibration, strict=True)]


@cache
def shipped() -> Model | None:
    """The model shipped with the package, read on first use; None if it is missing or unreadable
    (the tagger then falls back to the cue engine alone rather than failing)."""
    try:
        return Model.from_bytes(resources.files("journal.domain.tagging").joinpath(MODEL_FILE).read_bytes())
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None
