"""The tag filter's plan: a busy tag walks the timeline, a rare one drives from its own rows, and the
capped count (which stops counting once walking is sure to win) chooses exactly as a full count would."""

from __future__ import annotations

import math
from datetime import timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from journal.domain.models import Category, EntryQuery, EntryTag, Source
from journal.storage import open_store
from journal.storage.search import _CORRELATION_MARGIN, _DRIVE_COST, _SCAN_COST, _tag_plan
from tests.storage.conftest import T0, mood


def _full_count_drives(count: int, total: int, wanted: int) -> bool:
    """The choice the planner made when it counted every row of the tag."""
    scan_rows = min(total, _CORRELATION_MARGIN * wanted / max(min(1.0, count / total), 1e-9))
    return _DRIVE_COST * count < _SCAN_COST * scan_rows


@given(total=st.integers(1, 10**6), wanted=st.integers(1, 500), data=st.data())
def test_the_cap_never_changes_the_choice(total: int, wanted: int, data: st.DataObject) -> None:
    cap = math.isqrt(int(_CORRELATION_MARGIN * wanted * total * _SCAN_COST / _DRIVE_COST)) + 2
    count = data.draw(st.integers(1, total))
    assert _full_count_drives(min(count, cap), total, wanted) == _full_count_drives(count, total, wanted)


def test_busy_tags_walk_rare_tags_drive_and_missing_tags_match_nothing(db_path: Path) -> None:
    def tagged(i: int, *names: str):
        tags = [EntryTag(n, Category.PERSONAL, None, Source.MANUAL) for n in names]
        return mood(f"entry {i}", at=T0 + timedelta(minutes=i), tags=tags)

    with open_store(db_path) as store:
        store.save_many((tagged(i, "busy", *(["rare"] if i == 7 else [])) for i in range(3000)), tag=False)
        with store._read() as conn:
            assert _tag_plan(conn, EntryQuery(tags=("busy",)))[1] is None
            assert _tag_plan(conn, EntryQuery(tags=("Rare",)))[1] == "rare"
            assert _tag_plan(conn, EntryQuery(tags=("nowhere",))) is None
        assert [e.text for e in store.search(EntryQuery(tags=("rare",)))] == ["entry 7"]
        assert len(store.search(EntryQuery(tags=("busy",), limit=10))) == 10
