"""The personal adjustment: three similar refusals leave a tag out, three similar hand-additions
add it, and anything else is left alone. Built on hand-made hits, so it holds for any tagger."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.models import Category, Span, TagHit
from journal.domain.tagging.personal import (
    ADDED,
    MIN_SIMILAR,
    REJECTED,
    Memory,
    PersonalModel,
    addition_features,
    is_similar,
    rejection_features,
)

HEADACHE_REFUSED = [
    "the nights rota is a proper headache",
    "rota is a headache again",
    "this new rota, what a headache",
]
WITHDRAWAL_ADDED = [
    "stopped answering my sister's texts",
    "left mum's texts unanswered, stopped answering",
    "not answering texts from friends, stopped replying",
]


def hit(text: str, name: str, *words: str, category: Category = Category.SYMPTOM) -> TagHit:
    """A hit for `name` on each occurrence of `words` in `text`."""
    spans = sorted(
        (Span(m.start(), m.end(), m.group()) for w in words for m in re.finditer(re.escape(w), text)),
        key=lambda s: (s.start, s.end),
    )
    return TagHit(name, category, "physical" if name == "headache" else None, tuple(spans))


def refusals(texts=HEADACHE_REFUSED) -> list[Memory]:
    return [
        Memory("headache", REJECTED, rejection_features(t, hit(t, "headache", "headache").spans), i)
        for i, t in enumerate(texts, 1)
    ]


def additions(texts=WITHDRAWAL_ADDED, tag: str = "withdrawal") -> list[Memory]:
    return [Memory(tag, ADDED, addition_features(t), i) for i, t in enumerate(texts, 1)]


def adjusted_names(model: PersonalModel, text: str, hits: list[TagHit], **kw) -> list[str]:
    return [h.name for h in model.adjust(text, hits, **kw).hits]


# refusals ------------------------------------------------------------------------------------
def test_three_similar_refusals_leave_the_tag_out_and_say_why() -> None:
    model = PersonalModel(refusals())
    text = "the rota is such a headache"
    result = model.adjust(text, [hit(text, "headache", "headache")])
    assert result.hits == []
    [decision] = result.decisions
    assert (decision.tag, decision.action, decision.notes) == ("headache", "removed", 3)
    assert decision.reason() == "left out: you turned this tag down on 3 similar notes"


def test_two_refusals_are_not_enough() -> None:
    model = PersonalModel(refusals()[:2])
    text = "the rota is such a headache"
    assert adjusted_names(model, text, [hit(text, "headache", "headache")]) == ["headache"]


def test_a_real_headache_is_not_similar_to_the_refused_ones() -> None:
    model = PersonalModel(refusals())
    for text in (
        "awful headache since noon, nights are brutal",
        "headache all day after the rota meeting",
        "migraine and a headache, paracetamol did nothing",
    ):
        result = model.adjust(text, [hit(text, "headache", "headache")])
        assert [h.name for h in result.hits] == ["headache"], text
        assert result.decisions == []


def test_only_the_refused_context_is_dropped() -> None:
    model = PersonalModel(refusals())
    text = "Rota is a headache. And a real headache tonight, paracetamol"
    [kept] = model.adjust(text, [hit(text, "headache", "headache")]).hits
    assert [s.text for s in kept.spans] == ["headache"]
    assert kept.spans[0].start == text.index("real headache") + len("real ")


def test_other_tags_are_untouched() -> None:
    model = PersonalModel(refusals())
    text = "the rota is such a headache, exhausted"
    hits = [hit(text, "headache", "headache"), hit(text, "fatigue", "exhausted")]
    assert adjusted_names(model, text, hits) == ["fatigue"]


# additions -----------------------------------------------------------------------------------
def test_three_similar_additions_add_the_tag_with_the_words_behind_it() -> None:
    model = PersonalModel(additions())
    text = "stopped answering texts again"
    result = model.adjust(text, [])
    [added] = result.hits
    assert (added.name, added.category, added.group) == ("withdrawal", Category.SYMPTOM, "behavioral")
    assert added.spans and all(text[s.start : s.end] == s.text for s in added.spans)
    assert "answering" in " ".join(s.text for s in added.spans)
    assert [(d.tag, d.action, d.notes) for d in result.decisions] == [("withdrawal", "added", 3)]
    assert result.decisions[0].reason() == "added: you added this tag by hand on 3 similar notes"


def test_two_additions_are_not_enough() -> None:
    assert PersonalModel(additions()[:2]).adjust("stopped answering texts again", []).hits == []


def test_a_dissimilar_note_does_not_get_the_added_tag() -> None:
    model = PersonalModel(additions())
    for text in ("client texted me at 10pm", "long day, supervision helped", "stopped for lunch", ""):
        assert model.adjust(text, []).hits == [], text


def test_a_personal_tag_added_by_hand_is_learned_too() -> None:
    notes = ["covered the front desk again", "front desk cover all afternoon", "on the front desk, no cover"]
    model = PersonalModel(additions(notes, tag="front-desk"))
    [added] = model.adjust("front desk all morning", []).hits
    assert (added.name, added.category) == ("front-desk", Category.PERSONAL)


def test_a_tag_already_given_is_not_added_twice() -> None:
    model = PersonalModel(additions())
    text = "stopped answering texts again"
    given = hit(text, "withdrawal", "stopped answering")
    assert model.adjust(text, [given]).hits == [given]


# both, and fairness --------------------------------------------------------------------------
def test_a_note_is_not_its_own_evidence() -> None:
    model = PersonalModel(refusals())
    text = HEADACHE_REFUSED[1]
    hits = [hit(text, "headache", "headache")]
    assert adjusted_names(model, text, hits, exclude=2) == ["headache"]  # only two others remain
    assert adjusted_names(model, text, hits) == []


def test_as_many_similar_additions_as_refusals_change_nothing() -> None:
    texts = ["the rota is a headache", "rota is a headache again", "new rota, a headache"]
    both = refusals(texts) + [Memory("headache", ADDED, addition_features(t), 10 + i) for i, t in enumerate(texts)]
    text = "the rota is a headache today"
    assert adjusted_names(PersonalModel(both), text, [hit(text, "headache", "headache")]) == ["headache"]


def test_hashtags_are_never_left_out() -> None:
    texts = ["#rota is a headache", "the #rota again", "#rota, what a mess"]
    memories = [
        Memory("rota", REJECTED, rejection_features(t, hit(t, "rota", "#rota").spans), i) for i, t in enumerate(texts)
    ]
    text = "#rota is a headache again"
    assert adjusted_names(PersonalModel(memories), text, [hit(text, "rota", "#rota")]) == ["rota"]


def test_remembered_features_are_checksums_not_words() -> None:
    features = addition_features("stopped answering my sister's texts") | rejection_features(
        "the nights rota is a proper headache", (Span(27, 35, "headache"),)
    )
    assert features and all(re.fullmatch(r"[0-9a-f]{8}", f) for f in features)
    assert rejection_features("headache", (Span(0, 8, "headache"),)) == frozenset()  # trigger alone: nothing


def test_similarity_rule() -> None:
    a = addition_features("stopped answering my sister's texts")
    assert is_similar(a, addition_features("didn't answer any texts, stopped answering"))
    assert not is_similar(a, addition_features("client texted me at 10pm"))
    assert not is_similar(a, frozenset())
    assert MIN_SIMILAR == 3


# any text --------------------------------------------------------------------------------------
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(
        st.sampled_from(
            [
                "rota",
                "headache",
                "is",
                "a",
                "the",
                "texts",
                "answering",
                "stopped",
                ".",
                "\n",
                "#rota",
                "’s",
                "'",
                "ß",
                "İ",
                "\x00",
                "\x1b[2J",
                "😀",
                "e\u0301",
            ]
        ),
        max_size=40,
    ).map(" ".join),
)
MODEL = PersonalModel(refusals() + additions() + additions(["#x y", "x y z", "y z"], tag="x"))


@given(TEXTS, st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=4))
@settings(max_examples=300, deadline=None)
def test_the_adjustment_never_raises_and_its_spans_slice_the_text(text: str, raw: list) -> None:
    spans = tuple(Span(min(a, b, len(text)), min(max(a, b), len(text)), text[min(a, b) : max(a, b)]) for a, b in raw)
    hits = [TagHit("headache", Category.SYMPTOM, "physical", spans)] if spans else []
    result = MODEL.adjust(text, hits)
    for h in result.hits:
        assert h.spans
        for s in h.spans:
            if h.name != "headache":
                assert 0 <= s.start < s.end <= len(text) and text[s.start : s.end] == s.text
    assert {d.tag for d in result.decisions} <= {"headache", "withdrawal", "x"}
    rejection_features(text, spans)
    addition_features(text)


def test_a_megabyte_with_thousands_of_spans_is_handled_in_one_pass() -> None:
    """Linear in the text: each span looks only at its own window (a quadratic pass would hang here)."""
    text = ("the rota is such a headache. " * 40_000)[:1_000_000]
    hits = [hit(text, "headache", "headache")]
    assert len(hits[0].spans) > 30_000
    result = MODEL.adjust(text, hits)
    assert result.hits == [] and result.decisions[0].action == "removed"
    assert addition_features(text) and rejection_features(text, hits[0].spans)
