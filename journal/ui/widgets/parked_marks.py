"""Writing what was decided for a parked item: one way, for the Mood pane and the ritual alike.

A `ParkedList` only records the mark (in the `marks` dict it was handed) and says so with
`ParkedList.Marked`; the screen showing it mixes in `SavesParkedMarks`, which writes the mark in a
thread worker. Under one lock each write takes the item's latest mark, so quick presses on one item
land in the order they were made, whichever thread runs first.
"""

from __future__ import annotations

import threading
from typing import Any

from textual import on, work

from journal.storage import Store
from journal.ui.messages import ForwardWorkerFailures
from journal.ui.services import UsesServices
from journal.ui.widgets.parked_list import ParkedList, store_status


class SavesParkedMarks(UsesServices, ForwardWorkerFailures):
    """Mixin for a screen that shows parked items: their marks, and the worker that saves them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: what was decided for each parked item this visit; handed to each `ParkedList` shown
        self.parked_marks: dict[int, str] = {}
        self._parked_lock = threading.Lock()

    @on(ParkedList.Marked)
    def _parked_marked(self, event: ParkedList.Marked) -> None:
        event.stop()
        self._save_parked_mark(self.store, event.item_id)

    @work(thread=True, group="parked-marks", exit_on_error=False)
    def _save_parked_mark(self, store: Store, item_id: int) -> None:
        with self._parked_lock:
            mark = self.parked_marks.get(item_id)
            if mark is not None:  # None: the list was re-read since, and the mark with it
                store.set_parked_status(item_id, store_status(mark))
