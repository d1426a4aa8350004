"""The combined tagger: the learned model decides, the engine's cues (or the words that carried the
decision) are the spans, the user's own words always stand, and the shipped model is what the
training script builds from the corpus in the repo."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.models import Category, TagDef, UserKeyword
from journal.domain.tagging import TAXONOMY, Tagger, default_tagger
from journal.domain.tagging.corpus import load_notes
from journal.domain.tagging.model import MODEL_FILE, shipped

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "data" / "tagging" / "corpus"
READABLE = ROOT / "data" / "tagging" / "model.json"  # the shipped model's numbers as readable JSON


def test_a_model_is_shipped_small_and_for_every_builtin_tag() -> None:
    path = resources.files("journal.domain.tagging").joinpath(MODEL_FILE)
    assert len(path.read_bytes()) <= 5_000_000
    model = shipped()
    assert model is not None
    assert set(model.tags) == set(TAXONOMY)
    assert all(0.0 < t < 1.0 for t in model.thresholds)


def _json_scores(data: dict, features: set[str]) -> list[float]:
    """A tag's raw score read straight from the readable model (rows "tag:thousandths ..."), the
    plainest way: the bias plus each present feature's weight."""
    scores = [float(b) for b in data["bias"]]
    for name in features:
        for item in data["weights"].get(name, "").split():
            t, _, w = item.partition(":")
            scores[int(t)] += int(w) / data["weight_scale"]
    return scores


def test_the_packed_model_is_the_readable_one_and_scores_the_same_on_every_note() -> None:
    """model.bin is model.json packed (same numbers), and scores every note of the corpus, the
    held-out writers and the eval sets as the JSON model does, to within rounding; so it tags the same."""
    from journal.domain.tagging import engine
    from journal.domain.tagging.features import featurise, token_features
    from journal.domain.tagging.model import Model, pack

    data = json.loads(READABLE.read_text(encoding="utf-8"))
    shipped_bytes = resources.files("journal.domain.tagging").joinpath(MODEL_FILE).read_bytes()
    assert pack(data) == shipped_bytes
    model = Model.from_bytes(shipped_bytes)
    assert (model.tags, model.bias, model.thresholds) == (
        tuple(data["tags"]),
        tuple(data["bias"]),
        tuple(data["thresholds"]),
    )
    here = Path(__file__).parent
    texts = [n.text for n in load_notes(CORPUS, ROOT / "data" / "tagging" / "heldout")]
    texts += [
        json.loads(line)["text"]
        for f in ("eval_sentences.jsonl", "dev_sentences.jsonl")
        for line in (here / f).read_text().splitlines()
        if line.strip()
    ]
    assert len(texts) > 8000
    analyse = engine.Tagger().analyse
    worst = 0.0
    for text in texts:
        a = analyse(text)
        words, pairs, eng = token_features(a)
        packed = model.scores(model.present(words, [*(name for name, _ in pairs), *eng]))
        plain = _json_scores(data, featurise(a, model.chars))
        worst = max(worst, *(abs(x - y) for x, y in zip(packed, plain, strict=True)))
    assert worst < 1e-9


@given(st.lists(st.lists(st.integers(-32768, 32767), min_size=41, max_size=41), min_size=1, max_size=30), st.data())
@settings(max_examples=60, deadline=None)
def test_packed_scores_add_extreme_weights_exactly(rows: list[list[int]], data: st.DataObject) -> None:
    """Each tag's lane in a row's integer holds its sum exactly, whatever the signs and sizes."""
    from journal.domain.tagging.model import Model, pack

    readable = json.loads(READABLE.read_text(encoding="utf-8"))
    weights = {f"w:f{i}": " ".join(f"{t}:{w}" for t, w in enumerate(row) if w) for i, row in enumerate(rows)}
    weights = {name: row for name, row in weights.items() if row}
    model = Model.from_bytes(pack({**readable, "weights": weights}))
    chosen = data.draw(st.sets(st.sampled_from(sorted(weights)))) if weights else set()
    expected = [float(b) for b in readable["bias"]]
    for name in chosen:
        for t, w in enumerate(rows[int(name[3:])]):
            expected[t] += w / 1000
    got = model.scores({model.index(name) for name in chosen})
    assert max(abs(x - y) for x, y in zip(got, expected, strict=True)) < 1e-6


