"""One very big entry must not make search crawl (issue 16, point 3).

FTS5's snippet() scored every match against every other one and tokenized the whole entry: a 1 MB
entry repeating the searched word took 26 s, 10 MB more than ten minutes. Each search here runs as
the real CLI in a child process, so a slow snippet is killed at the time limit instead of hanging
the suite; the limit is relative to the same search in a journal of small entries.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.models import Entry, EntryQuery, Kind
from journal.storage import open_store
from journal.storage.snippets import fold, make_snippet, phrases
from tests.reliability.helpers import run_journal

# Alone: compares the search's time with a baseline measured here.
pytestmark = pytest.mark.serial

BIG = 10 * 1024 * 1024
AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SMALL_TEXTS = ["tired after the night shift", "slept well, calmer", "tired but the team was kind"]


def _journal(path: Path, texts: list[str]) -> Path:
    with open_store(path) as store:
        store.save_many([Entry(kind=Kind.MOOD, text=t, mood=3, created_at=AT) for t in texts], tag=False)
    return path


def _search_time(db: Path, word: str, limit: float) -> tuple[float, str]:
    """Seconds the whole `journal search WORD` took (the fastest of two), and what it printed."""
    best, out = float("inf"), ""
    for _ in range(2):
        start = time.perf_counter()
        done = run_journal(db, "search", word, timeout=limit)  # TimeoutExpired fails the test
        best = min(best, time.perf_counter() - start)
        assert done.returncode == 0, done.stderr
        out = done.stdout.decode()
    return best, out


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> float:
    """The same search in a journal of small entries: Python's start and the CLI itself."""
    db = _journal(tmp_path_factory.mktemp("small") / "small.db", SMALL_TEXTS)
    seconds, out = _search_time(db, "tired", 60)
    assert "«tired»" in out
    return seconds


@pytest.mark.parametrize("where", ["everywhere", "only at the end"])
def test_a_10_mb_entry_searches_about_as_fast_as_small_ones(tmp_path: Path, baseline: float, where: str) -> None:
    if where == "everywhere":
        big = ("tired after the night shift and tired again " * (BIG // 44 + 1))[:BIG]
    else:  # the first match is the last word: the whole entry is looked through once
        big = ("untired retired tiredness nightshift " * (BIG // 37 + 1))[:BIG] + " tired"
    db = _journal(tmp_path / "big.db", [*SMALL_TEXTS, big])
    limit = 3 * baseline + 1  # generous: the difference is reading 10 MB once, in milliseconds
    seconds, out = _search_time(db, "tired", limit)
    assert seconds < limit, (seconds, baseline)
    lines = out.splitlines()
    assert len(lines) == 3 and all("«tired»" in line for line in lines), lines
    assert all(len(line) < 200 for line in lines)


def test_a_nul_byte_does_not_eat_the_next_word(tmp_path: Path) -> None:
    with open_store(tmp_path / "j.db") as store:
        store.save_many(
            [Entry(kind=Kind.MOOD, text="before\x00after the shift, tired", mood=2, created_at=AT)], tag=False
        )
        [hit] = store.search(EntryQuery(text="tired"))
    assert hit.snippet == "before after the shift, «tired»"


WORDS = st.sampled_from(["tired", "Tired", "TIRÉD", "untired", "tiredness", "shift", "café", "cafe\u0301", "x"])
SEPARATORS = st.sampled_from([" ", "\n", ", ", "_", "\x00", "\x1b[2J ", "\x1b]52;c;eA==\x07 ", "—", "  "])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(WORDS, SEPARATORS), max_size=60),
    st.sampled_from(['"tired"', '"cafe"', '"tired"*', '"tired" OR "shift"']),
)
def test_snippets_are_short_and_mark_only_matching_words(parts: list[tuple[str, str]], fts: str) -> None:
    text = "".join(w + s for w, s in parts)
    snippet = make_snippet(text, fts)
    assert len(snippet) <= 2 * 480 and "\x00" not in snippet and "\x1b" not in snippet
    wanted = {fold(p.words[0]) for p in phrases(fts)}
    for marked in re.findall("«([^»]*)»", snippet):
        word = fold(marked)
        assert word in wanted or ("*" in fts and any(word.startswith(w) for w in wanted)), (marked, fts)
    if any(fold(w) in wanted for w, _ in parts) and "*" not in fts:
        assert "«" in snippet, (text, snippet)
