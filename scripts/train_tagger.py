"""Train the learned tagger from the labelled corpus and write the shipped model.

    .venv/bin/python scripts/train_tagger.py                  # data/tagging/corpus -> the package's model
    .venv/bin/python scripts/train_tagger.py --corpus DIR --out model.bin --json model.json --report
    .venv/bin/python scripts/train_tagger.py --check          # do both model files match? (exit 1 if not)

Needs scikit-learn (the `train` extra, included in `test`); the app itself never imports it.

How (each step seeded and deterministic, so the same corpus always gives the same file):

1. Every note is read by the cue engine and turned into features (`journal.domain.tagging.features`,
   the same code inference uses). A `may` tag is left out of that tag's training (neither yes nor no).
2. One L2 logistic regression per tag over the features seen in at least MIN_DF notes.
3. Cross-validation split by writer (never by note): FOLDS groups of writers, each scored by a model
   that never saw them. On those out-of-fold scores, a Platt scaling per tag turns scores into
   calibrated probabilities, and each tag gets two thresholds, one for notes where the cue engine
   found the tag and one where it did not, the pair with the best F1 (a `may` tag is neither right
   nor wrong): a cue the engine found needs less confirmation than words alone. The figures reported for a fold use the calibration and thresholds
   chosen on the other folds only, so no figure is tuned on the notes it scores.
4. The final model is fitted on every note, tiny weights pruned and the rest rounded, and written
   twice: readable JSON (data/tagging/model.json) and the same numbers packed for the app
   (journal/domain/tagging/model.bin, `journal.domain.tagging.model.pack`), read by pure Python.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from journal.domain.tagging.corpus import Note, load_notes  # noqa: E402
from journal.domain.tagging.model import pack  # noqa: E402
from journal.domain.tagging.taxonomy import TAXONOMY  # noqa: E402

CORPUS = ROOT / "data" / "tagging" / "corpus"
OUT = ROOT / "journal" / "domain" / "tagging" / "model.bin"  # what the app reads (packed)
JSON_OUT = ROOT / "data" / "tagging" / "model.json"  # the same numbers, readable (reviews, diffs, tests)
TAGS = list(TAXONOMY)
SEED = 13
FOLDS = 5
MIN_DF = 3
C = 1.0
INTERCEPT_SCALING = 1.0  # liblinear penalises the intercept; the calibration's offset makes up for it
CLASS_WEIGHT = None
PENALTY = "l2"
# The engine's features for tag T (cue found, dropped, in the past) enter only T's model: otherwise the
# model learns "a sleep cue means no headache" from notes that mostly carry one tag, and misses the
# second and third tag of a busy note.
OWN_ENGINE_ONLY = True
PRUNE = 0.02  # weights smaller than this are dropped from the shipped model
DIGITS = 3
FORMAT = 2
# Letter n-grams inside words: measured worse by writer-grouped CV (macro F1 0.680 against 0.706
# without, recall 0.636 against 0.675) and three times slower to train, so off. The engine's typo
# correction already folds one-letter typos into known words before the model sees them.
CHARS = False


def featurise_notes(notes: list[Note]) -> list[set[str]]:
    from journal.domain.tagging import engine
    from journal.domain.tagging.features import featurise

    tagger = engine.Tagger()
    return [featurise(tagger.analyse(note.text), CHARS) for note in notes]


def build_matrix(feats: list[set[str]], rows: list[int], vocab: dict[str, int]):
    from scipy.sparse import csr_matrix

    indptr, indices = [0], []
    for r in rows:
        cols = sorted(vocab[f] for f in feats[r] if f in vocab)
        indices.extend(cols)
        indptr.append(len(indices))
    data = [1.0] * len(indices)
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab)), dtype="float64")


def make_vocab(feats: list[set[str]], rows: list[int]) -> dict[str, int]:
    df: Counter[str] = Counter()
    for r in rows:
        df.update(feats[r])
    kept = sorted(f for f, n in df.items() if n >= MIN_DF)
    return {f: i for i, f in enumerate(kept)}


def fit(feats: list[set[str]], notes: list[Note], rows: list[int]):
    """(vocab, weights [tags x features], biases) fitted on `rows`."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    vocab = make_vocab(feats, rows)
    X = build_matrix(feats, rows, vocab)
    engine_cols = {f: i for f, i in vocab.items() if f[:2] in ("e:", "s:", "p:")}
    W = np.zeros((len(TAGS), len(vocab)))
    b = np.zeros(len(TAGS))
    for t, tag in enumerate(TAGS):
        y = np.array([tag in notes[r].must for r in rows], dtype=int)
        keep = np.array([tag not in notes[r].may for r in rows])
        if y[keep].sum() == 0:
            b[t] = -8.0
            continue
        Xt = X
        if OWN_ENGINE_ONLY:  # the engine's reading of tag T speaks only to T
            from scipy.sparse import diags

            mask = np.ones(len(vocab))
            for f, i in engine_cols.items():
                if f.rsplit(":", 1)[1] != tag:
                    mask[i] = 0.0
            Xt = X @ diags(mask)
        clf = LogisticRegression(
            C=C,
            solver="liblinear",
            random_state=SEED,
            max_iter=2000,
            l1_ratio=1.0 if PENALTY == "l1" else 0.0,
            dual=PENALTY == "l2",
            intercept_scaling=INTERCEPT_SCALING,
            class_weight=CLASS_WEIGHT,
        )
        clf.fit(Xt[keep], y[keep])
        W[t] = clf.coef_[0]
        b[t] = clf.intercept_[0]
    return vocab, W, b


