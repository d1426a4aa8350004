"""What the md and csv exports contain: the csv parses back into the entries, the md reads well."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from journal.domain.models import Entry, EntryQuery, Kind
from journal.exchange.export import export_to, exporters
from journal.exchange.export_csv import COLUMNS
from journal.exchange.export_md import escape_line, paragraphs
from journal.storage import Store
from tests.exchange.conftest import T0, fill

NOW = datetime(2026, 11, 20, 18, 40, tzinfo=UTC)


def exported(store: Store, fmt: str, **kw: object) -> str:
    out = io.StringIO()
    export_to(store, fmt, out, now=NOW, **kw)  # type: ignore[arg-type]
    return out.getvalue()


def test_one_registry_holds_every_format() -> None:
    assert set(exporters()) == {"json", "md", "csv"}
    assert all(cls.suffix == f".{name}" for name, cls in exporters().items())


def test_csv_parses_back_into_the_entries(store: Store) -> None:
    entries = fill(store)
    rows = list(csv.reader(io.StringIO(exported(store, "csv"), newline="")))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == len(entries) + 1
    for entry, row in zip(sorted(entries, key=lambda e: e.created_at), rows[1:], strict=True):
        cells = dict(zip(COLUMNS, row, strict=True))
        assert cells["id"] == str(entry.id)
        assert datetime.fromisoformat(cells["created_at"]) == entry.created_at
        assert cells["kind"] == entry.kind
        assert cells["mood"] == ("" if entry.mood is None else str(entry.mood))
        assert cells["boundary"] == (entry.boundary or "")
        assert cells["tags"].split(";") == [t.name for t in entry.visible_tags] or not entry.visible_tags
        assert cells["text"] == entry.text  # quotes, commas, newlines and emoji survive exactly


def test_csv_for_excel_has_a_bom_and_no_formulas(store: Store) -> None:
    from journal.domain.models import Entry, Kind

    store.save(Entry(Kind.MOOD, NOW, '=HYPERLINK("http://x")'))
    plain = exported(store, "csv")
    excel = exported(store, "csv", excel=True)
    assert not plain.startswith("\ufeff") and excel.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(plain)))[1][-1].startswith("=")
    assert list(csv.reader(io.StringIO(excel.removeprefix("\ufeff"))))[1][-1].startswith("'=")


def test_markdown_groups_by_day_with_words_and_numbers(store: Store) -> None:
    fill(store)
    md = exported(store, "md")
    assert md.startswith("# Journal\n\nExported Friday 20 November 2026 at 18:40.\n")
    days = [line for line in md.splitlines() if line.startswith("## ")]
    assert days == [
        "## Tuesday 10 March 2026",
        "## Wednesday 11 March 2026",
        "## Thursday 12 March 2026",
        "## Friday 13 March 2026",
    ]
    assert "**Mood:** low (2 of 5) · **Energy:** empty (1 of 5)" in md
    assert "### 18:30 · Mood entry" in md
    assert "Boundary: After-hours contact" in md and "**Outcome:** crossed · **Cost:** some (3 of 5)" in md
    assert "- **Park it:** call back; notes" in md and "- **Switch:** Rest" in md
    assert "Line one  \nLine two" in md  # a line break inside an entry stays a line break
    assert "walk (personal, by hand)" in md
    assert r"\*bold\* \<b\>html\</b\> # heading \[link\](x) \| pipe" in md


def test_markdown_escaping_keeps_user_text_literal() -> None:
    assert escape_line("# not a heading") == r"\# not a heading"
    assert escape_line("1. not a list") == r"1\. not a list"
    assert escape_line("- nor this") == r"\- nor this"
    assert escape_line("> nor a quote") == r"\> nor a quote"
    assert escape_line("\x1b[31mred") == r"\[31mred"  # escape sequences never reach a viewer
    assert paragraphs("a\nb\n\n\nc") == "a  \nb\n\nc"


def test_an_empty_export_says_so(store: Store) -> None:
    assert "No entries to export." in exported(store, "md")
    assert exported(store, "csv").count("\n") == 1
    assert '"entries": []' in exported(store, "json")


def test_filters_narrow_md_and_csv(store: Store) -> None:
    fill(store)
    from journal.domain.models import Kind

    assert exported(store, "md", query=EntryQuery(kind=Kind.BOUNDARY)).count("### ") == 1
    assert exported(store, "csv", query=EntryQuery(tags=("walk",))).count("\r\n") == 2


def test_markdown_check_in_names_each_score_it_shows(store: Store) -> None:
    """A check-in with only an energy score says "energy", not "mood" (each word beside its own number)."""
    store.save(Entry(Kind.RITUAL, T0, "", ritual={"answers": {"checkin": {"energy": 2}}}))
    md = exported(store, "md")
    assert "- **Check in:** energy low (2 of 5)" in md
    assert "mood" not in md.split("Check in:")[1].splitlines()[0]
