"""The app's stylesheet parses each source once per set of variables, and a theme still takes hold."""

from __future__ import annotations

from textual.color import Color
from textual.css.stylesheet import Stylesheet

from journal.ui.app import JournalApp
from journal.ui.stylesheet import SteadyStylesheet
from journal.ui.theme import CALM, CALM_LIGHT
from journal.ui.widgets.pane_footer import PaneFooter

CSS = "Screen { background: $background; color: $foreground; }"


def background(sheet: Stylesheet) -> Color | None:
    (rule,) = sheet.rules
    return rule.styles.background


def test_new_variables_are_parsed_in_and_the_same_ones_are_not_parsed_again() -> None:
    sheet = SteadyStylesheet(variables={"background": "#111111", "foreground": "#eeeeee"})
    sheet.add_source(CSS, read_from=("test", "CSS"))
    sheet.parse()
    assert background(sheet) == Color.parse("#111111")
    first = sheet.rules[0]

    sheet.set_variables({"background": "#111111", "foreground": "#eeeeee"})
    sheet.reparse()
    assert sheet.rules[0] is first  # the same variables: the parsed rule set is kept

    sheet.set_variables({"background": "#222222", "foreground": "#eeeeee"})
    sheet.reparse()
    assert background(sheet) == Color.parse("#222222")

    sheet.add_source("Static { color: $background; }", read_from=("test", "more"))
    sheet.reparse()
    assert len(sheet.rules) == 2 and sheet.rules[1].styles.color == Color.parse("#222222")


async def test_switching_themes_recolours_the_pane_and_back(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        footer = demo_app.screen.query_one(PaneFooter)
        assert demo_app.screen.styles.background == Color.parse(CALM.background)
        calm_footer = footer.styles.background
        demo_app.theme = CALM_LIGHT.name
        await pilot.pause()
        assert demo_app.screen.styles.background == Color.parse(CALM_LIGHT.background)
        assert footer.styles.background != calm_footer
        demo_app.theme = CALM.name
        await pilot.pause()
        assert demo_app.screen.styles.background == Color.parse(CALM.background)
        assert footer.styles.background == calm_footer
