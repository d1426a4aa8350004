"""Shell habits: completion, stdin, `help`, `-h`, examples, `where`, mistyped paths and commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from journal.cli import cli
from journal.cli.commands import COMMANDS
from tests.cli.helpers import Run


def _journal(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "journal", *args],
        capture_output=True,
        text=True,
        timeout=60,
        input=stdin,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_print_and_never_start_the_app(shell: str) -> None:
    done = _journal(env={"_JOURNAL_COMPLETE": f"{shell}_source"})
    assert done.returncode == 0, done.stderr
    assert "_journal_completion" in done.stdout or "journal" in done.stdout
    assert "\x1b[?1049h" not in done.stdout  # the alternate screen: the app never started


def test_completion_completes_command_names() -> None:
    done = _journal(env={"_JOURNAL_COMPLETE": "bash_complete", "COMP_WORDS": "journal mo", "COMP_CWORD": "1"})
    assert done.returncode == 0 and "mood" in done.stdout


def test_a_dash_reads_the_entry_from_stdin(run: Run, run_json) -> None:
    result = run("mood", "3", "-", input="couldn't sleep, woke at 4\n")
    assert result.exit_code == 0, result.stderr
    (entry,) = run_json("search", "sleep")
    assert entry["text"] == "couldn't sleep, woke at 4"
    assert "-" not in [e["text"] for e in run_json("search")]


def test_piped_text_with_no_words_is_the_entry(run: Run, run_json) -> None:
    assert run("boundary", "--kind", "overtime", "--outcome", "held", input="left at five\n").exit_code == 0
    assert [e["text"] for e in run_json("search")] == ["left at five"]


def test_empty_stdin_is_one_sentence_and_saves_nothing(run: Run, db_path: Path) -> None:
    result = run("mood", "3", "-", input="")
    assert (
        result.exit_code == 1
        and result.stderr.strip() == "The entry is empty; write a few words (in quotes if you like)."
    )
    assert not db_path.exists()


def test_stdin_that_is_not_utf8_is_refused(db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db_path), "mood", "3", "-"], input=b"\xff\xfe bad")
    assert result.exit_code == 1 and "not UTF-8" in result.stderr


def test_dash_h_and_help_command_show_the_same_help(run: Run) -> None:
    for args in (("-h",), ("help",)):
        result = run(*args)
        assert result.exit_code == 0 and "Commands:" in result.stdout and "Examples:" in result.stdout
    assert run("mood", "-h").stdout == run("help", "mood").stdout
    assert " tags explain [OPTIONS] [TEXT]..." in run("help", "tags", "explain").stdout


def test_help_of_an_unknown_command_is_one_sentence(run: Run) -> None:
    result = run("help", "nope")
    assert result.exit_code == 1 and result.stderr.strip() == "There is no command 'nope'; `journal help` lists them."


def _all_commands() -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    ctx = click.Context(cli)
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        found.append((name,))
        if isinstance(command, click.Group):
            found.extend((name, sub) for sub in command.list_commands(ctx))
    return found


@pytest.mark.parametrize("path", _all_commands(), ids=" ".join)
def test_every_command_has_examples(run: Run, path: tuple[str, ...]) -> None:
    result = run(*path, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout and "  journal " in result.stdout.split("Examples:")[1]


def test_a_mistyped_command_suggests_the_real_one(run: Run) -> None:
    result = run("moood")
    assert result.exit_code == 2 and "Did you mean 'mood'?" in result.stderr


def test_where_names_the_journal_cache_and_backups(run: Run, db_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("JOURNAL_CACHE_DIR", "/somewhere/cache")
    data = json.loads(run("where", "--json").stdout)
    assert data == {
        "journal": str(db_path),
        "exists": False,
        "cache": "/somewhere/cache",
        "backups": str(db_path.parent / "backups"),
    }
    text = run("where").stdout
    assert str(db_path) in text and "not made yet" in text and "/somewhere/cache" in text


@pytest.mark.parametrize(
    "args",
    [("search", "x"), ("stressors",), ("export",), ("backup",), ("decrypt",)],
    ids=lambda a: a[0],
)
def test_a_mistyped_path_says_there_is_no_journal_and_creates_none(run: Run, db_path: Path, args) -> None:
    typo = db_path.with_name("typo.db")
    result = run("--db", str(typo), *args, db=False)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"There is no journal at {typo}; check the path")
    assert not typo.exists()
