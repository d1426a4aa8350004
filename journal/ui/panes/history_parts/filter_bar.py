"""The filter line and its status: one Input in the journal.domain.filters grammar, completed as you type.

The line is read with `parse_filter` a moment after typing stops (Enter applies it at once); a mistake
shows as one sentence under it and the list keeps showing the last good filter. Under the line, the
filter as the app understood it (`tag:sleep since:last month`) and how many entries match.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.suggester import Suggester
from textual.timer import Timer
from textual.widgets import Input, Static

from journal.domain.filters import FilterError, FilterSpec, parse_filter
from journal.domain.models import Kind
from journal.ui.safe import safe_text
from journal.ui.services import UsesServices
from journal.ui.widgets.safe_input import SafeInput

PLACEHOLDER = (
    'Search: words, "a phrase", tir*  ·  tag:sleep  ·  kind:mood  ·  since:last month  ·  on:2026-11-03  ·  in:trash'
)
_VALUES = {"kind:": [str(k) for k in Kind], "in:": ["trash"], "starred:": ["yes", "no"]}


class FilterSuggester(Suggester):
    """Completes the word being typed when it is a filter: tag names, kinds, `in:trash`."""

    def __init__(self, tag_names: Iterable[str]) -> None:
        super().__init__(use_cache=True, case_sensitive=True)
        self._values = {**_VALUES, "tag:": sorted(tag_names)}
        self._values["#"] = self._values["tag:"]

    async def get_suggestion(self, value: str) -> str | None:
        word = value.rsplit(" ", 1)[-1].lower()
        for prefix, names in self._values.items():
            if word.startswith(prefix):
                typed = word[len(prefix) :]
                for name in names:
                    if name.startswith(typed) and name != typed:
                        return value + name[len(typed) :]
        return None


class FilterBar(UsesServices, Vertical):
    """The query line and the status under it; posts `Applied` with each new good filter."""

    DEFAULT_CSS = """
    FilterBar { height: auto; }
    FilterBar > #history-status { height: auto; max-height: 3; padding: 0 1; color: $text-muted; }
    FilterBar > #history-status.-error { color: $text-error; }
    """

    #: Seconds after the last keystroke before the filter is applied.
    DELAY = 0.35

    class Applied(Message):
        def __init__(self, spec: FilterSpec) -> None:
            super().__init__()
            self.spec = spec

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.spec = FilterSpec()
        self._timer: Timer | None = None
        self._count: int | None = None
        self._tag_names: set[str] = set()
        #: the sentence shown when the line could not be read, else None
        self.error: str | None = None

    def compose(self) -> ComposeResult:
        yield SafeInput(placeholder=PLACEHOLDER, id="history-filter")
        yield Static(id="history-status")

    @property
    def input(self) -> Input:
        return self.query_one("#history-filter", Input)

    def set_tags(self, names: Iterable[str]) -> None:
        names = list(names)
        self._tag_names = set(names)
        self.input.suggester = FilterSuggester(names)
        self._show_state()

    @property
    def words_that_are_tags(self) -> tuple[str, ...]:
        """Words in the search that are tag names too (not the trash's words: keep it simple)."""
        if self.error is not None:
            return ()
        return self.spec.words_that_are_tags(self._tag_names)

    def words_as_tags(self) -> None:
        """Search the words that are tags as their tags: `sleep` becomes `tag:sleep`."""
        words = self.words_that_are_tags
        if words:
            self.set_spec(self.spec.words_as_tags(words))

    def set_spec(self, spec: FilterSpec) -> None:
        """Show `spec` in the line (e.g. from the calendar) and apply it."""
        if self._timer is not None:
            self._timer.stop()
        with self.input.prevent(Input.Changed):
            self.input.value = spec.describe()
            self.input.cursor_position = len(self.input.value)
        self._apply_line()

    def show_count(self, count: int | None) -> None:
        self._count = count
        self._show_state()

    # reading the line ------------------------------------------------------------------------------
    @on(Input.Changed, "#history-filter")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(self.DELAY, lambda: self._apply_line(only_if_new=True))

    @on(Input.Submitted, "#history-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._apply_line()  # the Submitted event bubbles on, so the pane can move to the list

    def _apply_line(self, *, only_if_new: bool = False) -> None:
        try:
            spec = parse_filter(self.input.value, now=self.now())
        except FilterError as exc:
            self.show_error(str(exc))
            return
        if only_if_new and spec == self.spec:
            self._show_state()  # e.g. only spaces changed: clear an old error, keep the list
            return
        self.apply(spec)

    def apply(self, spec: FilterSpec) -> None:
        self.spec = spec
        self._count = None
        self._show_state()
        self.post_message(self.Applied(spec))

    def show_error(self, message: str) -> None:
        """Say in the status line why the filter cannot run (the list keeps what it shows)."""
        self.error = message
        status = self.query_one("#history-status", Static)
        status.add_class("-error")
        status.update(safe_text(message))

    def _show_state(self) -> None:
        status = self.query_one("#history-status", Static)
        self.error = None
        status.remove_class("-error")
        described = self.spec.describe()
        where = safe_text(described).stylize("bold") if described else Content("everything")
        if self._count is None:
            counted = Content(" · counting…")
        else:
            noun = "entry" if self._count == 1 else "entries"
            counted = Content(f" · {self._count:,} {noun}")
        parts: list[Content | str | tuple[str, str]] = [("showing ", "$text-muted"), where, counted]
        words = self.words_that_are_tags
        if words:
            named = ", ".join(f"tag:{w}" for w in words)
            parts.append(
                Content(f" · the word only: ctrl+t searches {named} instead, which finds other words for it too")
            )
        status.update(Content.assemble(*parts))
        self.screen.refresh_bindings()
