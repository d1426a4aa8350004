"""The few figures the supervision brief needs besides those Insights and the Boundaries pane already
count: days written, the range of mood and energy, and what boundary events cost. One grouped query
each over the period's slice of the time index; aggregates only, never entries.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from journal.storage.base import StoreBase
from journal.storage.rows import aware, to_utc_text

if TYPE_CHECKING:
    from journal.domain.brief import CostRow, MoodOverview

_LIVE = "deleted_utc IS NULL AND created_utc >= :since AND created_utc < :until"
_DAYS_WRITTEN = f"SELECT count(*), count(DISTINCT local_day) FROM entries WHERE {_LIVE}"
_MOOD = f"""
SELECT count(mood), avg(mood), min(mood), max(mood), avg(energy), min(energy), max(energy)
FROM entries WHERE kind = 'mood' AND {_LIVE}
"""
_COSTS = f"""
SELECT coalesce(boundary, ''), outcome, count(*), count(cost), avg(cost)
FROM entries
WHERE kind = 'boundary' AND outcome IS NOT NULL AND {_LIVE}
GROUP BY boundary, outcome ORDER BY boundary, outcome
"""


def _bounds(since: datetime, until: datetime) -> dict[str, str]:
    return {"since": to_utc_text(aware(since)), "until": to_utc_text(aware(until))}


class BriefMixin(StoreBase):
    """Store methods behind the supervision brief (see the module docstring)."""

    def days_written(self, since: datetime, until: datetime) -> tuple[int, int]:
        """(live entries, distinct local days with any entry) in [since, until)."""
        with self._read() as conn:
            entries, days = conn.execute(_DAYS_WRITTEN, _bounds(since, until)).fetchone()
        return int(entries), int(days)

    def mood_overview(self, since: datetime, until: datetime) -> MoodOverview:
        """Mean, lowest and highest mood and energy of the mood entries in [since, until)."""
        from journal.domain.brief import MoodOverview

        with self._read() as conn:
            n, mood, low, high, energy, e_low, e_high = conn.execute(_MOOD, _bounds(since, until)).fetchone()
        return MoodOverview(int(n), mood, low, high, energy, e_low, e_high)

    def boundary_costs(self, since: datetime, until: datetime) -> list[CostRow]:
        """Per boundary kind and outcome: events, events with a cost, and their mean cost."""
        with self._read() as conn:
            rows = conn.execute(_COSTS, _bounds(since, until)).fetchall()
        return [(slug, outcome, int(n), int(costed), mean) for slug, outcome, n, costed, mean in rows]
