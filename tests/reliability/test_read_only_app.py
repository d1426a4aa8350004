"""Issue 16, point 9, in the app: a journal that can only be read opens, can be browsed, and says so.

Before, the app refused to start on one (the theme it remembers was written on every start). Now
History and Insights work, one calm line says the journal is read-only, and a save of any kind is
refused with one sentence while what was typed stays where it was typed. The Pilot tests make the
store read-only as `open_store` does for read-only media (its `cannot_write` check answers yes: the
tests may run as root, for whom file modes do not stop a write); the real start runs `python -m
journal` on a pseudo-terminal against a folder bind-mounted read-only (as test_read_only.py does).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import TextArea

from journal.domain.models import Entry, EntryQuery, Kind
from journal.storage import Store, open_store
from journal.storage import store as store_module
from journal.ui.app import READ_ONLY_NOTICE, READ_ONLY_REFUSED, JournalApp
from journal.ui.panes.history import HistoryPane
from journal.ui.panes.insights import InsightsPane
from journal.ui.panes.mood import MoodPane
from tests.reliability.helpers import digest
from tests.waiting import until

TEXTS = ("supervision ran late", "handover was calm", "no lunch again")


@pytest.fixture
def read_only_store(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    with open_store(db_path) as writable:
        for text in TEXTS:
            writable.save(Entry(kind=Kind.MOOD, created_at=_when(), text=text, mood=3))
        writable.set_setting("welcomed", True)
    monkeypatch.setattr(store_module, "cannot_write", lambda path: True)
    store = open_store(db_path)
    assert store.read_only
    yield store
    store.close()


def _when():
    from datetime import datetime

    return datetime(2026, 11, 20, 18, 42, tzinfo=UTC)


def notices(app: App) -> list[str]:
    return [n.message for n in app._notifications]


async def test_the_app_opens_a_read_only_journal_says_so_and_can_be_browsed(
    read_only_store: Store, db_path: Path
) -> None:
    before = digest(db_path)
    app = JournalApp(read_only_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: READ_ONLY_NOTICE in notices(app), "the read-only notice")
        assert isinstance(app.screen, MoodPane)
        await pilot.press("f5")
        await until(
            pilot,
            lambda: isinstance(app.screen, HistoryPane) and len(app.screen.table.entries) == 3,
            "History listed the journal",
        )
        assert {e.text for e in app.screen.table.entries} == set(TEXTS)
        app.screen.table.focus()
        await pilot.press("s")  # star the entry under the cursor: refused, the list stays
        await until(pilot, lambda: READ_ONLY_REFUSED in notices(app), "the star was refused")
        assert not any(e.starred for e in app.screen.table.entries)
        await pilot.press("f6")
        await until(
            pilot,
            lambda: isinstance(app.screen, InsightsPane) and not any(w.is_running for w in app.workers),
            "Insights loaded",
        )
        app.theme = next(name for name in app.available_themes if name != app.theme)  # kept for the session
        await pilot.pause()
        assert notices(app).count(READ_ONLY_NOTICE) == 1
        assert notices(app).count(READ_ONLY_REFUSED) == 1
        assert not [n for n in notices(app) if "went wrong" in n]
    assert app.return_code in (None, 0)
    assert digest(db_path) == before


async def test_a_save_is_refused_in_one_sentence_and_the_words_stay(read_only_store: Store, db_path: Path) -> None:
    before = digest(db_path)
    app = JournalApp(read_only_store)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = app.screen.query_one(TextArea)
        await pilot.press("2")
        editor.text = "words that must not be lost"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: READ_ONLY_REFUSED in notices(app), "the save was refused")
        assert editor.text == "words that must not be lost"
        assert app.screen.query_one(TextArea) is editor and isinstance(app.screen, MoodPane)
        await pilot.press("ctrl+s")  # the pane is still alive: a second try is refused the same way
        await until(pilot, lambda: notices(app).count(READ_ONLY_REFUSED) == 2, "the second refusal")
        assert editor.text == "words that must not be lost"
        assert not [n for n in notices(app) if "went wrong" in n]
    assert app.return_code in (None, 0)
    assert digest(db_path) == before
    assert read_only_store.count(EntryQuery()) == len(TEXTS)


# --- the real start -----------------------------------------------------------------------------

_MOUNT = 'mount --bind "$1" "$2" && mount -o remount,ro,bind "$2" && shift 2 && exec "$@"'


def _unshare() -> list[str]:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        pytest.skip("needs unshare and mount")
    flags = ["-m"] if os.geteuid() == 0 else ["-r", "-m"]
    if subprocess.run(["unshare", *flags, "true"], capture_output=True).returncode != 0:
        pytest.skip("mount namespaces are not available here")
    return ["unshare", *flags]


def test_the_real_app_starts_on_read_only_media(tmp_path: Path) -> None:
    from tests.reliability.pty_app import PtyApp

    folder, mountpoint = tmp_path / "media", tmp_path / "mnt"
    folder.mkdir(mode=0o700)
    mountpoint.mkdir()
    db = folder / "journal.db"
    with open_store(db) as store:
        store.save(Entry(kind=Kind.MOOD, created_at=_when(), text="supervision ran late", mood=3))
    before = digest(db)
    prefix = [*_unshare(), "sh", "-c", _MOUNT, "sh", str(folder), str(mountpoint)]
    app = PtyApp(mountpoint / "journal.db", prefix=prefix)
    try:
        app.wait_for("read-only", timeout=90)  # the notice; before the fix the app exited instead
        app.send("\x11")  # ctrl+q
        app.proc.wait(timeout=30)
        assert app.proc.returncode == 0, app.output[-2000:]
        assert "Traceback" not in app.output
    finally:
        app.kill()
    assert digest(db) == before
