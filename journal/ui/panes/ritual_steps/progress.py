"""The quiet progress line: "Step 3 of 7 · Park it" and a row of dots, in words as well as marks."""

from __future__ import annotations

from journal.domain.ritual import RITUAL_STEPS, RitualState

ANSWERED, SKIPPED, CURRENT, AHEAD = "●", "◌", "◉", "○"


def progress_label(state: RitualState) -> str:
    if state.current is None:
        return "No steps switched on"
    index = state.steps.index(state.current) + 1
    return f"Step {index} of {len(state.steps)} · {RITUAL_STEPS[state.current].title}"


def progress_dots(state: RitualState) -> str:
    """One mark per step: answered ●, skipped ◌, here ◉, still ahead ○."""
    marks = []
    for step in state.steps:
        if step == state.current and not state.is_complete:
            marks.append(CURRENT)
        elif str(step) in state.answers:
            marks.append(ANSWERED)
        elif step in state.skipped:
            marks.append(SKIPPED)
        else:
            marks.append(AHEAD)
    return " ".join(marks)
