"""Daylio's CSV export: the old 7-column layout, today's 8 columns, newer extra columns, custom moods."""

from __future__ import annotations

from datetime import datetime

import pytest

from journal.domain.models import EntryQuery, Source
from journal.exchange.import_daylio import plain_text
from journal.exchange.importers import ImportProblem, Options, UnknownMoods, guess_format, prepare, run_import
from journal.storage import Store
from tests.exchange.conftest import fixture_bytes


def imported(store: Store, name: str, **mood_map: int) -> list:
    run_import(store, prepare(fixture_bytes(name), None, Options(mood_map)))
    return list(reversed(store.search(EntryQuery(limit=None))))


def local(entry) -> datetime:
    return entry.created_at.replace(tzinfo=None)


def test_old_seven_columns_with_twelve_hour_times(store: Store) -> None:
    assert guess_format(fixture_bytes("daylio_7col.csv").decode()) == "daylio"
    entries = imported(store, "daylio_7col.csv")
    assert [(local(e), e.mood) for e in entries] == [
        (datetime(2019, 5, 12, 7, 0), 4),
        (datetime(2019, 5, 13, 12, 15), 1),  # 12:15 pm is noon
        (datetime(2019, 5, 14, 0, 30), 3),  # 12:30 am is just after midnight
        (datetime(2019, 5, 14, 21, 5), 5),
    ]
    assert entries[1].text == 'Tough "crisis" call; then bed'
    assert {t.name: t.source for t in entries[3].visible_tags} == {"friends": Source.MANUAL, "movies": Source.MANUAL}
    assert entries[2].text == "" and entries[2].visible_tags == []


def test_eight_columns_html_notes_quotes_commas_newlines_emoji(store: Store) -> None:
    entries = imported(store, "daylio_8col.csv")
    assert len(entries) == 4  # the repeated row is imported once
    crisis, title_only, overtime, pancakes = entries
    assert (
        pancakes.text
        == "Pancakes 🥞\nMade pancakes with the kids.\nNobody talked about work & it was lovely.\n\nBed early."
    )
    assert {"family", "cooking", "good-meal"} <= {t.name for t in pancakes.visible_tags}
    assert overtime.text.startswith("Stayed late again, three hours over.\nAnswered emails")
    assert title_only.text == "Just a note title"
    assert (
        crisis.text == 'Commas, "quotes", and more\nLine one, with a comma\n"Line two" in quotes\nLine three: done <3'
    )
    assert local(crisis) == datetime(2024, 2, 7, 23, 59)
    assert any(t.source is Source.AUTO for t in overtime.visible_tags)  # tagged like any entry


def test_custom_moods_need_a_map_and_scales_are_kept(store: Store) -> None:
    with pytest.raises(UnknownMoods) as caught:
        prepare(fixture_bytes("daylio_custom.csv"))
    assert caught.value.labels == ["Ecstatic", "Drained"]  # as the file spells them
    assert "--mood-map" in str(caught.value) and '"Ecstatic"' in str(caught.value)
    entries = imported(store, "daylio_custom.csv", ecstatic=5, drained=2)
    assert [e.mood for e in entries] == [5, 2, 4]
    assert entries[0].text == "Sunny\nBeach day & ice cream"
    assert entries[1].text == "Up at 5, long shift ahead\n\nenergy=2"  # the scales column, kept as text
    assert local(entries[1]) == datetime(2025, 6, 2, 6, 30)


@pytest.mark.parametrize(
    ("header", "missing"),
    [("date,weekday,time,mood,activities,note", "full_date"), ("full_date,date,weekday,mood,note", "time")],
)
def test_a_wrong_header_is_named(header: str, missing: str) -> None:
    with pytest.raises(ImportProblem, match=f"no {missing} column"):
        prepare(f"{header}\n2024-01-01,x,y,z,good,\n".encode(), "daylio")


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ("2024-13-01,x,y,10:00,good,,", "line 3 has the date"),
        ("2024-01-01,x,y,25:00,good,,", "line 3 has the time"),
        ("2024-01-01,x,y,13:00 pm,good,,", "line 3 has the time"),
        ("2024-01-01,x,y", "line 3 has only 3"),
        ('2024-01-01,x,y,10:00,good,,"unclosed', "broken near line"),
    ],
)
def test_a_bad_row_names_its_line(store: Store, row: str, words: str) -> None:
    text = "full_date,date,weekday,time,mood,activities,note\n2024-01-01,x,y,9:00,good,,fine\n" + row + "\n"
    with pytest.raises(ImportProblem, match=words):
        run_import(store, prepare(text.encode()))
    assert store.count(EntryQuery()) == 0


def test_notes_become_plain_text() -> None:
    assert plain_text("a<br>b<br/>c &amp; d") == "a\nb\nc & d"
    assert plain_text("I <3 cake") == "I <3 cake"
    assert plain_text("<p>one</p><p>two</p>") == "one\ntwo"
    assert plain_text("windows\r\nline<br>ends") == "windows\nline\nends"
    assert plain_text("&lt;script&gt;alert(1)&lt;/script&gt;") == "<script>alert(1)</script>"
