"""Is `journal` still instant at 100,000 entries? Medians and 95th percentiles against the targets.

    .venv/bin/python benchmarks/run.py [--entries 100000] [--quick] [--rebuild] [--write]

Every measure runs on a copy of a cached, realistic demo journal (see common.py), repeated, with a
couple of untimed warm-up runs first so we time the steady state a user feels, not the first touch.
`--write` puts the table in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import cycle
from pathlib import Path

from common import big_journal, child_env, journal_command, machine, update_readme, working_copy
from journal.demo import DEMO_NOW, demo_entries
from journal.domain.models import Entry, EntryQuery, Kind
from journal.domain.tagging import default_tagger
from journal.storage import Store, open_store
from panes import memory_by_size, memory_table, pane_calls

MS = 1e-3
WORDS = ("supervision", "notes", "tired", "client", "sleep", "meeting", "run", "cake")


@dataclass
class Result:
    name: str
    times: list[float]
    target: float | None

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def p95(self) -> float:
        ordered = sorted(self.times)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]

    @property
    def verdict(self) -> str:
        if self.target is None:
            return "-"
        return "pass" if self.median < self.target else "**FAIL**"


def timed(fn: Callable[[int], object], repeats: int, warmup: int = 2) -> list[float]:
    """Run `fn(i)` `warmup` times untimed, then `repeats` times timed; seconds per run."""
    for i in range(warmup):
        fn(i)
    times = []
    for i in range(repeats):
        start = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - start)
    return times


def _month(i: int) -> tuple[datetime, datetime]:
    """The i-th month back from the demo's 'now', as [first moment, first moment of the next)."""
    year, month = DEMO_NOW.year, DEMO_NOW.month - 1 - (i % 120)
    year, month = year + month // 12, month % 12 + 1
    since = datetime(year, month, 1, tzinfo=DEMO_NOW.tzinfo)
    until = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=DEMO_NOW.tzinfo)
    return since, until


def store_measures(store: Store, repeats: int) -> list[Result]:
    texts = [e.text for e in demo_entries(now=DEMO_NOW, days=30) if e.kind is Kind.MOOD]
    moments = (DEMO_NOW + timedelta(minutes=i) for i in range(10**6))

    def save(i: int) -> None:
        store.save(Entry(kind=Kind.MOOD, created_at=next(moments), text=texts[i % len(texts)], mood=3))

    def query(q: Callable[[int], EntryQuery]) -> Callable[[int], object]:
        return lambda i: store.search(q(i))

    year = (DEMO_NOW - timedelta(days=365), DEMO_NOW)
    # The busiest tags of the year, so tag filters always do real work whatever the lexicon holds.
    tags = [s.name for s in store.tag_stats(*year)[:6]] or ["none"]
    pairs = list(zip(cycle(tags), WORDS))
    return [
        Result("Save one entry, with tagging", timed(save, repeats), 10 * MS),
        Result(
            "Full-text search, one word (limit 50)",
            timed(query(lambda i: EntryQuery(text=WORDS[i % len(WORDS)])), repeats),
            30 * MS,
        ),
        Result(
            "Tag filter (limit 50)", timed(query(lambda i: EntryQuery(tags=(tags[i % len(tags)],))), repeats), 30 * MS
        ),
        Result(
            "Date range, one month (limit 50)",
            timed(query(lambda i: EntryQuery(since=_month(i)[0], until=_month(i)[1])), repeats),
            30 * MS,
        ),
        Result(
            "Tag filter + text (limit 50)",
            timed(query(lambda i: EntryQuery(tags=(pairs[i % 8][0],), text=pairs[i % 8][1])), repeats),
            30 * MS,
        ),
        Result(
            "Stressors over a year (tag_stats)", timed(lambda i: store.tag_stats(*year), max(5, repeats // 3)), 150 * MS
        ),
    ]


def tagging_measure(repeats: int) -> Result:
    words: list[str] = []
    for entry in demo_entries(now=DEMO_NOW, days=183):
        words += entry.text.split()
        if len(words) >= 2000:
            break
    text = " ".join(words[:2000])
    tagger = default_tagger()
    return Result("Tagging a 2,000-word entry", timed(lambda i: tagger.tag(text), repeats), 10 * MS)


def _command_times(args: list[str], repeats: int) -> list[float]:
    command, env = [*journal_command(), *args], child_env()

    def run(_: int) -> None:
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"`journal {' '.join(args)}` failed: {done.stderr.strip()}")

    return timed(run, repeats, warmup=1)


def cli_measures(db: Path, repeats: int) -> tuple[list[Result], list[str]]:
    """`journal search x` wall time as a user's shell sees it (and the UI modules it imported),
    and a quick capture, which also pays for building the tagger."""
    env = child_env()
    times = _command_times(["--db", str(db), "search", "x"], repeats)
    capture = _command_times(["--db", str(db), "mood", "3", "ok day, ate at my desk again"], repeats)
    check = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "journal", "--db", str(db), "search", "x"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in check.stderr.splitlines() if "|" in line}
    ui = sorted(m for m in imported if m.split(".")[0] in ("textual", "rich") or m.startswith("journal.ui"))
    return [
        Result("CLI start: `journal search x`", times, 0.3),
        Result('CLI capture: `journal mood 3 "..."` (reported)', capture, None),
    ], ui


