"""Issue 16, point 8: one sentence, never the catch-all "Something went wrong"."""

from __future__ import annotations

from pathlib import Path

from tests.reliability.helpers import assert_healthy, assert_one_sentence, run_journal


def _journal(db_path: Path) -> None:
    assert run_journal(db_path, "mood", "3", "supervision ran late").returncode == 0


def test_a_limit_beyond_sqlites_integers_shows_everything(db_path: Path) -> None:
    _journal(db_path)
    done = run_journal(db_path, "search", "supervision", "--limit", "99999999999999999999999")
    assert done.returncode == 0, done.stderr
    assert b"supervision" in done.stdout and b"Something went wrong" not in done.stderr


def test_stressors_since_a_far_year_is_one_sentence(db_path: Path) -> None:
    _journal(db_path)
    line = assert_one_sentence(run_journal(db_path, "stressors", "--since", "1000-01-02"), "1000-01-02", "1800")
    assert "Something went wrong" not in line
    assert run_journal(db_path, "stressors", "--since", "1800-01-02").returncode == 0


def test_a_daylio_note_over_csvs_default_field_limit_imports(db_path: Path, tmp_path: Path) -> None:
    note = "long shift, " * 20_000  # 240,000 characters; csv's default limit is 131,072
    source = tmp_path / "daylio.csv"
    source.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        f'2026-06-01,June 1,Monday,10:00,good,,,"{note}"\n',
        encoding="utf-8",
    )
    done = run_journal(db_path, "import", source)
    assert done.returncode == 0, done.stderr
    assert assert_healthy(db_path) == 1


def test_backup_failures_name_the_destination_not_the_journal(db_path: Path, tmp_path: Path) -> None:
    _journal(db_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for dest in (blocker / "inside" / "b.db", Path("/proc/journal-backup.db")):
        line = assert_one_sentence(run_journal(db_path, "backup", str(dest)), "backup", str(dest))
        assert "the journal at" not in line and "no journal" not in line.lower()
