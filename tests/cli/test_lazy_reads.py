"""`journal search` and `journal stressors` load only what reading needs (issue 16: a whole command
at least 20x faster than jrnl). What is left of such a command's time is Python's start with its
imports, so each module cut from these paths is guarded here: a top-level import added back to any
module on the way would bring it back quietly, and this test names it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import journal
from journal.domain.models import Entry, Kind
from journal.storage import open_store

ROOT = Path(journal.__file__).resolve().parent.parent

#: Never needed to read a journal: each is loaded by the writes, panes or commands that need it.
NEVER = {
    "journal.domain.tagging.personal",  # the personal adjustment: tagging and tag choices
    "journal.storage.personal",
    "journal.domain.tagging.engine",  # the tagger itself
    "journal.domain.models_tagging",  # TagHit, UserKeyword
    "journal.storage.calendar",  # the History pane's calendar
    "journal.storage.boundaries",  # the Boundaries pane
    "dateutil.tz",  # only without $TZ (the system zone's file), see journal.domain.when.local_tz
    "dateutil.relativedelta",  # dates counted in months or years ("2 months ago"), not a plain day
    "statistics",  # the Insights pane's baselines
    "random",  # a write's retries
    "sqlite_utils",
    "hashlib",
}
#: Each loaded only on the paths that use it.
SNIPPETS = "journal.storage.snippets"  # a word search
DATES = "journal.domain.when"  # --since / --until, and stressors' default period
RESULTS = "journal.domain.models_results"  # TagStat for stressors; a parked loop when one matches
JSON_SHAPE = "journal.exchange.jsonshape"  # --json

PATHS: dict[str, tuple[list[str], set[str]]] = {
    "latest ten": (["search", "--limit", "10"], set()),
    "a word, every match": (["search", "safeguarding", "--limit", "0"], {SNIPPETS}),
    "a tag, every match": (["search", "--tag", "sleep", "--limit", "0"], set()),
    "a month, every match": (["search", "--since", "2026-03-01", "--until", "2026-03-31", "--limit", "0"], {DATES}),
    "a word as JSON": (["search", "safeguarding", "--limit", "0", "--json"], {SNIPPETS, JSON_SHAPE}),
    "tag counts": (["stressors", "--since", "2026-01-01", "--until", "2026-12-31"], {DATES, RESULTS}),
}
LAZY = NEVER | {SNIPPETS, DATES, RESULTS, JSON_SHAPE}

_CHILD = """
import json, sys
from journal.cli import main
try:
    main(sys.argv[2:])
except SystemExit as done:
    assert not done.code, done.code
print(json.dumps(sorted(m for m in json.loads(sys.argv[1]) if m in sys.modules)), file=sys.stderr)
"""


@pytest.fixture(scope="module")
def journal_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Entries of every kind that every path finds something in: a word, a tag, a month."""
    path = tmp_path_factory.mktemp("lazy-reads") / "journal.db"
    at = datetime(2026, 3, 10, 18, 30, tzinfo=timezone(timedelta(hours=1)))
    with open_store(path) as store:
        store.save_many(
            [
                Entry(kind=Kind.MOOD, created_at=at, text="Safeguarding referral, couldn't sleep after", mood=2),
                Entry(kind=Kind.BOUNDARY, created_at=at, boundary="overtime", outcome="crossed", cost=3),
                Entry(kind=Kind.RITUAL, created_at=at, text="closed", mood=3, ritual={"steps": []}),
            ]
        )
    return path


def loaded_by(db: Path, args: list[str]) -> set[str]:
    """Which of LAZY a fresh interpreter holds after `journal --db DB ARGS...` (in a fixed zone,
    as the benchmarks run it)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TZ": "Europe/London"}
    env.pop("JOURNAL_PASSPHRASE", None)
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps(sorted(LAZY)), "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), "the command printed nothing: the journal should have matches"
    return set(json.loads(done.stderr.splitlines()[-1]))


@pytest.mark.parametrize("path", list(PATHS))
def test_reading_loads_only_what_that_read_needs(journal_file: Path, path: str) -> None:
    args, allowed = PATHS[path]
    assert loaded_by(journal_file, args) - allowed == set()
