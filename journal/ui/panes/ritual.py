"""The Ritual pane: the end-of-shift transition, one step at a time.

The pane owns the ritual's state (`journal.domain.ritual.RitualState`) and nothing else: each step
is a small view in `ritual_steps/` that hands answers back through a callback. Every answer is saved
to the journal's ritual state at once, in a thread worker (one small row, a few milliseconds): the
latest state waits in one slot and each write takes whatever is latest under one lock, so writes
never land out of order, and the last one still waiting is written as the pane goes away. Quitting,
a crash or a closed terminal resumes at the same step with every answer kept.

Closing writes the whole ritual as one `ritual` entry plus its boundary entries in one transaction
(`journal.usecases.ritual`), in a worker too, behind the same lock. A ritual whose every step was
skipped still closes the shift: a minimal ritual entry is saved, because closing the day is the
point even when there is nothing to say.
"""

from __future__ import annotations

import copy
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from journal.domain.models import ParkedItem
from journal.domain.ritual import RITUAL_STEPS, RitualError, RitualSettings, RitualState, Step
from journal.storage import Store
from journal.storage.errors import StoreError
from journal.ui.latest_writes import LatestWrites
from journal.ui.messages import JournalChanged
from journal.ui.panes.base import PANE_CSS, PaneScreen
from journal.ui.panes.ritual_steps.base import StepView
from journal.ui.panes.ritual_steps.factory import make_step
from journal.ui.panes.ritual_steps.progress import progress_dots, progress_label
from journal.ui.panes.ritual_steps.reports import Closed, CloseFailed, Loaded, ParkedRead, SaveFailed, SettingsSaved
from journal.ui.panes.ritual_steps.summary import SummaryView
from journal.ui.widgets.parked_marks import SavesParkedMarks
from journal.usecases.ritual import close_ritual

SETTINGS_KEY = "ritual"
_STATE = "state"
_SAVE_FAILED = "That answer couldn't be saved just now; it is still on screen. Please try again."


def load_settings(raw: Any) -> tuple[RitualSettings, str | None]:
    """The user's ritual settings, or the defaults with one sentence saying why."""
    if raw is None:
        return RitualSettings(), None
    try:
        return RitualSettings.from_dict(raw), None
    except RitualError as error:
        return RitualSettings(), str(error)


