"""Writes that must land in the order they were asked for, made from thread workers.

Each thread worker that writes the journal may start before or after another one; when two of them
write the same thing (the ritual's state after two quick answers, the theme flicked twice), the
older value must never land last. The UI thread `put`s the latest value for a key, which takes a
moment and never waits on the disk, and starts a worker that calls `write`: one writer at a time
takes whatever is waiting then, so the last write is always of the latest value.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class LatestWrites(Generic[K, V]):
    """The latest value waiting for each key, and the one lock its writers take turns on."""

    def __init__(self) -> None:
        self._waiting: dict[K, V] = {}
        self._slot = threading.Lock()  # held for a moment, by the UI thread too
        self._turn = threading.Lock()  # held while writing, by worker threads only

    def put(self, key: K, value: V) -> None:
        """Wait `value` for writing in place of whatever was waiting for `key`."""
        with self._slot:
            self._waiting[key] = value

    def drop(self, key: K) -> None:
        """Forget what was waiting for `key` (it has been written another way, or is moot)."""
        with self._slot:
            self._waiting.pop(key, None)

    def write(self, writer: Callable[[K, V], None]) -> None:
        """Write everything waiting with `writer`, one writer at a time. A value whose write fails
        waits again (unless a newer one came meanwhile) and the error goes on to the caller."""
        with self._turn:
            with self._slot:
                waiting, self._waiting = self._waiting, {}
            for key, value in waiting.items():
                try:
                    writer(key, value)
                except BaseException:
                    with self._slot:
                        self._waiting.setdefault(key, value)
                    raise

    @property
    def turn(self) -> threading.Lock:
        """The writers' lock, for a write that must not interleave with these (e.g. closing)."""
        return self._turn
