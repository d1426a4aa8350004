"""Snapshots of the app's import: the dry run's summary, and the dialog asking for mood scores.

Regenerate after an intended visual change with
`.venv/bin/python -m pytest tests/ui/test_import_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from journal.storage import Store
from journal.ui.app import JournalApp
from journal.ui.dialogs.import_file import ImportDialog, MoodScoresDialog
from tests.waiting import settle

BIG = (120, 40)
FIXTURES = Path(__file__).parent.parent / "exchange" / "fixtures"


async def _until_idle(pilot: Pilot) -> None:
    await settle(pilot, group="import")  # the DirectoryTree's loader never finishes


def test_import_summary(demo_store: Store, make_app: Callable[..., JournalApp], snap_compare) -> None:
    async def checked(pilot: Pilot) -> None:
        pilot.app.push_screen(ImportDialog(start=FIXTURES))
        await pilot.pause()
        pilot.app.screen.query_one("#import-path").value = str(FIXTURES / "daylio_scales.csv")
        await pilot.click("#import-check")
        await _until_idle(pilot)
        await _until_idle(pilot)

    assert snap_compare(make_app(demo_store), terminal_size=BIG, run_before=checked)


def test_mood_scores_dialog(demo_store: Store, make_app: Callable[..., JournalApp], snap_compare) -> None:
    async def asked(pilot: Pilot) -> None:
        pilot.app.push_screen(MoodScoresDialog(["Ecstatic", "Drained", "Proud of myself", "zmęczony"]))
        await pilot.pause()
        await pilot.press("5", "enter", "2")
        await pilot.pause()

    assert snap_compare(make_app(demo_store), terminal_size=BIG, run_before=asked)
