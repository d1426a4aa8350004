"""One good thing: a moment of meaning or progress, tagged live (often `meaningful-moment`)."""

from __future__ import annotations

from journal.domain.ritual import Step
from journal.ui.panes.ritual_steps._editor_step import EditorStep


class GoodThingStep(EditorStep):
    STEP = Step.GOOD_THING
    PLACEHOLDER = "A client's small step, a kind word, a moment that mattered…"

    DEFAULT_CSS = """
    GoodThingStep TaggedEditor > TextArea { height: 5; }
    GoodThingStep TaggedEditor { height: auto; }
    """
