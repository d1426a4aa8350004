"""The footer of every pane: the keys it offers, drawn as one line of text by one widget.

Textual's `Footer` is a scrolling container holding a widget per key, thrown away and mounted again
whenever the screen's bindings change (every focus change, resize and mount). At start-up it was the
costliest part of the shell: a dozen widgets to style, lay out and paint, twice, once the first
frame had been drawn (see "Start-up" in benchmarks/README.md). The keys are one line of text, so this
draws them as one, and maps a click or a hover back to the key under the pointer.

The shape follows the width: roomy from `ROOMY` columns (each key padded, as Textual draws them),
compact below it, and below `NARROW` the Ctrl+P key is left to the help screen (which lists it) so
that F1 stays visible. Which pane keys are live (named, or grouped as "F2 … F6 Panes") is the app's
choice, made in `JournalApp.check_action`; this draws what the screen says is active, except that
where a pane's own keys leave no room to name the pane keys it draws those grouped too, rather than
cut off the end of the line (F1 Help).
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.style import Style
from textual.widget import Widget

from journal.ui.panes.catalog import NARROW, PANE_GROUP, ROOMY, is_named_pane_key

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.screen import Screen

#: The border drawn before the Ctrl+P key on the right.
_PALETTE_EDGE = "▏"
#: The app's own keys (help, the panes), as against a pane's own keys.
_SHELL_KEYS = frozenset({"f1", "f2", "f3", "f4", "f5", "f6", "ctrl+p"})
#: Below `ROOMY` columns, a pane showing this many keys of its own (the ritual's next, back and
#: settings) shows the pane keys grouped ("F2 … F6 Panes"), so its own keys are not crowded out.
OWN_KEYS_TO_GROUP = 3
#: Columns kept free at the right: the pane keys group a little before the line would be full.
SLACK = 8


class FooterKey(NamedTuple):
    """One key as the footer shows it."""

    key: str  # what a click presses, e.g. "f2"
    display: str  # how it is written, e.g. "F2"
    description: str  # "" for a key shown in a group
    enabled: bool
    tooltip: str


class _Piece(NamedTuple):
    """A run of footer text: what it is (its style), and the key it belongs to, if any."""

    text: str
    role: str  # "key", "description", "label", "edge" or "gap"
    key: int | None = None  # index into the footer's keys


def _shape(width: int) -> tuple[bool, bool]:
    """(compact, show Ctrl+P) for a footer this wide."""
    return width < ROOMY, width >= NARROW


def _key_pieces(index: int, key: FooterKey, compact: bool) -> list[_Piece]:
    """A key and its description, padded as Textual pads them: ` F2 Ritual ` or `F2 Ritual`."""
    if compact:
        pieces = [_Piece(key.display, "key", index)]
        if key.description:
            pieces.append(_Piece(f" {key.description}", "description", index))
        return pieces
    pieces = [_Piece(f" {key.display} ", "key", index)]
    if key.description:
        pieces.append(_Piece(f"{key.description} ", "description", index))
    return pieces


def _units(pieces: list[_Piece]) -> list[list[_Piece]]:
    """The pieces in the runs that stand or fall together: a key with its description (and the gap
    before it), and a group's label with the key before it."""
    units: list[list[_Piece]] = []
    for piece in pieces:
        starts = piece.role == "gap" or (piece.role == "key" and not (units and units[-1][-1].role == "gap"))
        if starts or not units:
            units.append([piece])
        else:
            units[-1].append(piece)
    return units


