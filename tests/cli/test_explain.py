"""`journal tags explain`: the tags a text would get, the words behind them, and nothing saved."""

from __future__ import annotations

from pathlib import Path

from tests.cli.helpers import Run

TEXT = "Couldn't sleep, no headache though #nights"


def test_explain_json_shape_and_spans(run_json, db_path: Path) -> None:
    data = run_json("tags", "explain", TEXT)
    assert list(data) == ["tags"]
    by_name = {t["name"]: t for t in data["tags"]}
    assert set(by_name) == {"sleep", "nights"}  # "no headache" is negated
    sleep = by_name["sleep"]
    assert list(sleep) == ["name", "category", "group", "matches"]
    assert (sleep["category"], sleep["group"]) == ("symptom", "physical")
    for match in sleep["matches"] + by_name["nights"]["matches"]:
        assert list(match) == ["start", "end", "text"]
        assert TEXT[match["start"] : match["end"]] == match["text"]
    assert not db_path.exists()


def test_explain_text_marks_the_trigger_words(run: Run, db_path: Path) -> None:
    result = run("tags", "explain", "Couldn't", "sleep", "#nights")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "«Couldn't sleep» «#nights»"
    assert 'sleep (symptom, physical): "Couldn\'t sleep"' in lines
    assert 'nights (personal): "#nights"' in lines
    assert run("tags", "explain", "a quiet cup of tea").stdout.endswith("No tags for this text.\n")
    assert not db_path.exists()


def test_explain_uses_the_journals_own_keywords_and_saves_nothing(run: Run, run_json, db_path: Path) -> None:
    from journal.domain.models import UserKeyword
    from journal.storage import open_store

    with open_store(db_path) as store:
        store.add_keyword(UserKeyword("caseload", "the pile"))
    before = db_path.read_bytes()
    data = run_json("tags", "explain", "staring at the pile again")
    assert [t["name"] for t in data["tags"]] == ["caseload"]
    assert run_json("search") == []
    assert db_path.read_bytes() == before


def test_explain_shows_control_characters_as_nothing(run: Run) -> None:
    result = run("tags", "explain", "tired \x1b[31mred\x1b[0m \x9b2J")
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout


def test_explain_a_boundary_note_names_the_tag_of_its_kind(run, run_json) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: a tag without words explains itself by the boundary's kind."""
    result = run("tags", "explain", "a quiet one", "--kind", "after-hours-contact", "--outcome", "bent")
    assert result.exit_code == 0, result.stderr
    assert "after-hours (stressor): from the boundary's kind (After-hours contact, bent)" in result.stdout
    data = run_json("tags", "explain", "a quiet one", "--kind", "overtime", "--outcome", "held")
    assert data["tags"] == [{"name": "boundary-held", "category": "care", "group": None, "matches": [],
                             "reason": "from the boundary's kind (Overtime, held)"}]
    lone = run("tags", "explain", "a quiet one", "--kind", "overtime")
    assert lone.exit_code != 0 and "--kind and --outcome go together" in lone.stderr
