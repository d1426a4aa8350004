"""The History pane's filter line: reading it, writing it back, and the query it becomes."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.filters import FilterError, FilterSpec, parse_filter
from journal.domain.models import EntryQuery, Kind
from journal.domain.when import since_bound, until_bound

TZ = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 20, 18, 40, tzinfo=TZ)


def parse(line: str) -> FilterSpec:
    return parse_filter(line, now=NOW, tz=TZ)


@pytest.mark.parametrize(
    ("line", "spec"),
    [
        ("", FilterSpec()),
        ("  sleep   badly ", FilterSpec(text="sleep badly")),
        ('"bad day" tir* OR exhausted', FilterSpec(text='"bad day" tir* OR exhausted')),
        ("tag:Sleep #night-shift", FilterSpec(tags=("sleep", "night-shift"))),
        ("tag:sleep tag:sleep", FilterSpec(tags=("sleep",))),
        ("kind:Boundary", FilterSpec(kind=Kind.BOUNDARY)),
        ("since:last month", FilterSpec(since="last month")),
        ("since:'3 weeks ago' sleep", FilterSpec(text="sleep", since="3 weeks ago")),
        ('until:"nov 3"', FilterSpec(until="nov 3")),
        ("since:2026-09 until:2026-11", FilterSpec(since="2026-09", until="2026-11")),
        ("on:yesterday", FilterSpec(since="yesterday", until="yesterday")),
        ("on:2026-11-01..2026-11-15", FilterSpec(since="2026-11-01", until="2026-11-15")),
        ("2026-11-01..2026-11-15 calls", FilterSpec(text="calls", since="2026-11-01", until="2026-11-15")),
        ("on:nov 1..nov 15", FilterSpec(since="nov 1", until="nov 15")),
        ("in:trash", FilterSpec(trash=True)),
        ("time:late 12:30", FilterSpec(text="time:late 12:30")),  # unknown keys are just words
        (
            "sleep tag:caseload kind:mood since:'last month' until:2026-11",
            FilterSpec("sleep", ("caseload",), Kind.MOOD, "last month", "2026-11"),
        ),
    ],
)
def test_reads_the_grammar(line: str, spec: FilterSpec) -> None:
    assert parse(line) == spec


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("kind:feelings", "mood, boundary or ritual"),
        ("tag:", "needs a name"),
        ("since:", "needs a date"),
        ("since:lastt month", "couldn't understand"),
        ("until:'last month", "closing quote"),
        ("since:2026-11..2026-12", "goes with on:"),
        ("on:2026-11-01..someday", "couldn't understand"),
        ("kind:mood kind:ritual", "twice"),
        ("in:bin", "in:trash"),
    ],
)
def test_mistakes_get_one_clear_sentence(line: str, words: str) -> None:
    with pytest.raises(FilterError) as caught:
        parse(line)
    message = str(caught.value)
    assert words in message
    assert message.endswith(".") and "\n" not in message


def test_describe_is_the_url_like_state() -> None:
    spec = FilterSpec(text="sleep", tags=("caseload",), kind=Kind.MOOD, since="last month")
    assert spec.describe() == "sleep tag:caseload kind:mood since:last month"
    assert FilterSpec(since="2026-11-03", until="2026-11-03").describe() == "on:2026-11-03"
    assert FilterSpec(trash=True, until="2026-11").describe() == "in:trash until:2026-11"
    assert FilterSpec().describe() == "" and FilterSpec().is_empty


def test_with_day_keeps_everything_but_the_dates() -> None:
    spec = parse("sleep tag:caseload since:last month").with_day("2026-11-03")
    assert spec == FilterSpec("sleep", ("caseload",), None, "2026-11-03", "2026-11-03")


def test_to_query_matches_what_the_cli_builds() -> None:
    spec = parse("tired* tag:sleep kind:mood since:2026-09 until:2026-11")
    query = spec.to_query(NOW, TZ, limit=100, offset=200)
    assert query == EntryQuery(
        text="tired*",
        tags=("sleep",),
        kind=Kind.MOOD,
        since=since_bound("2026-09", now=NOW, tz=TZ),
        until=until_bound("2026-11", now=NOW, tz=TZ),
        limit=100,
        offset=200,
    )
    assert query.since == datetime(2026, 9, 1, tzinfo=TZ)
    assert query.until == datetime(2026, 12, 1, tzinfo=TZ)


def test_relative_dates_move_with_now() -> None:
    spec = parse("since:last month")
    assert spec.to_query(NOW, TZ).since == datetime(2026, 10, 1, tzinfo=TZ)
    later = datetime(2027, 2, 3, 9, 0, tzinfo=TZ)
    assert spec.to_query(later, TZ).since == datetime(2027, 1, 1, tzinfo=TZ)


def test_empty_and_trash_queries() -> None:
    assert FilterSpec().to_query(NOW, TZ) == EntryQuery()
    assert parse("in:trash").to_query(NOW, TZ).deleted is True


def test_start_after_end_is_refused() -> None:
    with pytest.raises(FilterError, match="swap them"):
        parse("since:2026-11-10 until:2026-11-01").to_query(NOW, TZ)


# --- properties ----------------------------------------------------------------------------------

_pieces = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "tag:",
            "#",
            "kind:",
            "since:",
            "until:",
            "on:",
            "in:",
            "trash",
            "mood",
            "ritual",
            "'",
            '"',
            "..",
            "last",
            "month",
            "2026-11",
            "3",
            "weeks",
            "ago",
            "nov",
            "*",
            "OR",
            " ",
            "sleep",
        ]
    ),
)
_lines = st.lists(_pieces, max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(_lines)
def test_any_text_reads_or_fails_clearly_and_describe_rereads(line: str) -> None:
    try:
        spec = parse(line)
    except FilterError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert parse(spec.describe()) == spec
    try:
        spec.to_query(NOW, TZ)
    except FilterError as exc:
        assert "swap" in str(exc)


_tags = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
_dates = st.sampled_from(
    ["2026-11-03", "2026-09", "last month", "3 weeks ago", "yesterday", "nov 3", "2025", "last monday", "today"]
)
_words = st.from_regex(r'[a-z]{1,8}\*?|"[a-z ]{1,12}"', fullmatch=True)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_words, max_size=4),
    st.lists(_tags, max_size=3, unique=True),
    st.none() | st.sampled_from(list(Kind)),
    st.none() | _dates,
    st.none() | _dates,
    st.booleans(),
    st.none() | st.booleans(),
)
def test_every_spec_survives_describe(
    words: list[str],
    tags: list[str],
    kind: Kind | None,
    since: str | None,
    until: str | None,
    trash: bool,
    starred: bool | None,
) -> None:
    spec = FilterSpec(" ".join(" ".join(words).split()), tuple(tags), kind, since, until, trash, starred)
    assert parse(spec.describe()) == spec


def test_starred_yes_and_no() -> None:
    assert parse("starred:yes").starred is True
    assert parse("sleep starred:no tag:caseload") == FilterSpec("sleep", ("caseload",), starred=False)
    assert parse("starred:yes").to_query(NOW).starred is True
    assert parse("starred:YES").describe() == "starred:yes"
    assert FilterSpec(starred=True).with_day("2026-11-03") == FilterSpec(
        since="2026-11-03", until="2026-11-03", starred=True
    )
    with pytest.raises(FilterError, match="yes or no"):
        parse("starred:maybe")
