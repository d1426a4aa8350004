"""Fixtures for the use-case tests: a fresh journal, no Textual anywhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.storage import Store, open_store


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = open_store(db_path)
    yield s
    s.close()
