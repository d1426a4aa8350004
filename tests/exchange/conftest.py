"""Fixtures for export/import: a fresh journal, the hand-written fixture files, and the CLI."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from journal.cli import cli
from journal.domain.models import Category, Entry, EntryQuery, EntryTag, Kind, Outcome, Source
from journal.storage import Store, open_store

FIXTURES = Path(__file__).with_name("fixtures")
#: A moment in a +01:00 zone, so offsets are exercised (the tests run in Europe/London).
T0 = datetime(2026, 3, 10, 18, 30, tzinfo=timezone(timedelta(hours=1)))


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = open_store(db_path)
    yield s
    s.close()


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Store]:
    """A second, empty journal to import into."""
    s = open_store(tmp_path / "other.db")
    yield s
    s.close()


def varied_entries() -> list[Entry]:
    """One of everything an export must carry: kinds, offsets, scores, manual and rejected tags, rituals."""
    return [
        Entry(Kind.MOOD, T0, "Couldn't sleep, replaying the session. #nights", mood=2, energy=1),
        Entry(
            Kind.MOOD,
            T0 + timedelta(hours=2),
            'Line one\nLine two, with "quotes", commas; emoji 🌙',
            mood=4,
            tags=[EntryTag("walk", Category.PERSONAL, None, Source.MANUAL)],
        ),
        Entry(
            Kind.BOUNDARY,
            T0.astimezone(timezone(timedelta(hours=-5, minutes=-30))) + timedelta(days=1),
            "Answered a text at 10pm",
            boundary="after-hours-contact",
            outcome=Outcome.CROSSED,
            cost=3,
        ),
        Entry(
            Kind.RITUAL,
            T0 + timedelta(days=2),
            "Still thinking about the rota\n\nA thank-you card",
            mood=3,
            energy=2,
            ritual={
                "answers": {
                    "checkin": {"mood": 3, "energy": 2},
                    "unload": "Still thinking about the rota",
                    "park": ["call back", "notes"],
                    "good_thing": "A thank-you card",
                    "switch": "rest",
                },
                "duration_seconds": 300,
            },
        ),
        Entry(Kind.MOOD, T0 + timedelta(days=3), "*bold* <b>html</b> # heading [link](x) | pipe", mood=5),
    ]


def fill(store: Store) -> list[Entry]:
    """Save the varied entries (tagged), reject one auto tag and edit one, as a person would."""
    for entry in varied_entries():
        store.save(entry)
    saved = list(reversed(store.search(EntryQuery(limit=None))))
    sleepy = saved[0]
    if any(t.name == "sleep" for t in sleepy.tags):
        store.reject_tag(sleepy.id, "sleep")
    edited = saved[1]
    edited.text += " (edited)"
    store.save(edited)
    return list(reversed(store.search(EntryQuery(limit=None))))


@pytest.fixture
def cli_run(db_path: Path) -> Any:
    runner = CliRunner()

    def invoke(*args: str, **kwargs: Any) -> Result:
        return runner.invoke(cli, ["--db", str(db_path), *args], catch_exceptions=False, **kwargs)

    return invoke
