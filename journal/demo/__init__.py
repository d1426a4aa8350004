"""The demo journal: about six months of a fictional counsellor's end-of-shift entries.

It lets people look around `journal --demo` before trusting it with their own words, gives the
screenshots and snapshot tests stable content (seeded, with a frozen `DEMO_NOW`), and, at `scale`,
gives the benchmarks a decade of heavy use. The clinician is invented and so is every client: the texts
never carry names or numbers that could identify anyone.

The words are planned in `plan` (which days bring what; the patterns worth discovering are planted
there), written in `compose` from the pools in `text_*`, and streamed by `generator`.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from journal.demo.generator import demo_entries
from journal.domain.models import Entry, EntryQuery, Kind
from journal.storage import Store, open_store

__all__ = ["DEMO_NOW", "build_demo", "demo_entries", "demo_path"]

#: The frozen "now" of screenshots and snapshots: a Friday evening, just after the shift.
DEMO_NOW = datetime(2026, 11, 20, 18, 40, tzinfo=ZoneInfo("Europe/London"))
#: Parked items from rituals this recent are still on the list (done, dropped or open).
_PARKED_DAYS = 21
_USER_KINDS = {"checking-email-on-leave": "Checking email on leave"}


def build_demo(store: Store, *, now: datetime | None = None, seed: int = 7, scale: int | None = None) -> int:
    """Fill `store` (best empty) with the demo journal as of `now` (default `DEMO_NOW`).

    Returns the number of entries written. Parked items and a few settings come after the entries,
    so the app opens on a journal that looks lived in rather than freshly installed.
    """
    now = now or DEMO_NOW
    for slug, label in _USER_KINDS.items():
        store.add_boundary_kind(slug, label)
    recent: list[Entry] = []

    def remember_recent_rituals() -> Iterator[Entry]:
        for entry in demo_entries(now=now, seed=seed, scale=scale):
            if entry.kind is Kind.RITUAL and now - entry.created_at < timedelta(days=_PARKED_DAYS):
                recent.append(entry)
            yield entry

    written = store.save_many(remember_recent_rituals(), tag=True)
    _park(store, recent, now, random.Random(seed))
    store.set_setting("welcomed", True)
    return written


def _park(store: Store, rituals: list[Entry], now: datetime, rng: random.Random) -> None:
    """Park each recent ritual's items: the latest ritual's still open, older ones mostly done."""
    since = now - timedelta(days=_PARKED_DAYS)
    saved = store.search(EntryQuery(kind=Kind.RITUAL, since=since, limit=None))
    ids = {entry.created_at: entry.id for entry in saved}
    parking = [r for r in rituals if (r.ritual or {}).get("answers", {}).get("park")]
    for i, ritual in enumerate(parking):
        newest = i == len(parking) - 1
        for text in ritual.ritual["answers"]["park"]:  # type: ignore[index]
            item = store.park(text, ritual_entry_id=ids.get(ritual.created_at))
            roll = rng.random()
            if not newest and roll < 0.7:
                store.set_parked_status(item.id, "done")
            elif not newest and roll < 0.8:
                store.set_parked_status(item.id, "dropped")


def demo_path(now: datetime | None = None) -> Path:
    """A fresh throwaway demo journal in its own private temp folder, for `journal --demo`.

    Unlike `build_demo`, the default `now` is the real clock, so the demo's "today" is today.
    """
    now = now or datetime.now().astimezone()
    folder = Path(tempfile.mkdtemp(prefix="journal-demo-"))
    path = folder / "demo-journal.db"
    with open_store(path) as store:
        build_demo(store, now=now)
    return path
