"""Shared helpers for the tagger tests."""

from __future__ import annotations

import pytest

from journal.domain.tagging import Tagger, default_tagger


@pytest.fixture
def tagger() -> Tagger:
    return default_tagger()


def names(tagger: Tagger, text: str) -> set[str]:
    """The tag names `text` gets."""
    return {hit.name for hit in tagger.tag(text)}
