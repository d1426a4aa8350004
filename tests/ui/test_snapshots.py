"""Snapshots of the shell on the demo journal (frozen clock, fixed seed) at 120x40 and 80x24.

Regenerate after an intended visual change with
`.venv/bin/python -m pytest tests/ui/test_snapshots.py --snapshot-update` and look at the report.
Pane helpers: add snapshots of your pane's states in your own test file; when your pane replaces a
placeholder, update the baselines here too.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from journal.storage import Store
from journal.ui.app import JournalApp
from journal.ui.panes.catalog import PANES

BIG = (120, 40)
SMALL = (80, 24)


@pytest.mark.parametrize("pane", PANES, ids=lambda p: p.mode)
def test_pane(pane, demo_app: JournalApp, snap_compare) -> None:
    assert snap_compare(demo_app, terminal_size=BIG, press=[pane.key])


def test_help(demo_app: JournalApp, snap_compare) -> None:
    assert snap_compare(demo_app, terminal_size=BIG, press=["f1"])


def test_help_small(demo_app: JournalApp, snap_compare) -> None:
    assert snap_compare(demo_app, terminal_size=SMALL, press=["f1"])


def test_start_small(demo_app: JournalApp, snap_compare) -> None:
    assert snap_compare(demo_app, terminal_size=SMALL)


def test_ritual_placeholder_small(demo_app: JournalApp, snap_compare) -> None:
    assert snap_compare(demo_app, terminal_size=SMALL, press=["f2"])


def test_first_run_welcome(empty_store: Store, make_app: Callable[..., JournalApp], snap_compare) -> None:
    assert snap_compare(make_app(empty_store), terminal_size=BIG)
