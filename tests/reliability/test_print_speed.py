"""Issue 16, point 4: many results print fast, and `--json` streams.

`journal search W --limit 0` at 100,000 entries spent its time building every tag with its trigger
spans and making each snippet from scratch. The listing path (`Store.listing`) reads tags without
spans, builds a query's snippet maker once, and hands entries over batch by batch; the JSON is
written entry by entry as they are read. The figures are in benchmarks/README.md; these tests pin
what makes them: the same output as before, no spans decoded, one query read per listing, the fast
snippets equal to the careful ones, and the first JSON entry out before the last is read.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.cli.app import cli
from journal.cli.render import search_lines
from journal.domain.models import Category, Entry, EntryQuery, EntryTag, Kind, Outcome, Source
from journal.exchange.jsonshape import entry_to_dict
from journal.storage import Store, open_store
from journal.storage import rows as rows_module
from journal.storage import snippets as snippets_module
from journal.storage.snippets import Snippets, _snippet

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
WORDS = ["tired", "client", "supervision", "late", "Tired", "clients", "night", "shift", "calm"]


def _entries(n: int) -> list[Entry]:
    made = []
    for i in range(n):
        text = f"{WORDS[i % len(WORDS)]} after the {WORDS[(i * 7) % len(WORDS)]} shift, entry {i}.\nsecond line"
        tags = [EntryTag("sleep", Category.SYMPTOM, "body", Source.MANUAL), EntryTag(f"own-{i % 5}", Category.PERSONAL)]
        if i % 4 == 0:
            made.append(
                Entry(
                    kind=Kind.BOUNDARY,
                    created_at=AT + timedelta(minutes=i),
                    text=text,
                    boundary="overtime",
                    outcome=Outcome.CROSSED,
                    cost=2,
                    tags=tags,
                )
            )
        else:
            made.append(
                Entry(kind=Kind.MOOD, created_at=AT + timedelta(minutes=i), text=text, mood=1 + i % 5, tags=tags)
            )
    return made


@pytest.fixture
def filled(db_path: Path) -> Iterator[Store]:
    with open_store(db_path) as store:
        store.save_many(_entries(1200), tag=True)
        first = store.search(EntryQuery(limit=1))[0]
        store.reject_tag(first.id, "sleep")  # a rejected tag is never listed
        yield store


QUERIES = [
    EntryQuery(text="tired", limit=None),
    EntryQuery(text="cli*", limit=None),
    EntryQuery(tags=("sleep",), limit=None),
    EntryQuery(text='"after the"', limit=None),
    EntryQuery(kind=Kind.BOUNDARY, limit=7),
    EntryQuery(limit=None),
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: repr(q.text or q.tags or q.kind or "all"))
def test_the_listing_shows_exactly_what_search_finds(filled: Store, query: EntryQuery) -> None:
    listed, found = list(filled.listing(query)), filled.search(query)
    assert [e.id for e in listed] == [e.id for e in found] and found
    assert [e.snippet for e in listed] == [e.snippet for e in found]
    assert search_lines(listed) == search_lines(found)
    assert [entry_to_dict(e, snippet=True) for e in listed] == [entry_to_dict(e, snippet=True) for e in found]


def test_listing_decodes_no_spans_and_reads_the_query_once(filled: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """What made 5,698 matches print in 1.35 s: spans decoded for 68,000 tags, the query re-read
    (and its test pattern rebuilt) for every snippet."""
    reads = []
    real_phrases = snippets_module.phrases
    monkeypatch.setattr(snippets_module, "phrases", lambda fts: reads.append(fts) or real_phrases(fts))

    def no_spans(*args: object) -> None:
        raise AssertionError("a listing decoded trigger spans")

    monkeypatch.setattr(rows_module, "spans_from_list", no_spans)
    monkeypatch.setattr(rows_module, "spans_from_json", no_spans)
    result = CliRunner().invoke(cli, ["--db", str(filled.path), "search", "tired", "--limit", "0"])
    assert result.exit_code == 0, result.output
    assert result.output.count("«tired»") + result.output.count("«Tired»") > 200
    assert len(reads) <= 2  # the entries' snippets, and the parked loops' search


# --- snippets: the quick path for ASCII text gives what the careful one gives ------------------

_ascii_text = st.text(alphabet=string.ascii_letters[:6] + string.digits[:2] + " ,.\n_-'\x00\x1b", max_size=700)
_query_word = st.text(alphabet=string.ascii_letters[:6] + string.digits[:2], min_size=1, max_size=3)


@settings(max_examples=400, deadline=None)
@given(_ascii_text, st.lists(st.tuples(_query_word, st.booleans()), min_size=1, max_size=3), st.integers(1, 20))
def test_the_ascii_snippet_equals_the_careful_one(text: str, words: list[tuple[str, bool]], tokens: int) -> None:
    fts = " OR ".join(f'"{w}"' + ("*" if prefix else "") for w, prefix in words)
    maker = Snippets(fts, tokens=tokens)
    assert maker._word is not None
    careful = _snippet(text, maker.found, maker.test, tokens, maker.marks, maker.ellipsis)
    assert maker(text) == careful


def test_long_or_accented_text_and_phrases_take_the_careful_path() -> None:
    assert Snippets('"after the"')._word is None  # a phrase of two words
    accented = "Café, tired. " * 3
    assert Snippets('"tired"')(accented) == _snippet(accented, Snippets('"tired"').found, None, 16, ("«", "»"), "…")


# --- --json streams ------------------------------------------------------------------------------


def test_json_is_the_same_list_written_entry_by_entry(filled: Store) -> None:
    result = CliRunner().invoke(cli, ["--db", str(filled.path), "search", "tired", "--limit", "0", "--json"])
    assert result.exit_code == 0
    expected = [entry_to_dict(e, snippet=True) for e in filled.search(EntryQuery(text="tired", limit=None))]
    assert json.loads(result.output) == expected
    assert result.output == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"  # the layout it always had
    none = CliRunner().invoke(cli, ["--db", str(filled.path), "search", "nowhere-to-be-found", "--json"])
    assert none.output == "[]\n"


def test_the_first_json_entry_is_written_before_the_last_is_read(
    filled: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_listing = Store.listing

    def listing(self: Store, query: EntryQuery) -> Iterator[Entry]:
        for entry in real_listing(self, query):
            events.append("read")
            yield entry

    import journal.cli.render as render

    real_echo = render.click.echo

    def echo(message: object = None, *args: object, **kwargs: object) -> None:
        events.append("write")
        real_echo(message, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "listing", listing)
    monkeypatch.setattr(render.click, "echo", echo)
    result = CliRunner().invoke(cli, ["--db", str(filled.path), "search", "--limit", "0", "--json"])
    assert result.exit_code == 0
    assert events.count("read") == 1200
    assert events.index("write") < len(events) - 1 - events[::-1].index("read")
    assert events[:2] == ["read", "write"]  # one entry read, one entry out: nothing held back
