"""What the Ritual pane's thread workers report back to it, one typed message per outcome: the
worker reads or writes the journal, the pane's handler changes the screen."""

from __future__ import annotations

from typing import Any

from textual.message import Message

from journal.domain.models import ParkedItem
from journal.domain.ritual import RitualSettings, RitualState


class Loaded(Message):
    """The saved ritual state and settings (as stored: checked as they are used), and what is parked."""

    def __init__(self, raw: dict[str, Any] | None, settings: object, parked: list[ParkedItem]) -> None:
        super().__init__()
        self.raw, self.settings, self.parked = raw, settings, parked


class SaveFailed(Message):
    """The ritual state (or the settings) could not be written."""


class Closed(Message):
    def __init__(self, state: RitualState, tags: list[str]) -> None:
        super().__init__()
        self.state, self.tags = state, tags


class CloseFailed(Message):
    def __init__(self, state_saved: bool) -> None:
        super().__init__()
        self.state_saved = state_saved


class ParkedRead(Message):
    """Last time's parked items, read for a new ritual."""

    def __init__(self, items: list[ParkedItem]) -> None:
        super().__init__()
        self.items = items


class SettingsSaved(Message):
    def __init__(self, settings: RitualSettings) -> None:
        super().__init__()
        self.settings = settings
