"""Turning what a person typed into a safe FTS5 query.

People type words, "quoted phrases", prefix* and sometimes OR; they also type apostrophes, stray
quotes, brackets, colons and dashes, which are FTS5 syntax and would raise errors. Every term is
re-quoted as an FTS5 string so nothing the user types can be a syntax error; OR between two terms is
kept because people use it on purpose.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from journal.storage.connection import operational_errors, translate

T = TypeVar("T")

_TOKEN = re.compile(r'"([^"]*)"(\*?)|(\S+)')
_WORDY = re.compile(r"\w")
_OPERATORS = {"OR", "NOT"}


def _printable(text: str) -> str:
    """Control characters (NUL included) become spaces: FTS5 cannot take them inside a string."""
    return "".join(" " if unicodedata.category(c) in ("Cc", "Cs") else c for c in text)


def _quote(term: str) -> str:
    return '"' + term.replace('"', "") + '"'


def to_fts_query(text: str) -> str | None:
    """A valid FTS5 query for `text`, or None when it holds nothing searchable."""
    text = _printable(text)
    parts: list[str] = []
    pending_op: str | None = None
    for m in _TOKEN.finditer(text):
        phrase, phrase_star, word = m.groups()
        if word is not None and word in _OPERATORS:
            pending_op = word if parts else None
            continue
        if word is not None:
            star = word.endswith("*")
            term = word.replace('"', "").rstrip("*")
        else:
            star, term = bool(phrase_star), phrase or ""
        if not _WORDY.search(term):
            continue
        if pending_op:
            parts.append(pending_op)
            pending_op = None
        parts.append(_quote(term) + ("*" if star else ""))
    return " ".join(parts) or None


def all_words_query(text: str) -> str | None:
    """The plainest fallback: every word quoted and required, no operators at all."""
    words = re.findall(r"\w+", _printable(text))
    return " ".join(_quote(w) for w in words) or None


def with_fts_query(text: str, attempt: Callable[[str], T]) -> T | None:
    """`attempt(query)` with the safest query that FTS5 accepts; None if `text` has nothing to search.

    The sanitised query should always parse; the all-words fallback is a second net for any FTS5
    syntax corner the sanitiser missed, so a person's search can never end in a traceback.
    """
    candidates = [q for q in (to_fts_query(text), all_words_query(text)) if q]
    for query in dict.fromkeys(candidates):
        try:
            return attempt(query)
        except operational_errors() as exc:
            if translate(exc, Path()) is not None:  # locked, damaged...: not the query's fault
                raise
    return None
