"""Daylio's oldest layout (year + a localised day and month), exports without a header row, the scales
column, and the --mood-map suggestion that works exactly as written."""

from __future__ import annotations

import shlex
from datetime import datetime
from pathlib import Path

import pytest

from journal.domain.models import EntryQuery
from journal.exchange.daymonth import MONTHS, day_and_month
from journal.exchange.importers import (
    ImportProblem,
    Options,
    UnknownMoods,
    guess_format,
    parse_mood_map,
    prepare,
    run_import,
    summary,
)
from journal.storage import Store, open_store
from tests.exchange.conftest import FIXTURES, fixture_bytes

PL_MOODS = {"super": 5, "zmęczony": 2, "dobry": 4}


def imported(store: Store, name: str, **mood_map: int) -> list:
    prepared = prepare(fixture_bytes(name), None, Options(mood_map))
    run_import(store, prepared)
    return list(reversed(store.search(EntryQuery(limit=None))))


def local(entry) -> datetime:
    return entry.created_at.replace(tzinfo=None)


def test_oldest_layout_in_english_with_a_short_row_and_a_year_boundary(store: Store) -> None:
    assert guess_format(fixture_bytes("daylio_oldest_en.csv").decode()) == "daylio"
    entries = imported(store, "daylio_oldest_en.csv")
    assert [(local(e), e.mood) for e in entries] == [
        (datetime(2017, 6, 22, 7, 5), 2),  # the row with 6 fields: no note
        (datetime(2017, 6, 22, 20, 15), 3),
        (datetime(2017, 12, 31, 23, 45), 4),
        (datetime(2018, 1, 1, 0, 10), 5),
    ]
    assert entries[0].text == "" and {t.name for t in entries[0].visible_tags} == {"sleep"}
    assert entries[3].text == "New year, new notebook."
    assert {"work", "overtime"} <= {t.name for t in entries[1].visible_tags}


def test_oldest_layout_polish_without_header_hebrew_note_and_custom_moods(store: Store) -> None:
    text = fixture_bytes("daylio_oldest_pl.csv").decode()
    assert guess_format(text) == "daylio"
    with pytest.raises(UnknownMoods) as caught:
        prepare(fixture_bytes("daylio_oldest_pl.csv"))
    assert caught.value.labels == ["super", "zmęczony", "dobry"]  # "Super" is the same mood
    entries = imported(store, "daylio_oldest_pl.csv", **PL_MOODS)
    assert [(local(e), e.mood) for e in entries] == [
        (datetime(2017, 9, 7, 21, 30), 5),
        (datetime(2017, 9, 8, 7, 15), 2),
        (datetime(2018, 2, 14, 19, 0), 5),
        (datetime(2018, 5, 1, 10, 0), 4),
    ]
    assert entries[0].text == "Długi dyżur, ale zespół był świetny."
    assert entries[2].text == "יום טוב עם המשפחה"
    assert entries[3].text == "Majówka.\nLas & jezioro."
    assert {"spacer", "nature"} <= {t.name for t in entries[3].visible_tags}


def test_today_layout_without_a_header_row(store: Store) -> None:
    assert guess_format(fixture_bytes("daylio_noheader.csv").decode()) == "daylio"
    entries = imported(store, "daylio_noheader.csv")
    assert [(local(e), e.mood, e.text) for e in entries] == [
        (datetime(2024, 3, 1, 22, 10), 1, "Bad shift, very bad"),
        (datetime(2024, 3, 2, 9, 0), 4, "Morning\nSlept well"),
    ]


def test_scales_are_kept_as_lines_and_other_columns_are_named(store: Store) -> None:
    prepared = prepare(fixture_bytes("daylio_scales.csv"))
    assert prepared.notes == [
        'The column "photos" was not imported (1 row has something in it).',
        'The column "mood_note" was not imported (it is empty).',
    ]
    count = run_import(store, prepared)
    assert summary(count, notes=prepared.notes).splitlines()[1:] == prepared.notes
    quiet, work = reversed(store.search(EntryQuery(limit=None)))
    assert quiet.text == "Quiet evening\n\nSleep Quality: 8/10 points\nSleep Time: 8:00"
    assert work.text == "Sleep Quality: 4/10 points\nSleep Time: 5:30"
    assert [e.id for e in store.search(EntryQuery(text="points"))]  # searchable like any text


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("June 22", (22, 6)),
        ("Jun 22", (22, 6)),
        ("Sept 3", (3, 9)),  # English
        ("22. Juni", (22, 6)),
        ("3. März", (3, 3)),
        ("3. Mrz.", (3, 3)),
        ("1. Jänner", (1, 1)),  # German
        ("22 juin", (22, 6)),
        ("3 févr.", (3, 2)),
        ("14 août", (14, 8)),
        ("1 janv.", (1, 1)),  # French
        ("22 de junio", (22, 6)),
        ("3 de sept.", (3, 9)),
        ("9 dic", (9, 12)),  # Spanish
        ("22 giugno", (22, 6)),
        ("3 gen", (3, 1)),
        ("5 lug", (5, 7)),  # Italian
        ("22 de junho", (22, 6)),
        ("3 de março", (3, 3)),
        ("4 out", (4, 10)),  # Portuguese
        ("7 września", (7, 9)),
        ("7 wrzesień", (7, 9)),
        ("1 stycznia", (1, 1)),
        ("3 paź", (3, 10)),  # Polish
        ("22 juni", (22, 6)),
        ("3 mrt", (3, 3)),
        ("9 mei", (9, 5)),  # Dutch
        ("22 июня", (22, 6)),
        ("22 июнь", (22, 6)),
        ("3 сент.", (3, 9)),
        ("1 янв", (1, 1)),  # Russian
        ("22 червня", (22, 6)),
        ("5 května", (5, 5)),
        ("3 Nisan", (3, 4)),
        ("12 בינואר", (12, 1)),
    ],
)
def test_localised_day_and_month(written: str, expected: tuple[int, int]) -> None:
    assert day_and_month(written) == expected


