"""The Boundaries pane through the keyboard, against a real journal file: logging, the time field,
editing, the user's own kinds (then used by the CLI), ritual entries, and the weekly figures on data
entered through `journal boundary --at`."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from journal.cli import cli
from journal.demo import DEMO_NOW
from journal.domain.models import Entry, EntryQuery, Kind, Outcome
from journal.domain.ritual import boundary_events
from journal.storage import Store
from journal.ui.panes.boundaries import BoundariesPane
from journal.ui.panes.boundaries_parts.chart import WeekChart
from journal.ui.panes.boundaries_parts.composer import BoundaryComposer
from journal.ui.panes.boundaries_parts.events import EventList
from journal.ui.panes.boundaries_parts.pickers import KindList
from tests.ui.conftest import AppFactory
from tests.waiting import settle


@pytest.fixture
def store(welcomed_store: Store) -> Store:
    return welcomed_store


def boundary_entries(store: Store) -> list[Entry]:
    return store.search(EntryQuery(kind=Kind.BOUNDARY, limit=None))


def cli_boundary(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), "boundary", *args])
    return result.exit_code, result.stderr if result.exit_code else result.stdout


async def open_pane(app, pilot) -> BoundariesPane:  # type: ignore[no-untyped-def]
    await pilot.press("f4")
    await settle(pilot)
    assert isinstance(app.screen, BoundariesPane)
    return app.screen


async def test_log_an_event_with_keys_only(store: Store, make_app: AppFactory) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_pane(app, pilot)
        # 3 = skipped break, then h (held), then 2 (cost), then the note (its letters stay letters).
        await pilot.press("3", "h", "2")
        assert isinstance(pane.focused, type(pane.composer.note))
        await pilot.press(*"took a break, hid in the car")
        assert pane.composer.outcome.value is Outcome.HELD  # the b and c typed did not change it
        await pilot.press("ctrl+s")
        await settle(pilot)
        [entry] = boundary_entries(store)
        assert (entry.boundary, entry.outcome, entry.cost) == ("skipped-break", Outcome.HELD, 2)
        assert entry.text == "took a break, hid in the car"
        assert entry.created_at == DEMO_NOW
        # The form is fresh again and the event is listed.
        assert pane.composer.outcome.value is None and pane.composer.note.value == ""
        assert "Skipped break · held · cost 2" in pane.query_one(EventList).get_option_at_index(0).prompt.plain


async def test_nothing_saved_until_kind_and_outcome(store: Store, make_app: AppFactory) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_pane(app, pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pane.focused, KindList)
        await pilot.press("1", "ctrl+s")
        await settle(pilot)
        assert pane.focused is pane.composer.outcome
        assert boundary_entries(store) == []
        await pilot.press("c", "ctrl+s")
        await settle(pilot)
        [entry] = boundary_entries(store)
        assert (entry.boundary, entry.outcome, entry.cost) == ("after-hours-contact", Outcome.CROSSED, None)


async def test_time_is_editable_with_when_forms(store: Store, make_app: AppFactory) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_pane(app, pilot)
        await pilot.press("2", "c")
        pane.composer.when.focus()
        await pilot.press(*"tomorow")
        await settle(pilot)
        said = str(pane.query_one("#bnd-when-msg").render())
        assert "couldn't understand" in said and "tomorow" in said
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert boundary_entries(store) == []  # a time that can't be read saves nothing
        pane.composer.when.value = ""
        await pilot.press(*"yesterday 21:15")
        await settle(pilot)
        assert "yesterday 21:15" in str(pane.query_one("#bnd-when-msg").render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        [entry] = boundary_entries(store)
        assert entry.created_at == (DEMO_NOW - timedelta(days=1)).replace(hour=21, minute=15)


async def test_edit_a_recent_event(store: Store, make_app: AppFactory) -> None:
    first = store.save(
        Entry(
            Kind.BOUNDARY,
            DEMO_NOW - timedelta(days=2),
            "Stayed an hour late",
            boundary="overtime",
            outcome=Outcome.HELD,
            cost=1,
        )
    )
    store.save(
        Entry(
            Kind.BOUNDARY,
            DEMO_NOW - timedelta(hours=1),
            "Gave my mobile number",
            boundary="personal-contact-details",
            outcome=Outcome.CROSSED,
            cost=4,
        )
    )
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_pane(app, pilot)
        events = pane.query_one(EventList)
        events.focus()
        events.highlighted = events.get_option_index(f"event-{first.id}")
        await pilot.press("enter")
        await settle(pilot)
        composer = pane.query_one(BoundaryComposer)
        assert composer.editing is not None and composer.editing.id == first.id
        assert composer.note.value == "Stayed an hour late"
        await pilot.press("b", "5")
        composer.note.value = "Stayed an hour late, couldn't sleep after"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(boundary_entries(store)) == 2  # updated, not added
        edited = store.get(first.id)
        assert edited is not None
        assert (edited.outcome, edited.cost, edited.boundary) == (Outcome.BENT, 5, "overtime")
        assert edited.created_at == first.created_at
        assert "sleep" in [t.name for t in edited.visible_tags]  # re-tagged from the new note
        assert composer.editing is None


async def test_escape_leaves_an_edit_unchanged(store: Store, make_app: AppFactory) -> None:
    entry = store.save(
        Entry(
            Kind.BOUNDARY,
            DEMO_NOW - timedelta(hours=2),
            "Covered a shift",
            boundary="extra-responsibility",
            outcome=Outcome.BENT,
            cost=3,
        )
    )
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_pane(app, pilot)
        pane.query_one(EventList).focus()
        await pilot.press("enter", "c", "escape")
        await settle(pilot)
        assert pane.composer.editing is None and pane.composer.outcome.value is None
        assert store.get(entry.id).outcome is Outcome.BENT  # type: ignore[union-attr]


async def test_own_kind_added_in_the_pane_is_used_by_the_cli(store: Store, make_app: AppFactory, db_path: Path) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_pane(app, pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        await pilot.press(*"Covering for a colleague", "enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        kinds = pane.query_one(KindList)
        assert kinds.option_count == 7
        await pilot.press("7", "b", "ctrl+s")
        await settle(pilot)
        assert boundary_entries(store)[0].boundary == "covering-for-a-colleague"

    code, out = cli_boundary(
        db_path, "Took Sam's late visits", "--kind", "covering-for-a-colleague", "--outcome", "crossed"
    )
    assert code == 0, out
    code, err = cli_boundary(db_path, "x", "--kind", "coverage", "--outcome", "held")
    assert code == 1 and "covering-for-a-colleague" in err and "overtime" in err


async def test_remove_own_kind_but_never_a_built_in(store: Store, make_app: AppFactory) -> None:
    store.add_boundary_kind("weekend-emails", "Weekend emails")
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_pane(app, pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        await pilot.press("shift+tab")  # from the name box back to the list
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
    assert "weekend-emails" not in store.boundary_kinds()
    assert len(store.boundary_kinds()) == 6


async def test_ritual_entries_show_like_any_other(store: Store, make_app: AppFactory) -> None:
    events = boundary_events({"worked_late": True, "said_no": True})
    store.save_many(
        Entry(Kind.BOUNDARY, DEMO_NOW - timedelta(minutes=5), text=e.note, boundary=e.kind, outcome=e.outcome)
        for e in events
    )
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_pane(app, pilot)
        listed = [o.prompt.plain for o in pane.query_one(EventList).options if o.id]
        assert any("Overtime · crossed" in p and "Worked late" in p for p in listed)
        assert any("Extra responsibility · held" in p for p in listed)
        assert "Nov 16  █░  1 held · 0 bent · 1 crossed" in chart_text(pane)


def chart_text(pane: BoundariesPane) -> str:
    return str(pane.query_one(WeekChart).render())


async def test_weekly_figures_match_cli_entries(store: Store, make_app: AppFactory, db_path: Path) -> None:
    """Known events in known weeks (the clock is Friday 20 Nov 2026), entered as a worker would."""
    logged = [
        ("2026-09-27 12:00", "overtime", "crossed"),  # the Sunday before the eight weeks: left out
        ("2026-09-28 09:00", "overtime", "held"),  # the Monday the eight weeks start
        ("2026-10-04 22:00", "after-hours-contact", "crossed"),  # that week's Sunday
        ("2026-11-09 18:00", "overtime", "bent"),
        ("2026-11-10 18:00", "overtime", "crossed"),
        ("2026-11-12 18:00", "after-hours-contact", "crossed"),
        ("2026-11-16 08:00", "skipped-break", "held"),
        ("2026-11-16 13:00", "skipped-break", "held"),
        ("2026-11-17 21:00", "after-hours-contact", "crossed"),
        ("2026-11-18 12:30", "skipped-break", "bent"),
    ]
    for at, kind, outcome in logged:
        code, out = cli_boundary(db_path, "an event", "--kind", kind, "--outcome", outcome, "--at", at)
        assert code == 0, out
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_pane(app, pilot)
        lines = chart_text(pane).splitlines()
    rows = [line for line in lines if line[:3] in ("Sep", "Oct", "Nov")]
    assert rows == [
        "Sep 28  █░    1 held · 0 bent · 1 crossed",
        "Oct  5        nothing logged",
        "Oct 12        nothing logged",
        "Oct 19        nothing logged",
        "Oct 26        nothing logged",
        "Nov  2        nothing logged",
        "Nov  9  ▒░░   0 held · 1 bent · 2 crossed",
        "Nov 16  ██▒░  2 held · 1 bent · 1 crossed",
    ]
    assert "Crossed most often: After-hours contact (3) · Overtime (1)" in lines
    # Crossings on 4 Oct, 10 and 12 Nov and 17 Nov: the longest clear stretch is 5-Oct..9-Nov.
    assert lines[-1] == (
        "Your longest stretch lately: 36 days with nothing crossed (up to 9 Nov). 3 days clear so far."
    )


async def test_a_burst_of_keys_lands_in_order(store: Store, make_app: AppFactory) -> None:
    """Keys arriving faster than the focus moves (tmux send-keys, a fast typist) still land where they
    were meant: kind, outcome, cost, the whole note, then the time."""
    from textual import events

    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_pane(app, pilot)
        keys = ["2", "c", "4", *"late again", "enter", *"yesterday 19:30"]
        for key in keys:
            name = {" ": "space", "enter": "enter", ":": "colon"}.get(key, key)
            app.post_message(events.Key(name, None if key == "enter" else key))
        await settle(pilot)
        assert pane.composer.note.value == "late again"
        assert pane.composer.when.value == "yesterday 19:30"
        assert (pane.composer.kinds.chosen, pane.composer.outcome.value, pane.composer.cost.value) == (
            "overtime",
            Outcome.CROSSED,
            4,
        )
