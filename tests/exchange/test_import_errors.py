"""Bad files of every kind: one sentence naming what and where, never a traceback, the journal untouched."""

from __future__ import annotations

import io
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.models import EntryQuery
from journal.exchange.export import export_to
from journal.exchange.importers import ImportProblem, prepare, run_import
from journal.storage import Store
from tests.exchange.conftest import fill, fixture_bytes


def one_sentence(problem: ImportProblem) -> str:
    text = str(problem)
    assert "\n" not in text and text.endswith(".") and "Traceback" not in text
    return text


@pytest.mark.parametrize(
    ("data", "fmt", "words"),
    [
        (b"", None, "empty"),
        (b"  \n\n ", None, "empty"),
        (b"caf\xe9 au lait\n", None, r"not UTF-8 text \(a byte on line 1"),
        (b'{"format": "journal", "version": 1,\n "entries": [\n {"id": 1, "kind": "mood"', None, "line 3"),
        (b"hello, world\n", None, "does not look like"),
        (b'{"format": "journal", "version": 2, "entries": []}', None, "newer version"),
        (b'{"format": "journal", "entries": []}', None, '"version": 1'),
        (b'{"format": "journal", "version": 1, "entries": [{"kind": "mood"}]}', None, "created_at"),
        (
            b'{"format": "journal", "version": 1, "entries": [\n{"kind": "mood", "created_at": "2026-01-01T10:00:00+00:00", "mood": 9}]}',
            None,
            r"Entry 1 \(line 2\) cannot be imported: an entry's mood",
        ),
        (
            b'{"format": "journal", "version": 1, "entries": [{"kind": "mood", "created_at": "2026-01-01T10:00:00+00:00", "text": "\\ud800"}]}',
            None,
            "broken character",
        ),
        (
            b'{"format": "journal", "version": 1, "entries": [{"id": 99999999999999999999, "kind": "mood", "created_at": "2026-01-01T10:00:00+00:00"}]}',
            None,
            "id must be",
        ),
        (
            b'{"format": "journal", "version": 1, "entries": [{"kind": "mood", "created_at": "0001-01-01T00:00:00+05:00"}]}',
            None,
            "too far",
        ),
        (
            b'{"format": "journal", "version": 1, "entries": [{"kind": "ritual", "created_at": "2026-01-01T10:00:00+00:00", "ritual": {"a": 1e999}}]}',
            None,
            "number JSON cannot hold",
        ),
        (b'{"entries": [{"title": "x", "date": "yesterday"}]}', "jrnl", "date"),
        (b'{"entries": [{"title": 5, "date": "2026-01-01"}]}', "jrnl", "title"),
        (b'{"entries": [3]}', "jrnl", "not a JSON object"),
        (b"[1, 2", "json", "line 1"),
        (b"{}", "daylio", "header"),
        (b"x", "csv", "--from format must be"),
    ],
)
def test_bad_files_get_one_sentence(store: Store, data: bytes, fmt: str | None, words: str) -> None:
    with pytest.raises(ImportProblem) as caught:
        run_import(store, prepare(data, fmt))
    assert store.count(EntryQuery()) == 0
    assert re.search(words, one_sentence(caught.value))


def test_invalid_utf8_names_the_line() -> None:
    data = fixture_bytes("daylio_8col.csv").replace("🥞".encode(), b"\xf0\x28\x8c\x28")
    with pytest.raises(ImportProblem, match="line 2"):
        prepare(data)


def test_a_failure_half_way_imports_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    fill(store)
    before = store.count(EntryQuery())
    good = fixture_bytes("jrnl_export.json")
    prepared = prepare(good)
    records = prepared.records

    def breaks_late():
        for i, entry in enumerate(records()):
            if i == 3:
                raise ImportProblem("Entry 4 went wrong.")
            yield entry

    prepared.records = breaks_late
    with pytest.raises(ImportProblem):
        run_import(store, prepared)
    assert store.count(EntryQuery()) == before
    assert run_import(store, prepare(good)).imported == 4  # no fingerprints were left behind either


def test_a_dry_run_changes_nothing(store: Store) -> None:
    count = run_import(store, prepare(fixture_bytes("daylio_8col.csv")), dry_run=True)
    assert (count.imported, count.repeated) == (4, 1)
    assert store.count(EntryQuery()) == 0
    assert run_import(store, prepare(fixture_bytes("daylio_8col.csv"))).imported == 4


def _export(store: Store) -> bytes:
    out = io.StringIO()
    export_to(store, "json", out)
    return out.getvalue().encode()


_SEEDS = [
    fixture_bytes(n)
    for n in (
        "jrnl_export.json",
        "daylio_7col.csv",
        "daylio_8col.csv",
        "daylio_custom.csv",
        "dayone_journal.json",
        "dayone_newer.json",
    )
]


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    """Real exports cut short, with bytes flipped or inserted, or plain noise."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=200))
    data = bytearray(draw(st.sampled_from(_SEEDS)))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        if draw(st.booleans()):
            data[at : at + 1] = draw(st.binary(min_size=1, max_size=3))
        else:
            del data[at:]
    return bytes(data)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=damaged(), fmt=st.sampled_from([None, "json", "jrnl", "dayone", "daylio"]))
def test_any_bytes_import_or_give_one_sentence(store: Store, data: bytes, fmt: str | None) -> None:
    before = store.count(EntryQuery())
    try:
        prepared = prepare(data, fmt)
        count = run_import(store, prepared)
    except ImportProblem as problem:
        one_sentence(problem)
        assert store.count(EntryQuery()) == before
    else:
        assert store.count(EntryQuery()) == before + count.imported


def test_a_bare_list_like_search_json_output_imports(store: Store, other: Store) -> None:
    fill(store)
    entries = json.loads(_export(store))["entries"]
    assert run_import(other, prepare(json.dumps(entries).encode())).imported == 5
