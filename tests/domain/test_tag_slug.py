"""The one slug rule (journal.domain.tags): idempotent, never empty for a real name, and distinct
tags stay distinct."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.domain.tags import tag_slug

#: Tags people really write in jrnl, Daylio and here: symbols, slashes, digits, accents, emoji.
REALISTIC = [
    "c",
    "c++",
    "c#",
    "f#",
    "os/2",
    "os-2",
    "os2",
    "late-night",
    "late_night",
    "night",
    "nights",
    "1:1",
    "1-1",
    "11",
    "q&a",
    "r&d",
    "mood:low",
    "mood-low",
    "ü",
    "u",
    "café",
    "cafe",
    "żółw",
    "sleep",
    "sleep?",
    "sleep!",
    "£",
    "$",
    "€",
    "100%",
    "50/50",
    "a.b",
    "a-b",
    "ab",
    "😀",
    "😀😀",
    "wellbeing",
    "well-being",
    "תרגול",
    "работа",
    "c--",
    "-c",
    "c-",
    "x+y",
    "x+y=z",
]


def test_examples_from_the_issue() -> None:
    assert tag_slug("@c++") == "c++"
    assert tag_slug("@c#") == "c#"
    assert tag_slug("@c++") != tag_slug("@c#")
    assert tag_slug("@os/2") == "os/2" != tag_slug("os-2")
    assert tag_slug("#Night Shift ") == "night-shift" == tag_slug("night shift") == tag_slug("Night-Shift")
    assert tag_slug("late - night") == "late-night"
    assert tag_slug("#late_night") == "late_night"  # as typed hashtags have always been
    assert tag_slug("Cafe\u0301") == tag_slug("Café") == "café"
    assert tag_slug("#") == "#" and tag_slug("@") == "@"  # a marker alone is all there is


@pytest.mark.parametrize("name", REALISTIC)
def test_a_stored_name_is_its_own_slug(name: str) -> None:
    assert tag_slug(name) == name


def test_realistic_distinct_tags_stay_distinct() -> None:
    written = [f"@{n}" for n in REALISTIC] + [f"#{n.upper()}" for n in REALISTIC] + REALISTIC
    slugs = {tag_slug(w) for w in written}
    assert len(slugs) == len(REALISTIC)


@given(st.text())
def test_idempotent(raw: str) -> None:
    once = tag_slug(raw)
    assert tag_slug(once) == once


@given(st.text())
def test_never_empty_when_there_is_a_letter_digit_or_symbol(raw: str) -> None:
    if any(unicodedata.category(ch)[0] in "LNSP" for ch in raw):
        assert tag_slug(raw)
    assert not any(ch.isspace() for ch in tag_slug(raw))


# A name as the store keeps it: lower case, NFC, no spaces or control characters, no leading marker.
_NAME_CHARS = st.characters(
    blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp", "Lu", "Lt"), blacklist_characters="\x85\u180e"
)
_NAMES = (
    st.text(_NAME_CHARS, min_size=1, max_size=12)
    .map(lambda s: unicodedata.normalize("NFC", s))
    .filter(lambda s: s[0] not in "#@" and s == tag_slug(s))
)


@given(st.lists(_NAMES, min_size=2, max_size=30, unique=True))
def test_injective_on_distinct_names(names: list[str]) -> None:
    """However they are written (a marker, capitals, spaces around), distinct names stay distinct."""
    assert len({tag_slug(n) for n in names}) == len(names)
    assert len({tag_slug(f" #{n} ") for n in names}) == len(names)
    assert len({tag_slug(f"@{n}") for n in names}) == len(names)


def test_the_history_filter_uses_the_same_rule() -> None:
    from journal.domain.filters import parse_filter

    spec = parse_filter("tag:c++ tag:C# #Night-Shift tag:os/2 sleep")
    assert spec.tags == ("c++", "c#", "night-shift", "os/2")
    assert parse_filter(spec.describe()).tags == spec.tags  # the line it shows reads back the same


@pytest.mark.parametrize("written", ["#Night Shift", "@c++", "C#", "os/2", "late_night", " good  meal ", "Café"])
def test_every_front_door_gives_the_same_name(written: str) -> None:
    """--tag, the store and the importers: one rule (the editor's tag box calls tag_slug itself)."""
    from journal.cli.common import tag_name
    from journal.exchange.importers import manual_tags
    from journal.storage.entry_tags import normalise_tag_name

    expected = tag_slug(written)
    assert tag_name(written) == normalise_tag_name(written) == manual_tags([written])[0].name == expected
