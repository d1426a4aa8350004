"""Shared fixtures: a fresh journal file per test, and a frozen clock for anything that shows time."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    """The tagger's cache goes to a folder of the run's own, never the user's cache folder (set
    before any test, so subprocesses inherit it too); removed when the run ends."""
    if "JOURNAL_TEST_CACHE" not in os.environ:
        folder = tempfile.mkdtemp(prefix="journal-test-cache-")
        os.environ["JOURNAL_TEST_CACHE"] = folder
        os.environ["JOURNAL_CACHE_DIR"] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = os.environ.pop("JOURNAL_TEST_CACHE", None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def _no_user_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never let a test touch the real user's journal: point the default path into tmp."""
    monkeypatch.setenv("JOURNAL_DB", str(tmp_path / "default-journal.db"))
    monkeypatch.delenv("JOURNAL_PASSPHRASE", raising=False)
    monkeypatch.setenv("TZ", os.environ.get("JOURNAL_TEST_TZ", "Europe/London"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.db"
