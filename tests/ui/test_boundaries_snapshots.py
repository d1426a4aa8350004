"""Snapshots of the Boundaries pane: eight weeks of fixed events, an edit in progress, the kinds
dialog, and a narrow terminal. A frozen clock and hand-made entries (not the demo journal), so the
pictures change only when the pane does. Refresh with `--snapshot-update` and look before committing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from journal.demo import DEMO_NOW
from journal.domain.models import Entry, Kind, Outcome
from journal.storage import Store, open_store
from journal.ui.app import JournalApp
from journal.ui.dialogs.boundary_kinds import BoundaryKindsDialog
from journal.ui.panes import boundaries as boundaries_pane
from tests.waiting import settle, until

#: (days before the clock, hour, kind, outcome, cost, note)
EVENTS = [
    (0, 9, "skipped-break", "held", 1, "Took the full lunch hour, phone in the drawer"),
    (1, 21, "after-hours-contact", "crossed", 3, "Answered a work message at 9pm [urgent?] — it wasn't"),
    (2, 18, "overtime", "bent", 2, "Stayed 20 minutes to finish notes"),
    (3, 12, "covering-for-a-colleague", "crossed", 4, "Took two of Sam's visits \x1b[31mon top of mine"),
    (6, 17, "extra-responsibility", "held", 2, "Said no to the working group"),
    (9, 19, "overtime", "crossed", 3, "Late again; couldn't sleep after"),
    (13, 10, "skipped-break", "bent", 2, ""),
    (20, 22, "after-hours-contact", "crossed", 4, "Texted back a client's family"),
    (27, 16, "over-involvement", "held", 1, "Let the team handle the housing call"),
    (41, 13, "skipped-break", "crossed", 2, "Back-to-back sessions"),
    (50, 18, "overtime", "held", 1, "Left on time"),
]


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = open_store(db_path)
    s.set_setting("welcomed", True)
    s.add_boundary_kind("covering-for-a-colleague", "Covering for a colleague")
    for days, hour, kind, outcome, cost, note in EVENTS:
        at = (DEMO_NOW - timedelta(days=days)).replace(hour=hour, minute=5)
        s.save(Entry(Kind.BOUNDARY, at, note, boundary=kind, outcome=Outcome(outcome), cost=cost))
    yield s
    s.close()


def app_on(store: Store) -> JournalApp:
    return JournalApp(store, clock=lambda: DEMO_NOW)


async def to_pane(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("f4")
    await settle(pilot)


async def log_half_way(pilot) -> None:  # type: ignore[no-untyped-def]
    await to_pane(pilot)
    composer = pilot.app.screen.composer
    composer.note.cursor_blink = False  # a blinking cursor would make the picture flicker
    await pilot.press("2", "b", "3", *"stayed for a handover")
    composer.when.value = "18:30"
    await settle(pilot)  # the note's tagging (at once: see the test) has run and been shown


async def editing(pilot) -> None:  # type: ignore[no-untyped-def]
    await to_pane(pilot)
    await pilot.press("tab", "tab", "tab", "tab", "tab", "tab")  # to the recent events
    pilot.app.screen.query_one("#bnd-recent").focus()
    await pilot.press("down", "enter")
    await settle(pilot)


async def kinds_dialog(pilot) -> None:  # type: ignore[no-untyped-def]
    await to_pane(pilot)
    await pilot.press("ctrl+o")
    # the dialog reads the kinds in a worker: wait for the list, not for a guessed time
    await until(
        pilot,
        lambda: isinstance(dialog := pilot.app.screen, BoundaryKindsDialog) and dialog.kinds,
        "the kinds were listed",
    )
    await settle(pilot)


def test_boundaries_logging(snap_compare, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # The pane tags a note after a moment of quiet, which no event marks; with a moment far shorter
    # than one of `settle`'s pauses, the tagging worker has started by then and `settle` waits for it.
    monkeypatch.setattr(boundaries_pane, "TAG_DELAY", 0.001)
    assert snap_compare(app_on(store), terminal_size=(120, 40), run_before=log_half_way)


def test_boundaries_editing(snap_compare, store: Store) -> None:
    assert snap_compare(app_on(store), terminal_size=(120, 40), run_before=editing)


def test_boundaries_kinds_dialog(snap_compare, store: Store) -> None:
    assert snap_compare(app_on(store), terminal_size=(120, 40), run_before=kinds_dialog)


def test_boundaries_narrow(snap_compare, store: Store) -> None:
    assert snap_compare(app_on(store), terminal_size=(80, 24), run_before=to_pane)