def prune(vocab: dict[str, int], W, b) -> dict:
    """The model as the plain data inference reads: feature -> [tag index, weight, ...]."""
    weights: dict[str, list[float]] = {}
    for f, i in vocab.items():
        col = W[:, i]
        row: list[float] = []
        for t in range(len(TAGS)):
            w = round(float(col[t]), DIGITS)
            if abs(w) >= PRUNE:
                row += [t, w]
        if row:
            weights[f] = row
    return {"bias": [round(float(x), DIGITS) for x in b], "weights": weights}


def decision(model: dict, feats: set[str]) -> list[float]:
    """Raw scores of the pruned model (what inference computes), for the out-of-fold figures."""
    scores = list(model["bias"])
    weights = model["weights"]
    for f in sorted(feats):
        row = weights.get(f)
        if row:
            for k in range(0, len(row), 2):
                scores[row[k]] += row[k + 1]
    return scores


def folds_by_writer(notes: list[Note]) -> list[list[int]]:
    """FOLDS groups of writers (largest first, each to the smallest fold): every note of a writer in one."""
    sizes = Counter(n.writer for n in notes)
    writers = sorted(sizes, key=lambda w: (-sizes[w], w))
    groups: list[list[str]] = [[] for _ in range(min(FOLDS, len(writers)))]
    load = [0] * len(groups)
    for w in writers:
        k = load.index(min(load))
        groups[k].append(w)
        load[k] += sizes[w]
    index = {w: k for k, g in enumerate(groups) for w in g}
    out: list[list[int]] = [[] for _ in groups]
    for r, n in enumerate(notes):
        out[index[n.writer]].append(r)
    return out


