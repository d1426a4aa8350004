"""A month at a glance: each day coloured by its mean mood, with the number and word written in it.

Colour alone would leave out anyone who cannot tell the colours apart (and every monochrome terminal),
so a day always says its mood in figures and words too. A ◆ marks a shift closed with the ritual; today
says "today". Arrows move a day (a week up and down), [ ] a month, { } a year (also shift+arrows); Enter
asks the pane to show that day's entries. The month's figures come from `Store.day_moods` in a worker.
"""

from __future__ import annotations

import calendar as cal
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from textual import on, work
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from journal.domain.models import MOOD_WORDS, DayMood
from journal.storage import Store
from journal.ui.messages import ForwardWorkerFailures
from journal.ui.services import UsesServices

RITUAL_MARK = "◆"
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_weeks(first: date) -> list[list[date]]:
    """The Monday-first weeks that cover `first`'s month (with days of the months around it)."""
    return [list(week) for week in cal.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)]


def mood_level(mean: float | None) -> int | None:
    """1-5 for colouring and wording a mean mood (half-way rounds up: 2.5 is "okay")."""
    return None if mean is None else max(1, min(5, int(mean + 0.5)))


def cell_lines(day: date, info: DayMood | None, *, today: bool, width: int, height: int) -> list[str]:
    """The text of one day's cell: up to `height` lines of exactly `width` characters."""
    mark = RITUAL_MARK if info is not None and info.ritual_closed else ""
    label = f"{day.day:>2}" + (" today" if today and width >= 10 else "*" if today else "")
    level = mood_level(info.mean) if info else None
    mood = "" if info is None or info.mean is None else f"{info.mean:.1f}"
    word = MOOD_WORDS[level] if level else ""
    count = 0 if info is None else info.count
    if height == 1:
        lines = [f"{label} {mood}".rstrip()]
    elif height == 2:
        lines = [label, f"{mood} {word}".strip() if width >= 9 else mood]
    else:
        entries = f"{count} entr{'y' if count == 1 else 'ies'}" if count else ""
        lines = [label, f"{mood} {word}".strip(), entries if width >= 10 else (f"×{count}" if count else "")]
    lines[0] = lines[0][: width - 1 - len(mark)].ljust(width - 1 - len(mark)) + mark
    return [(" " + line)[:width].ljust(width) for line in lines]


_MONTH = Binding.Group("Month")
_YEAR = Binding.Group("Year")