class RitualPane(SavesParkedMarks, PaneScreen):
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
        #: the ritual state waiting to be written (the latest one is what lands)
        self._writes: LatestWrites[str, dict[str, Any]] = LatestWrites()
        #: a closing is being written: nothing moves until it reports back
        self._closing_ritual = False

    def compose_body(self) -> ComposeResult:
        with Vertical(id="ritual-card"):
            yield Static("", id="ritual-progress", markup=False)
            yield Static("", id="ritual-dots", markup=False)
            yield Vertical(id="ritual-holder")

    # loading ------------------------------------------------------------------------------------
    def on_mount(self) -> None:
        self._load(self.store)

    @work(thread=True, group="ritual-load", exit_on_error=False)
    def _load(self, store: Store) -> None:
        self.post_message(Loaded(store.ritual_state(), store.get_setting(SETTINGS_KEY), store.parked()))

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
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
    def _snapshot(self) -> dict[str, Any] | None:
        """The ritual state as written, copied whole: the steps go on changing `extras`."""
        if self.state is None:
            return None
        return copy.deepcopy({**self.state.to_dict(), "ui": self.extras})

    def _save(self) -> None:
        """Write the ritual state in a worker; the latest state is the one written."""
        snapshot = self._snapshot()
        if snapshot is None:
            return
        self._writes.put(_STATE, snapshot)
        self._write_state(self.store)

    @work(thread=True, group="ritual-save", exit_on_error=False)
    def _write_state(self, store: Store) -> None:
        try:
            self._writes.write(lambda _, snapshot: store.save_ritual_state(snapshot))
        except StoreError:
            self.post_message(SaveFailed())  # the state waits for the next write

    @on(SaveFailed)
    def _save_failed(self) -> None:
        self.notify(_SAVE_FAILED, severity="warning")

    def on_unmount(self) -> None:
        # The app is closing: no time for a worker, so the last state still waiting is written here.
        store = self.store
        with suppress(Exception):  # a closed store must not turn quitting into a traceback
            self._writes.write(lambda _, snapshot: store.save_ritual_state(snapshot))

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
        if self.state is None or self._closing_ritual:
            return
        self._leave_step()
        if self.state.is_last:
            self._close(self.state.close(self.now()))
            return
        self.state = self.state.forward()
        self._save()
        self._show()

    def action_back(self) -> None:
        if self.state is None or self._closing_ritual or self.state.is_first:
            return
        self._leave_step()
        self.state = self.state.back()
        self._save()
        self._show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new_ritual":
            return self.state is None and self.closed is not None
        if action in ("next", "back", "settings") and (self.state is None or self._closing_ritual):
            return False  # closed, closing or still loading: nothing to move through
        if action == "back" and self.state is not None and self.state.is_first:
            return None  # shown, but dimmed
        return True

    @on(StepView.Done)
    def _step_done(self, event: StepView.Done) -> None:
        event.stop()
        self.action_next()

    # closing ------------------------------------------------------------------------------------
    def _close(self, state: RitualState) -> None:
        """Save the closed state first, then the entries (in a worker); so an interruption is
        finished later."""
        self.state = state
        self._closing_ritual = True
        self.refresh_bindings()
        snapshot = self._snapshot()
        assert snapshot is not None
        self._write_closing(self.store, state, snapshot, copy.deepcopy(self.extras))

    @work(thread=True, group="ritual-close", exit_on_error=False)
    def _write_closing(
        self, store: Store, state: RitualState, snapshot: dict[str, Any], extras: dict[str, Any]
    ) -> None:
        with self._writes.turn:  # after any answer still being written, before anything later
            self._writes.drop(_STATE)  # the closed state supersedes it
            try:
                store.save_ritual_state(snapshot)
            except StoreError:
                self.post_message(CloseFailed(state_saved=False))
                return
            try:
                entry = close_ritual(store, state, extras)
            except StoreError:
                self.post_message(CloseFailed(state_saved=True))
                return
        self.post_message(Closed(state, [t.name for t in entry.visible_tags]))

    @on(CloseFailed)
    def _close_failed(self, event: CloseFailed) -> None:
        self._closing_ritual = False
        if event.state_saved:
            self.notify(
                "The ritual is safe, but closing couldn't finish; it will on the next start.", severity="warning"
            )
        else:
            self.notify(_SAVE_FAILED, severity="warning")
            self.state = None
        self.refresh_bindings()

    @on(Closed)
    def _ritual_closed(self, event: Closed) -> None:
        state = event.state
        self._closing_ritual = False
        self.state, self.closed = None, state
        self.extras = {}
        self.refresh_header()
        self.post_message(JournalChanged())
        holder = self.query_one("#ritual-holder")
        holder.remove_children()
        holder.mount(SummaryView(state, event.tags))
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
        self.extras = {}
        self.parked_marks.clear()  # the dict the steps' lists share: emptied, not replaced
        self._read_parked(self.store)

    @work(thread=True, group="ritual-new", exit_on_error=False)
    def _read_parked(self, store: Store) -> None:
        try:
            items = store.parked()
        except StoreError:
            items = []
        self.post_message(ParkedRead(items))

    @on(ParkedRead)
    def _begin_new(self, event: ParkedRead) -> None:
        self.previous_parked = event.items
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
            holder.mount(
                Static(
                    "Every step of the ritual is switched off. Press ctrl+n to close the shift, "
                    "or ctrl+o to turn steps back on.",
                    classes="ritual-empty",
                    markup=False,
                )
            )
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
        self._write_settings(self.store, settings)

    @work(thread=True, group="ritual-settings", exit_on_error=False)
    def _write_settings(self, store: Store, settings: RitualSettings) -> None:
        try:
            store.set_setting(SETTINGS_KEY, settings.to_dict())
        except StoreError:
            self.app.call_from_thread(
                self.notify, "Your ritual settings couldn't be saved just now.", severity="warning"
            )
            return
        self.post_message(SettingsSaved(settings))

    @on(SettingsSaved)
    def _settings_saved(self, event: SettingsSaved) -> None:
        settings = event.settings
        if self.state is None:
            return
        self.settings = settings
        self.state = self.state.resume(settings)
        self._save()
        self._show()
        self.notify("Ritual settings saved.", timeout=3)

    def step_prompt(self, step: Step) -> tuple[str, str]:
        """The prompt (the user's own wording if they wrote one) and help line for a step."""
        return self.settings.prompt_for(step), RITUAL_STEPS[step].help
