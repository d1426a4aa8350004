"""Day One's JSON export (`Journal.json`, or the export's zip), from files laid out as Day One writes them.

The fixtures are invented entries in the documented layout: `dayone_journal.json` as the
`metadata.version` "1.0" exports write it, `dayone_newer.json` with the keys newer apps add
(`isPinned`, `richText`, `editingTime`, videos and PDFs).
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.models import EntryQuery, Source
from journal.exchange import import_dayone
from journal.exchange.importers import ImportProblem, Options, guess_format, prepare, run_import, summary
from journal.storage import Store
from tests.exchange.conftest import fixture_bytes


def imported(store: Store, data: bytes, fmt: str | None = None) -> list:
    run_import(store, prepare(data, fmt))
    return list(reversed(store.search(EntryQuery(limit=None))))


def dayone(*entries: dict[str, Any], version: str | None = "1.0") -> bytes:
    top: dict[str, Any] = {"metadata": {"version": version}} if version else {}
    return json.dumps({**top, "entries": list(entries)}, indent=2).encode()


def entry(text: str = "Something happened.", **fields: Any) -> dict[str, Any]:
    return {
        "uuid": "ABCDEF0123456789ABCDEF0123456789",
        "creationDate": "2026-01-02T08:00:00Z",
        "timeZone": "Europe/Berlin",
        "text": text,
        **fields,
    }


def zipped(files: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_the_format_is_recognised_from_the_content() -> None:
    assert guess_format(fixture_bytes("dayone_journal.json").decode()) == "dayone"
    assert guess_format(fixture_bytes("dayone_newer.json").decode()) == "dayone"
    assert prepare(fixture_bytes("dayone_journal.json")).format == "dayone"


def test_version_1_export_text_time_tags_stars_and_media(store: Store) -> None:
    shift, walk, sleepless = imported(store, fixture_bytes("dayone_journal.json"))
    # creationDate is UTC; the entry is shown in its own zone
    assert shift.created_at == datetime(2026, 1, 2, 8, 0, tzinfo=UTC)
    assert shift.created_at.utcoffset() == timedelta(hours=1)  # Europe/Berlin in January
    assert walk.created_at.utcoffset() == timedelta(hours=-5)  # America/New_York
    assert walk.created_at.hour == 16
    # Day One's backslash escapes are undone; the Markdown itself is kept
    assert shift.text == (
        "# Early shift\n\nHandover ran long. Three clients - all before 10! Felt wired (not tired).\n\n"
        "Note to self: ask for #supervision *this* week _really_ [soon]."
    )
    names = {t.name: t for t in shift.visible_tags}
    assert names["work"].source is Source.MANUAL and "night-shift" in names
    # a photo linked in the text is noted where it was; one not linked, at the end
    assert walk.text == "Walk by the river after work.\n\n[photo]\n\nFelt lighter.\n\n[photo]"
    assert {"walk", "starred"} <= {t.name for t in walk.visible_tags}
    assert "starred" not in {t.name for t in shift.tags}
    assert sleepless.text == "Could not sleep. Wrote this before the alarm.\n\n[audio]"


def test_an_unknown_zone_is_utc_and_counted_and_empty_entries_skipped() -> None:
    prepared = prepare(fixture_bytes("dayone_journal.json"))
    assert prepared.count == 3  # of 4: one entry is empty
    entries = list(prepared.records())
    assert entries[2].created_at.utcoffset() == timedelta(0)
    assert entries[2].created_at == datetime(2026, 1, 5, 6, 15, tzinfo=UTC)
    assert prepared.notes == [
        "1 empty entry is skipped.",
        "1 entry has an unknown time zone (Mars/Olympus_Mons), so its time is shown in UTC.",
        "2 photos and 1 audio recording are noted as lines like [photo]; the files themselves are not imported.",
    ]


def test_newer_export_pinned_videos_pdfs_and_no_zone(store: Store) -> None:
    supervision, no_zone = imported(store, fixture_bytes("dayone_newer.json"))
    assert supervision.created_at.utcoffset() == timedelta(hours=9)  # Asia/Tokyo
    assert supervision.text == (
        "Supervision went well. We talked about boundaries.\n\n[video]\n\n"
        "Plan: 1. leave on time 2. no emails after 8\n\n[pdf]"
    )
    assert {"supervision", "pinned"} <= {t.name for t in supervision.visible_tags}
    assert "pinned" in {t.name for t in no_zone.visible_tags}  # the older "pinned" key
    assert no_zone.created_at == datetime(2026, 2, 11, 9, 0, 0, 250000, tzinfo=UTC)
    notes = prepare(fixture_bytes("dayone_newer.json")).notes
    assert "1 empty entry is skipped." in notes  # only spaces and blank lines
    assert any("unknown time zone (none given)" in n for n in notes)


def test_tags_go_through_the_one_slug_rule(store: Store) -> None:
    (one,) = imported(store, dayone(entry(tags=["Late Night", "#Sleep", "work_stuff", "c++", "c#"])))
    # the app's one slug rule (journal.domain.tags): spaces become "-", everything else is kept
    assert {t.name for t in one.tags if t.source is Source.MANUAL} == {"late-night", "sleep", "work_stuff", "c++", "c#"}


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("a\\.b\\-c\\!d\\(e\\)f\\#g\\*h\\_i\\[j\\]k", "a.b-c!d(e)f#g*h_i[j]k"),
        ("C:\\\\Users\\\\x", "C:\\Users\\x"),  # an escaped backslash is one backslash
        ("\\+ \\{ \\} \\> \\` \\| \\~ \\<", "+ { } > ` | ~ <"),
        ("a \\n b \\é", "a \\n b \\é"),  # a backslash before a letter is not an escape
        ("line one\r\nline two", "line one\nline two"),
        ("before ![](dayone-moment://ABC) after", "before\n[photo]\nafter"),
        ("![](dayone-moment:/audio/XYZ)", "[audio]"),
        ("![](dayone-moment:/pdfAttachment/XYZ)", "[pdf]"),
    ],
)
def test_escapes_and_links(store: Store, written: str, read: str) -> None:
    (one,) = imported(store, dayone(entry(written)))
    assert one.text == read


def test_media_only_entry_is_kept_as_its_media_lines(store: Store) -> None:
    (one,) = imported(store, dayone(entry(None, photos=[{"identifier": "P1"}, {"identifier": "P2"}])))
    assert one.text == "[photo]\n[photo]"


def test_an_entry_with_tags_but_no_text_or_media_is_empty(store: Store) -> None:
    prepared = prepare(dayone(entry(""), entry(None, tags=["work"], starred=True), entry("kept")))
    count = run_import(store, prepared)
    assert count.imported == 1
    assert summary(count, notes=prepared.notes) == "Imported 1 entry.\n2 empty entries are skipped."


def test_no_metadata_and_an_unknown_newer_version_still_read() -> None:
    assert prepare(dayone(entry(), version=None), "dayone").count == 1
    assert prepare(dayone(entry(), version="2.3")).count == 1


def test_the_export_zip_is_read_in_memory(store: Store, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    data = zipped(
        {
            "Journal.json": fixture_bytes("dayone_journal.json"),
            "Work.json": fixture_bytes("dayone_newer.json"),
            "photos/0123456789abcdef0123456789abcdef.jpeg": b"\xff\xd8\xff not really a jpeg",
            "__MACOSX/._Journal.json": b"\x00\x05\x16\x07",
        }
    )
    prepared = prepare(data)
    assert (prepared.format, prepared.count) == ("dayone", 5)
    assert prepared.notes[0] == "2 empty entries are skipped."
    assert run_import(store, prepared).imported == 5
    assert run_import(store, prepare(data)).imported == 0
    assert list(cwd.iterdir()) == []  # nothing was extracted


def test_media_in_the_zip_is_never_read(store: Store, tmp_path) -> None:
    photo = b"\xff\xd8\xff" + b"invented photo bytes " * 50
    data = bytearray(
        zipped({"Journal.json": fixture_bytes("dayone_journal.json"), "photos/abc.jpeg": photo}, zipfile.ZIP_STORED)
    )
    at = data.index(b"invented photo bytes", data.index(b"photos/abc.jpeg"))
    data[at : at + 8] = b"CORRUPT!"  # reading the photo would fail its checksum
    path = tmp_path / "Day One.zip"
    path.write_bytes(bytes(data))
    assert run_import(store, prepare(path)).imported == 3
    assert prepare(bytes(data)).count == 3


def test_a_broken_entry_in_a_zip_names_the_file_and_entry(store: Store) -> None:
    data = zipped({"Journal.json": dayone(entry("fine"), entry("bad", creationDate="yesterday"))})
    with pytest.raises(ImportProblem, match=r'^Entry 2 of Journal\.json \(line \d+\) .*"creationDate".*"yesterday"'):
        run_import(store, prepare(data))
    assert store.count(EntryQuery()) == 0


def test_a_zip_without_a_day_one_journal(store: Store) -> None:
    with pytest.raises(ImportProblem, match="no Day One journal"):
        prepare(
            zipped({"Journal.json": b'{"entries": [{"title": "x", "date": "2026-01-01"}]}', "notes.txt": b"hello"}),
            "dayone",
        )
    with pytest.raises(ImportProblem, match="no export this version reads"):
        prepare(zipped({"a.txt": b"hello", "b.txt": b"world"}))
    with pytest.raises(ImportProblem, match="damaged"):
        prepare(zipped({"Journal.json": fixture_bytes("dayone_journal.json")})[:200])


def test_a_zip_with_one_other_export_inside_reads_that(store: Store) -> None:
    data = zipped({"jrnl.json": fixture_bytes("jrnl_export.json")})
    assert prepare(data).format == "jrnl"
    assert prepare(zipped({"export.csv": fixture_bytes("daylio_8col.csv")})).format == "daylio"


def test_second_import_adds_nothing_and_edits_do_not_matter(store: Store) -> None:
    data = fixture_bytes("dayone_journal.json")
    assert run_import(store, prepare(data)).imported == 3
    first = store.search(EntryQuery(limit=1))[0]
    first.text = "rewritten later"
    store.save(first)
    again = run_import(store, prepare(data))
    assert (again.imported, again.already) == (0, 3)
    assert store.count(EntryQuery()) == 3


def test_a_dry_run_says_exactly_what_would_happen(store: Store) -> None:
    data = fixture_bytes("dayone_journal.json")
    prepared = prepare(data)
    count = run_import(store, prepared, dry_run=True)
    assert store.count(EntryQuery()) == 0
    assert summary(count, dry_run=True, notes=prepared.notes) == (
        "Would import 3 entries. Nothing was changed (dry run).\n1 empty entry is skipped.\n1 entry has an "
        "unknown time zone (Mars/Olympus_Mons), so its time is shown in UTC.\n2 photos and 1 audio recording "
        "are noted as lines like [photo]; the files themselves are not imported."
    )
    assert run_import(store, prepare(data)) == count


def test_repeated_entries_in_the_file_are_counted(store: Store) -> None:
    count = run_import(store, prepare(dayone(entry("same"), entry("same"), entry("other"))))
    assert (count.imported, count.repeated) == (2, 1)


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ({"creationDate": None}, '"creationDate" must look like 2026-01-02T09:00:00Z, not None'),
        ({"creationDate": "2026-02-30T10:00:00Z"}, '"2026-02-30T10:00:00Z"'),
        ({"creationDate": "0001-01-01T00:00:00Z"}, "creationDate"),
        ({"text": 5}, '"text" is not text'),
        ({"text": "\ud800"}, "broken character"),
        ({"tags": "work"}, '"tags" must be a list'),
        ({"tags": [1]}, '"tags" must be a list'),
        ({"starred": "yes"}, '"starred" must be true or false'),
        ({"isPinned": 1}, '"isPinned" must be true or false'),
        ({"photos": {"identifier": "x"}}, '"photos" must be a list'),
    ],
)
def test_a_broken_entry_imports_nothing_and_is_named(store: Store, bad: dict[str, Any], words: str) -> None:
    data = dayone(entry("first"), entry("second"), {**entry("third"), **bad})
    with pytest.raises(ImportProblem) as caught:
        run_import(store, prepare(data))
    message = str(caught.value)
    assert message.startswith("Entry 3 (line ") and words in message and "\n" not in message
    assert store.count(EntryQuery()) == 0


def test_not_an_entry_object_and_not_an_export() -> None:
    with pytest.raises(ImportProblem, match=r"Entry 1 \(line 1\) cannot be imported: it is not a JSON object"):
        prepare(b'{"metadata": {"version": "1.0"}, "entries": [3]}')
    with pytest.raises(ImportProblem, match='no "entries" list'):
        prepare(b'{"metadata": {"version": "1.0"}}')
    with pytest.raises(ImportProblem, match="not a Day One one"):
        prepare(b'{"format": "journal", "version": 1, "entries": []}', "dayone")
    with pytest.raises(ImportProblem, match='"metadata" is not a JSON object'):
        prepare(b'{"metadata": 3, "entries": []}', "dayone")


# --- never anything but ImportProblem ------------------------------------------------------------

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
_keys = st.sampled_from(
    [
        "creationDate",
        "timeZone",
        "text",
        "tags",
        "starred",
        "isPinned",
        "pinned",
        "photos",
        "videos",
        "audios",
        "pdfAttachments",
        "uuid",
    ]
)
_values = (
    _json
    | st.sampled_from(
        [
            "2026-01-02T08:00:00Z",
            "2026-01-02T08:00:00",
            "9999-12-31T23:59:59Z",
            "1001-01-01T00:00:00+14:00",
            "Europe/Berlin",
            "../../etc/passwd",
            "UTC",
            "Mars/Olympus",
            "![](dayone-moment://X)",
            "\\",
            "\\\\.",
            "\ud800",
        ]
    )
    | st.lists(st.fixed_dictionaries({}, optional={"identifier": _json}), max_size=3)
)
_entries = st.lists(st.dictionaries(_keys, _values, max_size=8) | _json, max_size=4)
_files = st.one_of(
    _json,
    st.fixed_dictionaries({"entries": _entries}, optional={"metadata": _json}),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_files)
def test_the_reader_raises_nothing_but_import_problem(store: Store, data: Any) -> None:
    text = json.dumps(data, allow_nan=True)
    before = store.count(EntryQuery())
    try:
        prepared = import_dayone.read(text, Options())
        count = run_import(store, prepared)
    except ImportProblem as problem:
        assert "\n" not in str(problem) and str(problem).endswith(".")
        assert store.count(EntryQuery()) == before
    else:
        assert store.count(EntryQuery()) == before + count.imported


@settings(max_examples=200, deadline=None)
@given(data=_files)
def test_recognising_any_json_raises_nothing_but_import_problem(data: Any) -> None:
    raw = json.dumps(data, allow_nan=True).encode()
    try:
        prepared = prepare(raw)
        list(prepared.records())
    except ImportProblem as problem:
        assert "\n" not in str(problem) and str(problem).endswith(".")
