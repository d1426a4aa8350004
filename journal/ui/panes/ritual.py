"""The Ritual pane: the end-of-shift transition, one step at a time.

The pane owns the ritual's state (`journal.domain.ritual.RitualState`) and nothing else: each step
is a small view in `ritual_steps/` that hands answers back through a callback. Every answer is saved
to the journal's ritual state at once, synchronously (one small row, a few milliseconds, see the
report in the tests), so it is on disk before the user can press another key: quitting, a crash or a
closed terminal resumes at the same step with every answer kept.

Closing writes the whole ritual as one `ritual` entry plus its boundary entries in one transaction
(`ritual_steps.closing`). A ritual whose every step was skipped still closes the shift: a minimal
ritual entry is saved, because closing the day is the point even when there is nothing to say.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from journal.domain.models import ParkedItem
from journal.domain.ritual import RITUAL_STEPS, RitualError, RitualSettings, RitualState, Step
from journal.storage.errors import StoreError
from journal.ui.messages import JournalChanged
from journal.ui.panes.base import PANE_CSS, PaneScreen
from journal.ui.panes.ritual_steps.base import StepView
from journal.ui.panes.ritual_steps.closing import finish_closing
from journal.ui.panes.ritual_steps.factory import make_step
from journal.ui.panes.ritual_steps.park import ParkedStatus
from journal.ui.panes.ritual_steps.progress import progress_dots, progress_label
from journal.ui.panes.ritual_steps.summary import SummaryView

SETTINGS_KEY = "ritual"
_SAVE_FAILED = "That answer couldn't be saved just now; it is still on screen. Please try again."


class _Loaded(Message):
    def __init__(self, raw: Any, settings: Any, parked: list[ParkedItem]) -> None:
        super().__init__()
        self.raw, self.settings, self.parked = raw, settings, parked


def load_settings(raw: Any) -> tuple[RitualSettings, str | None]:
    """The user's ritual settings, or the defaults with one sentence saying why."""
    if raw is None:
        return RitualSettings(), None
    try:
        return RitualSettings.from_dict(raw), None
    except RitualError as error:
        return RitualSettings(), str(error)


