"""journal.domain.ritual: steps, answers, settings, the state machine and its saved form."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.models import BOUNDARY_KINDS, Outcome
from journal.domain.ritual import (
    BOUNDARY_QUESTIONS,
    INTENTIONS,
    RITUAL_STEPS,
    STEP_ORDER,
    BoundaryEvent,
    RitualError,
    RitualSettings,
    RitualState,
    Step,
    boundary_events,
    clean_answer,
    intention_label,
    ritual_entry_payload,
)

LONDON = ZoneInfo("Europe/London")
START = datetime(2026, 11, 20, 17, 30, tzinfo=LONDON)

GOOD_ANSWERS: dict[Step, Any] = {
    Step.CHECKIN: {"mood": 2, "energy": 3},
    Step.UNLOAD: "  The last session stayed with me.  ",
    Step.PARK: ["call the GP back", "  ", "finish notes"],
    Step.BOUNDARIES: {"worked_late": True, "said_no": True, "skipped_break": False},
    Step.GOOD_THING: "A client laughed for the first time.",
    Step.BREATHE: {"pattern": "478", "minutes": 1, "seconds": 57, "completed": True},
    Step.SWITCH: "Rest",
}


def test_steps_and_words() -> None:
    assert [str(s) for s in STEP_ORDER] == [
        "checkin",
        "unload",
        "park",
        "boundaries",
        "good_thing",
        "breathe",
        "switch",
    ]
    assert RITUAL_STEPS[Step.CHECKIN].prompt == "How are you leaving today?"
    assert set(RITUAL_STEPS) == set(STEP_ORDER)
    assert all(q.kind in BOUNDARY_KINDS for q in BOUNDARY_QUESTIONS)
    assert {q.key: (q.kind, q.outcome) for q in BOUNDARY_QUESTIONS} == {
        "worked_late": ("overtime", Outcome.CROSSED),
        "skipped_break": ("skipped-break", Outcome.CROSSED),
        "after_hours_contact": ("after-hours-contact", Outcome.CROSSED),
        "said_no": ("extra-responsibility", Outcome.HELD),
    }
    assert set(INTENTIONS) == {"rest", "people", "movement", "hobby"}


def test_answers_are_cleaned() -> None:
    assert clean_answer("unload", GOOD_ANSWERS[Step.UNLOAD]) == "The last session stayed with me."
    assert clean_answer(Step.PARK, GOOD_ANSWERS[Step.PARK]) == ["call the GP back", "finish notes"]
    assert clean_answer(Step.BOUNDARIES, {"said_no": True, "worked_late": False}) == {
        "worked_late": False,
        "said_no": True,
    }
    assert clean_answer(Step.CHECKIN, {"mood": 4}) == {"mood": 4, "energy": None}
    assert clean_answer(Step.SWITCH, " Movement ") == "movement"
    assert clean_answer(Step.SWITCH, "Cook something slow") == "Cook something slow"
    assert clean_answer(Step.BREATHE, {"pattern": "box", "minutes": 2, "seconds": 30.7}) == {
        "pattern": "box",
        "minutes": 2,
        "seconds": 30,
        "completed": False,
    }
    for step, value in GOOD_ANSWERS.items():
        once = clean_answer(step, value)
        assert clean_answer(step, once) == once  # saved answers load back unchanged
        json.dumps(once)


@pytest.mark.parametrize(
    ("step", "value"),
    [
        ("checkin", {"mood": 6}),
        ("checkin", {"mood": True}),
        ("checkin", {}),
        ("checkin", {"mood": 3, "sleep": 2}),
        ("checkin", 3),
        ("unload", "   "),
        ("unload", None),
        ("park", "one line"),
        ("park", ["", " "]),
        ("park", [1, 2]),
        ("boundaries", {}),
        ("boundaries", {"worked_late": "yes"}),
        ("boundaries", {"ate_lunch": True}),
        ("good_thing", ""),
        ("breathe", {"pattern": "box", "minutes": 9}),
        ("breathe", {"pattern": "square", "minutes": 2}),
        ("breathe", {"pattern": "box", "minutes": 2, "seconds": -1}),
        ("breathe", {"pattern": "box", "minutes": 2, "seconds": float("nan")}),
        ("switch", "  "),
        ("dinner", "pasta"),
    ],
)
def test_bad_answers_get_one_sentence(step: str, value: Any) -> None:
    with pytest.raises(RitualError) as caught:
        clean_answer(step, value)
    message = str(caught.value)
    assert message.endswith(".") and "\n" not in message and message[0].isupper()


def test_boundary_events_and_intentions() -> None:
    events = boundary_events(clean_answer(Step.BOUNDARIES, GOOD_ANSWERS[Step.BOUNDARIES]))
    assert events == [
        BoundaryEvent("overtime", Outcome.CROSSED, "Worked late"),
        BoundaryEvent("extra-responsibility", Outcome.HELD, "Said no to something"),
    ]
    assert boundary_events(None) == []
    assert intention_label("people") == "Time with people"
    assert intention_label("Walk the dog") == "Walk the dog"


def walk_through(state: RitualState) -> RitualState:
    while True:
        state = state.answer(state.current, GOOD_ANSWERS[state.current])
        if state.is_last:
            return state
        state = state.forward()


def test_a_full_ritual() -> None:
    state = RitualState.start(START)
    assert state.current == Step.CHECKIN and state.is_first and not state.is_complete
    state = walk_through(state)
    assert state.current == Step.SWITCH and state.forward() == state
    closed = state.close(START + timedelta(minutes=5, seconds=12))
    assert closed.is_complete and closed.skipped == frozenset()
    payload = ritual_entry_payload(closed)
    assert payload["duration_seconds"] == 312
    assert payload["intention"] == "Rest"
    assert payload["answers"]["park"] == ["call the GP back", "finish notes"]
    assert payload["answers"]["checkin"] == {"mood": 2, "energy": 3}
    assert payload["skipped"] == []
    assert json.loads(json.dumps(payload)) == payload
    with pytest.raises(RitualError, match="already closed"):
        closed.skip()


def test_skip_back_and_forward() -> None:
    state = RitualState.start(START).answer(Step.CHECKIN, {"mood": 3})
    assert state.current == Step.CHECKIN  # answering saves but does not move
    state = state.forward()
    assert state.current == Step.UNLOAD and Step.CHECKIN not in state.skipped
    state = state.forward()  # nothing written: counts as skipped
    assert state.current == Step.PARK and Step.UNLOAD in state.skipped
    state = state.back().answer(Step.UNLOAD, "heavy day")
    assert Step.UNLOAD not in state.skipped and state.current == Step.UNLOAD
    state = state.skip()  # skipping drops the answer just given
    assert state.answer_for(Step.UNLOAD) is None and Step.UNLOAD in state.skipped
    assert state.back().back().back().current == Step.CHECKIN
    assert RitualState.start(START).back().current == Step.CHECKIN
    closed = state.close(START + timedelta(minutes=1))
    assert closed.skipped == set(STEP_ORDER) - {Step.CHECKIN}
    assert ritual_entry_payload(closed)["intention"] is None


def test_payload_needs_a_closed_ritual_and_never_goes_negative() -> None:
    state = RitualState.start(START)
    with pytest.raises(RitualError):
        ritual_entry_payload(state)
    assert ritual_entry_payload(state.close(START - timedelta(hours=1)))["duration_seconds"] == 0


def test_disabled_steps_are_passed_over() -> None:
    custom = RitualSettings().with_step(Step.UNLOAD, False).with_step(Step.BREATHE, False)
    state = RitualState.start(START, custom)
    assert state.forward().current == Step.PARK
    with pytest.raises(RitualError, match="switched off"):
        state.answer(Step.UNLOAD, "text")


def test_resume_honours_settings_changed_since() -> None:
    draft = RitualState.start(START).forward().forward()  # on "park"
    fewer = RitualSettings(enabled=(Step.CHECKIN, Step.GOOD_THING, Step.SWITCH))
    resumed = RitualState.from_dict(json.loads(json.dumps(draft.to_dict()))).resume(fewer)
    assert resumed.current == Step.GOOD_THING
    assert resumed.skipped == {Step.CHECKIN}
    resumed.check()
    only_checkin = RitualSettings(enabled=(Step.CHECKIN,))
    assert draft.resume(only_checkin).current == Step.CHECKIN  # nothing later: the last one on
    nothing = draft.resume(RitualSettings(enabled=()))
    assert nothing.current is None and nothing.forward() == nothing and nothing.skip() == nothing
    assert nothing.close(START).is_complete
    assert nothing.resume(RitualSettings()).current == Step.CHECKIN


def test_settings() -> None:
    default = RitualSettings()
    assert default.prompt_for(Step.CHECKIN) == "How are you leaving today?"
    custom = default.with_prompt(Step.CHECKIN, "How was it?").with_step(Step.BREATHE, False)
    custom = RitualSettings.from_dict(json.loads(json.dumps(custom.to_dict())))
    assert custom.prompt_for(Step.CHECKIN) == "How was it?"
    assert Step.BREATHE not in custom.enabled
    restored = custom.with_prompt(Step.CHECKIN, "  ").with_step(Step.BREATHE, True)
    assert restored == default
    assert RitualSettings.from_dict({}) == default
    assert RitualSettings(enabled=(Step.SWITCH, Step.CHECKIN, Step.SWITCH)).enabled == (Step.CHECKIN, Step.SWITCH)
    assert RitualSettings(breathing_pattern="478", breathing_minutes=5).breathing_plan.cycles == 15


@pytest.mark.parametrize(
    "data",
    [
        {"enabled": ["checkin", "nap"]},
        {"prompts": {"nap": "zzz"}},
        {"prompts": {"checkin": 3}},
        {"breathing": {"pattern": "box", "minutes": 10}},
        {"breathing": "box"},
        [],
    ],
)
def test_damaged_settings(data: Any) -> None:
    with pytest.raises(RitualError):
        RitualSettings.from_dict(data)


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.update(version=2),
        lambda d: d.update(started_at="yesterday"),
        lambda d: d.update(started_at="2026-11-20T17:30:00"),  # no offset
        lambda d: d.update(current="nap"),
        lambda d: d.update(current="switch", steps=["checkin"]),
        lambda d: d.update(steps="checkin"),
        lambda d: d.update(answers={"checkin": {"mood": 9}}),
        lambda d: d.update(answers={"nap": "yes"}),
        lambda d: d.update(skipped=["checkin"], answers={"checkin": {"mood": 3}}),
        lambda d: d.update(skipped=5),
        lambda d: d.update(closed_at=12),
    ],
)
def test_damaged_drafts_are_a_ritual_error(damage: Any) -> None:
    data = RitualState.start(START).to_dict()
    damage(data)
    with pytest.raises(RitualError):
        RitualState.from_dict(data)


# --- properties ----------------------------------------------------------------------------------

ANSWER_VALUES = {
    Step.CHECKIN: st.fixed_dictionaries({"mood": st.none() | st.integers(0, 6), "energy": st.integers(1, 5)}),
    Step.UNLOAD: st.text(max_size=20),
    Step.PARK: st.lists(st.text(max_size=10), max_size=3),
    Step.BOUNDARIES: st.dictionaries(st.sampled_from([q.key for q in BOUNDARY_QUESTIONS] + ["other"]), st.booleans()),
    Step.GOOD_THING: st.text(max_size=20),
    Step.BREATHE: st.fixed_dictionaries(
        {"pattern": st.sampled_from(["box", "478", "x"]), "minutes": st.integers(0, 6), "seconds": st.integers(-1, 400)}
    ),
    Step.SWITCH: st.sampled_from(["rest", "People", "", "a walk"]),
}
ACTIONS = st.one_of(
    st.sampled_from(["skip", "back", "forward", "close"]),
    st.sampled_from(STEP_ORDER).flatmap(lambda s: st.tuples(st.just(s), ANSWER_VALUES[s])),
)
SETTINGS = st.builds(RitualSettings, enabled=st.sets(st.sampled_from(STEP_ORDER)).map(tuple))


@settings(max_examples=200, deadline=None)
@given(start_settings=SETTINGS, resume_settings=SETTINGS, actions=st.lists(ACTIONS, max_size=25))
def test_any_sequence_keeps_the_state_valid_and_saveable(
    start_settings: RitualSettings, resume_settings: RitualSettings, actions: list[Any]
) -> None:
    state = RitualState.start(START, start_settings)
    for number, action in enumerate(actions):
        before = state
        try:
            if action == "close":
                state = state.close(START + timedelta(minutes=number))
            elif isinstance(action, str):
                state = getattr(state, action)()
            else:
                state = state.answer(*action)
        except RitualError as error:
            assert str(error).endswith(".")
            assert state == before  # a refused action changes nothing
        state.check()
        saved = json.loads(json.dumps(state.to_dict()))
        assert RitualState.from_dict(saved) == state
        if state.is_complete:
            payload = ritual_entry_payload(state)
            assert payload["duration_seconds"] >= 0
            assert set(payload["answers"]) | set(payload["skipped"]) >= {str(s) for s in state.steps}
    resumed = state.resume(resume_settings)
    resumed.check()
    assert resumed.answers == state.answers  # settings never throw answers away
    assert RitualState.from_dict(resumed.to_dict()) == resumed
