"""Shared helpers for the tagger tests.

Most tests here pin the cue engine's rules (negation scope, wishes, someone else's feelings...):
the engine is what the learned model reads as features and where every tag's words come from, so
they run against the engine itself (`engine_tagger`). The combined tagger the app uses has its own
tests (`test_learned.py`, `test_issue_examples.py`, the regression sets in `test_evaluation.py`).
"""

from __future__ import annotations

from functools import cache

import pytest

from journal.domain.tagging import Tagger, engine


@cache
def engine_tagger() -> engine.Tagger:
    """The cue engine alone, built-in cues only (shared, like `default_tagger()`)."""
    return engine.Tagger()


@pytest.fixture
def tagger() -> engine.Tagger:
    return engine_tagger()


def names(tagger: Tagger | engine.Tagger, text: str) -> set[str]:
    """The tag names `text` gets."""
    return {hit.name for hit in tagger.tag(text)}


def damaged(data: bytes, how: str) -> bytes:
    """A cache file's bytes harmed as a disk or an interrupted write might: one byte flipped
    ("flip"), cut short ("truncate") or gone ("empty")."""
    if how == "flip":
        middle = len(data) // 2
        return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]
    if how == "truncate":
        return data[: len(data) // 3]
    assert how == "empty"
    return b""