@pytest.mark.parametrize("written", ["June", "22", "June 32", "22 Juni Juli", "22/06", ""])
def test_not_a_day_and_month(written: str) -> None:
    assert day_and_month(written) is None


def test_no_month_word_means_two_months() -> None:
    for word in ("jan", "mar", "may", "jun", "jul", "sep", "dec", "mai", "set", "lis", "gen"):
        assert word in MONTHS


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ("2017,June 31,Friday,9:00,good,,", 'year "2017" and date "June 31"'),
        ("2017,Juneteenth,Friday,9:00,good,,", 'date "Juneteenth"'),
        ("2017,June 2,Friday,25:00,good,,", 'time "25:00"'),
    ],
)
def test_a_bad_oldest_row_is_named_and_nothing_is_imported(store: Store, row: str, words: str) -> None:
    data = f"year,date,weekday,time,mood,activities,note\n2017,June 1,Thursday,9:00,good,,ok\n{row}\n".encode()
    with pytest.raises(ImportProblem, match="line 3") as caught:
        run_import(store, prepare(data))
    assert words in str(caught.value)
    assert store.count(EntryQuery()) == 0


def test_every_import_once_only(store: Store) -> None:
    for name in ("daylio_oldest_en.csv", "daylio_noheader.csv", "daylio_scales.csv"):
        first = run_import(store, prepare(fixture_bytes(name)))
        again = run_import(store, prepare(fixture_bytes(name)))
        assert first.imported > 0 and again.imported == 0 and again.already == first.imported


# --- the --mood-map suggestion -------------------------------------------------------------------

SIX_MOODS = (
    "full_date,date,weekday,time,mood,activities,note\n"
    + "".join(
        f'2024-01-0{i + 1},x,x,09:00,"{m}",,\n'
        for i, m in enumerate(["Ecstatic", "Drained", "Proud  ", "Numb", "so-so, really", "Fine"])
    )
).encode()


def test_the_suggestion_lists_every_unknown_mood_in_its_own_case() -> None:
    with pytest.raises(UnknownMoods) as caught:
        prepare(SIX_MOODS)
    message = str(caught.value)
    for label in ("Ecstatic", "Drained", "Proud", "Numb", "so-so, really", "Fine"):
        assert f'"{label}"' in message
    assert message.startswith("These 6 moods need a score")


def test_running_exactly_the_suggestion_works(cli_run, db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "six.csv"
    path.write_bytes(SIX_MOODS)
    failed = cli_run("import", str(path))
    assert failed.exit_code == 1
    suggested = failed.stderr.split("Give them with ", 1)[1].split(" (change each", 1)[0]
    args = shlex.split(suggested)
    assert args[0] == "--mood-map"
    result = cli_run("import", str(path), *args)
    assert result.exit_code == 0, result.output
    assert result.stdout == "Imported 6 entries.\n"
    with open_store(db_path) as store:
        assert {e.mood for e in store.search(EntryQuery(limit=None))} == {3}


def test_the_map_in_any_case_with_spaces() -> None:
    assert parse_mood_map(" ECSTATIC = 5 ,drained=2 , So-So\\, Really=3,  ") == {
        "ecstatic": 5,
        "drained": 2,
        "so-so, really": 3,
    }
    prepared = prepare(
        SIX_MOODS,
        None,
        Options(parse_mood_map("ecstatic=5,DRAINED=1,proud =4,numb= 2,SO-SO\\, REALLY =3,fine   =3   ")),
    )
    assert prepared.count == 6


def test_the_cli_map_for_the_oldest_polish_file(cli_run, db_path: Path) -> None:
    result = cli_run("import", str(FIXTURES / "daylio_oldest_pl.csv"), "--mood-map", "SUPER=5,Zmęczony=2,dobry =4 ")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Imported 4 entries.\n"
