"""The boundary log's one aggregate: events per local day, boundary and outcome, counted by SQLite.

The pane's weekly chart, most-crossed list and clear-day runs are all computed (in
`journal.domain.boundaries`) from these few rows, so eight weeks cost one indexed grouped query
however many years the journal holds.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from typing import TYPE_CHECKING

from journal.storage.rows import aware, to_utc_text

if TYPE_CHECKING:
    from journal.domain.boundaries import DayCount

_DAY_COUNTS = """
SELECT local_day, coalesce(boundary, ''), outcome, count(*)
FROM entries
WHERE kind = 'boundary' AND deleted_utc IS NULL AND outcome IS NOT NULL
  AND created_utc >= ? AND created_utc < ?
GROUP BY local_day, boundary, outcome
ORDER BY local_day, boundary, outcome
"""


def boundary_day_counts(conn: sqlite3.Connection, since: datetime, until: datetime) -> list[DayCount]:
    """Live boundary events in [since, until), grouped by the writer's local day, kind and outcome."""
    rows = conn.execute(_DAY_COUNTS, (to_utc_text(aware(since)), to_utc_text(aware(until)))).fetchall()
    return [(date.fromisoformat(day), boundary, outcome, n) for day, boundary, outcome, n in rows]
