"""A one-line Input for the user's own words whose pastes cannot carry terminal controls.

Textual's Input inserts a bracketed paste as is, so ESC, BEL or C1 characters in it would be drawn
straight to the terminal (clearing the screen, setting the clipboard through OSC 52...). Keys never
insert controls, so cleaning pastes is enough; markup is never parsed by an Input anyway.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from journal.ui.safe import safe_plain


class SafeInput(Input):
    """See the module docstring."""

    def _on_paste(self, event: events.Paste) -> None:
        cleaned = safe_plain(event.text)
        if cleaned != event.text:
            event.prevent_default()
            event.stop()
            if lines := cleaned.splitlines():
                self.insert_text_at_cursor(lines[0])
        # Clean pastes fall through to Input's own handler (Textual dispatches along the MRO).
