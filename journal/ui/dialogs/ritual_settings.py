"""Ritual settings: which steps run, each step's question in the user's own words, how to breathe.

A modal over the Ritual pane (ctrl+o there). It only edits a `RitualSettings` value and dismisses
with it (or None to change nothing); the pane stores it in the journal, so the ritual is the same
on every machine the journal file goes to. "Restore defaults" dismisses with the defaults at once.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from journal.domain.breathing import MAX_MINUTES, MIN_MINUTES, PATTERN_NAMES
from journal.domain.ritual import RITUAL_STEPS, STEP_ORDER, RitualError, RitualSettings, Step
from journal.ui.safe import safe_plain


def _label(title: str, on: bool) -> str:
    return title if on else f"{title} (off)"


class RitualSettingsDialog(ModalScreen[RitualSettings | None]):
    """Edit the ritual's steps, prompts and breathing; ctrl+s saves, escape cancels."""

    DEFAULT_CSS = """
    RitualSettingsDialog {
        align: center middle;
        background: $background 60%;
        & > Vertical {
            width: 96;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: round $primary;
            border-title-color: $text-primary;
            border-title-style: bold;
            background: $surface;
            padding: 0 2;
        }
        & VerticalScroll { height: auto; max-height: 1fr; }
        & .settings-hint { color: $text-muted; margin-bottom: 1; }
        & .settings-row { height: 1; margin-bottom: 1; }
        & .settings-row > Checkbox { width: 24; }
        & .settings-row > Input { width: 1fr; }
        & .settings-breathing { height: auto; margin-top: 1; }
        & .settings-breathing > Select { width: 1fr; margin-right: 1; }
        & .settings-buttons { height: auto; margin: 1 0; align-horizontal: right; }
        & .settings-buttons > Button { margin-left: 1; }
    }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(self, settings: RitualSettings) -> None:
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        with Vertical() as card:
            card.border_title = "Your ritual"
            yield Static(
                "Untick a step to leave it out. Write your own question for a step, or leave the line "
                "empty to keep ours.",
                classes="settings-hint",
                markup=False,
            )
            with VerticalScroll():
                for step in STEP_ORDER:
                    info = RITUAL_STEPS[step]
                    with Horizontal(classes="settings-row"):
                        on = step in self.settings.enabled
                        yield Checkbox(_label(info.title, on), on, compact=True, id=f"on-{step}")
                        yield Input(
                            safe_plain(self.settings.prompts.get(str(step), "")),
                            placeholder=info.prompt,
                            compact=True,
                            id=f"prompt-{step}",
                        )
                with Horizontal(classes="settings-breathing"):
                    yield Select(
                        [(name, key) for key, name in PATTERN_NAMES.items()],
                        value=self.settings.breathing_pattern,
                        allow_blank=False,
                        id="breathing-pattern",
                    )
                    yield Select(
                        [(f"{n} minute{'s' if n > 1 else ''}", n) for n in range(MIN_MINUTES, MAX_MINUTES + 1)],
                        value=self.settings.breathing_minutes,
                        allow_blank=False,
                        id="breathing-minutes",
                    )
            with Horizontal(classes="settings-buttons"):
                yield Button("Restore defaults", id="settings-defaults")
                yield Button("Cancel", id="settings-cancel")
                yield Button("Save", variant="primary", id="settings-save")
            yield Label("ctrl+s saves · escape cancels", classes="settings-hint")

    def chosen(self) -> RitualSettings:
        """The settings as the form now stands (RitualError if they don't fit together)."""
        enabled = [s for s in STEP_ORDER if self.query_one(f"#on-{s}", Checkbox).value]
        prompts = {str(s): self.query_one(f"#prompt-{s}", Input).value for s in STEP_ORDER}
        return RitualSettings(
            enabled=tuple(enabled),
            prompts={k: v for k, v in prompts.items() if v.strip()},
            breathing_pattern=str(self.query_one("#breathing-pattern", Select).value),
            breathing_minutes=int(self.query_one("#breathing-minutes", Select).value),  # type: ignore[arg-type]
        )

    def action_save(self) -> None:
        try:
            self.dismiss(self.chosen())
        except RitualError as error:
            self.notify(str(error), markup=False, severity="warning")

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Checkbox.Changed)
    def _toggled(self, event: Checkbox.Changed) -> None:
        # On or off is said in words too, never by the tick's shade alone.
        step = str(event.checkbox.id).removeprefix("on-")
        event.checkbox.label = _label(RITUAL_STEPS[Step(step)].title, event.value)

    @on(Button.Pressed, "#settings-save")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#settings-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#settings-defaults")
    def _defaults(self) -> None:
        self.dismiss(RitualSettings())
