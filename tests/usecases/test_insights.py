"""Gathering a period's insights without the app (what the benchmarks time), and that it loads no UI."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import journal
from journal.domain.insights import Period
from journal.domain.models import Category, Entry, Kind
from journal.storage import Store
from journal.usecases.insights import gather

NOW = datetime(2026, 11, 20, 20, 0, tzinfo=UTC)
ROOT = Path(journal.__file__).resolve().parent.parent


def test_a_period_s_figures(store: Store) -> None:
    for day in range(10):
        text = "crisis calls all afternoon, could not sleep" if day % 2 else "a quiet day, supervision helped"
        store.save(Entry(Kind.MOOD, NOW - timedelta(days=day), text=text, mood=2 + day % 3))
    figures = gather(store, Period.last_days(28, now=NOW, tz=UTC), NOW)
    assert figures.entries == 10
    assert figures.stats and all(s.category in (Category.STRESSOR, Category.SYMPTOM) for s in figures.stats)
    assert {"crisis", "sleep"} <= {s.name for s in figures.stats}
    assert len(figures.weeks) == len(figures.rows[0].weekly)
    assert sum(w.entries for w in figures.mood) == 10


def test_an_empty_journal_has_nothing_to_show(store: Store) -> None:
    figures = gather(store, Period.last_days(14, now=NOW, tz=UTC), NOW, notice=False)
    assert (figures.entries, figures.rows, figures.pairs, figures.lowest, figures.notice) == (0, [], [], None, None)


def test_the_use_cases_load_no_ui() -> None:
    """The benchmarks and the CLI gather insights and close rituals without Textual or Rich."""
    code = (
        "import journal.usecases.insights, journal.usecases.ritual, journal.usecases.entries, "
        "journal.usecases.boundaries, journal.usecases.exchange, sys\n"
        "print(' '.join(sorted({n.split('.')[0] for n in sys.modules})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    assert not {"textual", "rich", "click"} & set(done.stdout.split())
