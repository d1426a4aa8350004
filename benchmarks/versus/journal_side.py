"""`journal` timed on the same operations: the `journal` command as a shell runs it, and the Store
API call a running app makes (the query level, on an open store, no interpreter start).

These are the functions tests/test_benchmarks_smoke.py runs on a tiny journal, so they cannot rot.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from common import child_env, journal_command
from journal.domain.models import Entry, EntryQuery, Kind
from journal.storage import Store, open_store
from versus.operations import ADD_TEXT, OPERATIONS, PAGE, Params
from versus.timing import Sample, time_calls, time_command

#: The demo journal's zone; children get it as TZ so every contender reads dates alike.
ZONE = "Europe/London"


def day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(ZONE))


def journal_env() -> dict[str, str]:
    """common.child_env (the repository importable, no passphrase) in the demo's zone, and never
    the user's own journal."""
    env = child_env()
    env.pop("JOURNAL_DB", None)
    env["TZ"] = ZONE
    return env


#: `journal search` shows 50 unless told otherwise; 0 is every match.
PAGE_ARGS = ["--limit", str(PAGE or 0)]


def cli_args(key: str, params: Params, i: int) -> list[str]:
    """`journal` arguments for operation `key`, repeat `i` (the same words and tags jrnl gets)."""
    if key == "word":
        return ["search", params.words[i % len(params.words)], *PAGE_ARGS]
    if key == "tag":
        return ["search", "--tag", params.tags[i % len(params.tags)], *PAGE_ARGS]
    if key == "range":
        return ["search", "--since", params.first_day.isoformat(), "--until", params.last_day.isoformat(), *PAGE_ARGS]
    if key == "counts":
        return ["stressors", "--since", params.all_from.isoformat(), "--until", params.all_to.isoformat()]
    if key == "latest":
        return ["search", "--limit", "10"]
    if key == "add":
        return ["mood", "3", ADD_TEXT]
    raise ValueError(key)


def store_calls(store: Store, params: Params) -> dict[str, Callable[[int], object]]:
    """The Store API call behind each operation, as the app makes it."""
    since, until = day_start(params.first_day), day_start(params.last_day + timedelta(days=1))
    all_since, all_until = day_start(params.all_from), day_start(params.all_to + timedelta(days=1))
    moments = iter(range(10**9))
    return {
        # `listing`, as `journal search` prints matches (every one of them, unless PAGE says a page)
        "word": lambda i: list(store.listing(EntryQuery(text=params.words[i % len(params.words)], limit=PAGE))),
        "tag": lambda i: list(store.listing(EntryQuery(tags=(params.tags[i % len(params.tags)],), limit=PAGE))),
        "range": lambda i: list(store.listing(EntryQuery(since=since, until=until, limit=PAGE))),
        "counts": lambda i: store.tag_stats(all_since, all_until),
        "latest": lambda i: store.search(EntryQuery(limit=10)),
        "add": lambda i: store.save(
            Entry(
                kind=Kind.MOOD,
                mood=3,
                text=ADD_TEXT,
                created_at=day_start(params.all_to) + timedelta(hours=23, seconds=next(moments)),
            )
        ),
    }


def measure_queries(db: Path, params: Params, repeats: int, keys: tuple[str, ...] | None = None) -> dict[str, Sample]:
    """Store API timings on an open store; `add` (which writes) last. Two untimed warm-up calls each."""
    wanted = keys or tuple(k for k, _ in OPERATIONS)
    with open_store(db) as store:
        calls = store_calls(store, params)
        return {key: time_calls(calls[key], repeats, warmup=2) for key in wanted}


def measure_cli(db: Path, params: Params, repeats: int, keys: tuple[str, ...] | None = None) -> dict[str, Sample]:
    """`journal ...` subprocess wall times, interpreter start included; one untimed warm-up each."""
    env, command = journal_env(), journal_command()
    wanted = keys or tuple(k for k, _ in OPERATIONS)
    return {
        key: time_command(
            lambda i, key=key: [*command, "--db", str(db), *cli_args(key, params, i)], env, repeats, budget=120.0
        )
        for key in wanted
    }


def measure_startup(empty_db: Path, repeats: int) -> dict[str, Sample]:
    """`journal --version`, and `journal search x` on an empty journal."""
    env, command = journal_env(), journal_command()
    return {
        "version": time_command(lambda i: [*command, "--version"], env, repeats),
        "empty": time_command(lambda i: [*command, "--db", str(empty_db), "search", "x"], env, repeats),
    }
