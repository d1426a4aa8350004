"""Assertions shared by the CLI tests."""

from __future__ import annotations

from collections.abc import Callable

from click.testing import Result

Run = Callable[..., Result]


def assert_one_line_error(result: Result, code: int = 1) -> str:
    """A user mistake: the exit code, exactly one line on stderr, nothing on stdout, no traceback."""
    assert result.exit_code == code, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""
    return lines[0]
