"""The layers stay honest: the CLI and the lower layers never load Textual or Rich, and the
import-linter contracts in pyproject.toml hold."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import journal
import journal.domain

ROOT = Path(journal.__file__).resolve().parent.parent
UI_LIBRARIES = ("textual", "rich")


def _domain_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(journal.domain.__path__, "journal.domain.")]


def _loaded_after_importing(modules: list[str], extra: str = "") -> set[str]:
    code = "\n".join(
        [
            *(f"import {m}" for m in modules),
            extra,
            "import sys",
            "print(' '.join(sorted({n.split('.')[0] for n in sys.modules})))",
        ]
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_domain_modules_are_found() -> None:
    assert {"journal.domain.models", "journal.domain.when", "journal.domain.tagging"} <= set(_domain_modules())


def test_cli_storage_and_domain_never_load_textual_or_rich() -> None:
    modules = ["journal.cli", "journal.usecases", "journal.storage", "journal.exchange.jsonshape", *_domain_modules()]
    loaded = _loaded_after_importing(modules)
    assert "journal" in loaded
    assert not loaded & set(UI_LIBRARIES)


def test_a_quick_command_never_loads_textual_or_rich(tmp_path: Path) -> None:
    run = (
        "from journal.cli import main\n"
        f"try:\n    main(['--db', {str(tmp_path / 'j.db')!r}, 'mood', '3', 'tired'])\n"
        "except SystemExit as done:\n    assert not done.code, done.code\n"
        f"try:\n    main(['--db', {str(tmp_path / 'j.db')!r}, 'search', 'tired'])\n"
        "except SystemExit as done:\n    assert not done.code, done.code\n"
    )
    assert not _loaded_after_importing([], run) & set(UI_LIBRARIES)


def test_import_linter_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint_imports), "--no-cache"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stdout + done.stderr
