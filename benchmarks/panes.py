"""History's first page and Insights over a year: the time each takes and the memory it needs.

run.py times these calls on the 100,000-entry journal and asks `memory_by_size` whether their memory
stays flat as the journal grows. They are the panes' own calls, not look-alikes: the History pane's
first page is `EntryTable.PAGE` entries of `FilterSpec.to_query` followed by `Store.count` of the same
filter (journal.ui.panes.history), and the Insights pane's worker runs `gather` (journal.usecases.insights)
over `Period.last_days`, exactly what the "a year" button asks for.

Memory is measured in a fresh child process per journal size (`--memory-child DB`), so one size's
high-water mark never carries into the next. Each call gets two warm-up runs just before it is
measured, then the largest of three runs of: its "peak Python allocation" (tracemalloc; it cannot see
SQLite's own memory) and its "process RSS rise" (the high-water mark, reset through
/proc/self/clear_refs, minus the RSS before the call; Linux only), which does count SQLite's page
cache and the sorters of its GROUP BYs. The process's RSS after opening the journal and after every
call is reported too.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import tempfile
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from common import big_journal, child_env, working_copy
from journal.domain.filters import FilterSpec, parse_filter
from journal.domain.insights import QUICK_WEEKS, Period
from journal.domain.models import Entry
from journal.storage import Store, open_store
from journal.ui.panes.history_parts.entry_table import EntryTable
from journal.usecases.insights import Figures, gather

MS = 1e-3
WORDS = ("supervision", "tired", "client", "sleep", "notes")
#: The memory table's "flat" verdict: the biggest journal may need at most this many times what the next
#: size down (a tenth of it) needs, where growth in step with the journal would be 10x; figures under
#: the floor count as the floor, so noise on a small figure cannot fail it: 256 kB of Python allocation,
#: and 1 MB of RSS, half SQLite's default page cache, as below that how far the RSS rises depends on where
#: freed blocks sit in the heap (glibc hands the top back and takes it again; the same call at 10,000
#: entries has measured 372 kB in one process and 584 kB in another). The next size down,
#: not the smallest: the 1,000-entry journal spans only 40 days, so its "year" holds a ninth of the
#: entries the others' does (the year's work, not the journal, would make that comparison grow).
FLAT_RATIO = 2.0
FLOOR = 256 * 1024
RSS_FLOOR = 1024 * 1024


@dataclass(frozen=True)
class PaneCall:
    """One thing a pane does, as `fn(i)` (i picks the tag or word, so repeats do not all hit one cache)."""

    name: str
    fn: Callable[[int], object]
    target: float


def first_page(store: Store, spec: FilterSpec, now: datetime) -> tuple[list[Entry], int]:
    """History's first page for `spec`: the entries the table shows, then the count under the filter line."""
    spec.to_query(now, now.tzinfo)  # the pane checks the dates first
    page = store.search(spec.to_query(now, now.tzinfo, limit=EntryTable.PAGE, offset=0))
    return page, store.count(spec.to_query(now, now.tzinfo, limit=0, offset=0))


def insights_year(store: Store, now: datetime) -> Figures:
    """Everything the Insights pane draws for "a year", as its worker gathers it (early notice included)."""
    period = Period.last_days(QUICK_WEEKS[-1] * 7, now=now, tz=now.tzinfo)
    return gather(store, period, now)


def history_filters(store: Store, now: datetime) -> dict[str, list[FilterSpec]]:
    """The filter lines to time: none, a tag (the year's busiest, typed as `tag:x`), a word."""
    tags = [s.name for s in store.tag_stats(now - timedelta(days=365), now)[:5]] or ["none"]
    return {
        "unfiltered": [FilterSpec()],
        "tag filter": [parse_filter(f"tag:{t}") for t in tags],
        "text filter": [parse_filter(w) for w in WORDS],
    }


