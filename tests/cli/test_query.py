"""`journal search` and `journal stressors` against a journal written through the CLI, with known answers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.cli.helpers import Run

# (mood, text, --at): neutral words and hashtags of built-in slugs keep the tags independent of the cue lexicon.
MOODS = [
    ("2", "first zebra #sleep", "2026-03-02 09:00"),
    ("1", "second zebra #sleep #caseload", "2026-03-02 21:00"),
    ("4", "third zebra", "2026-03-05 12:00"),
    ("5", "fourth zebra #sleep", "2026-03-09 08:00"),
    ("3", "fifth zebra #caseload", "2026-03-31 23:30"),  # last evening of the period (BST by then)
    ("1", "before the period #caseload", "2026-02-27 10:00"),
]


@pytest.fixture
def seeded(run: Run) -> Run:
    for score, text, at in MOODS:
        assert run("mood", score, text, "--at", at).exit_code == 0
    result = run("boundary", "stripes #sleep", "--kind", "overtime", "--outcome", "crossed", "--at", "2026-03-12 19:00")
    assert result.exit_code == 0, result.stderr
    return run


def test_search_json_lists_entries_with_snippets_newest_first(seeded: Run, run_json) -> None:
    found = run_json("search", "zebra")
    assert [e["text"] for e in found] == [
        "fifth zebra #caseload",
        "fourth zebra #sleep",
        "third zebra",
        "second zebra #sleep #caseload",
        "first zebra #sleep",
    ]
    assert all(list(e)[-1] == "snippet" and "«zebra»" in e["snippet"] for e in found)


def test_search_filters_compose(seeded: Run, run_json) -> None:
    assert len(run_json("search")) == 7
    assert len(run_json("search", "--tag", "sleep")) == 4
    assert len(run_json("search", "--tag", "sleep", "--kind", "boundary")) == 1
    assert len(run_json("search", "--tag", "#Sleep", "--tag", "caseload")) == 1
    # --since and --until are whole days, both included
    march = run_json("search", "--since", "2026-03-02", "--until", "2026-03-09")
    assert [e["created_at"][:10] for e in march] == ["2026-03-09", "2026-03-05", "2026-03-02", "2026-03-02"]
    assert len(run_json("search", "--until", "2026-03")) == 7
    assert len(run_json("search", "--limit", "2")) == 2
    assert len(run_json("search", "--limit", "0")) == 7
    boundary = run_json("search", "--kind", "boundary")[0]
    assert list(boundary) == [
        "id",
        "kind",
        "created_at",
        "text",
        "mood",
        "energy",
        "tags",
        "boundary",
        "outcome",
        "cost",
        "snippet",
    ]
    assert boundary["snippet"] is None  # no words searched, so no highlight


def test_search_text_is_one_line_per_entry(seeded: Run) -> None:
    result = seeded("search", "fourth")
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    assert line.startswith("2026-03-09 08:00  mood")
    assert "5 great" in line and "sleep" in line and "«fourth» zebra #sleep" in line
    assert seeded("search", "nothing-like-this").stdout == "No entries match.\n"


def test_search_an_absent_journal_says_so_and_creates_nothing(run: Run, db_path) -> None:
    result = run("search", "x")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"There is no journal at {db_path}; check the path")
    assert not db_path.exists()


def test_stressors_known_answers(seeded: Run, run_json) -> None:
    data = run_json("stressors", "--since", "2026-03-01", "--until", "2026-03-31")
    assert list(data) == ["since", "until", "days", "tags"]
    assert (data["since"], data["until"], data["days"]) == ("2026-03-01", "2026-03-31", 31)
    by_name = {t["name"]: t for t in data["tags"]}
    # most frequent first; the overtime crossed carries its kind's stressor, without a word for it
    assert [t["name"] for t in data["tags"]] == ["sleep", "caseload", "overtime"]
    assert (by_name["overtime"]["count"], by_name["overtime"]["mood_with"]) == (1, None)
    assert list(by_name["sleep"]) == ["name", "category", "count", "days", "mood_with", "mood_without", "trend"]
    # sleep: moods 2, 1, 5 and a boundary entry; without: 4, 3
    assert by_name["sleep"] == {
        "name": "sleep",
        "category": "symptom",
        "count": 4,
        "days": 3,
        "mood_with": 2.67,
        "mood_without": 3.5,
        "trend": "new",
    }
    # caseload: moods 1, 3 (the February one is outside); without: 2, 4, 5
    assert by_name["caseload"] == {
        "name": "caseload",
        "category": "stressor",
        "count": 2,
        "days": 2,
        "mood_with": 2.0,
        "mood_without": 3.67,
        "trend": "steady",
    }


def test_stressors_category_filter(seeded: Run, run_json) -> None:
    data = run_json("stressors", "--since", "2026-03-01", "--until", "2026-03-31", "--category", "stressor")
    assert [t["name"] for t in data["tags"]] == ["caseload", "overtime"]
    both = run_json(
        "stressors", "--since", "2026-03", "--until", "2026-03", "--category", "symptom", "--category", "Stressor"
    )
    assert {t["name"] for t in both["tags"]} == {"sleep", "caseload", "overtime"}


def test_stressors_default_is_the_last_four_weeks(run_json, db_path) -> None:
    from journal.storage import open_store

    open_store(db_path).close()  # an empty journal
    data = run_json("stressors")
    today = date.today()
    assert (data["since"], data["until"], data["days"]) == (
        (today - timedelta(days=27)).isoformat(),
        today.isoformat(),
        28,
    )
    assert data["tags"] == []
    ending = run_json("stressors", "--until", "2026-03-31")
    assert (ending["since"], ending["days"]) == ("2026-03-04", 28)


def test_stressors_text_has_aligned_columns_and_trend_words(seeded: Run) -> None:
    result = seeded("stressors", "--since", "2026-03-01", "--until", "2026-03-31")
    assert result.exit_code == 0
    head, header, sleep, caseload, _overtime = result.stdout.splitlines()
    assert head == "From Sun 01 Mar 2026 to Tue 31 Mar 2026 (31 days)"
    assert header.split() == ["tag", "category", "entries", "days", "mood", "with", "without", "trend"]
    assert sleep.split()[:6] == ["sleep", "symptom", "4", "3", "2.67", "3.50"]
    assert sleep.endswith("+ new this time") and caseload.endswith("→ about the same")
    assert len({header.index("category"), sleep.index("symptom"), caseload.index("stressor")}) == 1
