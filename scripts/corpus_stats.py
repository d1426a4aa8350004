"""Counts for `data/tagging/README.md`: notes, writers, tags, traps, lengths, notes with no tag.

    .venv/bin/python scripts/corpus_stats.py [FOLDER]      # default data/tagging/corpus

Prints Markdown to paste into the README (the test `test_corpus.py` checks the README's totals).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from journal.domain.tagging.corpus import load_notes  # noqa: E402
from journal.domain.tagging.taxonomy import TAXONOMY  # noqa: E402

TRAPS = ["negation", "negation-symptom", "other-person", "work-topic", "wish-plan", "irony", "idiom", "past"]


def length_class(text: str) -> str:
    words = len(text.split())
    return (
        "fragment (under 12 words)"
        if words < 12
        else ("a few sentences (12-79 words)" if words < 80 else "long (80 words or more)")
    )


def stats(folder: Path) -> str:
    notes = load_notes(folder)
    writers = Counter(n.writer for n in notes)
    must = Counter(t for n in notes for t in n.must)
    may = Counter(t for n in notes for t in n.may)
    traps = Counter(t for n in notes for t in n.traps)
    lengths = Counter(length_class(n.text) for n in notes)
    untagged = sum(1 for n in notes if not n.must and not n.may)
    words = sorted(len(n.text.split()) for n in notes)
    out = [
        f"- **{len(notes):,} notes** from **{len(writers)} writers** "
        f"({', '.join(f'{w} {c}' for w, c in sorted(writers.items()))}).",
        f"- **No tag at all** (`must` and `may` empty): {untagged:,} notes ({untagged / len(notes):.1%}).",
        "- Lengths: "
        + "; ".join(f"{k}: {v:,} ({v / len(notes):.0%})" for k, v in sorted(lengths.items()))
        + f"; median {words[len(words) // 2]} words, longest {words[-1]}.",
        f"- Tags per note: {sum(len(n.must) for n in notes) / len(notes):.2f} `must`, "
        f"{sum(len(n.may) for n in notes) / len(notes):.2f} `may` on average.",
        "",
        "| trap | notes |",
        "|---|---:|",
        *(f"| {t} | {traps[t]:,} |" for t in TRAPS),
        *(f"| {t} (other) | {c:,} |" for t, c in sorted(traps.items()) if t not in TRAPS),
        "",
        "| tag | `must` | `may` |",
        "|---|---:|---:|",
        *(f"| {t} | {must[t]:,} | {may[t]:,} |" for t in TAXONOMY),
    ]
    return "\n".join(out)


if __name__ == "__main__":
    print(stats(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data" / "tagging" / "corpus"))
