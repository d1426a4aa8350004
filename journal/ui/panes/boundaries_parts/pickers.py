"""Picking a boundary kind and an outcome with one key each, so an event is logged in four keys.

Outcomes are always words (held / bent / crossed) with a marker for the chosen one, never a colour
alone; kinds are numbered so `3` picks the third.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from journal.domain.models import COST_WORDS, Outcome
from journal.ui.safe import safe_text
from journal.ui.widgets.safe_input import SafeInput
from journal.ui.widgets.scale_picker import ScalePicker

OUTCOMES: tuple[Outcome, ...] = (Outcome.HELD, Outcome.BENT, Outcome.CROSSED)
_GAP = "   "


class KeepsKeyOrder:
    """Mixin: the form's quick keys act (and move the focus) the moment they are handled, and a key
    that reached this widget after the focus had moved on goes on to the widget that has it now.

    The app hands each key to whatever was focused when the key arrived, and bindings are resolved
    only after the key has bubbled up; a burst of keys (a fast typist, tmux send-keys) would all land
    here before the focus moves, and the note would be lost. Handling the quick keys here, in order,
    and re-sending stray keys keeps every key in the order it was typed.
    """

    def own_key(self, event: events.Key) -> bool:
        """Handle a quick key now; True if it was one."""
        return False

    async def on_key(self, event: events.Key) -> None:
        assert isinstance(self, Widget)
        focused = self.screen.focused
        if focused is not None and focused is not self:
            event.stop()
            event.prevent_default()
            focused.post_message(events.Key(event.key, event.character))
        elif self.own_key(event):
            event.stop()
            event.prevent_default()


def _pick_outcome(widget: Widget, key: str) -> bool:
    outcome = next((o for o in OUTCOMES if o.value[0] == key), None)
    if outcome is not None:
        widget.screen.query_one(OutcomePicker).pick(outcome)
    return outcome is not None


class KindList(KeepsKeyOrder, OptionList):
    """Every boundary kind, numbered; a digit picks one, enter picks the highlighted one.

    Posts `KindList.Picked` either way, so the owner can move on to the outcome.
    """

    class Picked(Message):
        def __init__(self, slug: str) -> None:
            super().__init__()
            self.slug = slug

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kinds: dict[str, str] = {}

    def set_kinds(self, kinds: Mapping[str, str], builtin: set[str]) -> None:
        """Show `kinds` (slug -> label), keeping the chosen one if it is still there."""
        chosen = self.chosen
        self.kinds = dict(kinds)
        options = []
        for number, (slug, label) in enumerate(self.kinds.items(), start=1):
            key = f"{number} " if number <= 9 else "  "
            parts = [Content.styled(key, "bold"), safe_text(label)]
            if slug not in builtin:
                parts.append(Content.styled("  (yours)", "$text-muted"))
            options.append(Option(Content.assemble(*parts), id=slug))
        self.set_options(options)
        if chosen in self.kinds:
            self.choose(chosen)

    @property
    def chosen(self) -> str | None:
        if self.highlighted is None or self.option_count == 0:
            return None
        return str(self.get_option_at_index(self.highlighted).id)

    def choose(self, slug: str | None) -> None:
        if slug is None or slug not in self.kinds:
            self.highlighted = None
            return
        self.highlighted = list(self.kinds).index(slug)

    def own_key(self, event: events.Key) -> bool:
        if event.key in "123456789" and len(event.key) == 1:
            self.pick_number(int(event.key))
            return True
        return _pick_outcome(self, event.key)

    def pick_number(self, number: int) -> None:
        if number <= self.option_count:
            self.highlighted = number - 1
            self._picked()

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._picked()

    def _picked(self) -> None:
        self.screen.focus_next()  # on to the outcome, at once (see KeepsKeyOrder)
        self.post_message(self.Picked(str(self.chosen)))


class OutcomePicker(KeepsKeyOrder, Widget, can_focus=True):
    """Held / bent / crossed: h, b or c (or left/right, or a click). Posts `Changed` and, for a
    direct key, `Picked` so the owner can move on."""

    DEFAULT_CSS = """
    OutcomePicker {
        height: 1;
        width: 1fr;
        & > .outcome-picker--label { text-style: bold; }
        & > .outcome-picker--chosen { text-style: bold; }
        & > .outcome-picker--chosen-focus { text-style: bold reverse; color: $accent; }
        & > .outcome-picker--open { color: $text-muted; }
        &:focus { background: $boost; }
    }
    """
    COMPONENT_CLASSES = {
        "outcome-picker--label",
        "outcome-picker--chosen",
        "outcome-picker--chosen-focus",
        "outcome-picker--open",
    }
    BINDINGS = [
        Binding("left", "step(-1)", show=False),
        Binding("right", "step(1)", show=False),
        Binding("backspace,delete", "clear", show=False),
    ]

    value: reactive[Outcome | None] = reactive(None)

    class Changed(Message):
        def __init__(self, value: Outcome | None) -> None:
            super().__init__()
            self.value = value

    class Picked(Message):
        """Chosen with its own key: the owner may move the focus on."""

    def __init__(self, label: str = "Outcome", *, label_width: int = 9, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label
        self.label_width = label_width
        self._segments: list[tuple[int, int, Outcome]] = []

    def watch_value(self, value: Outcome | None) -> None:
        self.post_message(self.Changed(value))

    def render(self) -> Content:
        label = self.label.ljust(self.label_width)
        parts: list[Content | str] = [Content.styled(label, self.get_visual_style("outcome-picker--label"))]
        chosen_class = "outcome-picker--chosen-focus" if self.has_focus else "outcome-picker--chosen"
        position, self._segments = len(label), []
        for outcome in OUTCOMES:
            marker = "●" if outcome == self.value else "○"
            text = f"{marker} {outcome.value} ({outcome.value[0]})"
            style = chosen_class if outcome == self.value else "outcome-picker--open"
            parts.append(Content.styled(text, self.get_visual_style(style)))
            self._segments.append((position, position + len(text), outcome))
            position += len(text) + len(_GAP)
            parts.append(_GAP)
        return Content.assemble(*parts[:-1])

    def own_key(self, event: events.Key) -> bool:
        return _pick_outcome(self, event.key)

    def pick(self, outcome: Outcome) -> None:
        """Choose by its key (h/b/c): the pane calls this from anywhere that is not a text box.
        From the kind list or here, the focus moves on to the cost at once."""
        self.value = outcome
        if isinstance(self.screen.focused, (KindList, OutcomePicker)):
            self.screen.set_focus(self.screen.query_one(CostPicker))
        self.post_message(self.Picked())

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for start, end, outcome in self._segments:
            if start <= offset.x < end + 1:
                self.value = outcome
                return

    def action_step(self, delta: int) -> None:
        index = 0 if self.value is None else OUTCOMES.index(self.value) + delta
        self.value = OUTCOMES[min(max(index, 0), len(OUTCOMES) - 1)]

    def action_clear(self) -> None:
        self.value = None

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


class CostPicker(KeepsKeyOrder, ScalePicker):
    """The 1-5 cost in words; a digit chooses and moves on to the note at once."""

    def __init__(self, *, id: str | None = None, label_width: int = 8) -> None:
        super().__init__("Cost", COST_WORDS, id=id, label_width=label_width)

    def own_key(self, event: events.Key) -> bool:
        if event.key in "12345" and len(event.key) == 1:
            self.value = int(event.key)
            self.screen.focus_next()
            return True
        return False


class OrderedInput(KeepsKeyOrder, SafeInput):
    """An Input that passes on keys that arrived after the focus moved on (see KeepsKeyOrder);
    with `advance_on_enter`, enter moves on to the next field at once."""

    def __init__(self, *, advance_on_enter: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.advance_on_enter = advance_on_enter

    def own_key(self, event: events.Key) -> bool:
        if event.key == "enter" and self.advance_on_enter:
            self.screen.focus_next()
            return True
        return False
