"""How long until `journal` shows its first frame, and how much memory it takes, against a bare
Textual app on the same machine.

    .venv/bin/python benchmarks/startup.py [--entries 100000] [--quick] [--write]

Each app runs in its own fresh process (startup_child.py), headless at 120x40; the time is from just
before the process is spawned to the moment the child says its first frame is painted and idle, so
interpreter start and every import count, as they do for a user. Peak RSS is the child's own
peak resident set (VmHWM). Runs are interleaved so a noisy neighbour hurts every app alike.
Bytecode is cached, as after any first run (see `common.child_env`).

"First paint" is when the first frame is drawn, shown beside the target's measure only: Textual's
own `Footer` fills in its keys after that first frame, so the bare app's first paint is not yet
complete, while the journal's is (its footer draws its keys in the first frame).

The journals are opened as on every start after the first; the very first start, which also shows the
welcome, is its own row and not held to the target.
Target: the journal within 1.3x the bare app's time to its first interactive frame and 1.5x its
peak memory, the journal's counted once its tagger is warm (the model and cue index loaded, which
the app does in a thread just after its first frame).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from common import DATA, ROOT, big_journal, child_env, machine, update_readme, working_copy
from journal.storage import open_store

CHILD = ROOT / "benchmarks" / "startup_child.py"
TIME_RATIO, MEMORY_RATIO = 1.3, 1.5
BARE = "Bare Textual app (Header, Static, Footer)"
FIRST_RUN = "`journal`'s very first start (new journal, welcome shown; not held to the target)"


class Sample(NamedTuple):
    painted: float  # seconds to the first frame painted (see startup_child.py)
    first_frame: float  # seconds to the first interactive frame
    warm: float  # seconds until the work started after the first frame (tagger warm-up) is done
    rss_first: int  # KiB, peak at the first frame
    rss_warm: int  # KiB, peak once warm
    rss_exit: int  # KiB, peak at exit
    cpu: float  # seconds of CPU the child had used at its first frame


def launch(args: list[str]) -> Sample:
    """Times to the first frame and to warm, and peak RSS at each and at exit."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    assert child.stdout is not None
    child.stdout.readline()  # painted
    painted = time.perf_counter() - start
    ready_line = child.stdout.readline()
    seconds = time.perf_counter() - start
    warm_line = child.stdout.readline()
    warm_seconds = time.perf_counter() - start
    rest, errors = child.communicate(timeout=60)
    if child.returncode != 0 or not ready_line or not warm_line:
        raise SystemExit(f"The app in {args} did not start: {errors.strip()[-500:]}")
    ready, warm = json.loads(ready_line), json.loads(warm_line)
    reports = [json.loads(line) for line in rest.splitlines() if line.startswith("{")]
    at_exit = max([warm["rss_kb"], *(r["rss_kb"] for r in reports)])
    return Sample(painted, seconds, warm_seconds, ready["rss_kb"], warm["rss_kb"], at_exit, ready["cpu_s"])


def paired(runs: list[Sample], bare: list[Sample], field: str) -> float:
    """The median over rounds of this app's figure over the bare app's in the same round: steadier
    than a ratio of medians when the machine's pace drifts during the run."""
    return statistics.median(getattr(a, field) / getattr(b, field) for a, b in zip(runs, bare, strict=True))


def any_big_journal(entries: int) -> tuple[Path, dict[str, Any]]:
    """The newest cached journal of `entries` entries, even one built by older tagger code.

    Start-up never reads the tags of old entries, so which cues tagged them does not change what is
    measured; reusing the cache spares a rebuild of several minutes every time the lexicon changes.
    Built fresh only when there is none at all.
    """
    cached = sorted(DATA.glob(f"journal-{entries}-*.db"), key=lambda p: p.stat().st_mtime)
    for path in reversed(cached):
        meta = path.with_suffix(".json")
        if meta.exists():
            return path, json.loads(meta.read_text())
    return big_journal(entries)


def welcomed(path: Path) -> None:
    """Mark a journal as opened before, as every start after the first finds it (no welcome)."""
    from journal.ui.app import WELCOMED

    store = open_store(path)
    try:
        store.set_setting(WELCOMED, True)
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="3 runs each instead of 15")
    parser.add_argument("--write", action="store_true", help="update benchmarks/README.md")
    parser.add_argument(
        "--fresh", action="store_true", help="rebuild the big journal if the code that shapes it changed"
    )
    args = parser.parse_args()
    runs = 3 if args.quick else 15

    big, meta = big_journal(args.entries) if args.fresh else any_big_journal(args.entries)
    with tempfile.TemporaryDirectory(prefix="journal-startup-") as folder:
        first_run = Path(folder) / "new.db"
        open_store(first_run).close()
        empty = Path(folder) / "empty.db"
        full = working_copy(big, Path(folder))
        for path in (empty, full):
            welcomed(path)
        cases = {
            BARE: ["bare"],
            "`journal` on an empty journal": ["journal", str(empty)],
            f"`journal` on {meta['entries']:,} entries": ["journal", str(full)],
            FIRST_RUN: ["journal", str(first_run)],
        }
        for argv in cases.values():  # warm the OS file cache and .pyc files; not timed
            launch(argv)
        samples: dict[str, list[Sample]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, argv in cases.items():
                samples[name].append(launch(argv))

    rows = [
        "| app | first paint | first interactive frame (median) | CPU by then | tagger warm "
        "| peak RSS at first frame | peak RSS warm | vs bare |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    base_rss = 0.0
    bare = next(iter(samples.values()))
    failed = False
    for i, (name, runs_) in enumerate(samples.items()):
        seconds = statistics.median(s.first_frame for s in runs_)
        painted = statistics.median(s.painted for s in runs_)
        warm = statistics.median(s.warm for s in runs_)
        rss = statistics.median(s.rss_first for s in runs_) / 1024
        rss_warm = statistics.median(s.rss_warm for s in runs_) / 1024
        cpu = statistics.median(s.cpu for s in runs_)
        if i == 0:
            base_rss, versus = rss, "-"
        else:
            t, c = paired(runs_, bare, "first_frame"), paired(runs_, bare, "cpu")
            m, m_first = rss_warm / base_rss, rss / base_rss
            ok = t <= TIME_RATIO and m <= MEMORY_RATIO
            verdict = "not held to the target" if name == FIRST_RUN else ("pass" if ok else "**FAIL**")
            failed |= not ok and name != FIRST_RUN
            versus = (
                f"{t:.2f}x time ({c:.2f}x CPU), {m:.2f}x memory with the tagger warm "
                f"({m_first:.2f}x at the first frame): {verdict}"
            )
        warm_text = "-" if i == 0 else f"{warm * 1000:.0f} ms"
        rows.append(
            f"| {name} | {painted * 1000:.0f} ms | {seconds * 1000:.0f} ms | {cpu * 1000:.0f} ms "
            f"| {warm_text} | {rss:.1f} MB | {rss_warm:.1f} MB | {versus} |"
        )

    body = "\n".join(
        [
            f"Measured {date.today().isoformat()} on {machine()}; median of {runs} runs each, headless "
            f"120x40; a time ratio is the median of the {runs} rounds' own ratios (each round starts every "
            f"app once, back to back). Target: within {TIME_RATIO}x the bare app's time to the first "
            f"interactive frame and {MEMORY_RATIO}x its peak memory, the journal's taken once its tagger is "
            "warm (issue 13).",
            "",
            *rows,
        ]
    )
    print(body)
    if args.write:
        update_readme("startup", body)
        print("\nUpdated benchmarks/README.md.")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