def generation_measure(entries: int) -> Result:
    start = time.perf_counter()
    count = sum(1 for _ in demo_entries(now=DEMO_NOW, scale=entries))
    return Result(f"Generate {count:,} demo entries (no saving)", [time.perf_counter() - start], None)


def fmt(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    ms = seconds / MS
    return f"{ms:.2f} ms" if ms < 10 else f"{ms:.1f} ms"


def table(results: list[Result]) -> str:
    rows = ["| measure | median | p95 | target | result |", "|---|---:|---:|---:|:---:|"]
    for r in results:
        target = "-" if r.target is None else f"< {fmt(r.target)}"
        p95 = fmt(r.p95) if len(r.times) > 1 else "-"
        rows.append(f"| {r.name} | {fmt(r.median)} | {p95} | {target} | {r.verdict} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000, help="size of the journal (default 100000)")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, for a fast look")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached journal")
    parser.add_argument("--write", action="store_true", help="update benchmarks/README.md's figures")
    parser.add_argument("--no-memory", action="store_true", help="skip the panes' memory at 1k/10k/100k")
    args = parser.parse_args()
    repeats = 10 if args.quick else 50

    source, meta = big_journal(args.entries, rebuild=args.rebuild)
    with tempfile.TemporaryDirectory(prefix="journal-bench-") as folder:
        db = working_copy(source, Path(folder))
        with open_store(db) as store:
            results = store_measures(store, repeats)
            results += [Result(c.name, timed(c.fn, repeats), c.target) for c in pane_calls(store, DEMO_NOW)]
        results.append(tagging_measure(repeats * 4))
        cli, ui_modules = cli_measures(db, 3 if args.quick else 15)
        results += cli
    results.append(generation_measure(args.entries))
    load = meta["build_seconds"]
    sizes = sorted({1_000, 10_000, args.entries})
    memory, grew = ("", []) if args.no_memory else memory_table(memory_by_size(sizes))
    results.append(Result(f"Bulk load {meta['entries']:,} entries with tagging (build_demo)", [load], None))

    body = "\n".join(
        [
            f"Measured {date.today().isoformat()} on {machine()}.",
            f"Journal: {meta['entries']:,} demo entries, {meta['size_mb']} MB; "
            f"{'quick run, ' if args.quick else ''}{repeats} timed repeats per store measure.",
            "",
            table(results),
            "",
            "`journal search x` imported no Textual, Rich or UI module."
            if not ui_modules
            else f"`journal search x` imported UI modules: {', '.join(ui_modules[:8])}.",
            f"Bulk load: {meta['entries'] / load:,.0f} entries/s "
            f"(built {meta['built_at'][:10]}, cached in benchmarks/.data/).",
            *(
                []
                if not memory
                else [
                    "",
                    "Memory of the panes' calls as the journal grows (the largest of three runs after warm-up, "
                    "a fresh process per size). Flat: the biggest journal's figure within 2x that of the next "
                    "size down, a tenth of it (in step with the journal would be 10x), figures under 256 kB of Python allocation or "
                    "1 MB of RSS counting as that much:",
                    "",
                    memory,
                ]
            ),
        ]
    )
    print(body)
    if args.write:
        update_readme("figures", body)
        print("\nUpdated benchmarks/README.md.")
    failed = [r.name for r in results if r.verdict != "pass" and r.target is not None]
    if failed or ui_modules or grew:
        sys.exit(1)


if __name__ == "__main__":
    main()
