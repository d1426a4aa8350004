"""Markdown out of the medians: one pair of tables per journal size, a start-up table, and the short
summary the project README carries. Ratios are jrnl / journal (how many times faster `journal` is)
and journal / raw SQLite (how close `journal` comes to the floor)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from versus.operations import OPERATIONS
from versus.timing import Sample

#: At 100,000 entries every query at least this many times faster than jrnl...
JRNL_RATIO = 20.0
#: ...and within this many times raw SQLite's time (query level).
SQLITE_RATIO = 3.0
QUERIES = tuple(k for k, _ in OPERATIONS if k != "add")
START, END = "<!-- versus:start -->", "<!-- versus:end -->"


@dataclass
class SizeResult:
    """Every measure for one journal size: samples[side][key], side in jrnl/journal/sqlite x cli/query."""

    entries: int
    facts: dict[str, str] = field(default_factory=dict)
    samples: dict[str, dict[str, Sample]] = field(default_factory=dict)

    def get(self, side: str, key: str) -> Sample | None:
        return self.samples.get(side, {}).get(key)


def fmt(sample: Sample | None) -> str:
    if sample is None or not sample.times:
        return "-"
    seconds = sample.median
    text = (
        f"{seconds:.2f} s"
        if seconds >= 1
        else (f"{seconds * 1000:.2f} ms" if seconds < 0.01 else f"{seconds * 1000:.1f} ms")
    )
    return f"> {text}" if sample.capped else text


def ratio(slow: Sample | None, fast: Sample | None) -> tuple[str, float | None]:
    """`slow / fast` as text ("> 40x" when `slow` was capped) and as a number (a lower bound then)."""
    if not slow or not fast or not slow.times or not fast.times or fast.median <= 0:
        return "-", None
    value = slow.median / fast.median
    text = f"{value:,.0f}x" if value >= 100 else f"{value:.1f}x"
    return (f"> {text}" if slow.capped else text), value


def cpu_ratio(slow: Sample | None, fast: Sample | None) -> str:
    """`slow / fast` in CPU seconds (each run's own user + system), where both have them: what a
    loaded machine's waiting for a core does not move."""
    if not slow or not fast or not slow.cpu or not fast.cpu or fast.cpu_median <= 0:
        return "-"
    value = slow.cpu_median / fast.cpu_median
    return f"{value:,.0f}x" if value >= 100 else f"{value:.1f}x"


#: As whole commands (issue 16): at least this many times faster than jrnl...
JRNL_COMMAND_RATIO = 20.0
#: ...and within max(this many times, this many seconds more than) the raw SQLite script.
SQLITE_COMMAND_RATIO, SQLITE_COMMAND_SLACK = 3.0, 0.100


def command_verdicts(result: SizeResult) -> dict[str, bool]:
    """For each query as a whole command: at least JRNL_COMMAND_RATIO x faster than jrnl, and within
    max(SQLITE_COMMAND_RATIO x, + SQLITE_COMMAND_SLACK s) of the raw SQLite script."""
    met = {}
    for key in QUERIES:
        j, o, s = (result.get(f"{side}_cli", key) for side in ("jrnl", "journal", "sqlite"))
        _, vs_jrnl = ratio(j, o)
        if vs_jrnl is None or s is None or not s.times or o is None:
            continue
        allowed = max(SQLITE_COMMAND_RATIO * s.median, s.median + SQLITE_COMMAND_SLACK)
        met[key] = vs_jrnl >= JRNL_COMMAND_RATIO and o.median <= allowed
    return met


def verdicts(result: SizeResult) -> dict[str, bool]:
    """For each query: met both targets (at least JRNL_RATIO x faster than jrnl, within SQLITE_RATIO x SQLite)."""
    met = {}
    for key in QUERIES:
        _, vs_jrnl = ratio(result.get("jrnl_query", key), result.get("journal_query", key))
        _, vs_sqlite = ratio(result.get("journal_query", key), result.get("sqlite_query", key))
        met[key] = vs_jrnl is not None and vs_sqlite is not None and vs_jrnl >= JRNL_RATIO and vs_sqlite <= SQLITE_RATIO
    return met


def size_tables(result: SizeResult) -> str:
    """The command-line table and the query-level table for one size."""
    cli = [
        "| operation | jrnl | journal | raw SQLite script | jrnl / journal | journal / SQLite | targets "
        "| CPU: jrnl / journal | CPU: journal / SQLite |",
        "|---|---:|---:|---:|---:|---:|:---:|---:|---:|",
    ]
    query = [
        "| operation | jrnl (in-process) | journal (Store API) | raw SQLite | jrnl / journal | "
        "journal / SQLite | targets |",
        "|---|---:|---:|---:|---:|---:|:---:|",
    ]
    met, met_cli = verdicts(result), command_verdicts(result)
    for key, label in OPERATIONS:
        j, o, s = (result.get(f"{side}_cli", key) for side in ("jrnl", "journal", "sqlite"))
        verdict = "-" if key not in met_cli else ("pass" if met_cli[key] else "**miss**")
        cli.append(
            f"| {label} | {fmt(j)} | {fmt(o)} | {fmt(s)} | {ratio(j, o)[0]} | {ratio(o, s)[0]} | {verdict} "
            f"| {cpu_ratio(j, o)} | {cpu_ratio(o, s)} |"
        )
        j, o, s = (result.get(f"{side}_query", key) for side in ("jrnl", "journal", "sqlite"))
        verdict = "-" if key not in met else ("pass" if met[key] else "**miss**")
        query.append(f"| {label} | {fmt(j)} | {fmt(o)} | {fmt(s)} | {ratio(j, o)[0]} | {ratio(o, s)[0]} | {verdict} |")
    facts = "; ".join(f"{k}: {v}" for k, v in result.facts.items())
    return "\n".join(
        [
            f"#### {result.entries:,} entries",
            "",
            facts,
            "",
            "Command line (wall time of the command, interpreter start included; journal, the raw SQLite "
            "script and jrnl run in turn, round after round, and the CPU columns compare each run's own "
            "user + system time):",
            "",
            *cli,
            "",
            "Query level (in one running process; jrnl re-reads its file on every command, so that is in its figure):",
            "",
            *query,
        ]
    )


def startup_table(samples: dict[str, Sample]) -> str:
    rows = ["| start-up | jrnl | journal | raw SQLite script | jrnl / journal |", "|---|---:|---:|---:|---:|"]
    for label, key in (("`--version`", "version"), ("a query on an empty journal", "empty")):
        j, o, s = samples.get(f"jrnl_{key}"), samples.get(f"journal_{key}"), samples.get(f"sqlite_{key}")
        rows.append(f"| {label} | {fmt(j)} | {fmt(o)} | {fmt(s)} | {ratio(j, o)[0]} |")
    return "\n".join(rows)


def summary_table(result: SizeResult) -> str:
    """The short table for the project README: the biggest journal, both levels, and the verdicts."""
    met = verdicts(result)
    rows = [
        f"At {result.entries:,} entries (median; `benchmarks/versus_jrnl.py` reruns it):",
        "",
        "| operation | jrnl command | `journal` command | faster | jrnl query | `journal` query | "
        "raw SQLite | vs SQLite |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for key, label in OPERATIONS:
        jc, oc = result.get("jrnl_cli", key), result.get("journal_cli", key)
        jq, oq, sq = (result.get(f"{side}_query", key) for side in ("jrnl", "journal", "sqlite"))
        mark = "" if key not in met or met[key] else " (missed)"
        rows.append(
            f"| {label} | {fmt(jc)} | {fmt(oc)} | {ratio(jc, oc)[0]} | {fmt(jq)} | {fmt(oq)} | "
            f"{fmt(sq)} | {ratio(oq, sq)[0]}{mark} |"
        )
    return "\n".join(rows)


def replace_section(readme: Path, body: str) -> None:
    """Put `body` between the versus markers of `readme`, appending the section if it is missing."""
    text = readme.read_text() if readme.exists() else ""
    block = f"{START}\n{body.rstrip()}\n{END}"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip() + "\n\n## Head-to-head with jrnl\n\n" + block + "\n"
    readme.write_text(text)
