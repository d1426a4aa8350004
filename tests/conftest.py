"""Shared fixtures: a fresh journal file per test, and a frozen clock for anything that shows time."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _no_user_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never let a test touch the real user's journal: point the default path into tmp."""
    monkeypatch.setenv("JOURNAL_DB", str(tmp_path / "default-journal.db"))
    monkeypatch.delenv("JOURNAL_PASSPHRASE", raising=False)
    monkeypatch.setenv("TZ", os.environ.get("JOURNAL_TEST_TZ", "Europe/London"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.db"
