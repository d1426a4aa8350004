"""Measure the tagger against labelled sentences: `python -m journal.domain.tagging.evaluate FILE...`.

Each FILE holds JSON lines `{"text": ..., "tags": [...]}`. Prints recall (expected tags found /
expected tags), the wrong-tag rate (unexpected tags / tags produced), a per-tag breakdown and every
miss and false positive, so the lexicon can be tuned by looking at real sentences.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from journal.domain.tagging import Tagger, default_tagger


@dataclass
class Score:
    """Counts over a set of labelled sentences."""

    expected: int = 0
    found: int = 0
    produced: int = 0
    wrong: int = 0
    missed_by_tag: Counter[str] = field(default_factory=Counter)
    wrong_by_tag: Counter[str] = field(default_factory=Counter)
    expected_by_tag: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[str, str]] = field(default_factory=list)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def wrong_rate(self) -> float:
        return self.wrong / self.produced if self.produced else 0.0

    def breakdown(self) -> str:
        """Per-tag lines for the tags that missed or misfired."""
        names = sorted(set(self.missed_by_tag) | set(self.wrong_by_tag))
        return "\n".join(
            f"  {n:22} expected {self.expected_by_tag[n]:3}  missed {self.missed_by_tag[n]:3}"
            f"  wrong {self.wrong_by_tag[n]:3}"
            for n in names
        )


def load(paths: Iterable[Path]) -> list[tuple[str, set[str]]]:
    """Labelled sentences from JSON-lines files (blank lines skipped)."""
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows.append((row["text"], {t.lower() for t in row["tags"]}))
    return rows


def score(rows: Sequence[tuple[str, set[str]]], tagger: Tagger | None = None) -> Score:
    """Compare the tagger's output with the labels."""
    tagger = tagger or default_tagger()
    s = Score()
    for text, expected in rows:
        hits = {h.name: h for h in tagger.tag(text)}
        s.expected += len(expected)
        s.produced += len(hits)
        s.expected_by_tag.update(expected)
        for name in expected:
            if name in hits:
                s.found += 1
            else:
                s.missed_by_tag[name] += 1
                s.misses.append((name, text))
        for name, hit in hits.items():
            if name not in expected:
                s.wrong += 1
                s.wrong_by_tag[name] += 1
                s.false_positives.append((name, ", ".join(sp.text for sp in hit.spans), text))
    return s


def report(s: Score) -> str:
    """A readable summary for tuning."""
    lines = [
        f"recall {s.recall:.3f} ({s.found}/{s.expected})   "
        f"wrong {s.wrong_rate:.3f} ({s.wrong}/{s.produced})",
        s.breakdown(),
        "misses:",
        *(f"  {name:22} | {text}" for name, text in s.misses),
        "false positives:",
        *(f"  {name:22} [{spans}] | {text}" for name, spans, text in s.false_positives),
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print("usage: python -m journal.domain.tagging.evaluate FILE.jsonl...")
        return 2
    try:
        rows = load(Path(a) for a in args)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(f"Could not read the labelled sentences: {exc}")
        return 1
    try:
        print(report(score(rows)))
    except BrokenPipeError:  # piped into `head`: the reader has what it wanted
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
