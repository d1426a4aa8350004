"""Measure the tagger against labelled notes: `python -m journal.domain.tagging.evaluate PATH...`.

Each PATH is a JSON-lines file or a folder of them, in the corpus format (`must` / `may` / `traps`)
or the older `{"text": ..., "tags": [...]}`. Prints recall (`must` tags found / `must` tags), the
share of notes given any tag outside `must` and `may`, precision, recall and F1 per tag, figures
per trap, and with `--examples` every miss and wrong tag. `--heldout [DIR]` scores the held-out
writers (`data/tagging/heldout/`) one by one and together; `--engine` scores the cue engine alone.

The older `Score` (wrong tags / tags produced) is kept for the regression sets' tests.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from journal.domain.tagging import Tagger, default_tagger, engine
from journal.domain.tagging.corpus import Note, load_notes


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
    """Labelled sentences from JSON-lines files (blank lines skipped), as (text, expected tags).

    For must/may files the expected tags are the `must` ones (see `count` for the full scoring)."""
    return [(n.text, set(n.must)) for n in load_notes(*paths)]


def score(rows: Sequence[tuple[str, set[str]]], tagger: Tagger | engine.Tagger | None = None) -> Score:
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
        f"recall {s.recall:.3f} ({s.found}/{s.expected})   wrong {s.wrong_rate:.3f} ({s.wrong}/{s.produced})",
        s.breakdown(),
        "misses:",
        *(f"  {name:22} | {text}" for name, text in s.misses),
        "false positives:",
        *(f"  {name:22} [{spans}] | {text}" for name, spans, text in s.false_positives),
    ]
    return "\n".join(lines)


@dataclass
class TagCounts:
    """Per-tag counts over labelled notes (`may` tags are neither hits nor misses)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 1.0


@dataclass
class Counts:
    """What the issue's figures are made of, over notes labelled `must` / `may`.

    - recall: `must` tags found / `must` tags;
    - wrong notes: the share of notes given any tag outside `must` and `may`;
    - per tag: precision (a tag outside `must` and `may` is wrong), recall and F1;
    - per trap: how often a note with that trap got a wrong tag or missed one.
    """

    notes: int = 0
    must: int = 0
    found: int = 0
    wrong_notes: int = 0
    missed_notes: int = 0
    by_tag: dict[str, TagCounts] = field(default_factory=dict)
    by_trap: dict[str, list[int]] = field(default_factory=dict)  # trap -> [notes, wrong, missed]
    misses: list[tuple[str, str]] = field(default_factory=list)
    false_positives: list[tuple[str, str]] = field(default_factory=list)

    def add(
        self, text: str, must: Iterable[str], may: Iterable[str], got: Iterable[str], traps: Iterable[str] = ()
    ) -> None:
        must, got = set(must), set(got)
        allowed = must | set(may)
        self.notes += 1
        self.must += len(must)
        self.found += len(must & got)
        wrong, missed = got - allowed, must - got
        self.wrong_notes += bool(wrong)
        self.missed_notes += bool(missed)
        for name in must | got:
            c = self.by_tag.setdefault(name, TagCounts())
            if name in must:
                if name in got:
                    c.tp += 1
                else:
                    c.fn += 1
            elif name in wrong:
                c.fp += 1
        for trap in traps:
            row = self.by_trap.setdefault(trap, [0, 0, 0])
            row[0] += 1
            row[1] += bool(wrong)
            row[2] += bool(missed)
        self.misses.extend((name, text) for name in sorted(missed))
        self.false_positives.extend((name, text) for name in sorted(wrong))

    @property
    def recall(self) -> float:
        return self.found / self.must if self.must else 1.0

    @property
    def wrong_share(self) -> float:
        return self.wrong_notes / self.notes if self.notes else 0.0

    def worst(self, n: int = 5, min_support: int = 1) -> list[tuple[str, TagCounts]]:
        """The `n` tags with the lowest F1 (among tags a note was labelled with)."""
        rows = [(k, c) for k, c in self.by_tag.items() if c.tp + c.fn >= min_support]
        return sorted(rows, key=lambda kc: (kc[1].f1, kc[0]))[:n]

    def as_dict(self) -> dict[str, object]:
        return {
            "notes": self.notes,
            "recall": round(self.recall, 4),
            "wrong_share": round(self.wrong_share, 4),
            "must": self.must,
            "found": self.found,
            "wrong_notes": self.wrong_notes,
            "tags": {
                k: {
                    "precision": round(c.precision, 4),
                    "recall": round(c.recall, 4),
                    "f1": round(c.f1, 4),
                    "tp": c.tp,
                    "fp": c.fp,
                    "fn": c.fn,
                }
                for k, c in sorted(self.by_tag.items())
            },
            "traps": {k: {"notes": v[0], "wrong": v[1], "missed": v[2]} for k, v in sorted(self.by_trap.items())},
        }


