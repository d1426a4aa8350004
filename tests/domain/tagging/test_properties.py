"""Hypothesis properties: the tagger never raises, spans always slice the text, and tags are stable.

Each property holds for the combined tagger the app uses (`default_tagger()`, the learned model
over the cue engine) and for the cue engine alone, except one: "text in another paragraph never
removes a tag" holds for the engine only. The model weighs the whole note on purpose: "Used to
drink to unwind. Two years sober now." is not drinking, because of the second sentence.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.tagging import TAXONOMY, default_tagger
from tests.domain.tagging.conftest import engine_tagger

BOTH = pytest.mark.parametrize("make", [default_tagger, engine_tagger], ids=["combined", "engine"])

CUE_WORDS = [
    "exhausted",
    "couldn't",
    "sleep",
    "no",
    "headache",
    "not",
    "anxious",
    "ate",
    "at",
    "my",
    "desk",
    "didn't",
    "leave",
    "until",
    "8",
    "#nights",
    "but",
    "slept",
    "well",
    "DNA'd",
    "section",
    "136",
    "on",
    "call",
    "I",
    "wasn't",
    "nothing",
    "left",
    "to",
    "give",
    ",",
    ".",
    "\n",
    "’",
    "-",
    "#",
    "supervision",
    "cancelled",
    "client",
    "was",
    "so",
    "scared",
    "woke",
    "4am",
    "half",
    "9",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(CUE_WORDS), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(CUE_WORDS), st.text(max_size=4)), max_size=30).map("".join),
)


def _check_spans(text: str, make=default_tagger) -> list:
    hits = make().tag(text)
    for hit in hits:
        assert hit.spans
        assert list(hit.spans) == sorted(hit.spans, key=lambda s: (s.start, s.end))
        for span in hit.spans:
            assert 0 <= span.start < span.end <= len(text)
            assert text[span.start : span.end] == span.text
    starts = [h.spans[0].start for h in hits]
    assert starts == sorted(starts)
    assert len({h.name for h in hits}) == len(hits)
    return hits


@BOTH
@given(texts)
@settings(max_examples=300, deadline=None)
def test_never_raises_and_spans_slice_the_original_text(make, text: str) -> None:
    _check_spans(text, make)


@BOTH
@given(st.text(alphabet=st.characters(max_codepoint=0x9F), max_size=200))
@settings(max_examples=100, deadline=None)
def test_control_characters_are_harmless(make, text: str) -> None:
    _check_spans(text, make)


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=("Cs",)), max_size=300))
@settings(max_examples=200, deadline=None)
def test_any_unicode_is_harmless_for_the_model(text: str) -> None:
    hits = _check_spans(text)
    probs = default_tagger().probabilities(text)
    assert all(0.0 <= p <= 1.0 for p in probs.values())
    assert set(probs) <= set(TAXONOMY)
    assert all(h.name in TAXONOMY or f"#{h.name}" in text.lower() for h in hits)


@BOTH
def test_a_megabyte_of_text_is_fine(make) -> None:
    rng = random.Random(7)
    words = [*CUE_WORDS, "\x00", "\x1b[31m", "\u202e", "🙂", "zzz"]
    text = " ".join(rng.choice(words) for _ in range(200_000))[:1_000_000]
    assert {h.name for h in _check_spans(text, make)}


def test_time_grows_linearly_with_length() -> None:
    """Ten times the text takes about ten times as long (not a hundred): no quadratic step."""
    import time

    rng = random.Random(11)
    words = [*CUE_WORDS, "knackered", "rota", "5150'd", "paracetamol", "skull", "sober"]
    small = " ".join(rng.choice(words) for _ in range(2_000))
    large = " ".join(rng.choice(words) for _ in range(20_000))
    tag = default_tagger().tag
    tag(small), tag(large)  # warm the caches

    def best(text: str) -> float:
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            tag(text)
            times.append(time.perf_counter() - t0)
        return min(times)

    assert best(large) < 30 * best(small)


@BOTH
@given(st.lists(st.sampled_from(CUE_WORDS), max_size=30).map(" ".join))
@settings(max_examples=200, deadline=None)
def test_tag_set_is_invariant_under_case(make, text: str) -> None:
    tag = make().tag
    base = {h.name for h in tag(text)}
    assert {h.name for h in tag(text.upper())} == base
    assert {h.name for h in tag(text.lower())} == base
    assert {h.name for h in tag(text.title())} == base


@given(
    st.lists(st.sampled_from(CUE_WORDS), max_size=20).map(" ".join),
    st.lists(st.sampled_from(CUE_WORDS), max_size=20).map(" ".join),
)
@settings(max_examples=200, deadline=None)
def test_text_in_another_paragraph_does_not_remove_a_tag_for_the_engine(first: str, second: str) -> None:
    tag = engine_tagger().tag
    alone = {h.name for h in tag(first)}
    together = {h.name for h in tag(first + "\n\n" + second)}
    assert alone <= together
    assert {h.name for h in tag(second)} <= {h.name for h in tag(first + ".\n" + second)}


@BOTH
@given(st.lists(st.sampled_from(CUE_WORDS), max_size=30).map(" ".join))
@settings(max_examples=100, deadline=None)
def test_tagging_is_deterministic(make, text: str) -> None:
    tag = make().tag
    assert tag(text) == tag(text)


_LOOKBEHIND_FIRST = r"(?<![\w#&])#([^\W\d_](?:[\w]|-(?=\w))*)"  # the hashtag pattern as first written


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["#", "&", "-", "a", "é", "1", "_", " ", "\n", ";", "C", "ß"]), max_size=40))
def test_the_hashtag_pattern_finds_what_its_look_behind_first_form_did(text: str) -> None:
    """The "#" now leads the pattern (so a long note is searched at C speed); the matches are the same."""
    import re

    from journal.domain.tagging import HASHTAG_RE

    found = [(m.span(), m.group(1)) for m in HASHTAG_RE.finditer(text)]
    assert found == [(m.span(), m.group(1)) for m in re.finditer(_LOOKBEHIND_FIRST, text)]
