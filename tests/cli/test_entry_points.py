"""The bare `journal` command opens the app; encrypted journals ask for their passphrase on a terminal."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from tests.cli.helpers import Run, assert_one_line_error


@pytest.fixture
def fake_ui(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, bool]]:
    """Stand in for journal.ui.app so the test neither loads Textual nor opens a screen."""
    calls: list[tuple[Path, bool]] = []
    module = types.ModuleType("journal.ui.app")
    module.run_app = lambda db_path, *, demo=False, **_: calls.append((db_path, demo))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "journal.ui.app", module)
    return calls


def test_bare_journal_opens_the_app_on_the_chosen_journal(
    run: Run, db_path: Path, fake_ui: list[tuple[Path, bool]]
) -> None:
    assert run().exit_code == 0
    assert run("--demo").exit_code == 0
    assert run(db=False).exit_code == 0  # $JOURNAL_DB from tests/conftest.py
    assert fake_ui == [(db_path, False), (db_path, True), (db_path.with_name("default-journal.db"), False)]


def test_journal_with_no_arguments_at_all_opens_the_app_as_the_group_would(
    fake_ui: list[tuple[Path, bool]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The bare `journal` skips click (see journal.cli.start) and lands where `journal` always did:
    the journal $JOURNAL_DB names, else the user's data folder."""
    from journal.cli import main

    main([])
    monkeypatch.delenv("JOURNAL_DB")
    monkeypatch.setattr("journal.paths.default_db_path", lambda: tmp_path / "data" / "journal.db")
    main([])
    assert fake_ui == [(tmp_path / "default-journal.db", False), (tmp_path / "data" / "journal.db", False)]


@pytest.mark.parametrize(
    ("failure", "said"),
    [
        ("store", "This journal was written by a newer version of journal; please update."),
        ("surprise", "Something went wrong: RuntimeError. Nothing was changed."),
    ],
)
def test_journal_with_no_arguments_says_one_sentence_when_it_cannot_start(
    failure: str, said: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from journal.cli import main
    from journal.storage import DatabaseTooNew

    def refuse(db_path: Path, **_: object) -> None:
        if failure == "store":
            raise DatabaseTooNew("This journal was written by a newer version of journal; please update.")
        raise RuntimeError("a message that might quote an entry")

    module = types.ModuleType("journal.ui.app")
    module.run_app = refuse  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "journal.ui.app", module)
    with pytest.raises(SystemExit) as ended:
        main([])
    assert ended.value.code == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == said + "\n"


def test_a_store_error_from_the_app_is_one_sentence(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.storage import DatabaseTooNew

    def refuse(db_path: Path, *, demo: bool = False, **_: object) -> None:
        raise DatabaseTooNew("This journal was written by a newer version of journal; please update.")

    module = types.ModuleType("journal.ui.app")
    module.run_app = refuse  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "journal.ui.app", module)
    assert "newer version" in assert_one_line_error(run())


def test_passphrase_is_prompted_without_echo_on_a_terminal(
    run: Run, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("sqlcipher3")
    from journal.storage import open_store

    open_store(db_path, passphrase="tea and toast").close()
    monkeypatch.setattr("journal.cli.opening.interactive", lambda: True)
    saved = run("mood", "4", "quiet evening", input="tea and toast\n")
    assert saved.exit_code == 0, saved.stderr
    assert "tea and toast" not in saved.output  # hidden input is not echoed
    assert "Passphrase" in saved.stderr and saved.stdout.startswith("Saved.")
    wrong = run("search", input="biscuits\n")
    assert wrong.exit_code == 1 and "passphrase" in wrong.stderr.splitlines()[-1]
