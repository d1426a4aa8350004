"""`journal backup`, `encrypt`, `decrypt`, `passphrase`, and the confidentiality warning on capture."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from journal.domain.confidentiality import NEVER_WRITE_SETTING
from journal.domain.models import EntryQuery
from journal.storage import open_store
from tests.cli.helpers import Run, assert_one_line_error

ROOT = Path(__file__).resolve().parents[2]
PHRASE, OTHER = "tea and toast at dawn", "a different sentence"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def texts(db_path: Path, passphrase: str | None = None) -> list[str]:
    with open_store(db_path, passphrase=passphrase, create=False) as s:
        return [e.text for e in s.search(EntryQuery(limit=100))]


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("journal.cli.opening.interactive", lambda: True)
    monkeypatch.setattr("journal.cli.secure.interactive", lambda: True)


# --- backup -----------------------------------------------------------------------------------------


def test_backup_by_default_goes_beside_the_journal_and_says_where(run: Run, db_path: Path) -> None:
    assert run("mood", "3", "a steady evening").exit_code == 0
    done = run("backup")
    assert done.exit_code == 0, done.stderr
    where = Path(done.stdout.strip().removeprefix("Backed up to ").rstrip("."))
    assert where.parent == db_path.parent / "backups" and where.is_file()
    assert stat.S_IMODE(where.stat().st_mode) == 0o600 and stat.S_IMODE(where.parent.stat().st_mode) == 0o700
    assert texts(where) == ["a steady evening"]
    into = run("backup", str(db_path.parent / "elsewhere.db"))
    assert into.exit_code == 0 and (db_path.parent / "elsewhere.db").is_file()
    again = run("backup", str(db_path.parent / "elsewhere.db"))
    assert "already a file" in assert_one_line_error(again)


def test_backup_without_a_journal_is_one_sentence(run: Run, db_path: Path) -> None:
    assert "no journal" in assert_one_line_error(run("backup")).lower()
    assert not db_path.exists()


# --- encryption -------------------------------------------------------------------------------------


def test_encrypt_asks_twice_unseen_then_everything_needs_the_passphrase(
    run: Run, db_path: Path, terminal: None
) -> None:
    pytest.importorskip("sqlcipher3")
    assert run("mood", "4", "walked home by the river").exit_code == 0
    done = run("encrypt", input=f"{PHRASE}\n{PHRASE}\n")
    assert done.exit_code == 0, done.stderr
    assert PHRASE not in done.output  # typed, never shown
    assert "New passphrase" in done.stderr and "once more" in done.stderr and "recover" in done.stderr
    assert texts(db_path, PHRASE) == ["walked home by the river"]
    found = run("search", "river", input=f"{PHRASE}\n")
    assert found.exit_code == 0 and "river" in found.stdout
    assert "already encrypted" in assert_one_line_error(run("encrypt", input=f"{PHRASE}\n{PHRASE}\n"))


def test_mismatched_passphrases_change_nothing_and_a_short_one_is_asked_again(
    run: Run, db_path: Path, terminal: None
) -> None:
    pytest.importorskip("sqlcipher3")
    run("mood", "3", "plain for now")
    before = digest(db_path)
    assert run("encrypt", input=f"{PHRASE}\nsomething else\n\n").exit_code != 0  # click gives up at EOF
    assert texts(db_path) == ["plain for now"] and digest(db_path) == before
    retried = run("encrypt", input=f"short\n{PHRASE}\n{PHRASE}\n")  # too short: asked again
    assert retried.exit_code == 0 and "at least 8" in retried.stderr
    assert texts(db_path, PHRASE) == ["plain for now"]


def test_scripts_use_the_environment_and_a_wrong_passphrase_touches_nothing(
    run: Run, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("sqlcipher3")
    run("mood", "3", "an ordinary day")
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PHRASE)
    assert run("encrypt").exit_code == 0
    before = digest(db_path)
    monkeypatch.setenv("JOURNAL_PASSPHRASE", "not the right one")
    assert "passphrase" in assert_one_line_error(run("decrypt"))
    monkeypatch.setenv("JOURNAL_NEW_PASSPHRASE", OTHER)
    assert "passphrase" in assert_one_line_error(run("passphrase"))
    assert digest(db_path) == before
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PHRASE)
    assert run("passphrase").exit_code == 0
    assert texts(db_path, OTHER) == ["an ordinary day"]
    monkeypatch.setenv("JOURNAL_PASSPHRASE", OTHER)
    assert run("decrypt").exit_code == 0
    assert texts(db_path) == ["an ordinary day"]
    assert "not encrypted" in assert_one_line_error(run("decrypt"))


def test_without_a_terminal_or_the_variable_nothing_is_prompted(run: Run, db_path: Path) -> None:
    run("mood", "3", "words")
    assert "JOURNAL_NEW_PASSPHRASE" in assert_one_line_error(run("encrypt"))


def test_a_wrong_passphrase_is_one_line_even_from_sqlcipher(db_path: Path) -> None:
    """Run for real: SQLCipher's own logging goes straight to the process's stderr."""
    pytest.importorskip("sqlcipher3")
    open_store(db_path, passphrase=PHRASE).close()
    env = {**os.environ, "JOURNAL_PASSPHRASE": "wrong one entirely", "JOURNAL_DB": str(db_path)}
    done = subprocess.run(
        [sys.executable, "-m", "journal", "search", "x"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        f"That passphrase does not open the journal at {db_path}; please try again."
    ]


# --- the confidentiality guard ------------------------------------------------------------------------


def test_capture_warns_but_saves_what_was_written(run: Run, db_path: Path) -> None:
    done = run("mood", "2", "Rang her on 07700 900123 about the referral")
    assert done.exit_code == 0 and done.stdout.startswith("Saved")
    assert "may identify someone: phone number '07700 900123'" in done.stderr
    assert texts(db_path) == ["Rang her on 07700 900123 about the referral"]


def test_redact_swaps_the_details_for_placeholders(run: Run, db_path: Path) -> None:
    run("mood", "3", "first")
    with open_store(db_path) as s:
        s.set_setting(NEVER_WRITE_SETTING, ["Okafor"])
    done = run(
        "boundary",
        "--kind",
        "overtime",
        "--outcome",
        "bent",
        "--redact",
        "Stayed late at 12 Acacia Avenue with the okafor family",
    )
    assert done.exit_code == 0 and "Redacted" in done.stderr
    assert texts(db_path)[0] == "Stayed late at [address] with the [name] family"


def test_ordinary_writing_gets_no_warning(run: Run) -> None:
    done = run("mood", "4", "Out at 18:30, rated the day 4/5, a 16 year old made me laugh in room 3")
    assert done.exit_code == 0 and done.stderr == ""
