"""The years a journal holds, in a module light enough for the storage layer to load on every open.

Why a range at all: datetime reaches from year 1 to 9999, but shifting such a moment between zones
(or going back a period to compute a trend) overflows near the ends, and a year like 999 is almost
always a typo. 1800-2200 is far wider than any journal (a birth year, a family story, plans for
2100; an ISO time with an old local-mean-time offset such as -00:01:15 still reads) and far inside
datetime's limits, even when a trend looks back a whole period before a filter's first day. Stored times are zero-padded whatever the year
(journal.storage.rows), so a row from outside the range, written by an older version, stays readable.
"""

from __future__ import annotations

from datetime import date

FIRST_YEAR, LAST_YEAR = 1800, 2200
RANGE_SENTENCE = f"a journal holds dates in the years {FIRST_YEAR} to {LAST_YEAR}"


def is_supported(moment: date) -> bool:
    """Whether `moment` (a date or datetime, by its own calendar day) falls in FIRST_YEAR..LAST_YEAR."""
    return FIRST_YEAR <= moment.year <= LAST_YEAR
