"""Inflections, spellings, typos, phrases, number and clock-time cues."""

from __future__ import annotations

import pytest

from journal.domain.tagging import Tagger
from tests.domain.tagging.conftest import names


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("exhausted", "fatigue"),
        ("the exhaustion is real", "fatigue"),
        ("such an exhausting day", "fatigue"),
        ("EXHAUSTED", "fatigue"),
        ("exausted", "fatigue"),
        ("tierd", "fatigue"),
        ("anxous all day", "anxiety"),
        ("can't focus", "concentration"),
        ("cant focus", "concentration"),
        ("cannot focus", "concentration"),
        ("couldn’t focus", "concentration"),
        ("could not concentrate", "concentration"),
        ("he criticized my notes", "conflict"),
        ("criticised in front of everyone", "conflict"),
        ("overwhelmed", "overwhelm"),
        ("Overwhelming", "overwhelm"),
        ("the overwhelm", "overwhelm"),
        ("going through the motions", "emotional-exhaustion"),
        ("nothing left to give", "emotional-exhaustion"),
        ("ate at my desk", "skipped-break"),
        ("eating at my desk again", "skipped-break"),
        ("didn't leave until 8", "overtime"),
        ("didnt get out till half 9", "overtime"),
        ("woke at 4", "sleep"),
        ("woke up at 3:40am", "sleep"),
        ("two DNA'd", "client-outcome"),
        ("client DNA’d", "client-outcome"),
        ("safeguarding referral", "crisis"),
        ("section 136", "crisis"),
        ("on call all weekend", "after-hours"),
        ("case notes", "paperwork"),
        ("write-ups", "paperwork"),
        ("write ups", "paperwork"),
        ("team huddle", "peer-support"),
        ("hot debrief", "supervision"),
        ("bit my partner's head off", "irritability"),
        ("lie-in", "rest"),
        ("lie in", "rest"),
        ("logged off at 5", "boundary-held"),
        ("vented to a coworker", "peer-support"),
        ("8 clients today", "caseload"),
    ],
)
def test_cue_variants(tagger: Tagger, text: str, tag: str) -> None:
    assert tag in names(tagger, text)


def test_clock_times_split_leaving_late_from_leaving_on_time(tagger: Tagger) -> None:
    assert "overtime" in names(tagger, "finally left at 8:30pm")
    assert "boundary-held" in names(tagger, "left at 5 on the dot")
    assert "overtime" not in names(tagger, "left at 5 on the dot")


def test_small_counts_are_not_a_caseload(tagger: Tagger) -> None:
    assert "caseload" not in names(tagger, "Two clients this afternoon.")


def test_longest_cue_wins_and_hides_the_words_inside_it(tagger: Tagger) -> None:
    assert names(tagger, "Slept well") == {"rest"}
    assert names(tagger, "good night's sleep") == {"rest"}
    assert names(tagger, "slept in till 10") == {"rest"}
    assert names(tagger, "slept badly") == {"sleep"}


def test_blockers_stop_cues_inside_them(tagger: Tagger) -> None:
    assert names(tagger, "checked her blood pressure") == set()
    assert names(tagger, "drinking more water") == set()
    assert "crisis" not in names(tagger, "coffee with the crisis team")


def test_someone_elses_feelings_are_not_the_writers(tagger: Tagger) -> None:
    assert names(tagger, "He was so scared.") == set()
    assert names(tagger, "Her anxiety was through the roof.") == set()
    assert "anxiety" in names(tagger, "My anxiety was through the roof.")
    assert "aggression" in names(tagger, "The client was aggressive.")


def test_words_are_matched_whole_not_as_substrings(tagger: Tagger) -> None:
    assert names(tagger, "ten minutes") == set()
    assert names(tagger, "numbers went up") == set()
    assert "tension" in names(tagger, "so much tension in my shoulders")


def test_spelling_variants_meet_one_key() -> None:
    from journal.domain.tagging.lexicon import load_lexicon
    from journal.domain.tagging.normalise import stem

    lemmas = load_lexicon().lemmas
    assert stem("behavior", lemmas) == stem("behaviour", lemmas)
    assert stem("behaviors", lemmas) == stem("behaviours", lemmas)
    assert stem("organize", lemmas) == stem("organise", lemmas)
    assert stem("color", lemmas) == stem("colour", lemmas)
    assert stem("counseling", lemmas) == stem("counselling", lemmas)
    assert stem("slept", lemmas) == stem("sleeping", lemmas) == stem("sleep", lemmas)


@pytest.mark.parametrize(
    ("typed", "tag"),
    [
        ("exhuasted", "fatigue"),
        ("overwhelmd", "overwhelm"),
        ("depresed", "sadness"),
        ("meditaiton", "mindfulness"),
        ("nightmres", "sleep"),
        ("hopless", "sadness"),
        ("SHATTERD", "fatigue"),
    ],
)
def test_one_letter_typos_in_long_words_are_forgiven(tagger: Tagger, typed: str, tag: str) -> None:
    assert names(tagger, typed) == {tag}


@pytest.mark.parametrize("text", ["fiction", "trained staff", "a lovely day", "tried hard"])
def test_real_words_are_never_corrected_into_cue_words(tagger: Tagger, text: str) -> None:
    assert names(tagger, text) == set()


def test_typo_index_rules() -> None:
    from journal.domain.tagging.fuzzy import TypoIndex

    index = TypoIndex({"drained": "drain", "strained": "strain"}, known={"trained"})
    assert index.correct("draned") == "drain"  # a dropped letter
    assert index.correct("draiend") == "drain"  # two letters swapped
    assert index.correct("drainned") == "drain"  # a doubled letter
    assert index.correct("trained") is None  # a real word
    assert index.correct("dramed") is None  # a changed letter is not forgiven
    assert index.correct("srained") == "strain"  # one dropped letter from strained only
    assert index.correct("dr") is None
    twins = TypoIndex({"tiredly": "a", "tiredle": "b"}, known=())
    assert twins.correct("tiredl") is None  # one letter from both: unsure, so no guess


def test_filler_words_inside_a_cue_can_be_cues_themselves(tagger: Tagger) -> None:
    hits = {h.name: h for h in tagger.tag("Can't get the 999 call out of my head.")}
    assert set(hits) == {"intrusive-thoughts", "crisis"}
    assert [s.text for s in hits["crisis"].spans] == ["999"]