class MonthCalendar(UsesServices, ForwardWorkerFailures, Widget, can_focus=True):
    """See the module docstring. `cursor` is the highlighted day; its month is the one shown."""

    DEFAULT_CSS = """
    MonthCalendar { height: auto; min-height: 10; width: 86; max-width: 100%; padding: 0 1; }
    MonthCalendar > .calendar--title { text-style: bold; color: $text-primary; }
    MonthCalendar > .calendar--weekday { color: $text-muted; }
    MonthCalendar > .calendar--outside { color: $text-disabled; }
    MonthCalendar > .calendar--empty { background: $surface; }
    MonthCalendar > .calendar--mood-1 { background: $error 55%; color: $text; }
    MonthCalendar > .calendar--mood-2 { background: $warning 40%; color: $text; }
    MonthCalendar > .calendar--mood-3 { background: $panel; color: $text; }
    MonthCalendar > .calendar--mood-4 { background: $success 30%; color: $text; }
    MonthCalendar > .calendar--mood-5 { background: $success 45%; color: $text; }
    MonthCalendar > .calendar--today { text-style: bold underline; }
    MonthCalendar > .calendar--legend { color: $text-muted; }
    """
    COMPONENT_CLASSES = {
        "calendar--title",
        "calendar--weekday",
        "calendar--outside",
        "calendar--empty",
        *(f"calendar--mood-{n}" for n in range(1, 6)),
        "calendar--today",
        "calendar--legend",
    }
    BINDINGS = [
        Binding("left", "move(-1)", "Day", show=False),
        Binding("right", "move(1)", "Day", show=False),
        Binding("up", "move(-7)", "Week", show=False),
        Binding("down", "move(7)", "Week", show=False),
        # each pair shows once in the footer, "[ ] Month { } Year"
        Binding(
            "left_square_bracket,shift+left,pageup",
            "month(-1)",
            "Month",
            key_display="[",
            tooltip="The month before",
            group=_MONTH,
        ),
        Binding(
            "right_square_bracket,shift+right,pagedown",
            "month(1)",
            "Month",
            key_display="]",
            tooltip="The month after",
            group=_MONTH,
        ),
        Binding(
            "left_curly_bracket,shift+up",
            "month(-12)",
            "Year",
            key_display="{",
            tooltip="The same month a year before",
            group=_YEAR,
        ),
        Binding(
            "right_curly_bracket,shift+down",
            "month(12)",
            "Year",
            key_display="}",
            tooltip="The same month a year after",
            group=_YEAR,
        ),
        Binding("home", "today", "Today", show=False),
        Binding("enter", "choose", "Open day"),
    ]

    cursor: reactive[date] = reactive(date(2000, 1, 1), always_update=True)

    class DaySelected(Message):
        """Enter on a day: show its entries."""

        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    class CursorMoved(Message):
        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    class _Month(Message):
        def __init__(self, first: date, days: dict[date, DayMood]) -> None:
            super().__init__()
            self.first, self.days = first, days

    def __init__(self, today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = today
        self._months: dict[date, dict[date, DayMood]] = {}
        self.set_reactive(MonthCalendar.cursor, today)

    def on_mount(self) -> None:
        self._need(self.cursor)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # data ------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Forget every month's figures (entries changed) and fetch the one on screen again."""
        self._months.clear()
        self._need(self.cursor)

    def days_of(self, first: date) -> dict[date, DayMood] | None:
        return self._months.get(first)

    def _need(self, day: date) -> None:
        first = month_start(day)
        if first not in self._months:
            self._load(self.store, first)

    @work(thread=True, group="calendar", exit_on_error=False)
    def _load(self, store: Store, first: date) -> None:
        self.post_message(self._Month(first, store.day_moods(first, first + relativedelta(months=1))))

    @on(_Month)
    def _month(self, event: _Month) -> None:
        event.stop()
        self._months[event.first] = event.days
        self.refresh(layout=True)

    # moving ----------------------------------------------------------------------------------------
    def watch_cursor(self, day: date) -> None:
        self._need(day)
        self.refresh(layout=True)
        self.post_message(self.CursorMoved(day))

    def action_move(self, days: int) -> None:
        self.cursor = self.cursor + timedelta(days=days)

    def action_month(self, months: int) -> None:
        self.cursor = self.cursor + relativedelta(months=months)

    def action_today(self) -> None:
        self.cursor = self.today

    def action_choose(self) -> None:
        self.post_message(self.DaySelected(self.cursor))

    # drawing ---------------------------------------------------------------------------------------
    def _cell_size(self) -> tuple[int, int]:
        width = max(4, min(12, (self.size.width or 84) // 7))
        rows = max(0, (self.app.size.height - 16) // 6) if self.is_mounted else 3
        return width, max(1, min(3, rows))

    def get_content_height(self, container: Any, viewport: Any, width: int) -> int:
        _, height = self._cell_size()
        return 3 + len(month_weeks(month_start(self.cursor))) * height + 3

    def render(self) -> Content:
        first = month_start(self.cursor)
        days = self._months.get(first)
        width, height = self._cell_size()
        style = self.get_visual_style
        title = f"{cal.month_name[first.month]} {first.year}" + ("" if days is not None else "  (loading…)")
        lines = [Content.styled(title, style("calendar--title")), Content("")]
        lines.append(
            Content("".join(f" {d[: width - 1]}".ljust(width) for d in _WEEKDAYS)).stylize(style("calendar--weekday"))
        )
        for week in month_weeks(first):
            cells = [self._cell(day, (days or {}).get(day), first, width, height) for day in week]
            for row in range(height):
                lines.append(Content.assemble(*(cell[row] for cell in cells)))
        legend = (
            f"{RITUAL_MARK} shift closed · mood: mean of the day, 1 awful … 5 great · ×N entries",
            "arrows move · [ ] month · { } year · home today · Enter shows the day's entries",
        )
        lines += [Content("")] + [Content(line).stylize(style("calendar--legend")) for line in legend]
        return Content("\n").join(lines)

    def _cell(self, day: date, info: DayMood | None, first: date, width: int, height: int) -> list[Content]:
        inside = day.month == first.month
        texts = cell_lines(day, info if inside else None, today=day == self.today, width=width - 1, height=height)
        level = mood_level(info.mean) if inside and info is not None else None
        component = "calendar--outside" if not inside else f"calendar--mood-{level}" if level else "calendar--empty"
        cells = []
        for row, text in enumerate(texts):
            content = Content(text).stylize(self.get_visual_style(component))
            if row == 0 and day == self.today and inside:
                content = content.stylize(self.get_visual_style("calendar--today"), 0, 3)
            if day == self.cursor and row == 0:  # the day line reversed: the mood colour stays visible
                content = content.stylize("bold reverse" if self.has_focus else "bold underline")
            cells.append(content + Content(" "))
        return cells
