"""Shared fixtures: a fresh journal file per test, and a frozen clock for anything that shows time.

Also how the suite runs in parallel (pytest-xdist, `-n auto`): the `quick` and `serial` markers
are given here, and Hypothesis leaves timing to the machine (see `pytest_configure`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

TESTS = Path(__file__).resolve().parent

#: The inner loop (`pytest -m quick`): pure domain code and the storage layer on temporary files,
#: and a few fast unit-test modules elsewhere (paths under tests/). A test marked `slow` or
#: `serial` is never quick.
QUICK = (
    "domain",
    "storage",
    "test_no_fixed_waits.py",
    "test_ci_command.py",
    "ui/test_safe.py",
    "ui/test_snapshot_files.py",
    "cli/test_jsonshape.py",
)

#: The cache folder this process made, so only it removes it (xdist's workers inherit the folder).
_made_cache: str | None = None

# Hypothesis's deadline and "too slow" check time each example; on two cores shared by parallel
# workers (or anything else) they fail tests for the machine's load, not for a bug. Correctness
# checks are unchanged; tests that set their own settings keep them.
settings.register_profile("suite", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("suite")


def pytest_configure(config: pytest.Config) -> None:
    """The tagger's cache goes to a folder of the run's own, never the user's cache folder (set
    before any test, so subprocesses and xdist's workers inherit it too); removed when the run ends.
    The cache is written atomically, so workers can share it."""
    global _made_cache
    if "JOURNAL_TEST_CACHE" not in os.environ:
        folder = tempfile.mkdtemp(prefix="journal-test-cache-")
        os.environ["JOURNAL_TEST_CACHE"] = folder
        os.environ["JOURNAL_CACHE_DIR"] = folder
        _made_cache = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    if _made_cache is not None:  # a worker finishing early must not take the folder from the others
        os.environ.pop("JOURNAL_TEST_CACHE", None)
        shutil.rmtree(_made_cache, ignore_errors=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the inner loop's tests `quick` (see `QUICK`)."""
    for item in items:
        path = Path(item.path).resolve()
        where = path.relative_to(TESTS).as_posix() if path.is_relative_to(TESTS) else ""
        if (
            where
            and any(where == q or where.startswith(q + "/") for q in QUICK)
            and not (item.get_closest_marker("slow") or item.get_closest_marker("serial"))
        ):
            item.add_marker(pytest.mark.quick)


@pytest.fixture(autouse=True)
def _no_user_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never let a test touch the real user's journal: point the default path into tmp."""
    monkeypatch.setenv("JOURNAL_DB", str(tmp_path / "default-journal.db"))
    monkeypatch.delenv("JOURNAL_PASSPHRASE", raising=False)
    monkeypatch.setenv("TZ", os.environ.get("JOURNAL_TEST_TZ", "Europe/London"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.db"
