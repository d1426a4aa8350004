"""The head-to-head benchmark (benchmarks/versus_jrnl.py) is too slow for the suite and needs jrnl from
PyPI; this runs its journal-side and SQLite-side code on a tiny journal so it cannot rot, and checks
that the raw SQLite floor answers the very same question as the Store (else its ratios mean nothing)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

from journal.demo import DEMO_NOW, demo_entries  # noqa: E402
from journal.storage import open_store  # noqa: E402
from versus import journal_side, jrnl_side, raw_sqlite  # noqa: E402
from versus.operations import OPERATIONS, PAGE, read_params  # noqa: E402
from versus.report import SizeResult, command_verdicts, size_tables, summary_table  # noqa: E402
from versus.timing import Sample  # noqa: E402

KEYS = tuple(k for k, _ in OPERATIONS)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("versus") / "tiny.db"
    with open_store(db) as store:
        written = store.save_many(demo_entries(now=DEMO_NOW, scale=50), tag=True)
    assert 40 <= written <= 60
    return db


def test_store_measures_time_every_operation(tiny: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(tiny.read_bytes())
    samples = journal_side.measure_queries(db, read_params(db), repeats=2)
    assert set(samples) == set(KEYS)
    assert all(len(s.times) == 2 and min(s.times) > 0 for s in samples.values())


def test_raw_sqlite_floor_answers_the_same_question(tiny: Path) -> None:
    params = read_params(tiny)
    with open_store(tiny) as store:
        ours = journal_side.store_calls(store, params)
        conn = raw_sqlite.connect(str(tiny))
        floor = raw_sqlite.calls(conn, params)
        for key in ("word", "tag", "range", "latest"):
            for i in range(len(params.words)):
                expected = [e.id for e in ours[key](i)]
                assert [row[0] for row in floor[key](i)] == expected, key
        stats = sorted((s.name, s.count) for s in ours["counts"](0))
        assert stats and stats == sorted(floor["counts"](0))
        conn.close()


def test_cli_measures_run_the_real_command(tiny: Path) -> None:
    params = read_params(tiny)
    samples = journal_side.measure_cli(tiny, params, repeats=1, keys=("latest", "tag"))
    assert all(s.times and not s.capped for s in samples.values())
    assert journal_side.cli_args("word", params, 1) == ["search", params.words[1], *journal_side.PAGE_ARGS]


def test_jrnl_files_are_written_in_its_own_format(tiny: Path, tmp_path: Path) -> None:
    target = tmp_path / "journal.txt"
    count = jrnl_side.write_journal(tiny, target)
    entries = re.findall(r"^\[(\d{4}-\d\d-\d\d \d\d:\d\d)\] \S", target.read_text(), flags=re.M)
    assert len(entries) == count and entries == sorted(entries)
    assert re.search(r"^@[-\w]+( @[-\w]+)*$", target.read_text(), flags=re.M)  # the tags line
    config = jrnl_side.write_config(tmp_path, target).read_text()
    assert config.startswith("version:")  # a JSON config would make jrnl ask to upgrade from 1.x
    assert jrnl_side.args_for("tag", read_params(tiny), 0)[1:] == (["-n", str(PAGE)] if PAGE else [])


def test_report_renders_ratios_and_verdicts() -> None:
    result = SizeResult(100_000, {"repeats": "5"})
    for side, seconds in (("jrnl", 2.0), ("journal", 0.01), ("sqlite", 0.005)):
        for level in ("cli", "query"):
            result.samples[f"{side}_{level}"] = {k: Sample([seconds, seconds * 1.1, seconds * 0.9]) for k in KEYS}
    result.samples["jrnl_query"]["counts"] = Sample([60.0], capped=True)
    table = size_tables(result)
    assert "| 200x | 2.0x | pass |" in table
    assert "> 60.00 s" in table and "> 6,000x" in table
    assert "(missed)" not in summary_table(result)
    result.samples["jrnl_cli"]["latest"] = Sample([0.1])  # 10x as a whole command: under the 20x
    assert command_verdicts(result) == {**{k: True for k in command_verdicts(result)}, "latest": False}
    assert "| 10.0x | 2.0x | **miss** |" in size_tables(result)


# --- benchmarks/panes.py: History's first page and Insights over a year ------------------------------

import panes  # noqa: E402
from journal.domain.filters import FilterSpec  # noqa: E402
from journal.domain.models import EntryQuery  # noqa: E402
from journal.ui.panes.history_parts.entry_table import EntryTable  # noqa: E402


def test_pane_calls_make_the_panes_own_queries(tiny: Path) -> None:
    with open_store(tiny) as store:
        calls = panes.pane_calls(store, DEMO_NOW)
        assert [c.target for c in calls] == [0.05, 0.05, 0.05, 0.2]
        everything = store.count(EntryQuery(limit=None))
        page, count = panes.first_page(store, FilterSpec(), DEMO_NOW)
        assert (
            count == everything
            and [e.id for e in page] == [e.id for e in store.search(EntryQuery(limit=None))][: EntryTable.PAGE]
        )
        tag_spec = panes.history_filters(store, DEMO_NOW)["tag filter"][0]
        tagged, tag_count = panes.first_page(store, tag_spec, DEMO_NOW)
        assert 0 < tag_count < everything and len(tagged) == tag_count
        assert all(tag_spec.tags[0] in {t.name for t in e.tags} for e in tagged)
        figures = calls[-1].fn(0)
        assert figures.period.days == 364 and figures.entries == everything  # the tiny journal is 2 days
        assert figures.rows and all(sum(r.weekly) == r.stat.count for r in figures.rows)
        assert all(isinstance(c.fn(1), tuple) for c in calls[:3])


def test_memory_is_measured_per_call(tiny: Path) -> None:
    found = panes.measure_memory(tiny, DEMO_NOW, runs=1)
    calls = [k for k, v in found.items() if isinstance(v, dict)]
    assert len(calls) == 4 and all(found[k]["peak"] > 1000 and found[k]["rss"] >= 0 for k in calls)
    assert found["Process RSS after every call"] > 10 * 1024 * 1024


def test_memory_table_fails_growth_in_step_with_the_journal() -> None:
    mb = 1024 * 1024

    def sizes(peak_100k: int, rss_100k: int = 0) -> dict[int, dict[str, object]]:
        return {
            n: {"Process RSS after every call": 40 * mb, "Insights (gather)": {"peak": p, "rss": r}}
            for n, p, r in ((1_000, mb // 10, 0), (10_000, mb, mb // 3), (100_000, peak_100k, rss_100k))
        }

    table, grew = panes.memory_table(sizes(int(1.2 * mb), int(0.9 * mb)))  # RSS under its 1 MB floor
    assert not grew and "| Insights: peak Python allocation | 102 kB | 1.0 MB | 1.2 MB | pass |" in table
    table, grew = panes.memory_table(sizes(10 * mb, 3 * mb))
    assert grew == ["Insights: peak Python allocation", "Insights: process RSS rise"] and "**FAIL**" in table
