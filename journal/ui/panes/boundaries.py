"""The Boundaries pane: log a boundary event in a few keys, and see how the last weeks have gone.

Left, the composer (which boundary, held/bent/crossed, cost, a note, when). Right, eight weeks of
held/bent/crossed as a small chart with the boundaries crossed most often and any run of clear days,
and below it the latest events, from this pane, the ritual or the command line alike. Enter on an event
opens it for editing. Everything that touches the journal file runs in a thread worker; the figures
come from one small SQL aggregate and are computed in `journal.domain.boundaries`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Label, OptionList

from journal.domain.boundaries import DayCount, first_week, summarise
from journal.domain.models import Entry, EntryQuery, Kind, Outcome, Source
from journal.domain.when import day_start, local_tz
from journal.storage import Store
from journal.ui.boundary_names import remember
from journal.ui.dialogs.boundary_kinds import BoundaryKindsDialog
from journal.ui.messages import JournalChanged
from journal.ui.panes.base import PANE_CSS, PaneScreen
from journal.ui.panes.boundaries_parts.chart import WeekChart
from journal.ui.panes.boundaries_parts.composer import BoundaryComposer, FormProblem
from journal.ui.panes.boundaries_parts.events import EventList
from journal.ui.panes.boundaries_parts.pickers import KindList
from journal.ui.safe import safe_plain
from journal.usecases.entries import save_entry

RECENT_LIMIT = 15
#: Seconds after the last keystroke in the note before asking the tagger.
TAG_DELAY = 0.3


class _Loaded(Message):
    def __init__(self, kinds: dict[str, str], recent: list[Entry], rows: list[DayCount], today: date) -> None:
        super().__init__()
        self.kinds, self.recent, self.rows, self.today = kinds, recent, rows, today


class _Saved(Message):
    def __init__(self, entry: Entry | None, edited: bool) -> None:
        super().__init__()
        self.entry, self.edited = entry, edited


class _Tagged(Message):
    def __init__(self, text: str, names: list[str]) -> None:
        super().__init__()
        self.text, self.names = text, names


class BoundariesPane(PaneScreen):
    """Log boundary events; see held/bent/crossed over recent weeks."""

    CSS_PATH = [PANE_CSS, Path(__file__).with_name("boundaries.tcss")]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+o", "kinds", "Your kinds", key_display="^o", priority=True),
        Binding("escape", "new_event", "New event", show=False),
        *(Binding(o.value[0], f"outcome('{o.value}')", show=False) for o in Outcome),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.kinds: dict[str, str] = {}
        self._saving = False
        self._tag_timer: Timer | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="bnd-body"):
            yield BoundaryComposer(id="bnd-composer")
            with Vertical(id="bnd-side"):
                yield WeekChart(id="bnd-chart")
                yield Label("Recent events · enter to edit", id="bnd-recent-title")
                yield EventList(id="bnd-recent")

    @property
    def composer(self) -> BoundaryComposer:
        return self.query_one(BoundaryComposer)

    def now(self) -> datetime:
        # The app's clock, seen in the local zone with its summer-time rules: the chart's eight
        # weeks and the form's "yesterday" are counted in local days across a change of offset.
        return super().now().astimezone(local_tz())

    # loading ----------------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.query_one(KindList).focus()
        self.reload()

    def on_screen_resume(self) -> None:
        if self.been_away:
            self.reload()  # the ritual or another pane may have logged events meanwhile

    def reload(self) -> None:
        self._load(self.store, self.now())

    @work(thread=True, exclusive=True, group="boundaries-load", exit_on_error=False)
    def _load(self, store: Store, now: datetime) -> None:
        tz, today = now.tzinfo or local_tz(), now.date()
        since = day_start(first_week(today), tz)
        until = day_start(today + timedelta(days=1), tz)
        rows = store.boundary_day_counts(since, until)
        recent = store.search(EntryQuery(kind=Kind.BOUNDARY, limit=RECENT_LIMIT))
        self.post_message(_Loaded(store.boundary_kinds(), recent, rows, today))

    @on(_Loaded)
    def _loaded(self, event: _Loaded) -> None:
        self.kinds = event.kinds
        remember(event.kinds)
        self.composer.set_kinds(event.kinds)
        self.query_one(WeekChart).show(summarise(event.rows, event.today), event.kinds)
        self.query_one(EventList).show(event.recent, self.now(), event.kinds)

    # the form -----------------------------------------------------------------------------------
    def action_outcome(self, value: str) -> None:
        """h / b / c from anywhere but a text box (text boxes keep their letters)."""
        self.composer.outcome.pick(Outcome(value))

    @on(Input.Changed, "#bnd-when")
    def _when_changed(self) -> None:
        self.composer.check_when(self.now())

    @on(Input.Changed, "#bnd-note")
    def _note_changed(self) -> None:
        if self._tag_timer is not None:
            self._tag_timer.stop()
        self._tag_timer = self.set_timer(TAG_DELAY, self._ask_tagger)

    def _ask_tagger(self) -> None:
        self._tag_in_thread(self.store, self.composer.note.value)

    @work(thread=True, exclusive=True, group="boundaries-tag", exit_on_error=False)
    def _tag_in_thread(self, store: Store, text: str) -> None:
        names = [hit.name for hit in store.tag_text(text)] if text.strip() else []
        self.post_message(_Tagged(text, names))

    @on(_Tagged)
    def _tagged(self, event: _Tagged) -> None:
        if event.text != self.composer.note.value:
            return  # the note changed since; a newer answer is coming
        editing = self.composer.editing
        manual = [t.name for t in editing.visible_tags if t.source is Source.MANUAL] if editing else []
        self.composer.show_tags(list(dict.fromkeys([*event.names, *manual])))

    def action_new_event(self) -> None:
        if self.composer.editing is not None:
            self.composer.clear()
            self.query_one(KindList).focus()
            self.notify("Back to a new event; the one you were editing is unchanged.", timeout=3)

    # editing --------------------------------------------------------------------------------------
    @on(OptionList.OptionSelected, "#bnd-recent")
    def _edit(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self.query_one(EventList).entry_for(event.option.id)
        if entry is None:
            return
        if entry.boundary and entry.boundary not in self.kinds:
            # A kind removed since (or one another device made): keep it choosable for this entry.
            self.composer.set_kinds({**self.kinds, entry.boundary: entry.boundary})
        self.composer.edit(entry)
        self.composer.outcome.focus()

    # saving -------------------------------------------------------------------------------------
    def action_save(self) -> None:
        self.after_typing(self._save_now)

    def _save_now(self) -> None:
        if self._saving:
            return
        try:
            entry = self.composer.build(self.now())
        except FormProblem as problem:
            self.notify(str(problem), markup=False, timeout=4)
            problem.widget.focus()
            return
        self._saving = True
        self._save(self.store, entry)

    @work(thread=True, exclusive=True, group="boundaries-save", exit_on_error=False)
    def _save(self, store: Store, entry: Entry) -> None:
        try:
            saved = save_entry(store, entry)
        except Exception:
            self.post_message(_Saved(None, entry.id is not None))
            raise
        self.post_message(_Saved(saved, entry.id is not None))

    @on(_Saved)
    def _saved(self, event: _Saved) -> None:
        self._saving = False
        if event.entry is None:
            return  # the app shows the calm notice; the form keeps what was typed
        tags = [safe_plain(t.name) for t in event.entry.visible_tags]
        said = "Updated" if event.edited else "Logged"
        self.notify(f"{said} — tagged {', '.join(tags)}." if tags else f"{said}.", markup=False, timeout=4)
        self.composer.clear()
        self.query_one(KindList).focus()
        self.reload()
        self.post_message(JournalChanged())

    # user kinds -------------------------------------------------------------------------------------
    def action_kinds(self) -> None:
        self.app.push_screen(BoundaryKindsDialog(), self._kinds_closed)

    def _kinds_closed(self, changed: bool | None) -> None:
        if changed:
            self.reload()
