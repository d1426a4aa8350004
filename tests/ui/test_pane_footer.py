"""The pane footer: one line of keys that reads like Textual's footer and answers the pointer."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette

from journal.ui.app import JournalApp
from journal.ui.widgets.pane_footer import PaneFooter
from tests.waiting import settle


def key_offset(footer: PaneFooter, text: str) -> tuple[int, int]:
    """Where `text` is drawn in the footer (its first cell)."""
    at = footer.text.index(text)
    return at, 0


@pytest.mark.parametrize(
    ("width", "start", "palette"),
    [
        (160, " ^s Save  F2 Ritual  F3 Mood", " ^p palette "),
        (120, "^s Save F2 Ritual F3 Mood F4 Boundaries", "^p palette"),
        (100, "^s Save F2 F3 F4 F5 F6 Panes F1 Help", None),
    ],
    ids=["roomy", "compact", "narrow"],
)
async def test_the_footer_takes_the_shape_of_the_terminal(
    demo_app: JournalApp, width: int, start: str, palette: str | None
) -> None:
    async with demo_app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        text = demo_app.screen.query_one(PaneFooter).text
        assert text.startswith(start)
        if palette is None:
            assert "palette" not in text
        else:  # drawn at the right edge
            assert len(text) == width
            assert text.endswith("▏" + palette.lstrip())


async def test_a_click_on_a_key_presses_it(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        footer = demo_app.screen.query_one(PaneFooter)
        await pilot.click(PaneFooter, offset=key_offset(footer, "F5 History"))
        await pilot.pause()
        assert demo_app.current_mode == "history"
        footer = demo_app.screen.query_one(PaneFooter)
        await pilot.click(PaneFooter, offset=key_offset(footer, "palette"))
        await pilot.pause()
        assert isinstance(demo_app.screen, CommandPalette)


async def test_a_click_between_keys_does_nothing(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        footer = demo_app.screen.query_one(PaneFooter)
        gap = footer.text.index("F1 Help") + len("F1 Help") + 5  # the blank run before Ctrl+P
        await pilot.click(PaneFooter, offset=(gap, 0))
        await pilot.pause()
        assert demo_app.current_mode == "mood"
        assert not isinstance(demo_app.screen, CommandPalette)


async def test_hovering_a_key_says_what_it_does(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        footer = demo_app.screen.query_one(PaneFooter)
        await pilot.hover(PaneFooter, offset=key_offset(footer, "F5 History"))
        await pilot.pause()
        assert footer.tooltip == "History: Browse and search every entry"
        await pilot.hover(PaneFooter, offset=key_offset(footer, "F3 Mood"))
        await pilot.pause()
        assert footer.tooltip == "Mood: Write how you are, see its tags"


async def test_the_keys_follow_the_focus(demo_app: JournalApp) -> None:
    """The editor brings its own keys (^o, ^t); they show while it has focus, and go with it."""
    async with demo_app.run_test(size=(120, 40)) as pilot:
        footer = demo_app.screen.query_one(PaneFooter)
        assert "^t Teach a tag" not in footer.text
        demo_app.screen.query_one("#editor-text").focus()
        await pilot.pause()
        assert "^t Teach a tag" in footer.text
        demo_app.screen.query_one("#mood-mood").focus()
        await pilot.pause()
        assert "^t Teach a tag" not in footer.text


async def test_a_pane_with_many_keys_groups_the_pane_keys_rather_than_cut_help(
    demo_app: JournalApp,
) -> None:
    """The ritual's writing steps bring five keys of their own: at 120 columns the named pane keys
    no longer fit, so they group as on a narrow terminal, and F1 Help stays in view."""
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f2", "enter")  # the ritual, begun
        await pilot.pause()
        await pilot.press("ctrl+n")  # to the first writing step
        await pilot.pause()
        footer = demo_app.screen.query_one(PaneFooter)
        text = footer.text
        assert "F2 F3 F4 F5 F6 Panes F1 Help" in text and text.endswith("▏^p palette")
        await pilot.click(PaneFooter, offset=key_offset(footer, "F4"))
        await pilot.pause()
        assert demo_app.current_mode == "boundaries"
        footer = demo_app.screen.query_one(PaneFooter)
        assert "F5 History" in footer.text  # a pane with few keys of its own names them again


async def test_at_80x24_the_footer_never_cuts_a_key_in_half(demo_app: JournalApp) -> None:
    """Issue 14, point 13: every key shown whole, with its whole description, on every pane and
    whatever has the focus; a pane with three or more keys of its own groups the pane keys."""
    from journal.ui.widgets.pane_footer import _units

    async with demo_app.run_test(size=(80, 24)) as pilot:
        for pane_key in ("f2", "f3", "f4", "f5", "f6"):
            await pilot.press(pane_key)
            await settle(pilot)
            for widget in list(demo_app.screen.focus_chain)[:12]:
                widget.focus()
                await pilot.pause()
                footer = demo_app.screen.query_one(PaneFooter)
                text = footer.text
                assert len(text) <= 80
                whole = {"".join(p.text for p in unit).strip() for unit in _units(footer._pieces(80)[1])}
                drawn = [s.strip() for s in text.split("  ") if s.strip()]
                for key in footer.keys:
                    if key.display in text and key.description:
                        assert f"{key.display} {key.description}" in text, (pane_key, text)
                assert whole and drawn
                own = [k for k in footer.keys if k.key not in {"f1", "f2", "f3", "f4", "f5", "f6", "ctrl+p"}]
                if len(own) >= 3:
                    assert "F2 F3 F4 F5 F6 Panes" in text or "Panes" not in text, text


def test_a_key_that_does_not_fit_is_left_out_whole() -> None:
    from journal.ui.widgets.pane_footer import _Piece, _units

    pieces = [
        _Piece("^s", "key", 0),
        _Piece(" Save", "description", 0),
        _Piece(" ", "gap"),
        _Piece("F2", "key", 1),
        _Piece(" ", "gap"),
        _Piece("F3", "key", 2),
        _Piece(" Panes", "label"),
    ]
    assert ["".join(p.text for p in u) for u in _units(pieces)] == ["^s Save", " F2", " F3 Panes"]