class RitualPane(PaneScreen):
    """The guided end-of-shift ritual."""

    CSS_PATH = [PANE_CSS, Path(__file__).with_name("ritual.tcss")]
    BINDINGS = [
        Binding("ctrl+n", "next", "Next / skip", key_display="^n", priority=True),
        Binding("escape", "back", "Back", key_display="esc", priority=True),
        Binding("ctrl+o", "settings", "Ritual settings", key_display="^o", priority=True),
        # Only once a ritual is closed: the summary stays until the person asks for a new one.
        Binding("n", "new_ritual", "New ritual"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.settings = RitualSettings()
        self.state: RitualState | None = None
        self.closed: RitualState | None = None
        #: per step, what the ritual state has no field for (tag decisions, boundary notes)
        self.extras: dict[str, dict[str, Any]] = {}
        self.previous_parked: list[ParkedItem] = []
        self.park_marks: dict[int, str] = {}
        self._dirty = False

    def compose_body(self) -> ComposeResult:
        with Vertical(id="ritual-card"):
            yield Static("", id="ritual-progress", markup=False)
            yield Static("", id="ritual-dots", markup=False)
            yield Vertical(id="ritual-holder")

    # loading ------------------------------------------------------------------------------------
    @property
    def store(self) -> Any:
        return self.app.store  # type: ignore[attr-defined]

    def now(self) -> datetime:
        return self.app.clock()  # type: ignore[attr-defined, no-any-return]

    def on_mount(self) -> None:
        self._load(self.store)

    @work(thread=True, group="ritual-load", exit_on_error=False)
    def _load(self, store: Any) -> None:
        self.post_message(_Loaded(store.ritual_state(), store.get_setting(SETTINGS_KEY), store.parked()))

    @on(_Loaded)
    def _loaded(self, event: _Loaded) -> None:
        self.settings, problem = load_settings(event.settings)
        if problem:
            self.notify(problem, title="Ritual settings", severity="warning", markup=False)
        self.previous_parked = event.parked
        state = None
        if event.raw:
            try:
                state = RitualState.from_dict(event.raw)
                extras = event.raw.get("ui")
                self.extras = extras if isinstance(extras, dict) else {}
            except RitualError as error:
                self.notify(str(error), markup=False, timeout=6)
        if state is not None and state.is_complete:
            self._close(state)  # a closing that was interrupted: finish it, without duplicates
            return
        if state is not None:
            self.state = state.resume(self.settings)
            if state.started_at.date() != self.now().date():
                self.notify(f"Picking up the ritual you began on {state.started_at:%A at %H:%M}.", timeout=5)
        else:
            self.state = RitualState.start(self.now(), self.settings)
        self._show()

    # saving -------------------------------------------------------------------------------------
    def _save(self) -> bool:
        """Write the ritual state now; True when it is on disk."""
        if self.state is None:
            return False
        try:
            self.store.save_ritual_state({**self.state.to_dict(), "ui": self.extras})
        except StoreError:
            self.notify(_SAVE_FAILED, severity="warning")
            return False
        self._dirty = False
        return True

    def record(self, step: Step, value: Any, extras: dict[str, Any] | None) -> None:
        """A step's answer (None: taken back): into the state, and onto disk at once."""
        if self.state is None or self.state.is_complete:
            return
        if extras is not None:
            self.extras[str(step)] = extras
        try:
            if value is None:
                answers = {k: v for k, v in self.state.answers.items() if k != str(step)}
                self.state = replace(self.state, answers=answers)
            else:
                self.state = self.state.answer(step, value)
        except RitualError as error:
            self.notify(str(error), markup=False, timeout=5)
            return
        self._save()
        self._show_progress()

    # moving -------------------------------------------------------------------------------------
    def _leave_step(self) -> None:
        for view in self.query(StepView):
            view.on_leave()

    def action_next(self) -> None:
        self.after_typing(self._next_now)

    def _next_now(self) -> None:
        if self.state is None:
            return
        self._leave_step()
        if self.state.is_last:
            self._close(self.state.close(self.now()))
            return
        self.state = self.state.forward()
        self._save()
        self._show()

    def action_back(self) -> None:
        if self.state is None or self.state.is_first:
            return
        self._leave_step()
        self.state = self.state.back()
        self._save()
        self._show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new_ritual":
            return self.state is None and self.closed is not None
        if action in ("next", "back", "settings") and self.state is None:
            return False  # closed (or still loading): nothing to move through
        if action == "back" and self.state is not None and self.state.is_first:
            return None  # shown, but dimmed
        return True

    @on(StepView.Done)
    def _step_done(self, event: StepView.Done) -> None:
        event.stop()
        self.action_next()

    @on(ParkedStatus)
    def _parked_status(self, event: ParkedStatus) -> None:
        event.stop()
        self.park_marks[event.item_id] = "carried" if event.status == "open" else event.status
        try:
            self.store.set_parked_status(event.item_id, event.status)
        except StoreError:
            self.notify(_SAVE_FAILED, severity="warning")

    # closing ------------------------------------------------------------------------------------
    def _close(self, state: RitualState) -> None:
        """Save the closed state first, then the entries; so an interruption is finished later."""
        self.state = state
        if not self._save():
            self.state = None
            return
        try:
            entry = finish_closing(self.store, state, self.extras)
        except StoreError:
            self.notify("The ritual is safe, but closing couldn't finish; it will on the next start.",
                        severity="warning")
            return
        self.state, self.closed = None, state
        self.extras = {}
        self.refresh_header()
        self.post_message(JournalChanged())
        holder = self.query_one("#ritual-holder")
        holder.remove_children()
        holder.mount(SummaryView(state, [t.name for t in entry.visible_tags]))
        self.query_one("#ritual-progress", Static).update("The ritual is complete")
        self.query_one("#ritual-dots", Static).update(progress_dots(state))
        self.refresh_bindings()

    def action_new_ritual(self) -> None:
        """Begin another ritual after closing one (the summary stayed until now)."""
        if self.state is not None:
            self.notify("A ritual is already under way; it is right here.", timeout=3)
            return
        if self.closed is None:
            return  # still loading: the load starts (or resumes) one by itself
        self.closed = None
        self.extras, self.park_marks = {}, {}
        try:
            self.previous_parked = self.store.parked()
        except StoreError:
            self.previous_parked = []
        self.state = RitualState.start(self.now(), self.settings)
        self._save()
        self._show()

    # showing ------------------------------------------------------------------------------------
    def _show_progress(self) -> None:
        if self.state is None:
            return
        self.query_one("#ritual-progress", Static).update(progress_label(self.state))
        self.query_one("#ritual-dots", Static).update(progress_dots(self.state))

    def _show(self) -> None:
        """Mount the view of the current step (or a word about there being none)."""
        assert self.state is not None
        self._show_progress()
        holder = self.query_one("#ritual-holder")
        holder.remove_children()
        step = self.state.current
        if step is None:
            holder.mount(Static(
                "Every step of the ritual is switched off. Press ctrl+n to close the shift, "
                "or ctrl+o to turn steps back on.", classes="ritual-empty", markup=False))
            self.refresh_bindings()
            return
        view = make_step(self, step)
        holder.mount(view)
        self.refresh_bindings()

    # settings -----------------------------------------------------------------------------------
    def action_settings(self) -> None:
        from journal.ui.dialogs.ritual_settings import RitualSettingsDialog

        self._leave_step()
        self.app.push_screen(RitualSettingsDialog(self.settings), self._settings_chosen)

    def _settings_chosen(self, settings: RitualSettings | None) -> None:
        if settings is None or self.state is None:
            return
        try:
            self.store.set_setting(SETTINGS_KEY, settings.to_dict())
        except StoreError:
            self.notify("Your ritual settings couldn't be saved just now.", severity="warning")
            return
        self.settings = settings
        self.state = self.state.resume(settings)
        self._save()
        self._show()
        self.notify("Ritual settings saved.", timeout=3)

    def step_prompt(self, step: Step) -> tuple[str, str]:
        """The prompt (the user's own wording if they wrote one) and help line for a step."""
        return self.settings.prompt_for(step), RITUAL_STEPS[step].help
