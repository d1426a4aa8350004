"""Hypothesis properties: the tagger never raises, spans always slice the text, and tags are stable."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.tagging import default_tagger

CUE_WORDS = [
    "exhausted", "couldn't", "sleep", "no", "headache", "not", "anxious", "ate", "at", "my", "desk",
    "didn't", "leave", "until", "8", "#nights", "but", "slept", "well", "DNA'd", "section", "136",
    "on", "call", "I", "wasn't", "nothing", "left", "to", "give", ",", ".", "\n", "’", "-", "#",
    "supervision", "cancelled", "client", "was", "so", "scared", "woke", "4am", "half", "9",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(CUE_WORDS), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(CUE_WORDS), st.text(max_size=4)), max_size=30).map("".join),
)


def _check_spans(text: str) -> list:
    hits = default_tagger().tag(text)
    for hit in hits:
        assert hit.spans
        assert list(hit.spans) == sorted(hit.spans, key=lambda s: (s.start, s.end))
        for span in hit.spans:
            assert 0 <= span.start < span.end <= len(text)
            assert text[span.start:span.end] == span.text
    starts = [h.spans[0].start for h in hits]
    assert starts == sorted(starts)
    assert len({h.name for h in hits}) == len(hits)
    return hits


@given(texts)
@settings(max_examples=300, deadline=None)
def test_never_raises_and_spans_slice_the_original_text(text: str) -> None:
    _check_spans(text)


@given(st.text(alphabet=st.characters(max_codepoint=0x9F), max_size=200))
@settings(max_examples=100, deadline=None)
def test_control_characters_are_harmless(text: str) -> None:
    _check_spans(text)


def test_a_megabyte_of_text_is_fine() -> None:
    rng = random.Random(7)
    words = [*CUE_WORDS, "\x00", "\x1b[31m", "\u202e", "🙂", "zzz"]
    text = " ".join(rng.choice(words) for _ in range(200_000))[:1_000_000]
    assert {h.name for h in _check_spans(text)}


@given(st.lists(st.sampled_from(CUE_WORDS), max_size=30).map(" ".join))
@settings(max_examples=200, deadline=None)
def test_tag_set_is_invariant_under_case(text: str) -> None:
    tag = default_tagger().tag
    base = {h.name for h in tag(text)}
    assert {h.name for h in tag(text.upper())} == base
    assert {h.name for h in tag(text.lower())} == base
    assert {h.name for h in tag(text.title())} == base


@given(
    st.lists(st.sampled_from(CUE_WORDS), max_size=20).map(" ".join),
    st.lists(st.sampled_from(CUE_WORDS), max_size=20).map(" ".join),
)
@settings(max_examples=200, deadline=None)
def test_text_in_another_paragraph_does_not_remove_a_tag(first: str, second: str) -> None:
    tag = default_tagger().tag
    alone = {h.name for h in tag(first)}
    together = {h.name for h in tag(first + "\n\n" + second)}
    assert alone <= together
    assert {h.name for h in tag(second)} <= {h.name for h in tag(first + ".\n" + second)}


@given(st.lists(st.sampled_from(CUE_WORDS), max_size=30).map(" ".join))
@settings(max_examples=100, deadline=None)
def test_tagging_is_deterministic(text: str) -> None:
    tag = default_tagger().tag
    assert tag(text) == tag(text)
