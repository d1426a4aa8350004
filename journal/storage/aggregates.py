"""Insights computed by SQLite: how each tag behaved over a period, in one grouped query.

Nothing here loads entries into Python. "Mood without a tag" needs no second pass: it is the period's
mood total minus the total of the entries carrying the tag, since an entry has each tag at most once.
The mood is that of every entry that carries one: mood entries and closed rituals (their check-in), as
in the calendar.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from journal.domain.models import Category
from journal.storage.base import StoreBase
from journal.storage.errors import StoreError
from journal.storage.rows import aware, to_utc_text

if TYPE_CHECKING:
    from journal.domain.models import TagStat

_TAG_STATS = """
WITH period AS (
    SELECT id, local_day, CASE WHEN kind IN ('mood', 'ritual') THEN mood END AS mood
    FROM entries
    WHERE deleted_utc IS NULL AND created_utc >= :since AND created_utc < :until
),
mood_total AS (SELECT total(mood) AS mood_sum, count(mood) AS mood_n FROM period),
per_tag AS (
    SELECT et.tag, count(*) AS n, count(DISTINCT p.local_day) AS days,
           total(p.mood) AS mood_sum, count(p.mood) AS mood_n
    FROM period p JOIN entry_tags et ON et.entry_id = p.id AND et.rejected = 0
    GROUP BY et.tag
),
previous AS (
    SELECT et.tag, count(*) AS n
    FROM entries e JOIN entry_tags et ON et.entry_id = e.id AND et.rejected = 0
    WHERE e.deleted_utc IS NULL AND e.created_utc >= :prev_since AND e.created_utc < :since
    GROUP BY et.tag
)
SELECT t.name, t.category, t.grp, pt.n, pt.days,
       CASE WHEN pt.mood_n > 0 THEN pt.mood_sum / pt.mood_n END,
       CASE WHEN mt.mood_n - pt.mood_n > 0 THEN (mt.mood_sum - pt.mood_sum) / (mt.mood_n - pt.mood_n) END,
       coalesce(pv.n, 0), pt.mood_n
FROM per_tag pt
JOIN tags t ON t.name = pt.tag
CROSS JOIN mood_total mt
LEFT JOIN previous pv ON pv.tag = pt.tag
{category_filter}
ORDER BY pt.n DESC, t.name
"""


class StatsMixin(StoreBase):
    def tag_stats(
        self,
        since: datetime,
        until: datetime,
        *,
        categories: Sequence[str] = (),
    ) -> list[TagStat]:
        """Per tag over [since, until): count, distinct local days, mean mood with/without, and the
        count in the previous period of equal length with its trend. Most frequent first."""
        from journal.domain.insights import trend_of  # imported here: it brings dateutil and zoneinfo
        from journal.domain.models import TagStat

        since, until = aware(since), aware(until)
        params: dict[str, object] = {
            "since": to_utc_text(since),
            "until": to_utc_text(until),
            "prev_since": to_utc_text(since - (until - since)),
        }
        category_filter = ""
        if categories:
            known = {str(c) for c in Category}
            unknown = [c for c in categories if str(c) not in known]
            if unknown:
                raise StoreError(f"“{unknown[0]}” is not a tag category; use symptom, stressor, care or personal.")
            names = list(dict.fromkeys(str(c) for c in categories))
            marks = ", ".join(f":cat{i}" for i in range(len(names)))
            category_filter = f"WHERE t.category IN ({marks})"
            params.update({f"cat{i}": c for i, c in enumerate(names)})
        with self._read() as conn:
            rows = conn.execute(_TAG_STATS.format(category_filter=category_filter), params).fetchall()
        return [
            TagStat(
                name=name,
                category=Category(category),
                group=grp,
                count=n,
                days=days,
                mood_with=mood_with,
                mood_without=mood_without,
                previous_count=previous,
                trend=trend_of(n, previous),
                mood_entries=mood_n,
            )
            for name, category, grp, n, days, mood_with, mood_without, previous, mood_n in rows
        ]
