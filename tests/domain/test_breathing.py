"""journal.domain.breathing: plans of whole cycles and the state at any moment."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.breathing import PATTERN_NAMES, PATTERNS, BreathingPlan


def test_patterns() -> None:
    assert [(p.name, p.seconds) for p in PATTERNS["box"]] == [("in", 4), ("hold", 4), ("out", 4), ("hold-out", 4)]
    assert [(p.name, p.seconds) for p in PATTERNS["478"]] == [("in", 4), ("hold", 7), ("out", 8)]
    assert [p.label for p in PATTERNS["box"]] == ["Breathe in", "Hold", "Breathe out", "Rest"]
    assert set(PATTERN_NAMES) == set(PATTERNS)


@pytest.mark.parametrize(
    ("pattern", "minutes", "cycles", "total"),
    [("box", 1, 3, 48), ("box", 2, 7, 112), ("box", 5, 18, 288), ("478", 1, 3, 57), ("478", 5, 15, 285)],
)
def test_plans_are_whole_cycles(pattern: str, minutes: int, cycles: int, total: int) -> None:
    plan = BreathingPlan(pattern, minutes)
    assert (plan.cycles, plan.total_seconds) == (cycles, total)


def test_state_walks_through_the_box_pattern() -> None:
    plan = BreathingPlan("box", 1)
    start = plan.state_at(0)
    assert (start.phase.label, start.progress, start.cycle, start.seconds_left, start.done) == (
        "Breathe in",
        0.0,
        0,
        4,
        False,
    )
    assert plan.state_at(2).progress == 0.5
    assert plan.state_at(3.2).seconds_left == 1
    assert plan.state_at(4).phase.name == "hold"
    assert plan.state_at(9).phase.name == "out"
    assert plan.state_at(15.9).phase.label == "Rest"
    second = plan.state_at(16)
    assert (second.phase.name, second.cycle) == ("in", 1)
    end = plan.state_at(48)
    assert end.done and end.progress == 1.0 and end.cycle == 2 and end.phase.name == "hold-out"
    assert not plan.state_at(47.99).done
    assert plan.state_at(-5) == start
    assert plan.state_at(float("inf")).done


def test_478_phases() -> None:
    plan = BreathingPlan("478", 3)
    assert plan.state_at(10).phase.name == "hold"
    assert plan.state_at(11).phase.name == "out"
    assert plan.state_at(19).cycle == 1


@pytest.mark.parametrize("minutes", [0, 6, -1, 2.5, True])
def test_minutes_out_of_range_get_a_sentence(minutes: object) -> None:
    with pytest.raises(ValueError, match=r"^Breathing lasts between 1 and 5 minutes; .*\.$"):
        BreathingPlan("box", minutes)  # type: ignore[arg-type]


def test_unknown_pattern() -> None:
    with pytest.raises(ValueError, match="choose box or 478"):
        BreathingPlan("square", 2)
    with pytest.raises(ValueError):
        BreathingPlan().state_at(float("nan"))


PLANS = st.builds(BreathingPlan, st.sampled_from(sorted(PATTERNS)), st.integers(1, 5))


@settings(max_examples=200)
@given(plan=PLANS, elapsed=st.floats(min_value=-10, max_value=400, allow_nan=False))
def test_progress_is_a_fraction_and_done_only_at_the_end(plan: BreathingPlan, elapsed: float) -> None:
    state = plan.state_at(elapsed)
    assert 0.0 <= state.progress <= 1.0
    assert 0 <= state.cycle < plan.cycles
    assert state.done == (elapsed >= plan.total_seconds)
    assert plan.phases[state.phase_index] == state.phase
    assert 0 <= state.seconds_left <= state.phase.seconds


@settings(max_examples=50)
@given(plan=PLANS)
def test_phases_cycle_in_order(plan: BreathingPlan) -> None:
    seen = []
    tick = 0.25
    steps = int(plan.total_seconds / tick)
    for i in range(steps):
        state = plan.state_at(i * tick)
        if not seen or seen[-1] != (state.cycle, state.phase_index):
            seen.append((state.cycle, state.phase_index))
    expected = [(c, i) for c in range(plan.cycles) for i in range(len(plan.phases))]
    assert seen == expected
    assert plan.total_seconds == plan.cycles * plan.cycle_seconds <= max(plan.minutes * 60, plan.cycle_seconds)
