"""The pty harness itself: a wait that could never fail would make every pty test vacuous."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.pty_app import PtyApp


def test_wait_for_sees_a_drawn_word_and_fails_on_one_never_drawn(tmp_path: Path) -> None:
    # `sh -c SCRIPT sh ARGS...`: the journal's own arguments land in "$@" and are ignored.
    app = PtyApp(tmp_path / "j.db", prefix=["sh", "-c", "echo drawn-word; exec sleep 60", "sh"])
    try:
        app.wait_for("drawn-word", timeout=30)
        with pytest.raises(AssertionError, match="never appeared"):
            app.wait_for("a-word-nobody-draws", timeout=0.5)
    finally:
        app.kill()
