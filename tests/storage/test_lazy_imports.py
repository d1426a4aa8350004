"""Opening a journal stays cheap: the modules only some calls need are loaded by those calls.

The CLI and the app import `journal.storage` and open the journal before anything else; the tagging
engine (with its lexicon), the insights and pattern maths, dateutil, hashlib and sqlite-utils cost
tens of milliseconds between them. A top-level import added back to any storage module would quietly
undo that, so this test checks in a fresh interpreter what importing and opening actually loaded, and
that the first save then loads the tagger and tags the entry.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import journal
from journal.storage import open_store

ROOT = Path(journal.__file__).resolve().parent.parent

#: Loaded only by the calls that need them, never by importing storage or opening a journal.
LAZY = (
    "journal.domain.tagging.engine",  # tagging an entry (the app warms it after its first frame)
    "journal.domain.insights",  # tag_stats' trend
    "journal.domain.when",
    "journal.domain.patterns",  # the Insights pane's result types
    "journal.domain.early_notice",
    "dateutil",  # "on this day"
    "statistics",
    "hashlib",  # import fingerprints
    "sqlite_utils",  # the simple upserts
)

_CHILD = """
import json, sys
from datetime import datetime, timezone
from journal.storage import open_store
from journal.domain.models import Entry, Kind

store = open_store(sys.argv[1])
after_open = [m for m in json.loads(sys.argv[2]) if m in sys.modules]
saved = store.save(Entry(kind=Kind.MOOD, created_at=datetime.now(timezone.utc), text="Couldn't sleep again",
                         mood=2))
store.close()
print(json.dumps({"after_open": after_open, "engine_after_save": "journal.domain.tagging.engine" in sys.modules,
                  "tags": [t.name for t in saved.tags]}))
"""


def test_opening_a_journal_loads_nothing_it_does_not_need(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    open_store(db).close()  # an existing journal at the current schema: no migration on the reopen
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(db), json.dumps(LAZY)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["after_open"] == []
    assert report["engine_after_save"]
    assert "sleep" in report["tags"]
