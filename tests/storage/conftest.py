"""Fixtures for the storage tests: a journal on a plain file and on an encrypted one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from journal.domain.models import Entry, Kind
from journal.storage import Store, open_store

PASSPHRASE = "correct horse 'battery' \"staple\""

#: A fixed moment in a +01:00 zone, so offsets are exercised (the tests run in Europe/London).
T0 = datetime(2026, 3, 10, 18, 30, tzinfo=timezone(timedelta(hours=1)))


def mood(text: str, score: int | None = 3, *, at: datetime = T0, **kw: object) -> Entry:
    return Entry(kind=Kind.MOOD, created_at=at, text=text, mood=score, **kw)


@pytest.fixture(params=["plain", "encrypted"])
def passphrase(request: pytest.FixtureRequest) -> str | None:
    return PASSPHRASE if request.param == "encrypted" else None


@pytest.fixture
def store(db_path: Path, passphrase: str | None) -> Iterator[Store]:
    s = open_store(db_path, passphrase=passphrase)
    yield s
    s.close()


@pytest.fixture
def plain_store(db_path: Path) -> Iterator[Store]:
    s = open_store(db_path)
    yield s
    s.close()
