"""The Mood pane: write how you are, with mood and energy, and see its tags as you go.

Left (or on top, on a narrow terminal) the composer: two scale pickers and a `TaggedEditor`; right,
the latest entries of any kind, under what was parked at the end of the last shift (open loops to tick
off, carry or let go with the ritual's own keys; the section is there only while some are open).
What the pane shows when it opens (the draft, the recent entries, what is parked, whether the privacy
reminder is still wanted) is read in one go in a thread of its own (`FirstLook.read_ahead`), started
by the app as it starts when Mood is the first pane, so the read runs while Textual is still setting
up; the pane is built from it, so that its first frame is its final one (a second layout and a list
filling in later cost more than the four small indexed reads). Everything after that (reloads,
drafts, saves) runs in a thread worker and reports back by message: the journal is never touched on
the UI thread, except for the last draft written as the app closes. What is being typed is autosaved as a draft a
moment after each change and when the pane goes away, so a crash or a closed terminal loses nothing.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from contextlib import suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Label, Static

from journal.domain.models import ENERGY_WORDS, MOOD_WORDS, Entry, EntryQuery, Kind, ParkedItem
from journal.storage import Store
from journal.ui.app import JournalApp
from journal.ui.messages import JournalChanged
from journal.ui.panes.base import PANE_CSS, PaneScreen
from journal.ui.safe import safe_plain
from journal.ui.widgets.gentle_note import GentleNote
from journal.ui.widgets.parked_list import ParkedSection
from journal.ui.widgets.parked_marks import SavesParkedMarks
from journal.ui.widgets.recent_list import RecentList
from journal.ui.widgets.scale_picker import ScalePicker
from journal.ui.widgets.star import star_said
from journal.ui.widgets.tagged_editor import TaggedEditor

if TYPE_CHECKING:  # the guard itself loads at the first save, not at start-up
    from journal.domain.confidentiality import Finding
    from journal.ui.dialogs.confidentiality import Choice

DRAFT_KEY = "mood"
REMINDER_SETTING = "mood.privacy_reminder_dismissed"
RECENT_LIMIT = 20
REMINDER = "Keep client details out — initials or 'a client' are enough."


@dataclass(frozen=True)
class FirstLook:
    """What the pane shows the moment it opens."""

    draft: dict[str, Any] | None
    reminder_dismissed: bool
    recent: list[Entry]
    parked: list[ParkedItem]

    @classmethod
    def read(cls, store: Store) -> FirstLook:
        return cls(
            draft=store.load_draft(DRAFT_KEY),
            reminder_dismissed=bool(store.get_setting(REMINDER_SETTING, False)),
            recent=store.search(EntryQuery(limit=RECENT_LIMIT)),
            parked=store.parked(status="open"),
        )

    @classmethod
    def read_ahead(cls, store: Store) -> Future[FirstLook]:
        """Start reading in a thread of its own now; the pane takes the answer as it is built."""
        future: Future[FirstLook] = Future()

        def read() -> None:
            try:
                future.set_result(cls.read(store))
            except BaseException as error:  # handed to whoever takes the answer
                future.set_exception(error)

        threading.Thread(target=read, name="mood-first-look", daemon=True).start()
        return future


class _Recent(Message):
    def __init__(self, entries: list[Entry]) -> None:
        super().__init__()
        self.entries = entries


class _Parked(Message):
    def __init__(self, items: list[ParkedItem]) -> None:
        super().__init__()
        self.items = items


class _Saved(Message):
    def __init__(self, entry: Entry | None) -> None:
        super().__init__()
        self.entry = entry


class _MayIdentify(Message):
    def __init__(self, entry: Entry, rejected: set[str], findings: list[Finding]) -> None:
        super().__init__()
        self.entry, self.rejected, self.findings = entry, rejected, findings


class MoodPane(SavesParkedMarks, PaneScreen):
    """Compose a mood entry; see the recent ones."""

    CSS_PATH = [PANE_CSS, Path(__file__).with_name("mood.tcss")]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("s", "star", "Star"),  # reaches the pane only from the recent list: text boxes keep their s
    ]
    #: Seconds after the last change before the draft is written.
    DRAFT_DELAY = 2.0

    def __init__(self) -> None:
        super().__init__()
        self._draft_timer: Timer | None = None
        self._dirty = False
        self._loaded = False
        self._saving = False
        self._pending: dict[str, Any] = {}

    def compose_body(self) -> ComposeResult:
        # Read ahead by the app when Mood is the first pane; read now (still off this thread) when
        # it is first visited later.
        app = self.app
        ahead = app.take_mood_first_look() if isinstance(app, JournalApp) else None
        first = self._first = (ahead or FirstLook.read_ahead(self.store)).result()
        with Horizontal(id="mood-body"):
            with Vertical(id="mood-composer"):
                yield ScalePicker("Mood", MOOD_WORDS, id="mood-mood", label_width=8)
                yield ScalePicker("Energy", ENERGY_WORDS, id="mood-energy", label_width=8)
                yield TaggedEditor(id="mood-editor")
                if not first.reminder_dismissed:  # built only for those who still want it
                    yield GentleNote(REMINDER, id="mood-reminder")
                yield Static(
                    "ctrl+s save · ctrl+t teach selected words · x on a tag rejects it",
                    markup=False,
                    id="mood-hint",
                )
            with Vertical(id="mood-recent"):
                # "Parked last time" is there only while something is parked (see _show_parked)
                if first.parked:
                    yield self._parked_section(first.parked)
                yield Label("Recent entries", id="mood-recent-title")
                # in the shape its entries will give it (see RecentList), so the first layout is final
                yield RecentList(id="mood-recent-list", classes="-entries" if first.recent else None)

    # loading ----------------------------------------------------------------------------------
    def on_mount(self) -> None:
        first = self._first
        self.query_one("#mood-mood", ScalePicker).focus()
        self.query_one(RecentList).show(first.recent, self.now())
        draft = first.draft
        if draft and not _is_blank(draft):
            self.query_one("#mood-mood", ScalePicker).value = _score(draft.get("mood"))
            self.query_one("#mood-energy", ScalePicker).value = _score(draft.get("energy"))
            self.query_one(TaggedEditor).restore(draft)
            self.notify("Restored your unsaved draft.", timeout=4)
        self._loaded = True
        self._dirty = False

    def refresh_recent(self) -> None:
        self._load_recent(self.store)
        self._load_parked(self.store)

    @work(thread=True, exclusive=True, group="mood-recent", exit_on_error=False)
    def _load_recent(self, store: Store) -> None:
        self.post_message(_Recent(store.search(EntryQuery(limit=RECENT_LIMIT))))

    @on(_Recent)
    def _show_recent(self, event: _Recent) -> None:
        self.query_one(RecentList).show(event.entries, self.now())

    # starring -------------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "star":
            return isinstance(self.focused, RecentList)
        return True

    def action_star(self) -> None:
        """Star the highlighted recent entry to bring to supervision, or take its star off."""
        entry = self.query_one(RecentList).highlighted_entry()
        if entry is not None and entry.id is not None:
            self._star(self.store, entry.id, not entry.starred)

    @work(thread=True, group="mood-star", exit_on_error=False)
    def _star(self, store: Store, entry_id: int, starred: bool) -> None:
        from journal.usecases.entries import star

        entry = star(store, entry_id, starred)
        self.app.call_from_thread(self.notify, star_said(entry), markup=False, timeout=4)
        self.post_message(_Recent(store.search(EntryQuery(limit=RECENT_LIMIT))))

    # parked last time ---------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="mood-parked-load", exit_on_error=False)
    def _load_parked(self, store: Store) -> None:
        self.post_message(_Parked(store.parked(status="open")))

    @on(_Parked)
    async def _show_parked(self, event: _Parked) -> None:
        # Built the first time something is parked: most starts have nothing waiting, and an
        # empty section would still cost the first frame its styling.
        section = next(iter(self.query(ParkedSection)), None)
        if section is not None:
            section.show(event.items)  # folded or not as the writer left it
        elif event.items:
            await self.query_one("#mood-recent").mount(self._parked_section(event.items), before="#mood-recent-title")

    def _parked_section(self, items: list[ParkedItem]) -> ParkedSection:
        """The section for these items: unfolded where there is room, one quiet line on a small
        terminal."""
        folded = self.app.size.width < self.HORIZONTAL_BREAKPOINTS[1][0]
        return ParkedSection(items, marks=self.parked_marks, collapsed=folded, id="mood-parked")

    def on_screen_resume(self) -> None:
        if self.been_away:  # the first time, what was read as the pane was built is still current
            self.refresh_recent()

    # drafts -----------------------------------------------------------------------------------
    def draft_state(self) -> dict[str, Any]:
        state = self.query_one(TaggedEditor).state()
        state["mood"] = self.query_one("#mood-mood", ScalePicker).value
        state["energy"] = self.query_one("#mood-energy", ScalePicker).value
        return state

    @on(TaggedEditor.Changed)
    @on(ScalePicker.Changed)
    def _changed(self) -> None:
        if not self._loaded:
            return  # restoring the draft is not a change
        self._dirty = True
        # Kept up to date here because by unmount time the widgets are already gone.
        self._pending = self.draft_state()
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(self.DRAFT_DELAY, self.autosave)

    def autosave(self) -> None:
        """Write the draft now if anything changed since the last write."""
        if self._dirty and not self._saving:
            self._dirty = False
            self._write_draft(self.store, self.draft_state())

    @work(thread=True, exclusive=True, group="mood-draft", exit_on_error=False)
    def _write_draft(self, store: Store, state: dict[str, Any]) -> None:
        _store_draft(store, state)

    def on_screen_suspend(self) -> None:
        self.autosave()

    def on_unmount(self) -> None:
        # The app is closing: no time for a worker, so write the draft here and now.
        if self._dirty and not self._saving:
            with suppress(Exception):  # a closed store must not turn quitting into a traceback
                _store_draft(self.store, self._pending)

    # saving -----------------------------------------------------------------------------------
    def action_save(self) -> None:
        self.after_typing(self._save_now)

    def _save_now(self) -> None:
        if self._saving:
            return
        editor = self.query_one(TaggedEditor)
        mood = self.query_one("#mood-mood", ScalePicker).value
        energy = self.query_one("#mood-energy", ScalePicker).value
        text = editor.text.strip()
        if not text and mood is None:
            self.notify("Nothing to save yet — write a few words or pick a mood.", timeout=4)
            return
        entry = Entry(
            kind=Kind.MOOD,
            created_at=self.now(),
            text=text,
            mood=mood,
            energy=energy,
            tags=editor.entry_tags(),
        )
        self._saving = True
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._save(self.store, entry, editor.rejected)

    @work(thread=True, exclusive=True, group="mood-save", exit_on_error=False)
    def _save(self, store: Store, entry: Entry, rejected: set[str], checked: bool = False) -> None:
        from journal.usecases.entries import confidential_findings, save_entry

        try:
            if not checked and (findings := confidential_findings(store, entry.text)):
                self.post_message(_MayIdentify(entry, rejected, findings))  # ask first, then save
                return
            saved = save_entry(store, entry, rejected=rejected)
            store.clear_draft(DRAFT_KEY)
        except Exception:
            self.post_message(_Saved(None))
            raise
        self.post_message(_Saved(saved))

    @on(_MayIdentify)
    def _may_identify(self, event: _MayIdentify) -> None:
        """The confidentiality guard found something: the writer chooses; nothing is blocked."""
        from journal.domain.confidentiality import redact
        from journal.ui.dialogs.confidentiality import ConfidentialityDialog

        def chosen(choice: Choice | None) -> None:
            if choice in ("save", "redact"):
                entry = event.entry
                if choice == "redact":
                    entry = replace(entry, text=redact(entry.text, event.findings))
                self._save(self.store, entry, event.rejected, checked=True)
                return
            self._saving = False  # keep editing: the words stay, the draft keeps going
            self._dirty = True
            self.query_one(TaggedEditor).text_area.focus()

        self.app.push_screen(ConfidentialityDialog(event.findings), chosen)

    @on(_Saved)
    def _saved(self, event: _Saved) -> None:
        self._saving = False
        if event.entry is None:
            self._dirty = True  # still unsaved: keep the draft going
            return
        self.query_one(TaggedEditor).clear()
        self.query_one("#mood-mood", ScalePicker).value = None
        self.query_one("#mood-energy", ScalePicker).value = None
        tags = [safe_plain(t.name) for t in event.entry.visible_tags]
        said = f"Saved — tagged {', '.join(tags)}." if tags else "Saved."
        self.notify(said, markup=False, timeout=4)
        self.refresh_recent()
        self.post_message(JournalChanged())
        self.query_one("#mood-mood", ScalePicker).focus()

    # the privacy reminder -----------------------------------------------------------------------
    @on(GentleNote.Dismissed, "#mood-reminder")
    def _dismiss_reminder(self, event: GentleNote.Dismissed) -> None:
        event.note.remove()
        self._remember_dismissed(self.store)

    @work(thread=True, group="mood-settings", exit_on_error=False)
    def _remember_dismissed(self, store: Store) -> None:
        store.set_setting(REMINDER_SETTING, True)


def _score(value: Any) -> int | None:
    return value if isinstance(value, int) and 1 <= value <= 5 else None


def _is_blank(state: dict[str, Any]) -> bool:
    return (
        not str(state.get("text", "")).strip()
        and state.get("mood") is None
        and state.get("energy") is None
        and not state.get("manual")
    )


def _store_draft(store: Store, state: dict[str, Any]) -> None:
    if store.read_only:
        return  # nowhere to keep it: the draft stays in the editor, and the app said why once
    if _is_blank(state):
        store.clear_draft(DRAFT_KEY)
    else:
        store.save_draft(DRAFT_KEY, state)