def pane_calls(store: Store, now: datetime) -> list[PaneCall]:
    """History's first page under each kind of filter (target 50 ms) and Insights over a year (200 ms)."""
    calls = []
    for label, specs in history_filters(store, now).items():

        def page(i: int, specs: list[FilterSpec] = specs) -> object:
            return first_page(store, specs[i % len(specs)], now)

        calls.append(PaneCall(f"History first page, {label} (search + count)", page, 50 * MS))
    calls.append(PaneCall("Insights over a year (gather)", lambda i: insights_year(store, now), 200 * MS))
    return calls


# --- memory --------------------------------------------------------------------------------------------


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise OSError(f"no {field} in /proc/self/status")


def rss_delta(fn: Callable[[], object]) -> int:
    """Bytes the process's resident set rose above where it stood while `fn` ran (its high-water mark)."""
    gc.collect()
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS
    before = _status_kb("VmRSS")
    fn()
    return max(0, _status_kb("VmHWM") - before) * 1024


def traced_peak(fn: Callable[[], object]) -> int:
    """The most bytes Python held at once while `fn` ran, beyond what it held before."""
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        fn()
        return tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()


def measure_memory(db: Path, now: datetime, runs: int = 3) -> dict[str, Any]:
    """Per pane call on the journal at `db`, each warmed up by two runs just before: the largest RSS rise
    and peak allocation over `runs` runs; and the process's RSS after opening the store and at the end."""
    figures: dict[str, Any] = {}
    with open_store(db) as store:
        figures["Process RSS after opening the journal"] = _status_kb("VmRSS") * 1024
        for call in pane_calls(store, now):
            for i in range(2):
                call.fn(i)
            figures[call.name] = {
                "rss": max(rss_delta(partial(call.fn, i)) for i in range(runs)),
                "peak": max(traced_peak(partial(call.fn, i)) for i in range(runs)),
            }
        figures["Process RSS after every call"] = _status_kb("VmRSS") * 1024
    return figures


def memory_by_size(sizes: list[int], log: Callable[[str], object] = print) -> dict[int, dict[str, Any]]:
    """`measure_memory` as of the demo's 'now' on the cached demo journal of each size, each in a fresh
    process."""
    found = {}
    for size in sizes:
        source, _ = big_journal(size, log=log)
        with tempfile.TemporaryDirectory(prefix="journal-bench-mem-") as folder:
            db = working_copy(source, Path(folder))
            done = subprocess.run(
                [sys.executable, __file__, "--memory-child", str(db)],
                env=child_env(),
                capture_output=True,
                text=True,
            )
        if done.returncode != 0:
            raise SystemExit(f"Measuring memory at {size:,} entries failed: {done.stderr.strip()[-500:]}")
        found[size] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def _kb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} kB"


def flat(values: list[int], floor: int = FLOOR) -> bool:
    """True when the biggest journal's figure stays within FLAT_RATIO of the next size down's."""
    return max(values[-1], floor) <= FLAT_RATIO * max(values[-2 if len(values) > 1 else 0], floor)


def memory_table(found: dict[int, dict[str, Any]]) -> tuple[str, list[str]]:
    """The markdown table (a column per journal size) and the names of the figures that grew."""
    sizes = sorted(found)
    rows = [
        "| figure | " + " | ".join(f"{s:,} entries" for s in sizes) + " | flat? |",
        "|---|" + "---:|" * len(sizes) + ":---:|",
    ]
    grew = []

    def row(label: str, values: list[int], floor: int = RSS_FLOOR) -> None:
        ok = flat(values, floor)
        grew.extend([] if ok else [label])
        rows.append(f"| {label} | {' | '.join(_kb(v) for v in values)} | {'pass' if ok else '**FAIL**'} |")

    for name, first in found[sizes[0]].items():
        if isinstance(first, dict):
            call = name.split(" (")[0]
            row(f"{call}: peak Python allocation", [found[s][name]["peak"] for s in sizes], FLOOR)
            row(f"{call}: process RSS rise", [found[s][name]["rss"] for s in sizes])
        else:
            row(name, [found[s][name] for s in sizes])
    return "\n".join(rows), grew


if __name__ == "__main__" and sys.argv[1:2] == ["--memory-child"]:
    from journal.demo import DEMO_NOW

    print(json.dumps(measure_memory(Path(sys.argv[2]), DEMO_NOW)))
