"""A 1-5 scale picked with keys or the mouse, always shown with words as well as numbers.

Used for mood and energy in the Mood pane and by the ritual's check-in step. A score is never shown as
a colour alone: every segment carries its number and its word, and the chosen one is marked with a
filled dot, so the picker reads the same on a monochrome terminal or to someone who cannot tell
colours apart.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

_CHOSEN = "●"
_OPEN = "○"
_GAP = "  "


class ScalePicker(Widget, can_focus=True):
    """Pick a whole number 1-5 (or nothing) from labelled segments.

    Keys: left/right move, 1-5 choose directly, backspace/delete clear. A click on a segment chooses
    it. Every change posts `ScalePicker.Changed`.
    """

    DEFAULT_CSS = """
    ScalePicker {
        height: 1;
        width: 1fr;
        & > .scale-picker--label { text-style: bold; }
        & > .scale-picker--chosen { text-style: bold; }
        & > .scale-picker--chosen-focus { text-style: bold reverse; color: $accent; }
        & > .scale-picker--open { color: $text-muted; }
        &:focus { background: $boost; }
    }
    """

    COMPONENT_CLASSES = {
        "scale-picker--label",
        "scale-picker--chosen",
        "scale-picker--chosen-focus",
        "scale-picker--open",
    }

    BINDINGS = [
        Binding("left", "step(-1)", "Less", show=False),
        Binding("right", "step(1)", "More", show=False),
        Binding("backspace,delete", "clear", "Clear", show=False),
        *(Binding(str(n), f"choose({n})", show=False) for n in range(1, 6)),
    ]

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        """The chosen value changed (`value` is None when cleared)."""

        def __init__(self, picker: ScalePicker, value: int | None) -> None:
            super().__init__()
            self.picker = picker
            self.value = value

        @property
        def control(self) -> ScalePicker:
            return self.picker

    def __init__(
        self,
        label: str,
        words: Mapping[int, str],
        value: int | None = None,
        *,
        label_width: int | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.label = label
        self.words = dict(words)
        self.label_width = label_width if label_width is not None else len(label) + 2
        # Cell ranges of each segment from the last render, for mapping clicks to values.
        self._segments: list[tuple[int, int, int]] = []
        self.set_reactive(ScalePicker.value, self.validate_value(value))

    @property
    def word(self) -> str | None:
        """The word for the current value, e.g. "low"."""
        return None if self.value is None else self.words.get(self.value)

    def validate_value(self, value: int | None) -> int | None:
        if value is None:
            return None
        return min(max(int(value), 1), 5)

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    def render(self) -> Content:
        parts: list[str | tuple[str, str] | Content] = []
        label = self.label.ljust(self.label_width)
        parts.append(Content.styled(label, self.get_visual_style("scale-picker--label")))
        chosen_class = "scale-picker--chosen-focus" if self.has_focus else "scale-picker--chosen"
        self._segments = []
        position = len(label)
        for n in range(1, 6):
            marker = _CHOSEN if n == self.value else _OPEN
            segment = f"{marker} {n} {self.words.get(n, '')}".rstrip()
            style = self.get_visual_style(chosen_class if n == self.value else "scale-picker--open")
            parts.append(Content.styled(segment, style))
            self._segments.append((position, position + len(segment), n))
            position += len(segment)
            if n < 5:
                parts.append(_GAP)
                position += len(_GAP)
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for start, end, n in self._segments:
            if start <= offset.x < end + 1:  # the space after a segment counts as part of it
                self.value = n
                return

    def action_step(self, delta: int) -> None:
        self.value = 3 if self.value is None else min(max(self.value + delta, 1), 5)

    def action_choose(self, n: int) -> None:
        self.value = n

    def action_clear(self) -> None:
        self.value = None

    def on_focus(self, event: events.Focus) -> None:
        self.refresh()

    def on_blur(self, event: events.Blur) -> None:
        self.refresh()
