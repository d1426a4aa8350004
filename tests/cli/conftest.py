"""Running the CLI in-process (click's CliRunner) against a fresh journal file per test."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from journal.cli import cli
from tests.cli.helpers import Run


@pytest.fixture
def run(db_path: Path) -> Run:
    """`run("mood", "3", "text")` invokes `journal --db <tmp>/journal.db mood 3 text`."""
    runner = CliRunner()

    def invoke(*args: str, db: bool = True, **kwargs: Any) -> Result:
        argv = ["--db", str(db_path), *args] if db else list(args)
        return runner.invoke(cli, argv, catch_exceptions=False, **kwargs)

    return invoke


@pytest.fixture
def run_json(run: Run) -> Callable[..., Any]:
    """Invoke with `--json`, insist on success, and return the parsed output."""

    def invoke(*args: str) -> Any:
        result = run(*args, "--json")
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    return invoke
