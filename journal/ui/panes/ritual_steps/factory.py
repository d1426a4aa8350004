"""Which view shows which step, and what each one needs from the pane."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from journal.domain.ritual import Step
from journal.ui.panes.ritual_steps.base import StepView
from journal.ui.panes.ritual_steps.boundaries import BoundariesStep
from journal.ui.panes.ritual_steps.breathe import BreatheStep
from journal.ui.panes.ritual_steps.checkin import CheckinStep
from journal.ui.panes.ritual_steps.good_thing import GoodThingStep
from journal.ui.panes.ritual_steps.park import ParkStep
from journal.ui.panes.ritual_steps.switch import SwitchStep
from journal.ui.panes.ritual_steps.unload import UnloadStep

if TYPE_CHECKING:
    from journal.ui.panes.ritual import RitualPane

_VIEWS: dict[Step, type[StepView]] = {
    Step.CHECKIN: CheckinStep,
    Step.UNLOAD: UnloadStep,
    Step.PARK: ParkStep,
    Step.BOUNDARIES: BoundariesStep,
    Step.GOOD_THING: GoodThingStep,
    Step.BREATHE: BreatheStep,
    Step.SWITCH: SwitchStep,
}


def make_step(pane: RitualPane, step: Step) -> StepView:
    """A fresh view of `step`, filled with its saved answer."""
    assert pane.state is not None
    prompt, help = pane.step_prompt(step)
    kwargs: dict[str, Any] = {
        "prompt": prompt,
        "help": help,
        "extras": pane.extras.get(str(step)),
        "on_answer": pane.record,
    }
    if step is Step.BREATHE:
        kwargs["plan"] = pane.settings.breathing_plan
        kwargs["now"] = lambda: pane.now().timestamp()
    elif step is Step.PARK:
        kwargs["previous"] = pane.previous_parked
        kwargs["marks"] = pane.parked_marks
    return _VIEWS[step](pane.state.answer_for(step), **kwargs)
