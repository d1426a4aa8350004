"""Negation within a clause, cues that contain their own negation, and meaning flips."""

from __future__ import annotations

import pytest

from journal.domain.tagging import Tagger
from tests.domain.tagging.conftest import names


@pytest.mark.parametrize(
    "text",
    [
        "no headache today",
        "I wasn't anxious",
        "I was not anxious at all",
        "didn't drink",
        "never once felt overwhelmed",
        "Not tired",
        "not really anxious",
        "without a headache for once",
        "no longer anxious",
        "felt less overwhelmed",
        "Nobody DNA'd today",
        "Supervision got cancelled again",
        "Skipped yoga again",
        "Meant to meditate",
        "Was going to call my brother",
    ],
)
def test_negated_or_undone_cues_give_no_tag(tagger: Tagger, text: str) -> None:
    assert names(tagger, text) == set()


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("couldn't sleep", "sleep"),
        ("can't focus", "concentration"),
        ("couldn't switch off", "intrusive-thoughts"),
        ("didn't eat all day", "appetite"),
        ("didn't get a break", "skipped-break"),
        ("no energy", "fatigue"),
        ("nothing left", "emotional-exhaustion"),
        ("no time for lunch", "skipped-break"),
        ("can't cope", "overwhelm"),
        ("couldn't care less", "reduced-empathy"),
        ("can't remember anything", "memory"),
        ("no motivation", "low-motivation"),
    ],
)
def test_cues_that_hold_their_own_negation_still_tag(tagger: Tagger, text: str, tag: str) -> None:
    assert tag in names(tagger, text)


def test_negation_stops_at_the_clause(tagger: Tagger) -> None:
    assert names(tagger, "No headache, but exhausted") == {"fatigue"}
    assert names(tagger, "Not anxious. Exhausted though.") == {"fatigue"}
    assert names(tagger, "no headache and exhausted") == {"fatigue"}
    assert names(tagger, "wasn't anxious; migraine all afternoon") == {"headache"}
    assert names(tagger, "not anxious\nexhausted") == {"fatigue"}


def test_negation_reaches_only_a_few_words(tagger: Tagger) -> None:
    text = "didn't think I would end up this completely and utterly exhausted"
    assert "fatigue" in names(tagger, text)


def test_spent_negators_do_not_negate_the_next_cue(tagger: Tagger) -> None:
    assert names(tagger, "couldn't sleep, anxious") == {"sleep", "anxiety"}
    assert {"sleep", "anxiety"} <= names(tagger, "couldn't sleep anxious about tomorrow")


def test_cancelling_phrases_are_not_negations(tagger: Tagger) -> None:
    assert "fatigue" in names(tagger, "can't believe how tired I am")
    assert "fatigue" in names(tagger, "never been so tired")
    assert "fatigue" in names(tagger, "no wonder I'm exhausted")


def test_flips(tagger: Tagger) -> None:
    assert names(tagger, "slept well") == {"rest"}
    assert names(tagger, "had a good night's sleep") == {"rest"}
    assert names(tagger, "slept terribly") == {"sleep"}
    assert names(tagger, "welled up in a good way") == {"meaningful-moment"}


def test_care_still_to_come_has_not_happened(tagger: Tagger) -> None:
    assert names(tagger, "Supervision next week.") == set()
    assert names(tagger, "Yoga tomorrow, can't wait") == set()
    assert names(tagger, "Anxious about the audit tomorrow") == {"anxiety", "paperwork"}


def test_other_peoples_activities_are_not_the_writers_care(tagger: Tagger) -> None:
    assert names(tagger, "He plays football on Saturdays.") == set()
    assert names(tagger, "Mum said the kids are sleeping better.") == set()
    assert names(tagger, "He's been drinking less since the group.") == set()
    assert "exercise" in names(tagger, "I played football with the lads.")
    assert "peer-support" in names(tagger, "Team were amazing with me today.")


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("Not even sad, just nothing.", "sadness", "numbness"),
        ("didn't even notice I was exhausted", None, "fatigue"),
        ("Didn't get a chance to eat or drink all shift.", "substance-use", "skipped-break"),
        ("My client was exhausted and tearful today.", "sadness", None),
        ("He was fine and I was tearful", None, "sadness"),
        ("Declined the on-call shift they offered.", "after-hours", "boundary-held"),
        ("Declined the on-call shift they offered.", "client-outcome", None),
        ("That would've floored me a year ago.", "overwhelm", None),
        ("Ran the bereavement group this afternoon.", "client-outcome", None),
        ("Home after a 12-hour shift, feet up.", "overtime", "rest"),
    ],
)
def test_scope_rules_from_blind_batches(tagger: Tagger, text: str, absent: str | None, present: str | None) -> None:
    got = names(tagger, text)
    assert absent is None or absent not in got
    assert present is None or present in got