def platt(scores: list[float], labels: list[int]) -> tuple[float, float]:
    """A 1-D logistic fit p = sigmoid(a*s + b) (Platt's targets smooth the extremes)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    if len(set(labels)) < 2:
        return 1.0, 0.0
    s = np.array(scores).reshape(-1, 1)
    clf = LogisticRegression(C=100.0, solver="lbfgs", max_iter=1000)
    clf.fit(s, np.array(labels))
    return float(clf.coef_[0][0]), float(clf.intercept_[0])


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -60 else 0.0


CUE_GRID = (0.03, 0.05, 0.08, 0.12, 0.16, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9)


def best_thresholds(probs: list[float], cued: list[bool], must: list[bool], may: list[bool]) -> tuple[float, float]:
    """(threshold when the engine found a cue of the tag, threshold when it did not) with the best
    F1 for one tag; may-tagged notes are neither right nor wrong."""
    rows = [(p, c, m) for p, c, m, y in zip(probs, cued, must, may, strict=True) if not y]
    total = sum(1 for _, _, m in rows if m)
    if total == 0:
        return 0.99, 0.99
    free = sorted(((p, m) for p, c, m in rows if not c), reverse=True)
    best = (-1.0, 0.5, 0.5)
    for t_cue in CUE_GRID:
        tp0 = sum(1 for p, c, m in rows if c and m and p >= t_cue)
        fp0 = sum(1 for p, c, m in rows if c and not m and p >= t_cue)
        tp, fp = tp0, fp0
        cut = 0.99
        f1 = 2 * tp / (tp + fp + total)
        if f1 > best[0]:
            best = (f1, t_cue, cut)
        for k, (p, m) in enumerate(free):
            tp += m
            fp += not m
            nxt = free[k + 1][0] if k + 1 < len(free) else -1.0
            cut = (p + nxt) / 2 if nxt >= 0 else p / 2
            if cut < t_cue:  # words alone never need less confirmation than a cue
                break
            if nxt == p:
                continue
            f1 = 2 * tp / (tp + fp + total)
            if f1 > best[0]:
                best = (f1, t_cue, cut)
    _, t_cue, t_free = best
    return t_cue, round(min(max(t_free, t_cue, 0.05), 0.99), 3)


def calibrate(
    scores_by_row: dict[int, list[float]], notes: list[Note], rows: list[int], cued: dict[int, frozenset[str]]
) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """Per-tag (a, b) Platt parameters and (cue, no-cue) thresholds from out-of-fold scores of `rows`."""
    calib, thresholds = [], []
    for t, tag in enumerate(TAGS):
        s = [scores_by_row[r][t] for r in rows]
        must = [tag in notes[r].must for r in rows]
        may = [tag in notes[r].may for r in rows]
        a, b = platt(
            [x for x, y in zip(s, may, strict=True) if not y], [int(m) for m, y in zip(must, may, strict=True) if not y]
        )
        calib.append((round(a, 4), round(b, 4)))
        probs = [sigmoid(a * x + b) for x in s]
        thresholds.append(best_thresholds(probs, [tag in cued[r] for r in rows], must, may))
    return calib, thresholds


def cross_validate(notes: list[Note], feats: list[set[str]], log=print):
    """Out-of-fold raw scores for every note, and the folds."""
    folds = folds_by_writer(notes)
    oof: dict[int, list[float]] = {}
    for k, test in enumerate(folds):
        train = [r for j, f in enumerate(folds) if j != k for r in f]
        t0 = time.perf_counter()
        model = prune(*fit(feats, notes, train))
        for r in test:
            oof[r] = decision(model, feats[r])
        writers = sorted({notes[r].writer for r in test})
        log(
            f"  fold {k + 1}/{len(folds)}: {len(train)} notes to train, {len(test)} held out "
            f"({', '.join(writers)}), {time.perf_counter() - t0:.1f} s"
        )
    return oof, folds


def cued_tags(feats: list[set[str]]) -> dict[int, frozenset[str]]:
    """For each note, the tags the cue engine found (its `e:` features)."""
    return {r: frozenset(f[2:] for f in fs if f.startswith("e:")) for r, fs in enumerate(feats)}


def honest_predictions(notes, oof, folds, cued) -> dict[int, set[str]]:
    """Each fold's tags with calibration and thresholds chosen on the other folds only."""
    predicted: dict[int, set[str]] = {}
    for k, test in enumerate(folds):
        others = [r for j, f in enumerate(folds) if j != k for r in f]
        calib, thr = calibrate(oof, notes, others, cued)
        for r in test:
            predicted[r] = {
                tag
                for t, tag in enumerate(TAGS)
                if sigmoid(calib[t][0] * oof[r][t] + calib[t][1]) >= thr[t][0 if tag in cued[r] else 1]
            }
    return predicted


