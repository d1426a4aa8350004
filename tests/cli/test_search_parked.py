"""`journal search` also finds loops parked at the end of a shift, and says where each one stands."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from journal.storage import open_store
from tests.cli.helpers import Run


@pytest.fixture
def parked(run: Run, db_path: Path) -> Run:
    assert run("mood", "3", "chased the referral in the end", "--at", "2026-03-02 09:00").exit_code == 0
    with open_store(db_path) as store:
        store.park("chase the housing referral")
        store.set_parked_status(store.park("referral letter to the GP").id, "done")
        store.set_parked_status(store.park("the referral \x1b[31mform\x1b[0m").id, "dropped")
        store.park("order more worksheets")
    return run


def section(stdout: str) -> list[str]:
    lines = stdout.splitlines()
    return lines[lines.index("Parked:") + 1 :] if "Parked:" in lines else []


def test_matching_parked_loops_follow_the_entries_with_where_they_stand(parked: Run) -> None:
    result = parked("search", "referral")
    assert result.exit_code == 0
    entries, _, _rest = result.stdout.partition("\n\nParked:\n")
    assert entries.startswith("2026-03-02 09:00  mood") and "«referral»" in entries
    today = date.today().isoformat()
    rows = [line.split() for line in section(result.stdout)]
    assert {" ".join(r[1:]) for r in rows} == {
        "still open chase the housing referral",
        "done referral letter to the GP",
        "let go the referral [31mform[0m",  # the escape character itself is gone
    }
    assert all(r[0] in (today, (date.today() - timedelta(days=1)).isoformat()) for r in rows)
    assert "\x1b" not in result.stdout and "worksheets" not in result.stdout


def test_parked_loops_are_found_when_no_entry_is(parked: Run) -> None:
    result = parked("search", "worksheets")
    assert result.stdout.startswith("No entries match.\n\nParked:\n")
    assert [line.split(None, 1)[1] for line in section(result.stdout)] == ["still open  order more worksheets"]


def test_no_parked_section_without_a_match_or_with_kind_or_tag(parked: Run) -> None:
    assert parked("search", "nothing-like-this").stdout == "No entries match.\n"
    assert "Parked:" not in parked("search", "referral", "--kind", "mood").stdout
    assert "Parked:" not in parked("search", "referral", "--tag", "sleep").stdout
    assert "Parked:" not in parked("search").stdout  # no words: only entries are listed


def test_dates_apply_to_parked_loops_too(parked: Run) -> None:
    assert "Parked:" not in parked("search", "referral", "--until", "2026-03-05").stdout
    assert len(section(parked("search", "referral", "--since", "2026-03-01").stdout)) == 3


def test_json_stays_a_list_of_entries(parked: Run, run_json) -> None:  # type: ignore[no-untyped-def]
    found = run_json("search", "referral")
    assert [e["text"] for e in found] == ["chased the referral in the end"]
    assert run_json("search", "worksheets") == []
