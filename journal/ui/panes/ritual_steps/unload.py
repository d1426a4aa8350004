"""Unload: whatever is still on your mind, tagged live as in the Mood pane."""

from __future__ import annotations

from journal.domain.ritual import Step
from journal.ui.panes.ritual_steps._editor_step import EditorStep


class UnloadStep(EditorStep):
    STEP = Step.UNLOAD
    PLACEHOLDER = "Write it out. No one else reads this, and it can stay here tonight."
