"""Agreement between two labellings of the same notes (the writers' own and an independent second pass).

    python scripts/agreement.py data/tagging/secondpass/labels.jsonl data/tagging/corpus

Reports, over the notes both label: exact agreement of the `must` sets; lenient agreement (each side's
`must` lies within the other's `must` and `may` together, since `may` means "defensible either way"); Cohen's kappa
on `must`, pooled over all tag decisions and per tag (lowest first).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def load(path: Path) -> dict[str, dict[str, list[str]]]:
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    notes: dict[str, dict[str, list[str]]] = {}
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                note = json.loads(line)
                notes[note["id"]] = note
    return notes


def kappa(both: int, first: int, second: int, neither: int) -> float:
    n = both + first + second + neither
    observed = (both + neither) / n
    expected = ((both + first) * (both + second) + (second + neither) * (first + neither)) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def main(second_path: str, first_path: str) -> None:
    second, first = load(Path(second_path)), load(Path(first_path))
    ids = [i for i in second if i in first]
    tags = sorted({t for i in ids for n in (first[i], second[i]) for t in n["must"] + n["may"]})
    cells = {t: [0, 0, 0, 0] for t in tags}
    exact = lenient = 0
    for i in ids:
        a, b = first[i], second[i]
        a_must, b_must = set(a["must"]), set(b["must"])
        exact += a_must == b_must
        lenient += a_must <= b_must | set(b["may"]) and b_must <= a_must | set(a["may"])
        for t in tags:
            x, y = t in a_must, t in b_must
            cells[t][0 if x and y else 1 if x else 2 if y else 3] += 1
    pooled = kappa(*(sum(c[k] for c in cells.values()) for k in range(4)))
    per_tag = sorted((kappa(*c), t) for t, c in cells.items())
    print(f"{len(ids)} notes labelled twice")
    print(
        f"exact agreement on must: {exact / len(ids):.3f}; lenient (must within the other's must+may): {lenient / len(ids):.3f}"
    )
    print(f"Cohen's kappa on must, pooled: {pooled:.3f}; mean per tag: {sum(k for k, _ in per_tag) / len(per_tag):.3f}")
    print("lowest per tag: " + ", ".join(f"{t} {k:.2f}" for k, t in per_tag[:6]))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
