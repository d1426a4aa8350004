"""Snapshots of the re-tag offer and of the reset confirm (demo journal, frozen clock).

Regenerate after an intended visual change with
`.venv/bin/python -m pytest tests/ui/test_personal_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from journal.domain.tagging.version import TAGGER_VERSION
from journal.storage import Store
from journal.storage.schema import TAGGER_VERSION_KEY
from journal.ui.app import JournalApp
from journal.ui.dialogs.reset_personal import ResetPersonalDialog
from tests.waiting import settle, until

BIG = (120, 40)
SMALL = (80, 24)


def _older(store: Store) -> Store:
    store.set_setting(TAGGER_VERSION_KEY, TAGGER_VERSION - 1)
    return store


async def _until_offered(pilot: Pilot) -> None:
    checked = pilot.app.retag_checked  # type: ignore[attr-defined]
    await until(pilot, checked.is_set, "the app checked whether to offer a re-tag")
    await settle(pilot)


def test_retag_offer(demo_store: Store, make_app: Callable[..., JournalApp], snap_compare) -> None:
    assert snap_compare(make_app(_older(demo_store)), terminal_size=BIG, run_before=_until_offered)


def test_retag_offer_small(demo_store: Store, make_app: Callable[..., JournalApp], snap_compare) -> None:
    assert snap_compare(make_app(_older(demo_store)), terminal_size=SMALL, run_before=_until_offered)


def test_reset_personal_confirm(demo_store: Store, make_app: Callable[..., JournalApp], snap_compare) -> None:
    async def open_confirm(pilot: Pilot) -> None:
        await _until_offered(pilot)
        pilot.app.push_screen(ResetPersonalDialog(3, 1))
        await pilot.pause()

    assert snap_compare(make_app(demo_store), terminal_size=BIG, run_before=open_confirm)
