"""`journal import` with Day One exports and with files it recognises but does not read yet."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from journal.domain.models import EntryQuery
from journal.exchange.detect import DIARO, JOURNEY, JRNL_TEXT
from journal.storage import open_store
from tests.cli.helpers import Run, assert_one_line_error

FIXTURES = Path(__file__).parents[1] / "exchange" / "fixtures"
DAY_ONE = FIXTURES / "dayone_journal.json"
NOTES = (  # one line each, under the count
    "1 empty entry is skipped.\n1 entry has an unknown time zone (Mars/Olympus_Mons), so its time is shown "
    "in UTC.\n2 photos and 1 audio recording are noted as lines like [photo]; the files themselves are not "
    "imported."
)


def day_one_zip(tmp_path: Path) -> Path:
    path = tmp_path / "Day One export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Journal.json", DAY_ONE.read_bytes())
        archive.writestr("photos/0123456789abcdef0123456789abcdef.jpeg", b"\xff\xd8\xff")
    return path


def count(db_path: Path) -> int:
    with open_store(db_path) as store:
        return store.count(EntryQuery())


def test_day_one_json_imports_and_says_what_was_left_out(run: Run, db_path: Path) -> None:
    result = run("import", str(DAY_ONE))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Imported 3 entries.\n{NOTES}\n"
    again = run("import", str(DAY_ONE))
    assert again.stdout == f"Imported 0 entries; 3 were already here.\n{NOTES}\n"
    assert count(db_path) == 3


def test_day_one_zip_with_and_without_from(run: Run, db_path: Path, tmp_path: Path) -> None:
    archive = day_one_zip(tmp_path)
    result = run("import", str(archive), "--from", "dayone")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Imported 3 entries.\n")
    assert run("import", str(archive)).stdout.startswith("Imported 0 entries; 3 were already here.\n")
    assert count(db_path) == 3


def test_dry_run_tells_exactly_and_creates_nothing(run: Run, db_path: Path, tmp_path: Path) -> None:
    result = run("import", str(day_one_zip(tmp_path)), "--dry-run")
    assert result.stdout == f"Would import 3 entries. Nothing was changed (dry run).\n{NOTES}\n"
    assert not db_path.exists()


def test_the_name_does_not_matter(run: Run, tmp_path: Path) -> None:
    renamed = tmp_path / "daylio_export.csv"
    renamed.write_bytes(DAY_ONE.read_bytes())
    assert run("import", str(renamed)).stdout.startswith("Imported 3 entries.\n")
    daylio = tmp_path / "Journal.json"
    daylio.write_bytes((FIXTURES / "daylio_8col.csv").read_bytes())
    assert run("import", str(daylio)).stdout == "Imported 4 entries; 1 was repeated in the file.\n"


def test_a_broken_entry_is_named_and_nothing_imported(run: Run, db_path: Path, tmp_path: Path) -> None:
    data = json.loads(DAY_ONE.read_text())
    data["entries"][3]["creationDate"] = "2026-13-01T00:00:00Z"
    broken = tmp_path / "Journal.json"
    broken.write_text(json.dumps(data, indent=2))
    message = assert_one_line_error(run("import", str(broken)))
    assert message.startswith("Entry 4 (line ") and '"2026-13-01T00:00:00Z"' in message
    assert not db_path.exists() or count(db_path) == 0  # checked before the journal is even opened


def test_apps_not_read_yet_are_named(run: Run, tmp_path: Path) -> None:
    journey = tmp_path / "journey.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "1767344400000-3f2a.json",
            json.dumps(
                {"text": "<p>Invented.</p>", "date_journal": 1767344400000, "id": "1767344400000-3f2a", "tags": []}
            ),
        )
    journey.write_bytes(buffer.getvalue())
    assert assert_one_line_error(run("import", str(journey))) == JOURNEY
    diaro = tmp_path / "backup.xml"
    diaro.write_text('<?xml version="1.0"?>\n<data version="2"><table name="diaro_entries"></table></data>\n')
    assert assert_one_line_error(run("import", str(diaro))) == DIARO
    jrnl = tmp_path / "journal.txt"
    jrnl.write_text("[2026-01-02 09:00] Title\nBody.\n")
    assert assert_one_line_error(run("import", str(jrnl))) == JRNL_TEXT


def test_from_names_dayone_and_help_mentions_it(run: Run) -> None:
    message = assert_one_line_error(run("import", str(DAY_ONE), "--from", "evernote"))
    assert message == "The --from format must be json, jrnl, dayone or daylio."
    assert "dayone" in run("import", "--help").stdout
