"""The README's test command is exactly the one CI runs first, so "it passed here" means what CI
means (the whole suite: in parallel, then the `serial` tests alone)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_readme_runs_the_tests_as_ci_does() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    intro = readme.index("Install and run the test suite")
    command = re.search(r"```sh\n(.+?)\n```", readme[intro:], re.S)
    assert command is not None
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command.group(1) in ci
    assert "-m serial" in command.group(1) and '-n auto -m "not serial"' in command.group(1)
