"""Issue 16, point 10: every folder made for the journal, its backups and its cache is 0700, not
only the last one; an existing journal readable by others gets a one-line warning, and
`journal doctor --fix` makes it private."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

from tests.reliability.helpers import ROOT, child_env, journal_argv, run_journal


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _run_under_umask(db: Path, *args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        journal_argv(db, *args),
        capture_output=True,
        env=child_env(**env),
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        timeout=60,
        preexec_fn=lambda: os.umask(0o022),
    )


def test_every_folder_made_is_private(tmp_path: Path) -> None:
    db = tmp_path / "a" / "b" / "c" / "journal.db"
    cache = tmp_path / "cache-x" / "y" / "z"
    done = _run_under_umask(db, "mood", "3", "supervision ran late", JOURNAL_CACHE_DIR=str(cache))
    assert done.returncode == 0, done.stderr
    for folder in (tmp_path / "a", tmp_path / "a" / "b", db.parent, tmp_path / "cache-x", cache.parent, cache):
        assert _mode(folder) == 0o700, (folder, oct(_mode(folder)))
    dest = tmp_path / "usb" / "deep" / "copy.db"
    assert _run_under_umask(db, "backup", str(dest)).returncode == 0
    for folder in (tmp_path / "usb", dest.parent):
        assert _mode(folder) == 0o700, folder
    assert _mode(dest) == 0o600


def test_a_journal_others_can_read_is_warned_about_and_doctor_fixes_it(db_path: Path) -> None:
    assert (
        run_journal(db_path, "mood", "3", "supervision ran late", timeout=180).returncode == 0
    )  # may compile the tagger
    os.chmod(db_path, 0o644)
    os.chmod(db_path.parent, 0o755)
    done = run_journal(db_path, "search", "supervision")
    assert done.returncode == 0 and b"supervision" in done.stdout
    warning = done.stderr.decode().strip().splitlines()
    assert len(warning) == 1 and "other users" in warning[0] and "doctor --fix" in warning[0]

    checked = run_journal(db_path, "doctor")
    assert checked.returncode == 0 and str(db_path).encode() in checked.stdout
    assert _mode(db_path) == 0o644  # without --fix nothing changes
    fixed = run_journal(db_path, "doctor", "--fix")
    assert fixed.returncode == 0, fixed.stderr
    assert _mode(db_path) == 0o600 and _mode(db_path.parent) == 0o700
    quiet = run_journal(db_path, "search", "supervision")
    assert quiet.returncode == 0 and quiet.stderr == b""
    assert b"private" in run_journal(db_path, "doctor").stdout


def test_doctor_help_has_examples(db_path: Path) -> None:
    done = run_journal(db_path, "doctor", "--help")
    assert done.returncode == 0 and b"Examples:" in done.stdout and b"doctor --fix" in done.stdout