class PaneFooter(Widget, can_focus=False):
    """The keys of the screen it sits on, redrawn (not rebuilt) when they change."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "pane-footer--key",
        "pane-footer--description",
        "pane-footer--label",
        "pane-footer--edge",
        "pane-footer--hover",
        "pane-footer--disabled",
    }
    DEFAULT_CSS = """
    PaneFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        background: $footer-background;
        color: $footer-foreground;
        & > .pane-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .pane-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .pane-footer--label {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .pane-footer--edge { color: $foreground 20%; }
        & > .pane-footer--hover { background: $block-hover-background; }
        & > .pane-footer--disabled { color: $text-muted; text-style: not bold; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[FooterKey] = []
        self._spans: list[tuple[int, int, int]] = []  # (start, end, key index) as last drawn
        self._hover: int | None = None

    # what to show -------------------------------------------------------------------------------
    def _collect(
        self, screen: Screen[object], palette: bool, group_panes: bool = False
    ) -> tuple[list[FooterKey], list[tuple[str | None, list[int]]], int | None]:
        """The keys to show; how they run (key indexes, under a group's label when grouped); and
        the index of the Ctrl+P key if it shows. With `group_panes`, the named pane keys are drawn
        as the narrow form draws them, "F2 F3 F4 F5 F6 Panes"."""
        active = screen.active_bindings
        first_by_action: dict[str, tuple[Binding, bool, str]] = {}
        for _, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in first_by_action:
                first_by_action[binding.action] = (binding, enabled, tooltip)
        keys: list[FooterKey] = []
        runs: list[tuple[str | None, list[int]]] = []

        def group_of(item: tuple[Binding, bool, str]) -> Binding.Group | None:
            binding = item[0]
            return PANE_GROUP if group_panes and is_named_pane_key(binding) else binding.group

        for group, members in groupby(first_by_action.values(), group_of):
            listed = list(members)
            grouped = group is not None and len(listed) > 1
            indexes: list[int] = []
            for binding, enabled, tooltip in listed:
                indexes.append(len(keys))
                keys.append(
                    FooterKey(
                        binding.key,
                        self.app.get_key_display(binding),
                        "" if grouped else binding.description,
                        enabled,
                        tooltip or (binding.description if grouped else ""),
                    )
                )
            runs.append((group.description if grouped and group else None, indexes))
        palette_index = None
        if palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _, binding, enabled, tooltip = found
                palette_index = len(keys)
                keys.append(
                    FooterKey(
                        binding.key,
                        self.app.get_key_display(binding),
                        binding.description,
                        enabled,
                        binding.tooltip or binding.description,
                    )
                )
        return keys, runs, palette_index

    def _pieces(self, width: int) -> tuple[list[FooterKey], list[_Piece], list[_Piece]]:
        """The keys, and the pieces of text on the left and on the right: the pane keys grouped
        if a pane's own keys leave them no room to be named (help must never be cut off)."""
        compact, palette = _shape(width)
        shaped = self._shape_pieces(compact, palette, group_panes=False)
        keys, left, right = shaped
        own = sum(1 for key in keys if key.key not in _SHELL_KEYS)
        needed = sum(cell_len(p.text) for p in (*left, *right))
        if needed > width - SLACK or (compact and own >= OWN_KEYS_TO_GROUP):
            shaped = self._shape_pieces(compact, palette, group_panes=True)
        return shaped

    def _shape_pieces(
        self, compact: bool, palette: bool, group_panes: bool
    ) -> tuple[list[FooterKey], list[_Piece], list[_Piece]]:
        keys, runs, palette_index = self._collect(self.screen, palette, group_panes)
        left: list[_Piece] = []
        for label, indexes in runs:
            if left and compact:
                left.append(_Piece(" ", "gap"))
            if label is None:
                for n, index in enumerate(indexes):
                    if n and compact:
                        left.append(_Piece(" ", "gap"))
                    left.extend(_key_pieces(index, keys[index], compact))
            else:
                if not compact:
                    left.append(_Piece(" ", "gap"))
                for n, index in enumerate(indexes):
                    if n:
                        left.append(_Piece(" ", "gap"))
                    left.append(_Piece(keys[index].display, "key", index))
                left.append(_Piece(f" {label}" + ("" if compact else " "), "label"))
        right: list[_Piece] = []
        if palette_index is not None:
            right.append(_Piece(_PALETTE_EDGE, "edge"))
            right.extend(_key_pieces(palette_index, keys[palette_index], compact=True))
            if not compact:
                right.append(_Piece(" ", "gap"))
        return keys, left, right

    # drawing ----------------------------------------------------------------------------------------
    def render(self) -> Content:
        width = self.size.width
        keys, left, right = self._pieces(width)
        self.keys = keys
        right_width = sum(cell_len(p.text) for p in right)
        room = max(0, width - right_width)
        pieces: list[_Piece] = []
        used = 0
        for unit in _units(left):  # a key that does not fit is left out whole, never cut in half
            unit_width = sum(cell_len(p.text) for p in unit)
            if used + unit_width > room:
                break
            pieces.extend(unit)
            used += unit_width
        if right:
            pieces.append(_Piece(" " * (room - used), "gap"))
            pieces.extend(right)
        spans: list[tuple[int, int, int]] = []
        parts: list[tuple[str, Style | str]] = []
        at = 0
        for piece in pieces:
            style = self.get_visual_style(f"pane-footer--{piece.role}") if piece.role != "gap" else None
            width = cell_len(piece.text)
            if piece.key is not None:
                spans.append((at, at + width, piece.key))
                if piece.key == self._hover:
                    hover = self.get_visual_style("pane-footer--hover")
                    style = hover if style is None else style + hover
                if not keys[piece.key].enabled:  # muted, not dim: a dim key fades below 3:1
                    disabled = self.get_visual_style("pane-footer--disabled")
                    style = disabled if style is None else style + disabled
            parts.append((piece.text, style or ""))
            at += width
        self._spans = spans
        return Content.assemble(*parts)

    @property
    def text(self) -> str:
        """The footer as plain text, as it was last drawn (what tests and people read)."""
        return self.render().plain

    # following the bindings -------------------------------------------------------------------
    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            self.refresh()

    # the pointer ------------------------------------------------------------------------------
    def _key_at(self, x: int) -> int | None:
        return next((index for start, end, index in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._point_at(self._key_at(event.x))

    def on_leave(self) -> None:
        self._point_at(None)

    def _point_at(self, index: int | None) -> None:
        if index == self._hover:
            return
        self._hover = index
        tip = self.keys[index].tooltip if index is not None and index < len(self.keys) else ""
        self.tooltip = tip or None
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = self._key_at(event.x)
        if index is None or index >= len(self.keys):
            return
        event.stop()
        key = self.keys[index]
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
