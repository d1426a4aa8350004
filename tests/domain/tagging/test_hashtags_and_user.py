"""`#hashtags`, user keywords and user-made tags."""

from __future__ import annotations

import pytest

from journal.domain.models import Category, TagDef, UserKeyword
from journal.domain.tagging import Tagger, default_tagger
from tests.domain.tagging.conftest import names


@pytest.fixture
def tagger() -> Tagger:
    """The public API is the combined tagger's (the app's default)."""
    return default_tagger()


def test_hashtag_is_a_personal_tag_lowercased_with_its_span(tagger: Tagger) -> None:
    text = "Long one #NightShift"
    [hit] = tagger.tag(text)
    assert (hit.name, hit.category, hit.group) == ("nightshift", Category.PERSONAL, None)
    assert [(s.start, s.end, s.text) for s in hit.spans] == [(9, 20, "#NightShift")]


def test_builtin_slug_hashtag_is_that_tag(tagger: Tagger) -> None:
    [hit] = tagger.tag("#Supervision")
    assert (hit.name, hit.category) == ("supervision", Category.CARE)
    [hit] = tagger.tag("#after-hours!")
    assert (hit.name, hit.category, hit.spans[0].text) == ("after-hours", Category.STRESSOR, "#after-hours")


def test_hashtag_edge_cases(tagger: Tagger) -> None:
    assert names(tagger, "C# and &#39; and # alone and #1") == set()
    assert names(tagger, "#trailing-") == {"trailing"}
    assert names(tagger, "#a-b-c.") == {"a-b-c"}
    assert names(tagger, "#café") == {"café"}


def test_hashtag_words_are_not_also_matched_as_cues(tagger: Tagger) -> None:
    assert names(tagger, "#exhausted") == {"exhausted"}


def test_user_keyword_adds_a_cue_to_a_builtin_tag() -> None:
    tagger = Tagger(user_keywords=[UserKeyword("caseload", "Panel day")])
    [hit] = tagger.tag("another PANEL DAYS")
    assert (hit.name, hit.category, hit.spans[0].text) == ("caseload", Category.STRESSOR, "PANEL DAYS")


def test_user_keyword_for_an_unknown_tag_is_personal() -> None:
    tagger = Tagger(user_keywords=[UserKeyword("Cat", "the cat")])
    [hit] = tagger.tag("fed the cat")
    assert (hit.name, hit.category) == ("cat", Category.PERSONAL)


def test_user_keywords_respect_negation() -> None:
    tagger = Tagger(user_keywords=[UserKeyword("headache", "brain ache")])
    assert names(tagger, "brain ache all day") == {"headache"}
    assert names(tagger, "no brain ache today") == set()


def test_user_tag_matches_by_its_name_and_keywords() -> None:
    tag = TagDef("night-shift", Category.PERSONAL, description="nights")
    tagger = Tagger(user_keywords=[UserKeyword("night-shift", "on nights")], user_tags=[tag])
    hits = {h.name: h for h in tagger.tag("Night shift again, on nights till Sunday")}
    # The model also reads overtime into a run of night shifts (0.24 against its 0.22 threshold): a
    # built-in tag of its own, beside the user's, which the user can reject.
    assert set(hits) - {"overtime"} == {"night-shift"}
    assert [s.text for s in hits["night-shift"].spans] == ["Night shift", "on nights"]
    assert hits["night-shift"].category is Category.PERSONAL


def test_user_tag_can_be_in_another_category() -> None:
    tagger = Tagger(user_tags=[TagDef("court", Category.STRESSOR)])
    [hit] = tagger.tag("Court all morning")
    assert (hit.name, hit.category) == ("court", Category.STRESSOR)


def test_user_data_does_not_leak_into_the_default_tagger(tagger: Tagger) -> None:
    Tagger(user_keywords=[UserKeyword("hobby", "zorbing")], user_tags=[TagDef("court", Category.STRESSOR)])
    assert names(tagger, "court and zorbing") == set()


def test_blank_user_input_is_ignored() -> None:
    tagger = Tagger(
        user_keywords=[UserKeyword("x", "  "), UserKeyword(" ", "word")],
        user_tags=[TagDef("", Category.PERSONAL), TagDef("fatigue", Category.PERSONAL)],
    )
    assert tagger.tag("word") == []
    [hit] = tagger.tag("tired")
    assert hit.category is Category.SYMPTOM


def test_user_phrases_are_taken_literally() -> None:
    tagger = Tagger(user_keywords=[UserKeyword("hobby", "* | $cant _ zorb+bricks"), UserKeyword("hobby", "***")])
    assert names(tagger, "zorb bricks") == set()
    assert names(tagger, "cant zorb bricks") == {"hobby"}
    assert names(tagger, "anything at all") == set()
