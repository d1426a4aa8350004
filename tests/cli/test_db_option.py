"""Which journal a command uses: --db before or after the command, $JOURNAL_DB, the user data folder."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from journal.cli import cli
from journal.paths import resolve_db_path


def _texts(path: Path) -> list[str]:
    result = CliRunner().invoke(cli, ["search", "--json", "--db", str(path)])
    assert result.exit_code == 0, result.stderr
    return [e["text"] for e in json.loads(result.stdout)]


def test_db_before_and_after_the_command(tmp_path: Path) -> None:
    before, after = tmp_path / "before.db", tmp_path / "after.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(before), "mood", "3", "one"]).exit_code == 0
    assert runner.invoke(cli, ["mood", "3", "two", "--db", str(after)]).exit_code == 0
    assert runner.invoke(cli, ["tags", "explain", "three", "--db", str(after)]).exit_code == 0
    assert runner.invoke(cli, ["tags", "--db", str(after), "explain", "three"]).exit_code == 0
    assert (_texts(before), _texts(after)) == (["one"], ["two"])


def test_db_after_the_command_wins_over_before(tmp_path: Path) -> None:
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    result = CliRunner().invoke(cli, ["--db", str(first), "mood", "3", "where", "--db", str(second)])
    assert result.exit_code == 0
    assert not first.exists() and _texts(second) == ["where"]


def test_journal_db_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_db = tmp_path / "from-env.db"
    monkeypatch.setenv("JOURNAL_DB", str(env_db))
    assert CliRunner().invoke(cli, ["mood", "2", "via env"]).exit_code == 0
    assert _texts(env_db) == ["via env"]
    # an explicit --db still wins
    other = tmp_path / "other.db"
    assert CliRunner().invoke(cli, ["mood", "2", "explicit", "--db", str(other)]).exit_code == 0
    assert _texts(env_db) == ["via env"] and _texts(other) == ["explicit"]


def test_default_is_the_user_data_folder_made_owner_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    data = tmp_path / "data" / "journal"
    monkeypatch.delenv("JOURNAL_DB")
    monkeypatch.setattr(platformdirs, "user_data_path", lambda appname: tmp_path / "data" / appname)
    assert resolve_db_path() == data / "journal.db"
    assert resolve_db_path("~/j.db") == Path.home() / "j.db"
    # reading an absent journal says so and creates nothing
    assert CliRunner().invoke(cli, ["search", "x"]).exit_code == 1
    assert CliRunner().invoke(cli, ["tags", "explain", "tired"]).exit_code == 0
    assert not data.exists()
    assert CliRunner().invoke(cli, ["mood", "3", "first"]).exit_code == 0
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "journal.db").stat().st_mode) == 0o600
