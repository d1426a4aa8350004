"""Boundaries by keyboard and by name (issue 14, points 7 and 9): Tab goes through the form in the
order it reads (which boundary, outcome, cost, note, when) and on to the chart and the recent events,
each brought into view at 80x24; a person's own kind is shown by its name everywhere, never its slug."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from journal.domain.models import Entry, Kind, Outcome
from journal.storage import Store
from journal.ui.dialogs.entry_detail import EntryDetail
from journal.ui.panes.boundaries_parts.chart import WeekChart
from journal.ui.panes.boundaries_parts.events import EventList
from journal.ui.panes.history_parts.rows import kind_cell
from tests.ui.conftest import AppFactory
from tests.ui.test_boundaries import open_pane
from tests.ui.test_history import open_history
from tests.waiting import settle

ORDER = ["bnd-kinds", "bnd-outcome", "bnd-cost", "bnd-note", "bnd-when", "bnd-chart", "bnd-recent"]


def visible(widget) -> bool:  # type: ignore[no-untyped-def]
    """Whether the widget's first line is on screen (not scrolled out of its pane)."""
    region = widget.region
    screen = widget.screen.region
    return region.height > 0 and screen.contains(region.x, region.y)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_tab_follows_the_form_and_reaches_chart_and_list(
    demo_store: Store, make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=size) as pilot:
        pane = await open_pane(app, pilot)
        await settle(pilot)
        assert [w.id for w in pane.focus_chain] == ORDER
        await pilot.press("2", "c")  # a boundary and an outcome: on to the cost
        assert pane.focused is not None and pane.focused.id == "bnd-cost"
        await pilot.press("shift+tab")  # back to the outcome; Tab from there reads on
        assert pane.focused.id == "bnd-outcome"
        seen = []
        for _ in ORDER[2:]:
            await pilot.press("tab")
            await pilot.pause()
            seen.append(pane.focused.id)
            assert visible(pane.focused), (pane.focused.id, pane.focused.region)
        assert seen == ORDER[2:]
        await pilot.press("down", "enter")  # the recent list works from the keyboard: edit an event
        await pilot.pause()
        assert pane.composer.editing is not None


async def test_own_kind_is_shown_by_its_name(welcomed_store: Store, make_app: AppFactory) -> None:
    store = welcomed_store
    store.add_boundary_kind("emails-on-leave", "Emails while I'm on leave")
    from journal.demo import DEMO_NOW

    store.save(
        Entry(
            kind=Kind.BOUNDARY,
            created_at=DEMO_NOW,
            text="read the inbox from the beach",
            boundary="emails-on-leave",
            outcome=Outcome.CROSSED,
            cost=3,
        )
    )
    store.save(
        Entry(
            kind=Kind.BOUNDARY,
            created_at=DEMO_NOW,
            text="left on time",
            boundary="overtime",
            outcome=Outcome.HELD,
            cost=1,
        )
    )
    app = make_app(store)
    async with app.run_test(size=(160, 48)) as pilot:
        pane = await open_pane(app, pilot)
        await settle(pilot)
        events = pane.query_one(EventList)
        prompts = [events.get_option_at_index(i).prompt.plain for i in range(events.option_count)]
        assert any("Emails while I'm on leave · crossed" in p for p in prompts), prompts
        chart = str(pane.query_one(WeekChart).render())
        assert "Emails while I'm on leave (1)" in chart
        table = await open_history(pilot)
        kinds = [kind_cell(e).plain for e in table.entries]
        assert any(k.startswith("crossed · Emails") for k in kinds) and "held · Overtime" in kinds, kinds
        drawn = "\n".join(table.render_line(y).text for y in range(table.size.height))
        assert "emails-on-leave" not in drawn and "Overtime" in drawn
        table.move_cursor(row=next(i for i, e in enumerate(table.entries) if e.boundary == "emails-on-leave"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryDetail)
        fields = str(app.screen.query_one("#detail-fields", Static).render())
        assert "Emails while I'm on leave" in fields and "emails-on-leave" not in fields


def test_a_kind_not_loaded_yet_is_still_said_in_words() -> None:
    from journal.ui.boundary_names import boundary_name

    assert boundary_name("never-seen-before-kind") == "Never seen before kind"
    assert boundary_name("skipped-break") == "Skipped break"
    assert boundary_name(None) == "A boundary"
