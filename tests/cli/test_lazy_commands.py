"""Subcommands load lazily: the table in journal.cli.commands matches the real commands, and
neither `import journal.cli` nor the bare `journal` (which opens the app) imports a command module."""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import click
from click.testing import CliRunner

import journal.cli
from journal.cli.app import JournalGroup, cli
from journal.cli.commands import COMMANDS, load_command
from tests.cli.helpers import Run, assert_one_line_error

ROOT = Path(journal.cli.__file__).resolve().parent.parent.parent
# What the group itself needs; everything else waits for a command.
START_UP_MODULES = {
    "journal",
    "journal.cli",
    "journal.cli.app",
    "journal.cli.commands",
    "journal.cli.common",
    "journal.cli.opening",
    "journal.cli.start",
    "journal.paths",
}
#: What the bare `journal` (no arguments at all) needs before the app: not even the click group.
BARE_START_MODULES = {"journal", "journal.cli", "journal.cli.opening", "journal.cli.start", "journal.paths"}


def _cli_modules() -> list[str]:
    return [m.name for m in pkgutil.iter_modules(journal.cli.__path__, "journal.cli.")]


def _journal_modules_after(code: str) -> set[str]:
    """The journal.* modules a fresh interpreter holds after running `code`."""
    script = (
        code + "\nimport json, sys\nprint(json.dumps(sorted(n for n in sys.modules if n.split('.')[0] == 'journal')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_every_name_in_the_table_is_the_command_of_that_name() -> None:
    for name, target in COMMANDS.items():
        command = load_command(target)
        assert isinstance(command, click.Command), target
        assert command.name == name, target


def test_no_command_is_missing_from_the_table() -> None:
    from journal.cli.exchange import EXCHANGE_COMMANDS
    from journal.cli.secure import COMMANDS as SECURE_COMMANDS

    in_table = {id(load_command(target)) for target in COMMANDS.values()}
    assert {id(c) for c in (*EXCHANGE_COMMANDS, *SECURE_COMMANDS)} <= in_table
    # Any click command defined at the top of a CLI module, other than the root and the
    # subcommands of a group (`tags explain`), has to be reachable from the table.
    found = [
        value
        for module in map(import_module, _cli_modules())
        for value in vars(module).values()
        if isinstance(value, click.Command) and value is not cli
    ]
    nested = {id(sub) for group in found if isinstance(group, click.Group) for sub in group.commands.values()}
    top_level = {value.name: value for value in found if id(value) not in nested}
    assert set(top_level) == set(COMMANDS)
    assert {id(c) for c in top_level.values()} == in_table


def test_help_lists_every_command_and_each_has_its_own_help(run: Run) -> None:
    listed = run("--help", db=False)
    assert listed.exit_code == 0
    commands_part = listed.stdout.split("Commands:", 1)[1]
    assert [line.split()[0] for line in commands_part.strip().splitlines()] == sorted(COMMANDS)
    for name in COMMANDS:
        own = run(name, "--help", db=False)
        assert own.exit_code == 0, own.output
        assert own.stdout.startswith(f"Usage: {cli.name} {name} "), own.stdout


def test_an_unknown_command_is_still_click_s_usage_error(run: Run) -> None:
    result = run("nope", db=False)
    assert result.exit_code == 2
    assert "There is no command 'nope'." in result.stderr


def test_a_command_that_fails_to_load_is_one_sentence() -> None:
    group = JournalGroup(lazy_subcommands={"broken": "journal.cli.no_such_module:broken"})
    result = CliRunner().invoke(group, ["broken"], catch_exceptions=False)
    assert assert_one_line_error(result) == "Something went wrong: ModuleNotFoundError. Nothing was changed."


def test_importing_the_cli_loads_no_command_module() -> None:
    assert _journal_modules_after("import journal.cli") <= START_UP_MODULES


def _loaded_when_the_app_starts(argv: list[str]) -> set[str]:
    """The journal.* and click.* modules a fresh interpreter holds at the moment `main(argv)` would
    start the app (a stand-in journal.ui.app records them)."""
    code = (
        "import json, sys, types\n"
        "fake = types.ModuleType('journal.ui.app')\n"
        "def run_app(*args, **kwargs):\n"
        "    print(json.dumps(sorted(n for n in sys.modules if n.split('.')[0] in ('journal', 'click'))))\n"
        "fake.run_app = run_app\n"
        "sys.modules['journal.ui.app'] = fake\n"
        "from journal.cli import main\n"
        f"try:\n    main({argv!r})\n"
        "except SystemExit as done:\n    assert not done.code, done.code\n"
        "sys.exit(0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout)) - {"journal.ui.app"}


def test_the_bare_journal_reaches_the_app_without_loading_a_command_module(tmp_path: Path) -> None:
    loaded = _loaded_when_the_app_starts(["--db", str(tmp_path / "j.db")])
    assert {n for n in loaded if n.startswith("journal")} <= START_UP_MODULES


def test_the_bare_journal_with_no_arguments_loads_neither_click_nor_the_group() -> None:
    """`journal` alone goes straight to the app (see journal.cli.start): no command-line parser."""
    assert _loaded_when_the_app_starts([]) <= BARE_START_MODULES


def test_a_command_loads_only_its_own_module(tmp_path: Path) -> None:
    from journal.storage import open_store

    open_store(tmp_path / "j.db").close()
    run = (
        "from journal.cli import main\n"
        f"try:\n    main(['--db', {str(tmp_path / 'j.db')!r}, 'search', 'tired'])\n"
        "except SystemExit as done:\n    assert not done.code, done.code\n"
    )
    loaded = _journal_modules_after(run)
    assert "journal.cli.query" in loaded
    assert not loaded & {"journal.cli.capture", "journal.cli.exchange", "journal.cli.secure", "journal.cli.tags"}
