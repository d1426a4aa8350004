"""Context that keeps a tag honest: wishes and requests, topics of the work, other people's states,
irony, social drinks and happy tears. Each case pairs with a realised twin, so neither side is free."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.tagging import Tagger
from tests.domain.tagging.conftest import engine_tagger, names

# (unreal or mentioned, realised, tag): the first must not get the tag, the second must.
PAIRS = [
    ("I really need a massage.", "Had a massage after work.", "rest"),
    ("Wish I could have gone to the gym tonight.", "Went to the gym tonight.", "exercise"),
    ("Would love a lie-in.", "Had a lie-in.", "rest"),
    ("Hoping to get out on the bike this weekend.", "Got out on the bike this weekend.", "exercise"),
    ("Going to turn my work phone off this weekend.", "Turned my work phone off at 5.", "boundary-held"),
    ("Manager asked me to stay late again.", "Stayed late again.", "overtime"),
    ("Thinking about booking a holiday.", "Booked a holiday.", "boundary-held"),
    ("Keen to try the mindfulness app.", "Did ten minutes with the mindfulness app.", "mindfulness"),
    ("Ran a group on sleep hygiene and managing anxiety.", "Anxious all day.", "anxiety"),
    ("Psychoeducation session on depression and low mood.", "Low mood all evening.", "sadness"),
    ("Taught the kids breathing exercises.", "Did my breathing exercises in the car.", "mindfulness"),
    ("'Self-care'. Sure.", "Some self-care tonight, bath and bed.", "rest"),
    ("Had a glass of wine with dinner.", "Needed a glass of wine after that shift.", "substance-use"),
    ("Had a beer at the barbecue.", "Few beers to unwind.", "substance-use"),
    ("Quiet night on the ward.", "Quiet night in on the sofa.", "rest"),
    ("The caller said she wanted to die. Stayed on for an hour.", "Stayed on until 9.", "overtime"),
    ("The head teacher was stressed and short with everyone.", "I was short with everyone.", "irritability"),
    ("Mum rang, she's worried about my dad.", "I'm worried about my dad.", "anxiety"),
    ("He snapped at the nurse.", "I snapped at the nurse.", "irritability"),
    ("My client has panic attacks most mornings.", "Had a panic attack this morning.", "anxiety"),
    ("They were all exhausted by the end of the shift.", "I was exhausted by the end of the shift.", "fatigue"),
    ("My supervisee is burnt out.", "Supervision with Anna today.", "supervision"),
    ("Emailed to say his son is back at school. Teared up.", "Teared up in the car.", "sadness"),
    ("Recommended she try mindfulness.", "Tried mindfulness for the first time.", "mindfulness"),
    ("Wrote a care plan for sleep and anxiety management.", "Anxious about the panel.", "anxiety"),
    ("Spent the afternoon on a course about vicarious trauma.", "Client disclosed a rape.", "trauma-exposure"),
    ("Car broke down on the way to a visit.", "Broke down in the car after the visit.", "sadness"),
    ("One of the HCAs was in tears after the death.", "I was in tears after the death.", "sadness"),
    ("Family angry about discharge.", "Angry about the discharge.", "irritability"),
    ("I'll probably work through lunch tomorrow.", "Worked through lunch.", "skipped-break"),
]


def test_a_meeting_about_a_stressor_is_still_the_stressor(tagger: Tagger) -> None:
    assert "crisis" in names(tagger, "Debrief about the overdose with the team.")
    assert "staffing" in names(tagger, "Team meeting about staffing again.")


@pytest.mark.parametrize(("unreal", "real", "tag"), PAIRS, ids=[p[2] + ":" + p[0][:30] for p in PAIRS])
def test_context_decides(tagger: Tagger, unreal: str, real: str, tag: str) -> None:
    assert tag not in names(tagger, unreal)
    assert tag in names(tagger, real)


def test_accepted_request_is_overtime(tagger: Tagger) -> None:
    assert "overtime" in names(tagger, "They asked if I could do a double. Said yes, stupidly.")
    assert "overtime" not in names(tagger, "They asked if I could do a double. Said no.")


def test_ironic_fragment_keeps_the_tag(tagger: Tagger) -> None:
    assert "sadness" in names(tagger, "Totally fine. Definitely not crying.")
    assert "sadness" not in names(tagger, "I was definitely not crying, just tired.")


def test_things_done_to_me_stay_mine(tagger: Tagger) -> None:
    assert "fatigue" in names(tagger, "The kids exhausted me tonight.")
    assert "anxiety" in names(tagger, "She made me so anxious.")


def test_wish_stops_at_but(tagger: Tagger) -> None:
    assert "rest" in names(tagger, "Wanted to go out but had a nap instead.")


_CARE = ["go for a run", "have a nap", "do some yoga", "meditate", "go swimming", "have a lie-in"]
_WISHES = [
    "I need to",
    "I wish I could",
    "I'd love to",
    "hoping to",
    "I'm going to",
    "I should",
    "might",
    "would be nice to",
]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_WISHES), st.sampled_from(_CARE))
def test_a_wish_for_care_is_never_care(wish: str, care: str) -> None:
    tagger = engine_tagger()
    assert not names(tagger, f"{wish} {care}") & {"exercise", "rest", "mindfulness"}
    assert names(tagger, care) & {"exercise", "rest", "mindfulness"}  # the care itself is known
