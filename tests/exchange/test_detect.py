"""Formats are recognised by their shape, never their name; files from apps not read yet are named.

Journey, Diaro and jrnl plain-text samples are invented entries in those apps' documented layouts.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from journal.exchange.detect import DIARO, JOURNEY, JRNL_TEXT, UNKNOWN
from journal.exchange.export import export_to
from journal.exchange.importers import ImportProblem, guess_format, prepare
from journal.storage import Store
from tests.exchange.conftest import fill, fixture_bytes

JOURNEY_ENTRY = {
    "text": "<p>Long shift, good team.</p>",
    "date_modified": 1767344400000,
    "date_journal": 1767344400000,
    "id": "1767344400000-3f2a9c1d0e4b5a67",
    "preview_text": "Long shift, good team.",
    "address": "",
    "music_artist": "",
    "music_title": "",
    "lat": 1.7976931348623157e308,
    "lon": 1.7976931348623157e308,
    "mood": 0,
    "label": "",
    "folder": "",
    "sentiment": 0.0,
    "timezone": "Europe/London",
    "favourite": False,
    "type": "html",
    "linked_account_id": "",
    "weather": {"id": 0, "degree_c": 1.7976931348623157e308, "description": "", "icon": "", "place": ""},
    "photos": ["1767344400000-3f2a9c1d0e4b5a67-abc.jpg"],
    "tags": ["work"],
}
DIARO_XML = """<?xml version="1.0" encoding="UTF-8"?>
<data version="2">
<table name="diaro_folders"><r><uid>f1</uid><title>Work</title><color>#F0B913</color></r></table>
<table name="diaro_entries"><r><uid>e1</uid><date>1767344400000</date><tz_offset>+00:00</tz_offset>
<title>Rota</title><text>New rota again.</text><folder_uid>f1</folder_uid></r></table>
</data>
"""
JRNL_PLAIN = """[2026-01-02 09:00] Early start.
Handover took an hour. @work

[2026-01-03 06:45:00 PM] Quiet evening. *
"""


def zipped(files: dict[str, bytes]) -> bytes:
    """The same bytes on every run (each member dated, not stamped with the time it was made): the
    archives are test parameters, and pytest-xdist's workers must collect the same tests."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 2, 9, 0, 0)), data)
    return out.getvalue()


def our_export(store: Store) -> str:
    fill(store)
    out = io.StringIO()
    export_to(store, "json", out)
    return out.getvalue()


def test_every_readable_format_by_its_content(store: Store) -> None:
    exported = our_export(store)
    assert guess_format(exported) == "json"
    assert guess_format(json.dumps(json.loads(exported)["entries"])) == "json"  # `search --json` output
    assert guess_format(fixture_bytes("jrnl_export.json").decode()) == "jrnl"
    assert guess_format('{"tags": {}, "entries": []}') == "jrnl"  # jrnl's export of an empty journal
    assert guess_format(fixture_bytes("dayone_journal.json").decode()) == "dayone"
    assert guess_format('{"metadata": {"version": "1.0"}, "entries": []}') == "dayone"
    for name in ("daylio_7col.csv", "daylio_8col.csv", "daylio_custom.csv"):
        assert guess_format(fixture_bytes(name).decode()) == "daylio"
    assert prepare(zipped({"Journal.json": fixture_bytes("dayone_journal.json")})).format == "dayone"


def test_shape_not_words_in_the_text_decides() -> None:
    """Entries that talk about other formats' keys do not fool the guess (a text search would be)."""
    jrnl = {
        "tags": {},
        "entries": [
            {
                "title": 'notes: "created_at": "creationDate": "date_journal":',
                "body": '"format": "journal"',
                "date": "2026-01-02",
                "time": "09:00",
            }
        ],
    }
    assert guess_format(json.dumps(jrnl)) == "jrnl"
    assert guess_format(json.dumps(jrnl, indent=4)) == "jrnl"
    day_one_last = {
        "entries": [{"creationDate": "2026-01-02T08:00:00Z", "text": '"title": "x"'}],
        "metadata": {"version": "1.0"},
    }
    assert guess_format(json.dumps(day_one_last)) == "dayone"  # Day One's keys, in any order


def test_json_broken_near_the_start_still_reaches_its_reader() -> None:
    with pytest.raises(ImportProblem, match="line 3"):
        prepare(b'{"metadata": {"version": "1.0"},\n "entries": [\n {"creationDate": "2026-01-02T08:00:00Z",')


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (json.dumps(JOURNEY_ENTRY).encode(), JOURNEY),
        (json.dumps([JOURNEY_ENTRY, JOURNEY_ENTRY], indent=2).encode(), JOURNEY),
        (
            zipped(
                {
                    f"{JOURNEY_ENTRY['id']}.json": json.dumps(JOURNEY_ENTRY).encode(),
                    "1767344400000-3f2a9c1d0e4b5a67-abc.jpg": b"\xff\xd8\xff",
                }
            ),
            JOURNEY,
        ),
        (DIARO_XML.encode(), DIARO),
        (zipped({"DiaroBackup.xml": DIARO_XML.encode(), "media/photo/a.jpg": b"\xff\xd8"}), DIARO),
        (JRNL_PLAIN.encode(), JRNL_TEXT),
        (("\n\n" + JRNL_PLAIN).encode(), JRNL_TEXT),
        (b"[2026-01-02 09:00 AM] Title\n", JRNL_TEXT),
        (b'{"notes": [{"what": "x"}]}', UNKNOWN),
        (b"<html><body>hi</body></html>", UNKNOWN),
        (b"Dear diary,\n", UNKNOWN),
    ],
)
def test_known_apps_not_read_yet_are_named_with_what_to_do(data: bytes, message: str) -> None:
    with pytest.raises(ImportProblem) as caught:
        prepare(data)
    assert str(caught.value) == message


def test_the_messages_are_one_sentence_that_says_what_to_do() -> None:
    for message in (JOURNEY, DIARO, JRNL_TEXT, UNKNOWN):
        assert "\n" not in message and message.endswith(".") and message.count(". ") == 0
    assert "jrnl --format json > jrnl.json" in JRNL_TEXT
    assert "--from dayone" in UNKNOWN
