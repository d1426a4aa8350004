"""Every mistake gets one plain sentence on stderr and a non-zero exit, never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.cli.helpers import Run, assert_one_line_error

MISTAKES = {
    "score too low": (["mood", "0", "x"], "mood score"),
    "score too high": (["mood", "6", "x"], "mood score"),
    "score not a number": (["mood", "great", "x"], "mood score"),
    "energy out of range": (["mood", "3", "x", "--energy", "9"], "energy"),
    "blank text": (["mood", "3", "  ", " "], "empty"),
    "bad --at": (["mood", "3", "x", "--at", "the day after never"], "the day after never"),
    "span as --at": (["mood", "3", "x", "--at", "last week"], "not a moment"),
    "bad outcome": (["boundary", "x", "--kind", "overtime", "--outcome", "maybe"], "held, bent or crossed"),
    "cost out of range": (["boundary", "x", "--kind", "overtime", "--outcome", "held", "--cost", "0"], "cost"),
    "unknown kind": (["boundary", "x", "--kind", "nope", "--outcome", "held"], "overtime"),
    "blank note": (["boundary", "", "--kind", "overtime", "--outcome", "held"], "empty"),
    "bad --since": (["search", "--since", "soonish"], "soonish"),
    "bad --kind": (["search", "--kind", "diary"], "mood, boundary or ritual"),
    "bad --limit": (["search", "--limit", "-3"], "--limit"),
    "since after until": (["search", "--since", "2026-03-10", "--until", "2026-03-01"], "--since"),
    "bad category": (["stressors", "--category", "feelings"], "symptom, stressor, care or personal"),
    "future --since": (["stressors", "--since", "tomorrow"], "future"),
    "blank explain": (["tags", "explain", " "], "empty"),
    "demo with a command": (["--demo", "search"], "--demo"),
}


@pytest.mark.parametrize("argv, words", MISTAKES.values(), ids=MISTAKES.keys())
def test_user_mistakes_are_one_sentence_and_change_nothing(
    run: Run, db_path: Path, argv: list[str], words: str
) -> None:
    line = assert_one_line_error(run(*argv))
    assert words in line
    assert line.endswith(".")
    assert not db_path.exists()  # checked before the journal was opened, let alone created


def test_click_usage_errors_stay_clean(run: Run) -> None:
    result = run("mood", "3")  # no text, and nothing piped in
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "The entry is empty" in result.stderr
    assert run("mood").exit_code == 2  # no score
    assert run("boundary", "x", "--outcome", "held").exit_code == 2  # no --kind
    assert run("frobnicate").exit_code == 2


def test_damaged_journal_is_reported_and_left_untouched(run: Run, db_path: Path) -> None:
    garbage = b"this is not a database at all\n" * 3
    db_path.write_bytes(garbage)
    for argv in (["mood", "3", "x"], ["search", "x"], ["stressors"], ["tags", "explain", "tired"]):
        line = assert_one_line_error(run(*argv))
        assert "damaged" in line
    assert db_path.read_bytes() == garbage


def test_journal_from_a_newer_version(run: Run, db_path: Path) -> None:
    assert run("mood", "3", "x").exit_code == 0
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA user_version = 999")
    conn.close()
    line = assert_one_line_error(run("search"))
    assert "newer" in line


def test_encrypted_journal_passphrase_from_the_environment(run: Run, db_path: Path) -> None:
    pytest.importorskip("sqlcipher3")
    from journal.storage import open_store

    open_store(db_path, passphrase="correct horse").close()
    assert "passphrase" in assert_one_line_error(run("search"))  # not a TTY: no prompt, one sentence
    wrong = run("search", env={"JOURNAL_PASSPHRASE": "wrong"})
    assert "passphrase" in assert_one_line_error(wrong)
    saved = run("mood", "3", "safe and sound", env={"JOURNAL_PASSPHRASE": "correct horse"})
    assert saved.exit_code == 0, saved.stderr
    found = run("search", "sound", env={"JOURNAL_PASSPHRASE": "correct horse"})
    assert "«sound»" in found.stdout
    assert b"safe and sound" not in db_path.read_bytes()


@pytest.mark.parametrize("name", ["DatabaseLocked", "NoPermission"])
def test_store_errors_show_their_own_sentence(run: Run, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    import journal.storage as storage

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise getattr(storage, name)("The journal is busy or closed to you; try again in a moment.")

    monkeypatch.setattr(storage, "open_store", refuse)
    line = assert_one_line_error(run("mood", "3", "x"))
    assert line == "The journal is busy or closed to you; try again in a moment."


def test_unexpected_failure_names_only_the_type(run: Run, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.storage import Store

    assert run("mood", "3", "private words").exit_code == 0

    def explode(self: Store, query: object) -> None:
        raise RuntimeError("private words")

    monkeypatch.setattr(Store, "search", explode)
    monkeypatch.setattr(Store, "listing", explode)  # what `journal search` prints through
    line = assert_one_line_error(run("search", "private"))
    assert line == "Something went wrong: RuntimeError. Nothing was changed."


def test_failure_after_saving_does_not_claim_nothing_changed(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import journal.cli.capture as capture

    def explode(_entry: object) -> str:
        raise KeyError("private words")

    monkeypatch.setattr(capture, "saved_line", explode)
    line = assert_one_line_error(run("mood", "3", "private words"))
    assert line == "Your entry was saved, but something went wrong afterwards: KeyError."
    monkeypatch.undo()
    assert "private words" in run("search", "--json").stdout
