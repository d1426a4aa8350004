"""History's search (issue 14, point 14): a searched word that is also a tag says so, and ctrl+t
searches the tag instead, which finds "slept" and "insomnia" too."""

from __future__ import annotations

from textual.widgets import Static

from journal.domain.filters import FilterSpec, parse_filter
from journal.domain.models import EntryQuery
from journal.ui.app import JournalApp
from tests.ui.test_history import open_history, pane, type_filter
from tests.waiting import settle

SIZE = (120, 40)


def test_words_that_are_tags_move_to_tags() -> None:
    spec = parse_filter("sleep tired* caseload tag:crisis since:last month")
    assert spec.words_that_are_tags({"sleep", "caseload", "crisis", "fatigue"}) == ("sleep", "caseload")
    moved = spec.words_as_tags(("sleep", "caseload"))
    assert moved == FilterSpec("tired*", ("crisis", "sleep", "caseload"), None, "last month", None)
    assert parse_filter("tag:sleep").words_that_are_tags({"sleep"}) == ()


async def test_a_word_that_is_a_tag_is_one_key_from_its_tag(demo_app: JournalApp) -> None:
    store = demo_app.store  # type: ignore[attr-defined]
    async with demo_app.run_test(size=SIZE) as pilot:
        table = await open_history(pilot)
        await type_filter(pilot, "sleep")
        by_word = list(table.entries)
        status = str(pane(demo_app).query_one("#history-status", Static).render())
        assert "ctrl+t searches tag:sleep instead" in status
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert pane(demo_app).filter_bar.input.value == "tag:sleep"
        tagged = store.search(EntryQuery(tags=("sleep",), limit=None))
        assert table.row_count == min(len(tagged), 50) and len(tagged) > len(by_word)
        assert any("slept" in e.text.lower() or "insomnia" in e.text.lower() for e in table.entries)
        assert "ctrl+t" not in str(pane(demo_app).query_one("#history-status", Static).render())
        await pilot.press("ctrl+t")  # nothing left to turn into a tag: nothing happens
        await settle(pilot)
        assert pane(demo_app).filter_bar.input.value == "tag:sleep"
