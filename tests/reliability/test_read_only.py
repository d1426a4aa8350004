"""Issue 16, point 9: a journal on read-only media can be read.

The journal's folder is bind-mounted read-only in a mount namespace of the child's own (`unshare`),
so nothing outside the test sees the mount. Search, export and backup work (opened read-only);
a save is refused with one sentence; the file is byte-for-byte untouched.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.reliability.helpers import ROOT, assert_one_sentence, child_env, digest, journal_argv, run_journal

_MOUNT = 'mount --bind "$1" "$2" && mount -o remount,ro,bind "$2" && shift 2 && exec "$@"'


def _unshare() -> list[str]:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        pytest.skip("needs unshare and mount")
    flags = ["-m"] if os.geteuid() == 0 else ["-r", "-m"]
    probe = subprocess.run(["unshare", *flags, "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("mount namespaces are not available here")
    return ["unshare", *flags]


def _read_only(folder: Path, mountpoint: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    argv = [str(a) for a in journal_argv(mountpoint / "journal.db", *args)]
    return subprocess.run(
        [*_unshare(), "sh", "-c", _MOUNT, "sh", str(folder), str(mountpoint), *argv],
        capture_output=True,
        env=child_env(),
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_a_journal_on_read_only_media_can_be_searched_exported_and_backed_up(tmp_path: Path) -> None:
    folder, mountpoint = tmp_path / "media", tmp_path / "mnt"
    folder.mkdir(mode=0o700)
    mountpoint.mkdir()
    db = folder / "journal.db"
    for text in ("supervision ran late", "handover was calm", "no lunch again"):
        assert run_journal(db, "mood", "3", text, timeout=180).returncode == 0
    before = digest(db)

    found = _read_only(folder, mountpoint, "search", "supervision")
    assert found.returncode == 0, found.stderr
    assert b"supervision" in found.stdout and found.stderr == b""

    exported = _read_only(folder, mountpoint, "export", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads(exported.stdout)["entries"]) == 3

    copy = tmp_path / "copy.db"
    backed = _read_only(folder, mountpoint, "backup", str(copy))
    assert backed.returncode == 0, backed.stderr
    assert run_journal(copy, "search", "calm").returncode == 0

    refused = _read_only(folder, mountpoint, "mood", "2", "cannot be saved here")
    assert_one_sentence(refused, "read-only", "nothing was saved")
    assert digest(db) == before
