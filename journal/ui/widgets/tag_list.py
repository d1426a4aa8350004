"""The tags of a piece of text as a list of chips, each explained by the words that triggered it.

A dumb view: it shows `TagChip`s and reports when the user asks to reject (or bring back, or remove) a
tag; whoever owns the tags decides what that means. Shared by the Mood pane and the ritual's Unload
step through `TaggedEditor`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from journal.domain.models import Source
from journal.ui.safe import safe_plain, safe_text

#: How many trigger phrases a chip quotes before it says "and N more".
_MAX_PHRASES = 3
_EMPTY_HINT = "Tags appear here as you write."


@dataclass(frozen=True, slots=True)
class TagChip:
    """One tag as the list shows it."""

    name: str
    category: str
    source: Source = Source.AUTO
    phrases: tuple[str, ...] = ()
    rejected: bool = False


def chip_content(chip: TagChip) -> Content:
    """The chip's line: name, category, then why (the quoted words), or that it was added/rejected.

    Rejected tags are struck through and dimmed *and* say "rejected" in words, so the state never
    depends on styling alone.
    """
    parts: list[Content | str | tuple[str, str]] = []
    marker = "✗" if chip.rejected else ("+" if chip.source is Source.MANUAL else "●")
    parts.append(f"{marker} ")
    parts.append(safe_text(chip.name).stylize("bold"))
    parts.append((f" ({chip.category})", "italic"))
    if chip.rejected:
        parts.append(" · rejected (x to bring back)")
    elif chip.source is Source.MANUAL:
        parts.append(" · added by you")
    elif chip.phrases:
        unique = list(dict.fromkeys(p.strip() for p in chip.phrases if p.strip()))
        quoted = [Content.assemble('"', safe_text(p), '"') for p in unique[:_MAX_PHRASES]]
        parts.append(" · ")
        parts.append(Content(", ").join(quoted))
        if len(unique) > _MAX_PHRASES:
            parts.append(f" and {len(unique) - _MAX_PHRASES} more")
    content = Content.assemble(*parts)
    if chip.rejected:
        content = content.stylize("strike dim")
    return content


class TagList(OptionList):
    """Tag chips; `x`, delete, enter or a click toggles the highlighted tag.

    For an automatic tag the toggle means rejected / not rejected; for a tag added by hand it means
    remove. The owner gets `TagList.Toggled` and calls `show` with the new chips.
    """

    DEFAULT_CSS = """
    TagList {
        height: auto;
        max-height: 8;
        border: none;
        padding: 0;
        background: transparent;
        &:focus { border: none; background: $boost; }
    }
    """

    BINDINGS = [
        Binding("x,delete,backspace", "toggle_tag", "Reject/restore tag", show=True),
    ]

    class Toggled(Message):
        """The user asked to flip tag `name` (reject/restore an auto tag, remove a manual one)."""

        def __init__(self, tag_list: TagList, chip: TagChip) -> None:
            super().__init__()
            self.tag_list = tag_list
            self.chip = chip

        @property
        def control(self) -> TagList:
            return self.tag_list

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._chips: dict[str, TagChip] = {}
        self.show([])

    @property
    def chips(self) -> list[TagChip]:
        return list(self._chips.values())

    def show(self, chips: Sequence[TagChip], notes: Sequence[str] = ()) -> None:
        """Replace the chips, keeping the highlight on the same tag where it still exists.

        `notes` are quiet lines after the chips (what the journal's personal adjustment left out);
        they cannot be highlighted or toggled."""
        current = self.highlighted_option.id if self.highlighted_option is not None else None
        self._chips = {chip.name: chip for chip in chips}
        quiet = [Option(Content.styled(safe_plain(n), "$text-muted italic"), disabled=True) for n in notes]
        if not chips:
            self.set_options(quiet or [Option(Content.styled(_EMPTY_HINT, "$text-muted italic"), disabled=True)])
            return
        self.set_options([*(Option(chip_content(chip), id=chip.name) for chip in chips), *quiet])
        names = list(self._chips)
        if current in self._chips:
            self.highlighted = names.index(current)
        elif self.has_focus:
            self.highlighted = 0

    def on_focus(self) -> None:
        # Arriving by tab should land on a tag, so `x` works straight away.
        if self.highlighted is None and self._chips:
            self.highlighted = 0

    def _toggle_index(self, index: int | None) -> None:
        if index is None or not self._chips:
            return
        option_id = self.get_option_at_index(index).id
        if option_id is not None and option_id in self._chips:
            self.post_message(self.Toggled(self, self._chips[option_id]))

    def action_toggle_tag(self) -> None:
        self._toggle_index(self.highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._toggle_index(event.option_index)
