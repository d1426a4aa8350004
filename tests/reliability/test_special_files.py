"""Pipes and devices given as a destination are written into or refused, never replaced (issue 16, point 5).

`journal export --out X --force` replaced `/dev/null` with a plain file when run as root, and a
named pipe likewise. Now `--force` replaces regular files only: a named pipe or a character device
is streamed into as it is (no temp file, no rename); a backup, which is a whole database file, is
refused with one sentence. The character device is a private copy of /dev/null made with mknod
(same major and minor numbers, so the same device to the kernel): a regression then harms a copy in
a temporary folder, not the machine's /dev/null. The real /dev/null is checked as well, after.
"""

from __future__ import annotations

import os
import stat
import subprocess
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from journal.domain.models import Entry, Kind
from journal.storage import StoreError, open_store
from journal.storage import backup as backup_module
from tests.reliability.helpers import assert_one_sentence, child_env, journal_argv, run_journal
from tests.waiting import PATIENCE, wait_until

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TEXTS = ["First shift back, tired", "A calmer day; slept well", 'Quotes " and, commas\nand a new line']


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "j.db"
    with open_store(path) as store:
        store.save_many([Entry(kind=Kind.MOOD, text=t, mood=3, created_at=AT) for t in TEXTS], tag=False)
    return path


@pytest.fixture
def device(tmp_path: Path) -> Path:
    """A character device of our own: a copy of /dev/null (1, 3)."""
    path = tmp_path / "null"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here ({exc.strerror})")
    return path


class PipeReader:
    """Everything written into a named pipe, read by a thread (held open so no writer blocks).

    The reader holds a write end of its own too, so a read waits for data instead of seeing the end
    of the stream before the app has opened the pipe; `finish` lets go of it, and the thread ends
    at the real end of what the app wrote: no polling, no pause.
    """

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a reader first, so this never blocks
        self._own_writer = os.open(path, os.O_WRONLY)
        os.set_blocking(self.fd, True)
        self.chunks: list[bytes] = []
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        while data := os.read(self.fd, 65536):
            self.chunks.append(data)

    def finish(self) -> bytes:
        """Everything written, once the app that wrote it has closed the pipe (it has exited)."""
        os.close(self._own_writer)
        self.thread.join(PATIENCE)
        assert not self.thread.is_alive(), "the named pipe was still open for writing"
        os.close(self.fd)
        return b"".join(self.chunks)


def _is(path: Path, test: Callable[[int], bool]) -> bool:
    return test(os.lstat(path).st_mode)


@pytest.mark.parametrize("force", [True, False])
def test_export_streams_into_a_named_pipe(db: Path, tmp_path: Path, force: bool) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo, 0o600)
    reader = PipeReader(fifo)
    args = ["export", "--format", "csv", "--out", str(fifo)] + (["--force"] if force else [])
    done = run_journal(db, *args)
    received = reader.finish()
    assert done.returncode == 0, done.stderr
    assert _is(fifo, stat.S_ISFIFO), "the named pipe was replaced"
    text = received.decode("utf-8")
    assert text.startswith("id,created_at,kind") and all(t in text for t in TEXTS[:2])
    assert '"Quotes "" and, commas\nand a new line"' in text  # the exact text, CSV-quoted
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".pipe")] == []  # no temp file


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_export_force_into_a_character_device_leaves_it_a_device(db: Path, device: Path, fmt: str) -> None:
    done = run_journal(db, "export", "--format", fmt, "--out", str(device), "--force")
    assert done.returncode == 0, done.stderr
    assert _is(device, stat.S_ISCHR), "the device was replaced by a plain file"
    assert os.stat(device).st_rdev == os.makedev(1, 3)
    assert b"Exported 3 entries" in done.stdout


def test_export_into_the_real_dev_null_leaves_it_a_device(db: Path) -> None:
    """Runs after the copy above proved the code safe; as root, --force could otherwise replace it."""
    before = os.stat("/dev/null")
    done = run_journal(db, "export", "--out", "/dev/null", "--force")
    after = os.stat("/dev/null")
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev and after.st_ino == before.st_ino


def test_export_force_still_replaces_a_regular_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "old.csv"
    out.write_text("old")
    done = run_journal(db, "export", "--format", "csv", "--out", str(out), "--force")
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("id,created_at")


def test_export_refuses_a_socket_with_one_sentence(db: Path, tmp_path: Path) -> None:
    import socket

    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        done = run_journal(db, "export", "--out", str(path), "--force")
        assert_one_sentence(done, "socket", "not a file")
        assert _is(path, stat.S_ISSOCK)


def test_backup_refuses_a_named_pipe_and_a_device_with_one_sentence(db: Path, device: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo, 0o600)
    for target, kind in ((fifo, "named pipe"), (device, "character device")):
        done = run_journal(db, "backup", str(target))
        assert_one_sentence(done, kind, "not a file")
        assert _is(fifo, stat.S_ISFIFO) and _is(device, stat.S_ISCHR)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["j.db", "null", "pipe"]  # no .part left


def test_backup_never_replaces_what_appears_at_the_destination_meanwhile(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "copy.db"
    checked = backup_module._check_target

    def then_a_pipe_appears(path: Path, source: Path) -> None:
        checked(path, source)
        os.mkfifo(path, 0o600)

    monkeypatch.setattr(backup_module, "_check_target", then_a_pipe_appears)
    with open_store(db) as store, pytest.raises(StoreError) as caught:
        store.backup(target)
    assert "nothing was replaced" in str(caught.value)
    assert _is(target, stat.S_ISFIFO)
    assert not (tmp_path / "copy.db.part").exists()


def waiting_on_the_pipe(child: subprocess.Popen[bytes]) -> None:
    """Until `child` is asleep in open() on a named pipe, waiting for a reader (Linux's /proc says so)."""
    wchan = Path(f"/proc/{child.pid}/wchan")
    if not wchan.exists():
        child.kill()
        child.communicate()
        pytest.skip("no /proc/PID/wchan here to see a process waiting on a pipe")
    wait_until(
        lambda: wchan.read_text() in ("wait_for_partner", "fifo_open") or child.poll() is not None,
        "the export was waiting for a reader",
    )
    assert child.poll() is None, child.communicate()


def test_export_to_a_named_pipe_with_no_reader_can_be_interrupted(db: Path, tmp_path: Path) -> None:
    """Opening a pipe nobody reads waits, as in the shell; it never turns the pipe into a file."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo, 0o600)
    child = subprocess.Popen(
        journal_argv(db, "export", "--out", str(fifo), "--force"),
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    waiting_on_the_pipe(child)
    child.terminate()
    child.communicate(timeout=10)
    assert _is(fifo, stat.S_ISFIFO)