def train(corpus: Path, log=print, cv: bool = True) -> tuple[dict, dict | None]:
    """(the model to ship, the cross-validated predictions and folds or None)."""
    notes = load_notes(corpus)
    if not notes:
        raise SystemExit(f"no labelled notes in {corpus}")
    t0 = time.perf_counter()
    feats = featurise_notes(notes)
    log(
        f"{len(notes)} notes from {len({n.writer for n in notes})} writers, featurised in "
        f"{time.perf_counter() - t0:.1f} s"
    )
    oof, folds = cross_validate(notes, feats, log)
    cued = cued_tags(feats)
    calib, thresholds = calibrate(oof, notes, list(range(len(notes))), cued)
    vocab, W, b = fit(feats, notes, list(range(len(notes))))
    model = {
        "format": FORMAT,
        "tags": TAGS,
        "chars": CHARS,
        **prune(vocab, W, b),
        "calibration": calib,
        "thresholds": [t for _, t in thresholds],
        "cue_thresholds": [c for c, _ in thresholds],
        "trained_on": {
            "notes": len(notes),
            "writers": sorted({n.writer for n in notes}),
            "seed": SEED,
            "folds": FOLDS,
            "min_df": MIN_DF,
            "C": C,
            "prune": PRUNE,
        },
    }
    cvres = {"notes": notes, "predicted": honest_predictions(notes, oof, folds, cued), "folds": folds} if cv else None
    return model, cvres


def encode_row(row: list[float]) -> str:
    """[tag, weight, tag, weight...] as the shipped text "tag:thousandths ...": one string per
    feature, so loading the model makes one object per feature, and rows are decoded when first used."""
    return " ".join(f"{int(row[k])}:{round(row[k + 1] * 10**DIGITS)}" for k in range(0, len(row), 2))


def dumps(model: dict) -> str:
    """The model file's text: one JSON object, stable key order, compact."""
    shipped = {**model, "weights": {f: encode_row(r) for f, r in model["weights"].items()}, "weight_scale": 10**DIGITS}
    return json.dumps(shipped, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder of wNN.jsonl files")
    ap.add_argument("--out", type=Path, default=OUT, help="the packed model the app reads")
    ap.add_argument("--json", type=Path, default=JSON_OUT, help="the same model as readable JSON")
    ap.add_argument("--check", action="store_true", help="compare with --out and --json instead of writing them")
    ap.add_argument("--report", action="store_true", help="print the cross-validated figures per tag")
    ap.add_argument("--C", type=float, help="(experiments) regularisation strength")
    ap.add_argument("--balanced", action="store_true", help="(experiments) balanced class weights")
    ap.add_argument("--min-df", type=int, help="(experiments) keep features seen in at least this many notes")
    args = ap.parse_args(argv)
    global C, CLASS_WEIGHT, MIN_DF
    if args.min_df is not None:
        MIN_DF = args.min_df
    if args.C is not None:
        C = args.C
    if args.balanced:
        CLASS_WEIGHT = "balanced"
    t0 = time.perf_counter()
    model, cvres = train(args.corpus)
    text = dumps(model)
    packed = pack(json.loads(text))
    if cvres is not None:
        from journal.domain.tagging.evaluate import Counts, report_counts

        counts = Counts()
        for r, note in enumerate(cvres["notes"]):
            counts.add(note.text, note.must, note.may, cvres["predicted"][r], note.traps)
        print("cross-validated by writer (each note scored by a model that never saw its writer):")
        print(report_counts(counts, per_tag=args.report, examples=False))
    print(
        f"model: {len(model['weights'])} features, {len(packed) / 1e6:.2f} MB packed "
        f"({len(text.encode()) / 1e6:.2f} MB as JSON), {time.perf_counter() - t0:.1f} s in all"
    )
    if args.check:
        same = (
            args.out.exists()
            and args.out.read_bytes() == packed
            and args.json.exists()
            and args.json.read_text(encoding="utf-8") == text
        )
        print("the shipped model matches the corpus" if same else "the shipped model DIFFERS")
        return 0 if same else 1
    args.out.write_bytes(packed)
    args.json.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} and {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