def report_counts(c: Counts, per_tag: bool = True, examples: bool = False) -> str:
    """The figures as text: the headline, the worst tags, and optionally every tag and example."""
    lines = [
        f"notes {c.notes}   recall {c.recall:.3f} ({c.found}/{c.must})   "
        f"notes with a wrong tag {c.wrong_share:.3f} ({c.wrong_notes}/{c.notes})   "
        f"notes missing a tag {c.missed_notes / c.notes if c.notes else 0:.3f}",
        "lowest F1: " + ", ".join(f"{k} {v.f1:.2f}" for k, v in c.worst(5)),
    ]
    if per_tag:
        lines.append(f"  {'tag':22} {'prec':>6} {'recall':>6} {'F1':>6} {'must':>5} {'wrong':>5}")
        for name, t in sorted(c.by_tag.items(), key=lambda kv: kv[1].f1):
            lines.append(f"  {name:22} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} {t.tp + t.fn:5} {t.fp:5}")
        if c.by_trap:
            lines.append(f"  {'trap':22} {'notes':>6} {'wrong':>6} {'missed':>6}")
            for trap, (n, w, m) in sorted(c.by_trap.items()):
                lines.append(f"  {trap:22} {n:6} {w / n:6.3f} {m / n:6.3f}")
    if examples:
        lines += [
            "misses:",
            *(f"  {name:22} | {text}" for name, text in c.misses),
            "wrong tags:",
            *(f"  {name:22} | {text}" for name, text in c.false_positives),
        ]
    return "\n".join(lines)


def count(notes: Iterable[Note], tagger: Tagger | engine.Tagger | None = None) -> Counts:
    """Tag every note and count against its labels."""
    tagger = tagger or default_tagger()
    c = Counts()
    for note in notes:
        c.add(note.text, note.must, note.may, {h.name for h in tagger.tag(note.text)}, note.traps)
    return c


HELDOUT = Path("data/tagging/heldout")


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(
        prog="python -m journal.domain.tagging.evaluate",
        description="Score the tagger on labelled JSON-lines files or folders of them "
        "(must/may format, or the older tags format).",
    )
    ap.add_argument("paths", nargs="*", type=Path, help="files or folders of .jsonl")
    ap.add_argument(
        "--heldout",
        nargs="?",
        const=HELDOUT,
        type=Path,
        metavar="DIR",
        help=f"score the held-out writers (default folder {HELDOUT}), one line per writer and all together",
    )
    ap.add_argument("--engine", action="store_true", help="score the cue engine alone (no model)")
    ap.add_argument("--examples", action="store_true", help="list every miss and wrong tag")
    ap.add_argument("--json", action="store_true", help="the figures as JSON")
    args = ap.parse_args(list(sys.argv[1:] if argv is None else argv))
    paths = list(args.paths) + ([args.heldout] if args.heldout else [])
    if not paths:
        ap.print_usage()
        return 2
    try:
        notes = load_notes(*paths)
    except OSError as exc:
        print(f"Could not read the labelled notes: {exc}")
        return 1
    if not notes:
        print("No labelled notes found.")
        return 1
    if args.engine:
        tagger: Tagger | engine.Tagger = engine.Tagger()
    else:
        tagger = default_tagger()
    try:
        total = count(notes, tagger)
        if args.json:
            out: dict[str, object] = {"all": total.as_dict()}
            if args.heldout:
                out["writers"] = {
                    w: count([n for n in notes if n.writer == w], tagger).as_dict()
                    for w in sorted({n.writer for n in notes})
                }
            print(json.dumps(out, indent=1))
            return 0
        if args.heldout or len({n.writer for n in notes}) > 1:
            for w in sorted({n.writer for n in notes}):
                c = count([n for n in notes if n.writer == w], tagger)
                print(
                    f"{w:12} notes {c.notes:5}  recall {c.recall:.3f}  wrong notes {c.wrong_share:.3f}  "
                    f"lowest F1 {', '.join(f'{k} {v.f1:.2f}' for k, v in c.worst(3))}"
                )
            print("all together:")
        print(report_counts(total, per_tag=True, examples=args.examples))
    except BrokenPipeError:  # piped into `head`: the reader has what it wanted
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
