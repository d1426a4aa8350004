"""The real app (`python -m journal`) on a pseudo-terminal: keys go in as a terminal sends them.

Nothing is simulated: the child gets a real tty of a fixed size, the real entry point, the real
event loop and timers. The output is drained continuously (a full pty would block the app) and kept
so a test can wait for a word to be drawn.
"""

from __future__ import annotations

import fcntl
import os
import signal
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from tests.reliability.helpers import ROOT, child_env, journal_argv


class PtyApp:
    """`python -m journal --db DB` on its own pty, `cols` x `rows`."""

    def __init__(self, db: Path, *, cols: int = 120, rows: int = 40, prefix: Sequence[str] = ()) -> None:
        """`prefix` runs the app inside another command (e.g. `unshare` for a read-only mount)."""
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.proc = subprocess.Popen(
            [*prefix, *journal_argv(db)], stdin=slave, stdout=slave, stderr=slave, cwd=ROOT,
            env=child_env(TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows)),
            start_new_session=True,
        )
        os.close(slave)
        self._master = master
        self._output = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self._master, 65536)
            except OSError:  # the child is gone (EIO on Linux)
                return
            if not chunk:
                return
            with self._lock:
                self._output += chunk

    @property
    def output(self) -> str:
        return self._since(0)

    def _since(self, mark: int) -> str:
        with self._lock:
            return self._output[mark:].decode("utf-8", "replace")

    def mark(self) -> int:
        """A place in the output, for `wait_for(..., since=mark)`."""
        with self._lock:
            return len(self._output)

    def wait_for(self, word: str, timeout: float = 45.0, *, since: int = 0) -> None:
        """Until `word` has been drawn after `since` (it may sit between escape sequences, so plain
        words only)."""
        deadline = time.monotonic() + timeout
        while word not in self._since(since):
            assert self.proc.poll() is None, f"the app exited: {self.output[-2000:]!r}"
            assert time.monotonic() < deadline, f"{word!r} never appeared"
            time.sleep(0.05)

    def send(self, keys: str | bytes, pause: float = 0.0) -> None:
        os.write(self._master, keys.encode() if isinstance(keys, str) else keys)
        if pause:
            time.sleep(pause)

    def type(self, text: str, pause: float = 0.005) -> None:
        """One character at a time, like a person (a burst would arrive as a paste)."""
        for ch in text:
            self.send(ch, pause)

    def kill(self) -> None:
        """SIGKILL: no unmount, no atexit, no flush, like a closed laptop lid or an OOM kill."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)
        self._reader.join(timeout=5)
        os.close(self._master)
