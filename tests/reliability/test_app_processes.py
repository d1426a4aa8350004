"""The real app in a real terminal: a draft survives SIGKILL, and the app and the CLI write at once.

The app runs as `python -m journal` on a pseudo-terminal (pty_app.PtyApp) and is typed into like a
person would; the database is watched with plain sqlite3 from the test, which WAL allows while the
app writes.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import TextArea

from journal.domain.models import EntryQuery
from journal.storage import open_store
from journal.ui.app import JournalApp
from journal.ui.widgets.scale_picker import ScalePicker
from tests.reliability.helpers import assert_healthy, run_journal
from tests.reliability.pty_app import PtyApp

#: Part of the Mood editor's placeholder, drawn only while the editor is empty.
EMPTY_EDITOR = "as little as you like"
TYPED = "Rough night on call, naïve café 夜勤 🙂 [bold]not markup[/] שלום"


def fresh_journal(db: Path) -> None:
    with open_store(db) as store:
        store.set_setting("welcomed", True)


def poll(check: Callable[[], object], what: str, timeout: float = 45.0) -> object:
    deadline = time.monotonic() + timeout
    while not (result := check()):
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.05)
    return result


def query(db: Path, sql: str, *args: object) -> list[tuple]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def open_mood_editor(app: PtyApp, mood: str) -> None:
    """Mood picker has focus on the Mood pane: pick a mood, then tab past energy to the text."""
    app.send(mood, 0.15)
    app.send("\t", 0.15)
    app.send("\t", 0.15)


async def test_a_killed_session_gets_its_draft_back(db_path: Path) -> None:
    fresh_journal(db_path)
    app = PtyApp(db_path)
    try:
        app.wait_for("Recent")
        open_mood_editor(app, "4")
        app.type(TYPED)
        # Past the autosave delay: the app's own timer writes the draft; nothing else is asked of it.
        poll(lambda: any(TYPED.replace('"', "") in row[0] for row in
                         query(db_path, "SELECT data_json FROM drafts WHERE key = 'mood'")),
             "the app autosaved the draft")
    finally:
        app.kill()
    assert app.proc.returncode == -9
    assert_healthy(db_path)

    with open_store(db_path) as store:
        restored = JournalApp(store)
        async with restored.run_test(size=(120, 40)) as pilot:
            area = restored.screen.query_one(TextArea)
            for _ in range(200):
                await pilot.pause(0.03)
                if area.text:
                    break
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

    def shell_loop() -> None:
        for text in cli_texts:
            done = run_journal(db_path, "mood", "3", text)
            if done.returncode != 0:
                failures.append(done.stderr.decode(errors="replace"))

    app = PtyApp(db_path)
    try:
        app.wait_for("Recent")
        shell = threading.Thread(target=shell_loop)
        shell.start()
        for text in app_texts:
            open_mood_editor(app, "2")
            mark = app.mark()
            app.type(text)
            app.wait_for(text, since=mark)  # the editor shows every word before ctrl+s
            mark = app.mark()
            app.send("\x13")  # ctrl+s
            # Once saved, one handler empties the editor (its placeholder is drawn again) and gives
            # the mood picker focus back: only then do the next keys belong to the next entry.
            app.wait_for(EMPTY_EDITOR, since=mark)
            assert query(db_path, "SELECT 1 FROM entries WHERE text = ?", text), query(db_path, "SELECT text FROM entries")
        shell.join(timeout=60)
        assert "went wrong" not in app.output and "locked" not in app.output
    finally:
        app.kill()
    assert failures == []
    stored = [t for (t,) in query(db_path, "SELECT text FROM entries")]
    assert sorted(stored) == sorted(cli_texts + app_texts)
    assert_healthy(db_path)
