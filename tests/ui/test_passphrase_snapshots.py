"""Snapshots of the passphrase dialog: as it first opens, and after a wrong passphrase.

Regenerate after an intended visual change with
`.venv/bin/python -m pytest tests/ui/test_passphrase_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

pytest.importorskip("sqlcipher3")

from journal.storage import open_store
from journal.ui.dialogs.passphrase import UnlockApp
from tests.waiting import settle

SMALL = (80, 24)


@pytest.fixture
def locked(tmp_path: Path) -> Path:
    path = tmp_path / "locked.db"
    open_store(path, passphrase="the right one").close()
    return path


def test_locked(locked: Path, snap_compare) -> None:
    assert snap_compare(UnlockApp(locked), terminal_size=SMALL)


def test_typing_shows_only_dots(locked: Path, snap_compare) -> None:
    assert snap_compare(UnlockApp(locked), terminal_size=SMALL, press=list("secret"))


def test_wrong_passphrase(locked: Path, snap_compare) -> None:
    async def wrong(pilot: Pilot) -> None:
        pilot.app.screen.query_one(Input).value = "not the one"
        await pilot.press("enter")
        await settle(pilot)  # the unlock worker fails, as it should: settle waits for it all the same

    assert snap_compare(UnlockApp(locked), terminal_size=SMALL, run_before=wrong)
