"""`journal tags explain`: the tags a text would get, the words behind them, and nothing saved."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from tests.by_hand import add_by_hand
from tests.cli.helpers import Run

TEXT = "Couldn't sleep, no headache though #nights"


def test_explain_json_shape_and_spans(run_json, db_path: Path) -> None:
    data = run_json("tags", "explain", TEXT)
    assert list(data) == ["tags"]
    by_name = {t["name"]: t for t in data["tags"]}
    assert set(by_name) == {"sleep", "nights"}  # "no headache" is negated
    sleep = by_name["sleep"]
    assert list(sleep) == ["name", "category", "group", "matches", "decided_by"]
    assert (sleep["decided_by"], by_name["nights"]["decided_by"]) == ("model+cue", "user")
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
    assert 'sleep (symptom, physical): "Couldn\'t sleep" (decided by the model, with a cue agreeing)' in lines
    assert 'nights (personal): "#nights" (decided by your own word or #tag)' in lines
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
    assert data["tags"] == [
        {
            "name": "boundary-held",
            "category": "care",
            "group": None,
            "matches": [],
            "reason": "from the boundary's kind (Overtime, held)",
            "decided_by": "boundary-kind",
        }
    ]
    lone = run("tags", "explain", "a quiet one", "--kind", "overtime")
    assert lone.exit_code != 0 and "--kind and --outcome go together" in lone.stderr


def test_explain_says_the_model_decided_a_tag_without_a_cue(run: Run, run_json) -> None:  # type: ignore[no-untyped-def]
    """Issue 13, point 5: a tag the learned model gave from words the lexicon does not know still
    shows those words, and says the model decided it."""
    text = "stopped answering my sisters texts"
    [tag] = run_json("tags", "explain", text)["tags"]
    assert (tag["name"], tag["decided_by"]) == ("withdrawal", "model")
    assert tag["matches"] and all(text[m["start"] : m["end"]] == m["text"] for m in tag["matches"])
    assert "(decided by the model, from these words)" in run("tags", "explain", text).stdout


def test_explain_says_a_taught_word_and_a_personal_adjustment_decided(run: Run, run_json, db_path: Path) -> None:
    from datetime import datetime

    from journal.domain.models import Entry, Kind, UserKeyword
    from journal.storage import open_store

    with open_store(db_path) as store:
        store.add_keyword(UserKeyword("caseload", "the pile"))
        for text in (
            "covered the front desk all afternoon",
            "front desk cover again, all afternoon",
            "stuck on the front desk all afternoon",
        ):
            entry = store.save(Entry(Kind.MOOD, datetime(2026, 11, 2, 18, tzinfo=UTC), text, mood=3))
            add_by_hand(store, entry.id, "front-desk")
    text = "the pile, and front desk all afternoon today"
    assert {t["name"]: t["decided_by"] for t in run_json("tags", "explain", text)["tags"]} == {
        "caseload": "user",
        "front-desk": "personal",
    }
    out = run("tags", "explain", text).stdout
    assert "(decided by your personal adjustment (tags you added by hand on similar notes))" in out
