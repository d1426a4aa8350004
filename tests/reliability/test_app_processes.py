"""The real app in a real terminal: a draft survives SIGKILL, and the app and the CLI write at once.

The app runs as `python -m journal` on a pseudo-terminal (pty_app.PtyApp) and is typed into like a
person would; the database is watched with plain sqlite3 from the test, which WAL allows while the
app writes.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from pathlib import Path

import pytest
from textual.widgets import TextArea

from journal.domain.models import EntryQuery
from journal.storage import open_store
from journal.ui.app import JournalApp
from journal.ui.widgets.scale_picker import ScalePicker
from tests.reliability.helpers import assert_healthy, run_journal
from tests.reliability.pty_app import PtyApp
from tests.waiting import PATIENCE, until, wait_for_event, wait_until

# Alone: the real app on a pty, typed into while the CLI writes; other work would only slow it.
pytestmark = pytest.mark.serial

#: Part of the Mood editor's placeholder, drawn only while the editor is empty.
EMPTY_EDITOR = "as little as you like"
TYPED = "Rough night on call, naïve café 夜勤 🙂 [bold]not markup[/] שלום"


def fresh_journal(db: Path) -> None:
    with open_store(db) as store:
        store.set_setting("welcomed", True)


def query(db: Path, sql: str, *args: object) -> list[tuple]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


#: The editor's placeholder with the cursor on its first letter: drawn once the editor has focus.
EDITOR_FOCUSED = re.compile(r"W(\x1b\[[0-9;]*m)+hat's still with you")


def open_mood_editor(app: PtyApp, mood: str) -> None:
    """Mood picker has focus on the Mood pane: pick a mood, then tab past energy to the text.

    The app hands each key to the widget that has focus as the key arrives, and the tabs move focus
    only once the picker gets to them: the words wait until the editor shows its cursor, or the
    first ones would go to the picker.
    """
    mark = app.mark()
    app.send(f"{mood}\t\t")
    app.wait_for(EDITOR_FOCUSED, since=mark)


async def test_a_killed_session_gets_its_draft_back(db_path: Path) -> None:
    fresh_journal(db_path)
    app = PtyApp(db_path)
    try:
        app.wait_for("Recent")
        open_mood_editor(app, "4")
        app.send(TYPED)
        # Past the autosave delay: the app's own timer writes the draft; nothing else is asked of it.
        wait_until(
            lambda: any(
                TYPED.replace('"', "") in row[0]
                for row in query(db_path, "SELECT data_json FROM drafts WHERE key = 'mood'")
            ),
            "the app autosaved the draft",
        )
    finally:
        app.kill()
    assert app.proc.returncode == -9
    assert_healthy(db_path)

    with open_store(db_path) as store:
        restored = JournalApp(store)
        async with restored.run_test(size=(120, 40)) as pilot:
            area = restored.screen.query_one(TextArea)
            await until(pilot, lambda: area.text, "the draft was restored")
            assert area.text == TYPED
            assert restored.screen.query_one("#mood-mood", ScalePicker).value == 4
        assert store.count(EntryQuery()) == 0  # a draft, not an entry


@pytest.mark.slow
def test_the_app_and_the_cli_write_at_the_same_time(db_path: Path) -> None:
    fresh_journal(db_path)
    cli_texts = [f"from the shell {i} while the app saves" for i in range(4)]
    words = ["first", "second", "third", "fourth"]
    app_texts = [f"a {word} quiet note typed in the app as the shell writes" for word in words]
    failures: list[str] = []
    shell_done = threading.Event()

    def shell_loop() -> None:
        try:
            for text in cli_texts:
                done = run_journal(db_path, "mood", "3", text, timeout=PATIENCE)
                if done.returncode != 0:
                    failures.append(done.stderr.decode(errors="replace"))
        except Exception as error:
            failures.append(repr(error))
        finally:
            shell_done.set()

    app = PtyApp(db_path)
    try:
        app.wait_for("Recent")
        shell = threading.Thread(target=shell_loop)
        shell.start()
        for text in app_texts:
            open_mood_editor(app, "2")
            mark = app.mark()
            app.send(text)
            app.wait_for(text, since=mark)  # the editor shows every word before ctrl+s
            mark = app.mark()
            app.send("\x13")  # ctrl+s
            # Once saved, one handler empties the editor (its placeholder is drawn again) and gives
            # the mood picker focus back: only then do the next keys belong to the next entry.
            app.wait_for(EMPTY_EDITOR, since=mark)
            wait_until(
                lambda: query(db_path, "SELECT 1 FROM entries WHERE text = ?", text),  # noqa: B023
                f"the app's save of {text!r} was in the journal",
            )
        wait_for_event(shell_done, "the shell's four saves were done")
        shell.join()
        assert "went wrong" not in app.output and "locked" not in app.output
    finally:
        app.kill()
    assert failures == []
    stored = [t for (t,) in query(db_path, "SELECT text FROM entries")]
    assert sorted(stored) == sorted(cli_texts + app_texts)
    assert_healthy(db_path)
