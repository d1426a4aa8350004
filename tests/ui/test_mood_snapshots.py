"""Snapshots of the Mood pane: a first run, and an entry being written with its live tags.

Fixed entries with fixed tags, a frozen clock and a fixed stand-in for the live tagger (not the demo
journal, not the real lexicon, which keeps improving) so the pictures only change when the pane does.
Refresh with `--snapshot-update` and look at the result before committing it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from journal.domain.models import (
    Category,
    Entry,
    EntryTag,
    Kind,
    Outcome,
    Source,
    Span,
    TagHit,
)
from journal.storage import Store, open_store
from journal.ui.app import JournalApp
from journal.ui.widgets.tag_list import TagList
from journal.ui.widgets.tagged_editor import TaggedEditor
from tests.waiting import settle, until

NOW = datetime(2026, 11, 20, 18, 42, tzinfo=UTC)
TYPED = (
    "Couldn't sleep, woke at 4 again. Ate at my desk between sessions.\n"
    "Talked it through with a colleague after — helped more than I expected. #nights"
)


#: What the stand-in tagger finds: tag -> (category, group, trigger phrases).
LIVE_TAGS: dict[str, tuple[Category, str | None, tuple[str, ...]]] = {
    "sleep": (Category.SYMPTOM, "physical", ("Couldn't sleep", "woke at 4")),
    "skipped-break": (Category.STRESSOR, None, ("Ate at my desk",)),
    "peer-support": (Category.CARE, None, ("Talked it through with a colleague",)),
    "nights": (Category.PERSONAL, None, ("#nights",)),
}


def fixed_tag_text(text: str) -> list[TagHit]:
    hits = []
    for name, (category, group, phrases) in LIVE_TAGS.items():
        spans = tuple(Span(i, i + len(p), p) for p in phrases if (i := text.find(p)) >= 0)
        if spans:
            hits.append(TagHit(name, category, group, spans))
    return hits


@pytest.fixture
def store(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    s = open_store(db_path)
    s.set_setting("welcomed", True)
    monkeypatch.setattr(s, "tag_text", fixed_tag_text)
    yield s
    s.close()


def fill(store: Store) -> None:
    """A few entries of every kind over the last days, one with brackets that must stay literal."""

    def tag(name: str, category: Category, source: Source = Source.AUTO) -> EntryTag:
        return EntryTag(name, category, source=source)

    entries = [
        Entry(
            Kind.MOOD,
            NOW - timedelta(hours=3),
            "Long clinic. Headache by 3pm.",
            mood=2,
            energy=2,
            tags=[tag("headache", Category.SYMPTOM)],
        ),
        Entry(
            Kind.BOUNDARY,
            NOW - timedelta(days=1, hours=1),
            "Answered a work message at 10pm.",
            boundary="after-hours-contact",
            outcome=Outcome.CROSSED,
            cost=3,
            tags=[tag("after-hours", Category.STRESSOR)],
        ),
        Entry(
            Kind.MOOD,
            NOW - timedelta(days=3),
            "Good supervision [really] — felt heard.",
            mood=4,
            energy=3,
            tags=[
                tag("supervision", Category.CARE),
                tag("gratitude", Category.PERSONAL, Source.MANUAL),
            ],
        ),
        Entry(Kind.RITUAL, NOW - timedelta(days=9), "", mood=3, energy=2, ritual={}),
    ]
    store.save_many(entries, tag=False)


def app_on(store: Store) -> JournalApp:
    return JournalApp(store, clock=lambda: NOW)


async def type_entry(pilot) -> None:
    screen = pilot.app.screen
    await pilot.press("2", "tab", "3")
    screen.query_one(TextArea).text = TYPED
    editor = screen.query_one(TaggedEditor)
    await until(pilot, lambda: editor.tags_current, "the live tags caught up")  # from a worker
    tags = screen.query_one(TagList)
    tags.focus()
    tags.highlighted = [c.name for c in tags.chips].index("skipped-break")
    await pilot.press("x")
    screen.query_one("#editor-add-tag", Input).focus()
    await pilot.press(*"caseload", "enter")
    await settle(pilot)


def test_mood_pane_first_run(snap_compare, store: Store) -> None:
    assert snap_compare(app_on(store), terminal_size=(120, 40))


def test_mood_pane_writing_with_tags(snap_compare, store: Store) -> None:
    fill(store)
    assert snap_compare(app_on(store), terminal_size=(120, 40), run_before=type_entry)


def test_mood_pane_narrow(snap_compare, store: Store) -> None:
    fill(store)
    store.set_setting("mood.privacy_reminder_dismissed", True)
    assert snap_compare(app_on(store), terminal_size=(80, 24), run_before=type_entry)
