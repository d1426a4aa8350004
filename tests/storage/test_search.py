"""Searching and listing: every filter, their composition, snippets, and the full-text index in sync."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.models import EntryQuery, Kind
from journal.storage import Store
from journal.storage.fts import to_fts_query
from tests.storage.conftest import T0, mood


@pytest.fixture
def filled(store: Store) -> Store:
    texts = [
        "Paperwork mountain again #admin",  # 0
        "Café closed, the naïve plan failed #admin",  # 1
        "Supervision helped; supervisor was kind",  # 2
        "Long shift #admin #nights",  # 3
        "nothing left to give #nights",  # 4
    ]
    for i, text in enumerate(texts):
        store.save(mood(text, at=T0 + timedelta(days=i)))
    return store


def texts(entries) -> list[str]:
    return [e.text.split()[0] for e in entries]


def test_newest_first_and_paging(filled: Store) -> None:
    assert texts(filled.search(EntryQuery())) == ["nothing", "Long", "Supervision", "Café", "Paperwork"]
    assert texts(filled.search(EntryQuery(limit=2, offset=1))) == ["Long", "Supervision"]
    assert filled.count(EntryQuery()) == 5
    assert len(filled.search(EntryQuery(limit=None))) == 5


def test_words_prefix_phrase_and_diacritics(filled: Store) -> None:
    assert texts(filled.search(EntryQuery(text="paperwork"))) == ["Paperwork"]
    assert texts(filled.search(EntryQuery(text="super*"))) == ["Supervision"]
    assert texts(filled.search(EntryQuery(text='"left to give"'))) == ["nothing"]
    assert texts(filled.search(EntryQuery(text='"to left give"'))) == []
    assert texts(filled.search(EntryQuery(text="cafe naive"))) == ["Café"]
    assert texts(filled.search(EntryQuery(text="shift OR mountain"))) == ["Long", "Paperwork"]


def test_snippets_mark_matches_with_plain_guillemets(filled: Store) -> None:
    [hit] = filled.search(EntryQuery(text="paperwork"))
    assert hit.snippet == "«Paperwork» mountain again #admin"
    assert filled.search(EntryQuery())[0].snippet is None


def test_tags_must_all_match_and_compose_with_everything(filled: Store) -> None:
    assert texts(filled.search(EntryQuery(tags=("admin",)))) == ["Long", "Café", "Paperwork"]
    assert texts(filled.search(EntryQuery(tags=("admin", "#Nights")))) == ["Long"]
    assert filled.search(EntryQuery(tags=("admin", "no-such-tag"))) == []
    q = EntryQuery(
        text="shift OR paperwork OR café",
        tags=("admin",),
        since=T0 + timedelta(days=1),
        until=T0 + timedelta(days=3, hours=1),
        kind=Kind.MOOD,
    )
    assert texts(filled.search(q)) == ["Long", "Café"]
    assert filled.count(q) == 2
    assert filled.search(EntryQuery(kind=Kind.BOUNDARY)) == []


def test_since_inclusive_until_exclusive(filled: Store) -> None:
    q = EntryQuery(since=T0 + timedelta(days=1), until=T0 + timedelta(days=3))
    assert texts(filled.search(q)) == ["Supervision", "Café"]


def test_rejected_tags_do_not_match_tag_filters(filled: Store) -> None:
    [long_shift] = filled.search(EntryQuery(text="long"))
    filled.reject_tag(long_shift.id, "nights")
    assert texts(filled.search(EntryQuery(tags=("nights",)))) == ["nothing"]


def test_index_follows_update_trash_restore_and_purge(filled: Store) -> None:
    [entry] = filled.search(EntryQuery(text="paperwork"))
    entry.text = "Rota chaos instead"
    filled.save(entry)
    assert filled.search(EntryQuery(text="paperwork")) == []
    assert texts(filled.search(EntryQuery(text="rota"))) == ["Rota"]
    filled.delete(entry.id)
    assert filled.search(EntryQuery(text="rota")) == []
    assert texts(filled.search(EntryQuery(text="rota", deleted=True))) == ["Rota"]
    filled.restore(entry.id)
    assert texts(filled.search(EntryQuery(text="rota"))) == ["Rota"]
    filled.delete(entry.id)
    filled.purge(entry.id)
    assert filled.search(EntryQuery(text="rota", deleted=True)) == []
    fts_rows = filled._conn.execute("SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'rota'").fetchone()[0]
    assert fts_rows == 0
    filled._conn.execute("INSERT INTO entries_fts (entries_fts) VALUES ('integrity-check')")


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "can't",
        "a AND",
        "NOT",
        "OR sleep",
        "(((",
        "text:col",
        "***",
        "-",
        "NEAR(a b",
        "ünïcode*",
        '""',
        "'",
        "sleep^2",
        "a + b",
    ],
)
def test_awkward_queries_never_raise(filled: Store, query: str) -> None:
    filled.search(EntryQuery(text=query))
    filled.count(EntryQuery(text=query))


def test_sanitiser_keeps_what_people_mean() -> None:
    assert to_fts_query('tired "end of shift" sup*') == '"tired" "end of shift" "sup"*'
    assert to_fts_query('"unbalanced quote') == '"unbalanced" "quote"'
    assert to_fts_query("a OR b NOT c") == '"a" OR "b" NOT "c"'
    assert to_fts_query("OR NOT") is None
    assert to_fts_query("!!! ...") is None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("ab \"*():^-+'ORNTAD{}.,é\\\x00#")), max_size=30) | st.text(max_size=20))
def test_hostile_queries_never_raise(plain_store: Store, text: str) -> None:
    if not plain_store.count(EntryQuery()):
        plain_store.save(mood("ab a b OR NOT (a) é #ab"))
    for entry in plain_store.search(EntryQuery(text=text)):
        assert entry.snippet is not None or not text.strip()
