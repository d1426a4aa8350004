"""The entry JSON shape: documented key order, and dict -> Entry -> dict is exact (hypothesis)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.domain.models import Category, Entry, EntryTag, Kind, Outcome, Source
from journal.exchange.jsonshape import ShapeError, entry_from_dict, entry_to_dict

offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
moments = st.builds(
    lambda naive, tz: naive.replace(tzinfo=tz),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)),
    offsets,
)
scales = st.none() | st.integers(1, 5)
names = st.text(min_size=1, max_size=20).filter(str.strip)
tags = st.builds(
    EntryTag,
    name=names,
    category=st.sampled_from(Category),
    group=st.none() | st.text(max_size=10),
    source=st.sampled_from(Source),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    kind = draw(st.sampled_from(Kind))
    entry = Entry(
        kind=kind,
        created_at=draw(moments),
        text=draw(st.text()),
        mood=draw(scales),
        energy=draw(scales),
        tags=draw(st.lists(tags, max_size=4)),
        id=draw(st.none() | st.integers(1, 2**62)),
    )
    if kind is Kind.BOUNDARY:
        entry.boundary = draw(st.none() | st.sampled_from(["overtime", "after-hours-contact", "my own"]))
        entry.outcome = draw(st.none() | st.sampled_from(Outcome))
        entry.cost = draw(scales)
    elif kind is Kind.RITUAL:
        entry.ritual = draw(st.none() | st.dictionaries(st.text(max_size=8), json_values, max_size=4))
    return entry


@given(entries(), st.booleans())
def test_round_trip_through_json_text(entry: Entry, snippet: bool) -> None:
    if snippet:
        entry.snippet = "a «match»"
    data = entry_to_dict(entry, snippet=snippet)
    again = entry_from_dict(json.loads(json.dumps(data)))
    assert entry_to_dict(again, snippet=snippet) == data
    assert again.created_at == entry.created_at
    assert again.created_at.utcoffset() == entry.created_at.utcoffset()


def test_key_order_per_kind() -> None:
    base = ["id", "kind", "created_at", "text", "mood", "energy", "tags"]
    moment = datetime(2026, 11, 20, 18, 42, tzinfo=UTC)
    mood = Entry(
        Kind.MOOD,
        moment,
        "x",
        mood=2,
        energy=3,
        tags=[EntryTag("sleep", Category.SYMPTOM, "physical"), EntryTag("caseload", Category.STRESSOR, rejected=True)],
    )
    assert entry_to_dict(mood) == {
        "id": None,
        "kind": "mood",
        "created_at": "2026-11-20T18:42:00+00:00",
        "text": "x",
        "mood": 2,
        "energy": 3,
        "tags": [{"name": "sleep", "category": "symptom", "group": "physical", "source": "auto"}],
    }
    assert list(entry_to_dict(mood, snippet=True)) == [*base, "snippet"]
    boundary = Entry(Kind.BOUNDARY, moment, boundary="overtime", outcome=Outcome.HELD, cost=2)
    assert list(entry_to_dict(boundary)) == [*base, "boundary", "outcome", "cost"]
    ritual = Entry(Kind.RITUAL, moment, ritual={"good_thing": "a laugh"})
    assert list(entry_to_dict(ritual)) == [*base, "ritual"]
    assert entry_to_dict(ritual)["ritual"] == {"good_thing": "a laugh"}


@pytest.mark.parametrize(
    "change",
    [
        {"kind": "diary"},
        {"created_at": "2026-11-20T18:42:00"},  # no offset
        {"created_at": "yesterday"},
        {"mood": 6},
        {"mood": True},
        {"energy": "3"},
        {"text": None},
        {"tags": "sleep"},
        {"tags": [{"name": "sleep", "category": "feelings", "group": None, "source": "auto"}]},
        {"tags": [{"name": " ", "category": "symptom"}]},
        {"id": "7"},
        {"kind": "boundary", "outcome": "snapped"},
        {"kind": "ritual", "ritual": [1, 2]},
    ],
)
def test_bad_dicts_raise_one_plain_sentence(change: dict[str, object]) -> None:
    data = {
        "id": 1,
        "kind": "mood",
        "created_at": "2026-11-20T18:42:00+00:00",
        "text": "private",
        "mood": 2,
        "energy": None,
        "tags": [],
    }
    data.update(change)
    with pytest.raises(ShapeError) as caught:
        entry_from_dict(data)
    message = str(caught.value)
    assert message.endswith(".") and "\n" not in message and "private" not in message
