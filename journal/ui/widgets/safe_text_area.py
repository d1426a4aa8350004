"""A TextArea for the user's own words: pasted control characters dropped, and `$EDITOR` one key away.

A bracketed paste can carry ESC and other controls straight into the document, and a TextArea draws
its document as is, so they would reach the terminal; keys never insert controls, so cleaning pastes
(`CleanPastes`) and anything loaded with `load_clean` is enough. Some people think best in their own
editor, so ctrl+o hands the text to `$VISUAL`/`$EDITOR` with the app suspended and takes back what they saved.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from textual.app import SuspendNotSupported
from textual.binding import Binding
from textual.widgets import TextArea

from journal.ui.compat import CleanPastes
from journal.ui.safe import safe_plain


class SafeTextArea(CleanPastes, TextArea):
    """See the module docstring."""

    BINDINGS = [
        Binding("ctrl+o", "open_in_editor", "Your editor", show=True),
        # TextArea has no keys for the whole text's start and end; people expect these from any editor.
        Binding("ctrl+home", "cursor_text_start", "Start of the text", show=False),
        Binding("ctrl+end", "cursor_text_end", "End of the text", show=False),
        Binding("ctrl+shift+home", "cursor_text_start(True)", "Select to the start", show=False),
        Binding("ctrl+shift+end", "cursor_text_end(True)", "Select to the end", show=False),
    ]

    @property
    def text_end(self) -> tuple[int, int]:
        """Where the text ends: (last line, its length)."""
        last = self.document.line_count - 1
        return last, len(self.document.get_line(last))

    def action_cursor_text_start(self, select: bool = False) -> None:
        self.move_cursor((0, 0), select=select)

    def action_cursor_text_end(self, select: bool = False) -> None:
        self.move_cursor(self.text_end, select=select)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # F6 is the app's key for Insights, a priority binding, so TextArea's "select line" on F6
        # never ran; left listed, it pulled F6 to the front of the footer, away from F2-F5.
        if action == "select_line":
            return False
        return super().check_action(action, parameters)

    def load_clean(self, text: str) -> None:
        """Replace the document with `text`, control characters removed."""
        self.load_text(safe_plain(text))

    def action_open_in_editor(self) -> None:
        command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not command:
            self.notify("Set $EDITOR to write in your own editor.", timeout=4)
            return
        # mkstemp makes the file owner-only; it lives only while the editor is open.
        handle, name = tempfile.mkstemp(prefix="journal-", suffix=".txt")
        path = Path(name)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(self.text)
            try:
                with self.app.suspend():
                    finished = subprocess.run([*shlex.split(command), str(path)], check=False)
            except SuspendNotSupported:
                self.notify("Your own editor can't be opened from here.", timeout=4)
                return
            except OSError:
                self.notify("Your editor didn't start; check $EDITOR.", timeout=4)
                return
            if finished.returncode != 0:
                self.notify("The editor closed without saving; nothing changed.", timeout=4)
                return
            edited = path.read_text(encoding="utf-8", errors="replace").rstrip("\n")
        finally:
            path.unlink(missing_ok=True)
        if edited != self.text:
            self.load_clean(edited)
            self.move_cursor(self.document.end)
