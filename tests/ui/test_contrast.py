"""Text people can read (issue 14, point 16): every piece of text on every pane meets WCAG AA
contrast against its background (4.5:1; 3:1 for bold text and dim hints), in each of the app's
themes, at 160x48 and 80x24. Measured cell by cell from the compositor's strips (tests/ui/contrast.py),
not judged by eye on screenshots."""

from __future__ import annotations

import pytest

from journal.storage import Store
from journal.ui.app import JournalApp
from journal.ui.theme import THEMES
from journal.ui.widgets.tagged_editor import TaggedEditor
from tests.ui.conftest import AppFactory
from tests.ui.contrast import contrast, screen_failures
from tests.waiting import settle, until

#: What to look at: keys pressed from the start, then a name for the screen they lead to.
VISITS = (
    (("f2",), "ritual"),
    (("f3",), "mood"),
    (tuple("drained, couldn't sleep, caseload is huge"), "mood with tags"),
    (("f4",), "boundaries"),
    (("f5",), "history"),
    (("c",), "history calendar"),
    (("f6",), "insights"),
    (("f1",), "help"),
)
SIZES = [(160, 48), (80, 24)]


def test_the_measure_itself() -> None:
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((0x00, 0x00, 0x00), (0x26, 0x2B, 0x30)) < 1.6  # black on 235: what History had


@pytest.mark.parametrize("size", SIZES, ids=["160x48", "80x24"])
@pytest.mark.parametrize("theme", [t.name for t in THEMES])
async def test_every_pane_is_readable(demo_app: JournalApp, theme: str, size: tuple[int, int]) -> None:
    failures = []
    async with demo_app.run_test(size=size) as pilot:
        demo_app.theme = theme
        for keys, name in VISITS:
            if name == "mood with tags":
                demo_app.screen.query_one("TextArea").focus()
            await pilot.press(*keys)
            if name == "mood with tags":  # tagged after a moment of quiet, in a worker
                editor = demo_app.screen.query_one(TaggedEditor)
                await until(pilot, lambda: editor.tags_current, "the live tags caught up")  # noqa: B023
            await settle(pilot)
            failures += screen_failures(demo_app.screen, f"{theme} {size[0]}x{size[1]} {name}")
    assert not failures, "\n".join(str(f) for f in failures[:30])


@pytest.mark.parametrize("theme", [t.name for t in THEMES])
async def test_the_welcome_is_readable(empty_store: Store, make_app: AppFactory, theme: str) -> None:
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await settle(pilot)
        assert not screen_failures(app.screen, f"{theme} welcome")


async def test_only_the_checked_themes_are_offered(demo_app: JournalApp) -> None:
    """Textual's own themes were never measured (several fail AA), so the theme picker offers ours."""
    async with demo_app.run_test(size=(120, 40)):
        assert set(demo_app.available_themes) == {t.name for t in THEMES}
