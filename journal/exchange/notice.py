"""The early notice as of a moment, read from the journal (the rule itself is
journal.domain.early_notice): shared by the Insights pane, the ritual's summary and the brief."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from journal.domain.early_notice import WATCHED, EarlyNotice, early_notice, is_dismissed, windows
from journal.domain.when import day_start

#: The setting that remembers a dismissal (see journal.domain.early_notice.is_dismissed).
DISMISSED_KEY = "early_notice_dismissed"


def current_notice(store: Any, now: datetime) -> EarlyNotice | None:
    """The notice as of `now`, or None if nothing rose or it was dismissed. Blocking: call it in a worker."""
    tz = now.tzinfo
    assert tz is not None, "now must be timezone-aware"
    today = now.date()
    start, middle, end = (day_start(d, tz) for d in windows(today))
    counts, active = store.tag_windows(start, middle, end, tags=list(WATCHED))
    notice = early_notice(counts, active)
    if notice is None or is_dismissed(store.get_setting(DISMISSED_KEY), notice, today):
        return None
    return notice
