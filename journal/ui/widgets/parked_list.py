"""Parked items to tick off, carry again or let go: one list shared by the ritual and the Mood pane.

The same keys and the same words wherever a parked loop is met, so a worker learns them once. The
list only records what was decided and says so (`Marked`); whoever shows it writes the journal, so
the widget never touches the file.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Collapsible, OptionList, Static
from textual.widgets.option_list import Option

from journal.domain.models import ParkedItem
from journal.ui.safe import safe_text

#: how each mark reads, in words as well as a symbol
STATUS_WORDS = {
    "open": ("○", "still open"),
    "carried": ("→", "carried to tomorrow"),
    "done": ("✓", "done"),
    "dropped": ("✗", "let go"),
}
#: the keys, as the headings above a parked list say them
KEYS_HINT = "d done · c carry again · x let go"


def store_status(mark: str) -> str:
    """The journal's status for a mark: carrying an item again keeps it open."""
    return "open" if mark == "carried" else mark


def parked_line(item: ParkedItem, mark: str) -> Content:
    symbol, word = STATUS_WORDS.get(mark, STATUS_WORDS["open"])
    return Content.assemble(f"{symbol} ", safe_text(item.text), (f"  · {word}", "$text-muted italic"))


class ParkedList(OptionList):
    """Parked items with what was decided for each; d done, c carry again, x let go.

    `marks` may be handed in so the decisions outlive this widget (the ritual rebuilds its steps).
    """

    BINDINGS = [
        Binding("d", "mark('done')", "Done"),
        Binding("c", "mark('carried')", "Carry"),
        Binding("x", "mark('dropped')", "Let go"),
    ]

    class Marked(Message):
        """An item was ticked off, carried or let go: the journal should change at once."""

        def __init__(self, item_id: int, mark: str) -> None:
            super().__init__()
            self.item_id, self.mark = item_id, mark

        @property
        def status(self) -> str:
            """What to store: open, done or dropped."""
            return store_status(self.mark)

    def __init__(
        self,
        items: Iterable[ParkedItem] = (),
        *,
        marks: dict[int, str] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.items: list[ParkedItem] = list(items)
        self.marks: dict[int, str] = marks if marks is not None else {}

    @property
    def still_open(self) -> int:
        """How many items are neither done nor let go."""
        return sum(store_status(self.marks.get(i.id, "open")) == "open" for i in self.items)

    def on_mount(self) -> None:
        self._show()

    def show(self, items: Iterable[ParkedItem]) -> None:
        """List these items, keeping the marks of those still listed."""
        self.items = list(items)
        listed = {i.id for i in self.items}
        for item_id in [k for k in self.marks if k not in listed]:
            del self.marks[item_id]
        self._show()

    def _show(self) -> None:
        highlighted = self.highlighted
        self.set_options(Option(parked_line(i, self.marks.get(i.id, "open")), id=str(i.id)) for i in self.items)
        if self.items:
            self.highlighted = 0 if highlighted is None else min(highlighted, len(self.items) - 1)

    def action_mark(self, mark: str) -> None:
        option = self.highlighted_option
        if option is None or option.id is None:
            return
        item_id = int(option.id)
        self.marks[item_id] = mark
        self._show()
        self.post_message(self.Marked(item_id, mark))


class ParkedSection(Collapsible):
    """ "Parked last time" outside the ritual: there only while something is parked, and foldable.

    The title counts what is still open, so a folded section still says whether anything waits.
    """

    TITLE = "Parked last time"

    def __init__(
        self,
        items: Iterable[ParkedItem] = (),
        *,
        marks: dict[int, str] | None = None,
        collapsed: bool = False,
        id: str | None = None,
    ) -> None:
        listed = ParkedList(items, marks=marks)
        super().__init__(
            Static(KEYS_HINT, markup=False, classes="parked-hint"),
            listed,
            title=self.TITLE,
            collapsed=collapsed,
            id=id,
        )
        # Born in the shape it will have (shown or not, its title): a change of display once mounted
        # would cost the pane another layout.
        self.display = bool(listed.items)
        self._retitle(listed)

    @property
    def parked_list(self) -> ParkedList:
        return self.query_one(ParkedList)

    def show(self, items: Iterable[ParkedItem]) -> None:
        """List these items; hide the section when there are none."""
        listed = self.parked_list
        listed.show(items)
        self.display = bool(listed.items)
        self._retitle()

    @on(ParkedList.Marked)
    def _marked(self) -> None:
        self._retitle()  # and let the message on to whoever saves it

    def _retitle(self, listed: ParkedList | None = None) -> None:
        still_open = (listed or self.parked_list).still_open
        self.title = f"{self.TITLE} · {still_open} still open" if still_open else f"{self.TITLE} · nothing left open"