def test_a_damaged_packed_model_is_refused_not_misread() -> None:
    from journal.domain.tagging.model import Model, pack

    good = resources.files("journal.domain.tagging").joinpath(MODEL_FILE).read_bytes()
    data = json.loads(READABLE.read_text(encoding="utf-8"))
    past_the_last_tag = pack({**data, "weights": {"w:tired": f"{len(data['tags'])}:500"}})
    assert Model.from_bytes(pack({**data, "weights": {"w:tired": "0:500"}})).features == 1
    for bad in (b"", good[:-2], b"x" + good[1:], good[: len(good) // 2], past_the_last_tag):
        with pytest.raises(ValueError):
            Model.from_bytes(bad)


def test_every_tag_has_words_behind_it() -> None:
    tagger = default_tagger()
    notes = load_notes(CORPUS)[::7]
    assert len(notes) > 500
    for note in notes:
        for hit in tagger.tag(note.text):
            assert hit.spans, (hit.name, note.text)
            for span in hit.spans:
                assert span.text.strip() and note.text[span.start : span.end] == span.text


def test_a_tag_without_a_cue_shows_the_words_that_carried_it() -> None:
    tagger = default_tagger()
    found_without_cue = 0
    for note in load_notes(CORPUS)[::5]:
        for hit, why in tagger.decide(note.text):
            if why.source == "model":
                found_without_cue += 1
                assert 1 <= len(hit.spans) <= 3
    assert found_without_cue > 0


def test_decisions_carry_probability_and_threshold() -> None:
    decided = default_tagger().decide("Shattered. Ate lunch at my desk again, no break all shift.")
    assert decided
    for hit, why in decided:
        assert why.name == hit.name
        if why.source.startswith("model"):
            assert why.probability is not None and why.threshold is not None
            assert why.probability >= why.threshold


def test_probabilities_cover_every_builtin_tag_and_are_probabilities() -> None:
    probs = default_tagger().probabilities("couldn't sleep, head pounding, rota is a nightmare")
    assert set(probs) == set(TAXONOMY)
    assert all(0.0 <= p <= 1.0 for p in probs.values())


def test_users_own_keyword_and_hashtag_always_stand() -> None:
    tagger = Tagger(user_keywords=[UserKeyword("caseload", "Panel day")])
    assert "caseload" in {h.name for h in tagger.tag("Panel day again.")}
    assert {h.name for h in default_tagger().tag("fine really #sleep")} >= {"sleep"}
    court = Tagger(user_tags=[TagDef("court", Category.STRESSOR)])
    assert "court" in {h.name for h in court.tag("Court all morning.")}


def test_without_a_model_the_engine_alone_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.domain.tagging import learned

    monkeypatch.setattr(learned, "shipped", lambda: None)
    tagger = learned.Tagger()
    assert {h.name for h in tagger.tag("couldn't sleep, exhausted")} == {"sleep", "fatigue"}


def _loaded_after(code: str, modules: tuple[str, ...]) -> list[str]:
    """Which of `modules` a fresh interpreter has imported after running `code`."""
    probe = f"import sys\n{code}\nprint(' '.join(m for m in {modules!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    return out.stdout.split()


def test_the_model_is_read_lazily() -> None:
    """Importing the tagging package (as opening a journal does) reads neither cues nor model."""
    modules = ("journal.domain.tagging.model", "journal.domain.tagging.engine", "numpy", "sklearn")
    assert _loaded_after("import journal.domain.tagging", modules) == []


def test_inference_needs_neither_numpy_nor_scikit_learn() -> None:
    code = "from journal.domain.tagging import default_tagger\ndefault_tagger().tag('knackered, skipped lunch')"
    assert _loaded_after(code, ("journal.domain.tagging.model", "numpy", "scipy", "sklearn")) == [
        "journal.domain.tagging.model"
    ]


@pytest.mark.slow
def test_the_shipped_model_is_what_the_script_builds_from_the_corpus() -> None:
    """Training is seeded and deterministic: retraining on data/tagging/corpus gives the same file."""
    pytest.importorskip("sklearn")
    script = ROOT / "scripts" / "train_tagger.py"
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    out = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    data = json.loads(READABLE.read_text(encoding="utf-8"))
    assert data["trained_on"]["notes"] == len(load_notes(CORPUS))
