"""Quality on labelled sentences: recall >= 0.90 and wrong-tag rate <= 0.05 on each set.

`eval_sentences.jsonl` was labelled by another helper; `dev_sentences.jsonl` is ours; `dev_batches/`
holds batches of 60 written and labelled before the tagger was run on them (their first-look scores
are the honest estimate of how it does on unseen text). Tune the
lexicon with `python -m journal.domain.tagging.evaluate FILE...`, never by special-casing a sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.domain.tagging.evaluate import load, report, score

HERE = Path(__file__).parent
SETS = [p for p in (HERE / "eval_sentences.jsonl", HERE / "dev_sentences.jsonl") if p.exists()]
# Batches written blind (labelled before the tagger saw them), kept apart to keep their first-look record.
BATCHES = sorted((HERE / "dev_batches").glob("batch*.jsonl"))


@pytest.mark.parametrize("path", SETS, ids=[p.stem for p in SETS])
def test_recall_and_wrong_tag_rate(path: Path) -> None:
    rows = load([path])
    assert len(rows) >= 150
    result = score(rows)
    assert result.recall >= 0.90 and result.wrong_rate <= 0.05, report(result)


def test_blind_batches_together() -> None:
    rows = load(BATCHES)
    assert len(rows) >= 360
    result = score(rows)
    assert result.recall >= 0.90 and result.wrong_rate <= 0.05, report(result)


def test_both_sets_together() -> None:
    result = score(load([*SETS, *BATCHES]))
    assert result.recall >= 0.90 and result.wrong_rate <= 0.05, report(result)


def test_dev_set_is_present_and_labels_are_known_tags() -> None:
    from journal.domain.tagging import TAXONOMY

    rows = load([HERE / "dev_sentences.jsonl"])
    hashtag_labels = {t for text, tags in rows for t in tags if t not in TAXONOMY}
    assert all(any(f"#{t}" in text.lower() for text, _ in rows) for t in hashtag_labels)
    assert sum(1 for _, tags in rows if not tags) >= 10
    assert sum(1 for _, tags in rows if len(tags) >= 2) >= 20
