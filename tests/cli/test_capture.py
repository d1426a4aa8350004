"""`journal mood` and `journal boundary`: what they save, what they print, the JSON shape."""

from __future__ import annotations

from pathlib import Path

from tests.cli.helpers import Run, assert_one_line_error

ENTRY_KEYS = ["id", "kind", "created_at", "text", "mood", "energy", "tags"]
TAG_KEYS = ["name", "category", "group", "source"]


def test_mood_saves_and_names_its_tags(run: Run) -> None:
    result = run("mood", "2", "Couldn't", "sleep", "again", "#nights")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Saved. Tags: sleep (symptom), nights (personal)\n"


def test_mood_without_tags_says_so_gently(run: Run) -> None:
    result = run("mood", "3", "an ordinary afternoon")
    assert result.exit_code == 0
    assert result.stdout.startswith("Saved. No tags")


def test_mood_json_has_the_documented_shape(run_json) -> None:
    data = run_json("mood", "2", "Couldn't sleep", "--energy", "4", "--at", "2026-03-02 09:15")
    assert list(data) == ENTRY_KEYS
    assert data["kind"] == "mood"
    assert data["created_at"] == "2026-03-02T09:15:00+00:00"
    assert (data["text"], data["mood"], data["energy"]) == ("Couldn't sleep", 2, 4)
    assert isinstance(data["id"], int)
    assert [list(t) for t in data["tags"]] == [TAG_KEYS]
    assert data["tags"][0] == {"name": "sleep", "category": "symptom", "group": "physical", "source": "auto"}


def test_at_keeps_the_local_offset_of_that_day(run_json) -> None:
    # Europe/London (tests/conftest.py): GMT in winter, BST in summer.
    assert run_json("mood", "3", "x", "--at", "2026-07-02 09:15")["created_at"] == "2026-07-02T09:15:00+01:00"
    assert run_json("mood", "3", "x", "--at", "2026-01-02")["created_at"] == "2026-01-02T12:00:00+00:00"


def test_manual_tags_take_the_known_category_or_become_personal(run_json) -> None:
    data = run_json("mood", "4", "a walk", "--tag", "sleep", "--tag", "#Late Night", "--tag", "sleep")
    tags = {t["name"]: t for t in data["tags"]}
    assert tags["sleep"] == {"name": "sleep", "category": "symptom", "group": "physical", "source": "manual"}
    assert tags["late-night"] == {"name": "late-night", "category": "personal", "group": None, "source": "manual"}
    assert len(data["tags"]) == len(tags)


def test_boundary_json_adds_boundary_outcome_cost(run_json) -> None:
    data = run_json(
        "boundary",
        "answered a text at 10pm",
        "--kind",
        "After-hours contact",
        "--outcome",
        "Bent",
        "--cost",
        "3",
        "--at",
        "2026-03-03 22:00",
    )
    assert list(data) == [*ENTRY_KEYS, "boundary", "outcome", "cost"]
    assert (data["kind"], data["boundary"], data["outcome"], data["cost"]) == (
        "boundary",
        "after-hours-contact",
        "bent",
        3,
    )
    assert data["mood"] is None and data["created_at"] == "2026-03-03T22:00:00+00:00"


def test_boundary_text_output(run: Run) -> None:
    result = run("boundary", "stayed late", "--kind", "overtime", "--outcome", "held")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Saved: overtime, held.")


def test_unknown_boundary_kind_lists_the_valid_ones_and_creates_nothing(run: Run, db_path: Path) -> None:
    line = assert_one_line_error(run("boundary", "x", "--kind", "weekends", "--outcome", "held"))
    assert '"weekends"' in line and "overtime" in line and "after-hours-contact" in line
    assert not db_path.exists()


def test_user_boundary_kinds_are_accepted(run_json, db_path: Path) -> None:
    from journal.storage import open_store

    with open_store(db_path) as store:
        store.add_boundary_kind("weekend-email", "Weekend email")
    data = run_json("boundary", "checked it", "--kind", "weekend email", "--outcome", "crossed")
    assert data["boundary"] == "weekend-email"
