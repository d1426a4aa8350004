"""The early-notice rule on constructed histories: a real rise, one bad day, a steady high baseline,
an empty journal, a new user, and dismissals that hold without nagging.

Histories are lists of (days before today, tags) entries; `counts` turns them into the window counts
the Store's SQL returns (tests/storage/test_insights_aggregates.py checks the SQL gives the same).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import pytest

from journal.domain.early_notice import (
    BASELINE_DAYS,
    RECENT_DAYS,
    WATCHED,
    EarlyNotice,
    Rise,
    WindowCounts,
    dismissal_record,
    early_notice,
    is_dismissed,
    usual_words,
    windows,
)

TODAY = date(2026, 11, 20)
History = Sequence[tuple[int, Sequence[str]]]


def counts(history: History) -> tuple[list[WindowCounts], tuple[int, int]]:
    """What the Store would count for `history` (entries as days-ago and tags)."""
    start, middle, end = windows(TODAY)
    days: dict[str, tuple[set[date], int, set[date], int]] = {}
    active_before: set[date] = set()
    active_recent: set[date] = set()
    for ago, tags in history:
        day = TODAY - timedelta(days=ago)
        if not start <= day < end:
            continue
        recent = day >= middle
        (active_recent if recent else active_before).add(day)
        for tag in tags:
            bd, be, rd, re = days.setdefault(tag, (set(), 0, set(), 0))
            days[tag] = (bd, be, rd | {day}, re + 1) if recent else (bd | {day}, be + 1, rd, re)
    rows = [WindowCounts(t, len(bd), be, len(rd), re) for t, (bd, be, rd, re) in sorted(days.items())]
    return rows, (len(active_before), len(active_recent))


def notice_for(history: History) -> EarlyNotice | None:
    rows, active = counts(history)
    return early_notice(rows, active)


def every_day(first_ago: int, last_ago: int, tags: Sequence[str] = ()) -> History:
    return [(ago, tags) for ago in range(first_ago, last_ago - 1, -1)]


#: Eight weeks of ordinary days before the recent window: one entry a day, exhaustion every 2 weeks.
ORDINARY = [(ago, ["emotional-exhaustion"] if ago % 14 == 0 else ["caseload"]) for ago in range(69, 13, -1)]


def test_windows_are_fourteen_days_after_eight_weeks() -> None:
    start, middle, end = windows(TODAY)
    assert (end - middle).days == RECENT_DAYS and (middle - start).days == BASELINE_DAYS
    assert end == TODAY + timedelta(days=1)


def test_a_real_rise_is_named_with_its_numbers() -> None:
    recent = every_day(13, 0, ["caseload"]) + [(ago, ["emotional-exhaustion", "sleep"]) for ago in range(0, 9)]
    notice = notice_for(ORDINARY + recent)
    assert notice is not None
    assert set(notice.tags) == {"emotional-exhaustion", "sleep"}
    exhaustion = next(r for r in notice.rises if r.tag == "emotional-exhaustion")
    # 4 of 56 days before -> 1 expected in 14 days; 9 now
    assert exhaustion.recent_days == 9 and exhaustion.usual == pytest.approx(1.0)
    assert notice.headline() in {
        "Exhaustion and sleep trouble have come up more in the last two weeks than usual for you (9 vs about 1).",
        "Sleep trouble and exhaustion have come up more in the last two weeks than usual for you (9 vs none before).",
    }
    assert "sleep trouble: 9 days vs none before" in notice.details()


def test_one_bad_day_does_not_trigger_it() -> None:
    bad_day = [(2, ["emotional-exhaustion", "sleep", "numbness"])] * 6  # six entries, one evening
    assert notice_for(ORDINARY + every_day(13, 0, ["caseload"]) + bad_day) is None


def test_three_days_are_not_enough_but_four_are() -> None:
    base = ORDINARY + every_day(13, 0, ["caseload"])
    assert notice_for(base + [(ago, ["numbness"]) for ago in (1, 3, 5)]) is None
    notice = notice_for(base + [(ago, ["numbness"]) for ago in (1, 3, 5, 7)])
    assert notice is not None and notice.tags == ("numbness",)


def test_a_steady_high_baseline_is_that_persons_usual() -> None:
    tired = [(ago, ["fatigue"]) for ago in range(69, -1, -1) if ago % 2 == 0]  # every other day, always
    assert notice_for(ORDINARY + every_day(13, 0, ["caseload"]) + tired) is None


def test_a_rise_just_under_the_factor_does_not_count() -> None:
    # baseline: sleep on 16 of 56 days -> 4 expected in 14; 1.75 x 4 = 7 needed
    sleep_before = [(ago, ["sleep"]) for ago in range(69, 13, -1) if ago % 7 in (0, 3)]
    base = ORDINARY + sleep_before + every_day(13, 0, ["caseload"])
    assert notice_for(base + [(ago, ["sleep"]) for ago in range(6)]) is None  # 6 days
    assert notice_for(base + [(ago, ["sleep"]) for ago in range(7)]) is not None  # 7 days


def test_unwatched_tags_never_trigger_it() -> None:
    assert notice_for(ORDINARY + every_day(13, 0, ["caseload", "crisis", "after-hours"])) is None


def test_an_empty_journal() -> None:
    assert notice_for([]) is None
    assert early_notice([], (0, 0)) is None


def test_a_new_user_has_no_usual_yet() -> None:
    # ten days of journal, all of them hard: there is nothing to compare with
    assert notice_for(every_day(9, 0, ["emotional-exhaustion", "sleep", "overwhelm"])) is None


def test_rates_are_per_day_written() -> None:
    # wrote on 14 of the 56 baseline days, exhaustion on 7 of them; now writes daily with exhaustion on 7:
    # 7/14 x 14 = 7 expected, so writing more often is not a rise
    sparse = [(ago, ["emotional-exhaustion"] if ago % 8 == 0 else ["caseload"]) for ago in range(68, 13, -4)]
    assert counts(sparse)[1][0] == 14
    recent = every_day(13, 0, ["caseload"]) + [(ago, ["emotional-exhaustion"]) for ago in range(7)]
    assert notice_for(sparse + recent) is None


def test_rises_are_ordered_by_how_far_above_usual() -> None:
    recent = every_day(13, 0, ["caseload"]) + [(ago, ["withdrawal"]) for ago in range(4)]
    recent += [(ago, ["irritability"]) for ago in range(10)]
    notice = notice_for(ORDINARY + recent)
    assert notice is not None and notice.tags == ("irritability", "withdrawal")


def test_headline_names_many_rises_briefly() -> None:
    rises = tuple(Rise(tag, 6, 6, 1.0) for tag in list(WATCHED)[:5])
    headline = EarlyNotice(rises).headline()
    assert headline.startswith("Exhaustion, sleep trouble and 3 more signs have come up")
    assert "diagnos" not in headline and "burnout" not in headline.lower()


def test_usual_words() -> None:
    assert [usual_words(u) for u in (0, 0.3, 0.6, 2.4)] == ["none before", "less than 1", "about 1", "about 2"]


# --- dismissal -------------------------------------------------------------------------------------------


NOTICE = EarlyNotice((Rise("sleep", 9, 11, 3.0),))


def test_a_dismissal_holds_for_two_weeks() -> None:
    record = dismissal_record(NOTICE, TODAY)
    assert is_dismissed(record, NOTICE, TODAY)
    assert is_dismissed(record, NOTICE, TODAY + timedelta(days=RECENT_DAYS - 1))
    assert not is_dismissed(record, NOTICE, TODAY + timedelta(days=RECENT_DAYS))


def test_something_new_rising_shows_it_again() -> None:
    record = dismissal_record(NOTICE, TODAY)
    more = EarlyNotice((Rise("sleep", 9, 11, 3.0), Rise("numbness", 5, 5, 0.0)))
    assert not is_dismissed(record, more, TODAY + timedelta(days=1))
    fewer = EarlyNotice((Rise("sleep", 10, 12, 3.0),))
    assert is_dismissed(dismissal_record(more, TODAY), fewer, TODAY)


@pytest.mark.parametrize("record", [None, {}, {"until": "soon", "tags": []}, {"until": "2026-12-01"}, "junk"])
def test_a_damaged_record_is_no_dismissal(record: object) -> None:
    assert not is_dismissed(record, NOTICE, TODAY)  # type: ignore[arg-type]
