"""Bad input at every entry point, beyond what each area's own tests already try.

Characters are drawn from every Unicode plane (assigned, unassigned, private use), with emoji ZWJ
sequences, combining marks, right-to-left text, NUL and controls, escape sequences and markup-like
brackets mixed in. Expected everywhere: a correct answer or one plain sentence; never a traceback, a
hang, a damaged journal or a restyled screen.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual import events
from textual.widgets import Input, TextArea

from journal.domain.tagging import default_tagger
from journal.domain.when import WhenError, parse_moment, parse_range
from journal.storage import open_store
from journal.ui.app import JournalApp
from tests.reliability.helpers import assert_healthy, assert_one_sentence, run_journal
from tests.waiting import settle, until

NASTIES = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x1b[2J\x1b[H",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
    "\x9b31m",
    "[bold]",
    "[/]",
    "[@click=app.quit]quit[/]",
    "[link=file:///etc/passwd]x[/link]",
    "👩‍👩‍👧‍👦 🏳️‍🌈 🧑🏽‍⚕️",
    "e\u0301\u0302\u0303\u0304" * 50,
    "\u202eevil\u202c",
    "שלום עולם مرحبا",
    "\U000f0000\U0010fffd",
    "\U000e0001\U000e0041",
    "\ufeff\u200b\u2028\u2029",
    "\ud800x\udfff",
]

#: One code point from each of the 17 planes (assigned or not), plus the edges of each plane.
PLANES = (
    st.integers(min_value=0, max_value=16)
    .flatmap(lambda plane: st.integers(min_value=plane << 16, max_value=(plane << 16) + 0xFFFF))
    .map(chr)
)
ANY_TEXT = st.one_of(
    st.lists(st.one_of(PLANES, st.sampled_from(NASTIES)), max_size=40).map("".join),
    st.text(max_size=80),
)


# --- the WHEN parser and the tagger ---------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_when_reads_or_says_one_sentence(text: str) -> None:
    for parse in (parse_moment, parse_range):
        try:
            parse(text)
        except WhenError as exc:
            message = str(exc)
            assert message.endswith(".") and message.isprintable() and len(message) < 200


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_the_tagger_takes_anything_and_spans_slice_the_text(text: str) -> None:
    for hit in default_tagger().tag(text):
        for span in hit.spans:
            assert text[span.start : span.end] == span.text


def test_a_megabyte_of_nasties_is_quick_for_when_and_the_tagger() -> None:
    huge = ("".join(NASTIES) + " slept badly ")[:4096] * 256
    with pytest.raises(WhenError):
        parse_moment(huge)
    assert default_tagger().tag(huge) is not None


# --- the command line, for real ----------------------------------------------------------------------


def test_undecodable_arguments_get_one_sentence_everywhere(db_path: Path) -> None:
    bad = b"caf\xe9 \xff\xfe"  # Latin-1 typed into a UTF-8 shell
    for argv in (
        [b"mood", b"3", bad],
        [b"mood", b"3", b"ok", b"--tag", bad],
        [b"mood", b"3", b"ok", b"--at", bad],
        [b"search", b"--tag", bad],
        [b"tags", b"explain", bad],
        [b"boundary", bad, b"--kind", b"overtime", b"--outcome", b"held"],
    ):
        assert_one_sentence(run_journal(db_path, *argv))
    assert not db_path.exists() or assert_healthy(db_path) == 0


def test_a_journal_path_that_is_not_utf8_works(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path) + b"/\xff\xfe journal"
    db = folder + b"/j.db"
    done = run_journal(db, "mood", "3", "a fine day")
    assert done.returncode == 0, done.stderr
    found = run_journal(db, "search", "fine")
    assert found.returncode == 0 and b"fine" in found.stdout


def test_nasty_text_round_trips_through_the_real_cli(db_path: Path) -> None:
    text = " ".join(n for n in NASTIES if n.strip() and "\x00" not in n and "\ud800" not in n)
    saved = run_journal(db_path, "mood", "3", text, "--json")
    assert saved.returncode == 0, saved.stderr
    shown = run_journal(db_path, "search")
    assert shown.returncode == 0 and b"\x1b" not in shown.stdout and b"\x9b" not in shown.stdout
    assert b"[@click=app.quit]quit[/]" in shown.stdout or b"[bold]" in shown.stdout
    assert_healthy(db_path)


# --- the app's inputs -------------------------------------------------------------------------------

HOSTILE = "[bold red]LOUD[/] [@click=app.quit]quit[/] \x1b[2J\x1b]52;c;ZXZpbA==\x07 \x1b]8;;http://x\x1b\\y\x1b]8;;\x1b\\ 👩‍⚕️ שלום"


async def _paste(pilot, widget, text: str) -> None:
    widget.focus()
    widget.post_message(events.Paste(text))
    await settle(pilot)


@pytest.mark.parametrize(
    "pane, selector",
    [
        ("mood", "#editor-add-tag"),
        ("boundaries", "#bnd-when"),
        ("boundaries", "#bnd-note"),
        ("history", "#history-filter"),
    ],
)
async def test_pasting_hostile_text_into_an_input_never_restyles(db_path: Path, pane: str, selector: str) -> None:
    with open_store(db_path) as store:
        store.set_setting("welcomed", True)
        app = JournalApp(store)
        async with app.run_test(size=(120, 40)) as pilot:
            await app.run_action(f"go('{pane}')")
            await settle(pilot)
            field = app.screen.query_one(selector, Input)
            await _paste(pilot, field, HOSTILE)
            await pilot.press("enter")
            await settle(pilot)
            screen = app.export_screenshot()
            assert "\x1b" not in screen and "\x07" not in screen
            assert app.is_running  # [@click=app.quit] did not run
    assert_healthy(db_path)


@pytest.mark.slow
async def test_a_megabyte_pasted_into_the_mood_editor_saves_exactly(db_path: Path) -> None:
    text = ("[b]not bold[/b] a long, long night on call 👩‍⚕️\n" * 25000)[:1_000_000]
    with open_store(db_path) as store:
        store.set_setting("welcomed", True)
        app = JournalApp(store)
        async with app.run_test(size=(120, 40)) as pilot:
            area = app.screen.query_one(TextArea)
            area.focus()
            app.post_message(events.Paste(text))  # as the terminal driver delivers it: to the app
            await until(pilot, lambda: len(area.text) == len(text), "the paste reached the editor")
            await pilot.press("ctrl+s")
            await until(pilot, lambda: area.text == "", "the save emptied the editor")
            # the recent list shows the saved entry a moment later
            screen = await until(
                pilot,
                lambda: (shot := app.export_screenshot()).replace("&#160;", " ").count("[b]not bold[/b]") and shot,
                "the recent list showed the entry",
            )
            assert "\x1b" not in screen
        from journal.domain.models import EntryQuery

        [entry] = store.search(EntryQuery(limit=1))
        assert store.get(entry.id).text == text.strip()
    assert_healthy(db_path)
