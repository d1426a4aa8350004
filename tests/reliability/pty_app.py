"""The real app (`python -m journal`) on a pseudo-terminal: keys go in as a terminal sends them.

Nothing is simulated: the child gets a real tty of a fixed size, the real entry point, the real
event loop and timers. The output is drained continuously (a full pty would block the app) and kept
so a test can wait for a word to be drawn: the reader wakes a waiting test the moment output arrives,
so nothing here waits for a length of time.
"""

from __future__ import annotations

import fcntl
import os
import re
import signal
import struct
import subprocess
import termios
import threading
from collections.abc import Sequence
from pathlib import Path

from tests.reliability.helpers import ROOT, child_env, journal_argv
from tests.waiting import PATIENCE


class PtyApp:
    """`python -m journal --db DB` on its own pty, `cols` x `rows`."""

    def __init__(self, db: Path, *, cols: int = 120, rows: int = 40, prefix: Sequence[str] = ()) -> None:
        """`prefix` runs the app inside another command (e.g. `unshare` for a read-only mount)."""
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.proc = subprocess.Popen(
            [*prefix, *journal_argv(db)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=ROOT,
            env=child_env(TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows)),
            start_new_session=True,
        )
        os.close(slave)
        self._master = master
        self._output = bytearray()
        self._done = False
        self._lock = threading.Lock()
        self._grown = threading.Condition(self._lock)  # notified on every chunk, and at the child's exit
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self._master, 65536)
            except OSError:  # the child is gone (EIO on Linux)
                chunk = b""
            with self._grown:
                self._output += chunk
                self._done = self._done or not chunk
                self._grown.notify_all()
            if not chunk:
                return

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

    def wait_for(self, word: str | re.Pattern[str], timeout: float = PATIENCE, *, since: int = 0) -> None:
        """Until `word` has been drawn after `since`: a plain string (it may sit between escape
        sequences, so plain words only) or a pattern over the raw output, escapes included."""
        found = word.search if isinstance(word, re.Pattern) else (lambda text: word in text)

        def seen() -> bool:  # called with the lock held
            return bool(found(self._output[since:].decode("utf-8", "replace")))

        with self._grown:
            self._grown.wait_for(lambda: seen() or self._done, timeout)
            if seen():
                return
            output = self._output.decode("utf-8", "replace")
        assert self.proc.poll() is None, f"the app exited: {output[-2000:]!r}"
        raise AssertionError(f"{word!r} never appeared in {timeout:.0f} s: {output[-2000:]!r}")

    def send(self, keys: str | bytes) -> None:
        """Keys as the terminal sends them; a burst of characters arrives as typed keys, one by one."""
        os.write(self._master, keys.encode() if isinstance(keys, str) else keys)

    def kill(self) -> None:
        """SIGKILL: no unmount, no atexit, no flush, like a closed laptop lid or an OOM kill."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)
        self._reader.join(timeout=5)
        os.close(self._master)
