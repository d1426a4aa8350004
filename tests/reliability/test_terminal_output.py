"""Escape sequences typed into an entry never reach a terminal from `journal export` (issue 16, point 7).

`export --format csv` printed an entry's OSC 52 clipboard write and screen clear raw to the screen.
Every export shown on a terminal (stdout a TTY, or `--out` naming a terminal device) now goes through
the same gate as the CLI's other output (`cli/render.safe`); a file or a pipe gets the exact text.
The terminal here is a real pseudo-terminal, so the child's own `isatty()` decides, as it would for
a person.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import select
import subprocess
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from journal.domain.models import Entry, Kind
from journal.storage import open_store
from tests.reliability.helpers import child_env, journal_argv, run_journal
from tests.waiting import PATIENCE

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
HOSTILE = [
    "copy this \x1b]52;c;ZXZpbA==\x07 please",  # OSC 52: writes the clipboard
    "clear \x1b[2J\x1b[H the screen",
    "csi \x9b31m in C1, link \x1b]8;;http://x\x1b\\here\x1b]8;;\x1b\\ and a bell \x07 and NUL \x00 end",
]
#: ESC, BEL, DEL, and the C1 controls as UTF-8 (U+0080-U+009F), and every C0 control but \t \n \r.
UNSAFE = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "j.db"
    with open_store(path) as store:
        store.save_many([Entry(kind=Kind.MOOD, text=t, mood=2, created_at=AT) for t in HOSTILE], tag=False)
    return path


def _drain_until_exit(master: int, child: subprocess.Popen[bytes]) -> bytearray:
    """Everything the child writes to the terminal, read as it comes (a full pty would block it),
    until it has exited: woken by its output or by its exit, never by a clock."""
    exited_r, exited_w = os.pipe()
    threading.Thread(target=lambda: (child.wait(), os.close(exited_w)), daemon=True).start()
    screen = bytearray()
    try:
        while True:
            ready, _, _ = select.select([master, exited_r], [], [], PATIENCE)
            assert ready, f"the child neither wrote nor exited in {PATIENCE:.0f} s"
            if master in ready:
                screen += os.read(master, 65536)
            elif exited_r in ready:  # exited, and nothing more is waiting to be read
                return screen
    finally:
        os.close(exited_r)


def _on_a_terminal(db: Path, *args: str, via_out: bool = False) -> tuple[bytes, bytes, int]:
    """Run the CLI with stdout (or, `via_out`, `--out`) on a pseudo-terminal: what the screen got."""
    master, slave = pty.openpty()
    try:
        extra = ["--out", os.ttyname(slave)] if via_out else []
        child = subprocess.Popen(
            journal_argv(db, *args, *extra),
            env=child_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE if via_out else slave,
            stderr=subprocess.PIPE,
        )
        screen = _drain_until_exit(master, child)
        _, err = child.communicate(timeout=PATIENCE)
    finally:
        os.close(master)
        os.close(slave)
    return bytes(screen), err, child.returncode


@pytest.mark.parametrize("fmt", ["csv", "json", "md"])
def test_no_escape_sequence_reaches_a_terminal(db: Path, fmt: str) -> None:
    screen, err, code = _on_a_terminal(db, "export", "--format", fmt)
    assert code == 0, err
    assert UNSAFE.search(screen) is None, UNSAFE.findall(screen)
    assert b"copy this" in screen and b"please" in screen  # the words themselves are still shown


def test_no_escape_sequence_reaches_a_terminal_named_by_out(db: Path) -> None:
    screen, err, code = _on_a_terminal(db, "export", "--format", "csv", "--force", via_out=True)
    assert code == 0, err
    assert b"copy this" in screen and UNSAFE.search(screen) is None, UNSAFE.findall(screen)


def _texts_from_csv(data: str) -> list[str]:
    return [row["text"] for row in csv.DictReader(io.StringIO(data, newline=""))]


def test_a_file_keeps_the_exact_text(db: Path, tmp_path: Path) -> None:
    for fmt in ("csv", "json"):
        out = tmp_path / f"export.{fmt}"
        done = run_journal(db, "export", "--format", fmt, "--out", str(out))
        assert done.returncode == 0, done.stderr
        data = out.read_bytes().decode("utf-8")
        if fmt == "csv":
            assert _texts_from_csv(data) == HOSTILE
        else:
            assert [e["text"] for e in json.loads(data)["entries"]] == HOSTILE


def test_a_pipe_keeps_the_exact_text(db: Path) -> None:
    """`journal export --format csv > file` is how many people make a file: not a terminal, so exact."""
    done = run_journal(db, "export", "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert _texts_from_csv(done.stdout.decode("utf-8")) == HOSTILE
