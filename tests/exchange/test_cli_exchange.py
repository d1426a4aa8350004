"""`journal export` and `journal import` from a shell: exit codes, one-line errors, files, warnings."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

import pytest

from journal.domain.models import EntryQuery
from journal.storage import open_store
from tests.exchange.conftest import FIXTURES, fill


def one_line_error(result, code: int = 1) -> str:
    assert result.exit_code == code, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.stderr
    return lines[0]


@pytest.fixture
def filled(db_path: Path) -> Path:
    with open_store(db_path) as store:
        fill(store)
    return db_path


def test_export_to_stdout_and_filters(cli_run, filled: Path) -> None:
    result = cli_run("export")
    assert result.exit_code == 0 and result.stderr == ""
    assert len(json.loads(result.stdout)["entries"]) == 5
    result = cli_run("export", "--format", "csv", "--kind", "boundary")
    assert len(list(csv.reader(io.StringIO(result.stdout)))) == 2
    result = cli_run("export", "rota", "--format", "md", "--since", "2026-03-12", "--until", "2026-03-12")
    assert result.stdout.count("### ") == 1


def test_export_out_is_private_atomic_and_never_overwrites(cli_run, filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    result = cli_run("export", "--out", str(out))
    assert result.exit_code == 0 and result.stdout == f"Exported 5 entries to {out}.\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    before = out.read_bytes()
    message = one_line_error(cli_run("export", "--format", "md", "--out", str(out)))
    assert "already exists" in message and "--force" in message
    assert out.read_bytes() == before
    assert cli_run("export", "--format", "md", "--out", str(out), "--force").exit_code == 0
    assert out.read_text().startswith("# Journal")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export")] == []  # no temp files left


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("export", "--format", "pdf"), "--format must be"),
        (("export", "--kind", "dream"), "--kind must be"),
        (("export", "--since", "someday soon"), "someday soon"),
        (("export", "--out", "/no/such/folder/x.json"), "does not exist"),
        (("import", "/no/such/file.json"), "There is no file"),
        (("import", str(FIXTURES / "daylio_custom.csv")), "--mood-map"),
        (("import", str(FIXTURES / "daylio_custom.csv"), "--mood-map", "ecstatic=9"), "label=score"),
        (("import", str(FIXTURES / "jrnl_export.json"), "--from", "daylio"), "Daylio header"),
        (("import", str(FIXTURES / "jrnl_export.json"), "--from", "word"), "--from format must be"),
    ],
)
def test_mistakes_get_one_line(cli_run, filled: Path, args: tuple[str, ...], words: str) -> None:
    assert words in one_line_error(cli_run(*args))


def test_export_without_a_journal_says_so(cli_run, db_path: Path) -> None:
    assert "no journal" in one_line_error(cli_run("export"))
    assert not db_path.exists()


def test_import_reports_counts_and_reimport_adds_nothing(cli_run, db_path: Path) -> None:
    daylio = str(FIXTURES / "daylio_8col.csv")
    result = cli_run("import", daylio)
    assert result.exit_code == 0, result.output
    assert result.stdout == "Imported 4 entries; 1 was repeated in the file.\n"
    result = cli_run("import", daylio)
    assert result.stdout == "Imported 0 entries; 4 were already here and 1 was repeated in the file.\n"
    result = cli_run("import", str(FIXTURES / "daylio_custom.csv"), "--mood-map", "Ecstatic=5, drained=2")
    assert result.stdout == 'Imported 3 entries.\nThe column "photos" was not imported (1 row has something in it).\n'
    with open_store(db_path) as store:
        assert store.count(EntryQuery()) == 7


def test_dry_run_creates_and_changes_nothing(cli_run, db_path: Path) -> None:
    result = cli_run("import", str(FIXTURES / "jrnl_export.json"), "--dry-run")
    assert result.stdout == "Would import 4 entries. Nothing was changed (dry run).\n"
    assert not db_path.exists()


def test_invalid_utf8_and_empty_files(cli_run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"full_date,date,weekday,time,mood\n2024-01-01,a,b,10:00,g\xe9nial\n")
    assert "not UTF-8" in one_line_error(cli_run("import", str(bad)))
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    assert "empty" in one_line_error(cli_run("import", str(empty)))


def test_json_round_trip_through_the_cli(cli_run, filled: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    cli_run("export", "--out", str(first))
    other = tmp_path / "other.db"
    assert cli_run("import", str(first), "--db", str(other)).stdout == "Imported 5 entries.\n"
    second = tmp_path / "second.json"
    cli_run("export", "--out", str(second), "--db", str(other))

    def body(path: Path) -> list[str]:
        return [line for line in path.read_text().splitlines() if '"exported_at"' not in line]

    assert body(first) == body(second)


def test_an_encrypted_journal_warns_that_the_export_is_not(cli_run, db_path: Path, monkeypatch) -> None:
    with open_store(db_path, passphrase="pass phrase") as store:
        fill(store)
    monkeypatch.setenv("JOURNAL_PASSPHRASE", "pass phrase")
    result = cli_run("export", "--format", "csv")
    assert result.exit_code == 0
    assert result.stderr == "This journal is encrypted, but the export is not: keep the file somewhere private.\n"
    assert len(list(csv.reader(io.StringIO(result.stdout)))) == 6
    assert "encrypted" not in cli_run("import", str(FIXTURES / "jrnl_export.json")).stderr


def test_import_prompts_for_custom_moods_at_a_terminal(cli_run, db_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("journal.cli.exchange.interactive", lambda: True)
    result = cli_run("import", str(FIXTURES / "daylio_custom.csv"), input="5\n2\n")
    assert result.exit_code == 0, result.output
    assert "Imported 3 entries.\n" in result.stdout
    with open_store(db_path) as store:
        assert sorted(e.mood for e in store.search(EntryQuery(limit=None))) == [2, 4, 5]


def test_a_bad_record_deep_in_the_file_imports_nothing(cli_run, db_path: Path, tmp_path: Path) -> None:
    entries = [{"title": f"day {i}", "date": "2026-03-02", "time": f"10:{i:02d}"} for i in range(30)]
    entries[27]["date"] = "2026-02-30"
    bad = tmp_path / "jrnl.json"
    bad.write_text(json.dumps({"tags": {}, "entries": entries}, indent=4))
    message = one_line_error(cli_run("import", str(bad)))
    assert message.startswith("Entry 28 (line ") and message.endswith("Nothing was imported.")
    assert '"2026-02-30"' in message
    with open_store(db_path) as store:
        assert store.count(EntryQuery()) == 0


def test_distinct_jrnl_tags_stay_distinct_and_the_cli_finds_each(cli_run, db_path: Path, tmp_path: Path) -> None:
    """One slug rule for imports, typed #tags and --tag: @c++ and @c# are two tags, @os/2 is not os-2."""
    entries = [
        {"title": "Learning @c++ templates", "date": "2026-03-02", "time": "10:00", "tags": ["@c++"]},
        {"title": "A @c# service", "date": "2026-03-02", "time": "11:00", "tags": ["@c#"]},
        {"title": "Old @os/2 box", "date": "2026-03-02", "time": "12:00", "tags": ["@os/2"]},
        {"title": "Typed #os-2 and #Late_Night", "date": "2026-03-02", "time": "13:00", "tags": []},
    ]
    path = tmp_path / "jrnl.json"
    path.write_text(json.dumps({"tags": {}, "entries": entries}))
    assert cli_run("import", str(path)).exit_code == 0
    for tag, title in [
        ("c++", "Learning"),
        ("@C#", "A @c#"),
        ("os/2", "Old"),
        ("#os-2", "Typed"),
        ("late_night", "Typed"),
    ]:
        found = json.loads(cli_run("search", "--tag", tag, "--json").stdout)
        assert [e["text"][: len(title)] for e in found] == [title], tag
    assert json.loads(cli_run("search", "--tag", "c", "--json").stdout) == []
