"""`journal tags retag` and `journal tags reset-personal`, and `tags explain` naming a personal decision.

The tagger "improves" here by being taught a keyword after the entries were written, so the tests
hold whatever the built-in tagger does."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from journal.domain.models import Category, Entry, EntryTag, Kind, Source, UserKeyword
from journal.domain.tagging.version import TAGGER_VERSION
from journal.storage import open_store
from journal.storage import retag as retag_module
from journal.storage.schema import TAGGER_VERSION_KEY
from tests.cli.helpers import Run, assert_one_line_error
from tests.waiting import PATIENCE, wait_for_event

NOW = datetime.now().astimezone().replace(microsecond=0)
OLD = NOW - timedelta(days=40)


def _entry(text: str, at: datetime, tags: list[EntryTag] | None = None) -> Entry:
    return Entry(kind=Kind.MOOD, created_at=at, text=text, mood=3, tags=tags or [])


@pytest.fixture
def journal(db_path: Path) -> dict[str, int]:
    """Four entries written before the tagger knew "the pile"; then it learns it."""
    with open_store(db_path) as store:
        ids = {
            "old": store.save(_entry("staring at the pile again", OLD)).id,
            "recent": store.save(_entry("the pile keeps growing", NOW - timedelta(days=1))).id,
            "refused": store.save(_entry("the pile of laundry", NOW - timedelta(days=2))).id,
            "manual": store.save(
                _entry("a quiet one", OLD, [EntryTag("garden", Category.PERSONAL, None, Source.MANUAL)])
            ).id,
        }
        store.save(store.get(ids["refused"]))
        store.add_keyword(UserKeyword("caseload", "the pile"))
        store.save(store.get(ids["refused"]))  # now tagged caseload ...
        store.reject_tag(ids["refused"], "caseload")  # ... and refused
        store.add_keyword(UserKeyword("hobby", "quiet"))  # "a quiet one" would now be a hobby
        store.set_setting(TAGGER_VERSION_KEY, TAGGER_VERSION - 1)
    return ids


def _tags(db_path: Path, entry_id: int) -> list[tuple[str, str, bool]]:
    with open_store(db_path) as store:
        return [(t.name, str(t.source), t.rejected) for t in store.get(entry_id).tags]


def test_dry_run_says_what_would_change_and_changes_nothing(run: Run, db_path: Path, journal) -> None:
    before = db_path.read_bytes()
    result = run("tags", "retag", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "Dry run: re-tagging 4 entries would change the tags of 3; nothing was saved."
    )
    assert db_path.read_bytes() == before


def test_retag_summary_and_kept_choices(run: Run, run_json, db_path: Path, journal) -> None:
    result = run("tags", "retag")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Re-tagged 4 entries: the tags of 3 changed."
    assert "  + caseload  2" in lines and "  + hobby     1" in lines
    assert lines[-1] == "Tags you rejected or added by hand were kept."
    assert result.stderr == ""  # no progress bar when stderr is not a terminal
    assert _tags(db_path, journal["old"]) == [("caseload", "auto", False)]
    assert _tags(db_path, journal["refused"]) == [("caseload", "auto", True)]  # still refused
    assert ("garden", "manual", False) in _tags(db_path, journal["manual"])
    with open_store(db_path) as store:
        assert store.get_setting(TAGGER_VERSION_KEY) == TAGGER_VERSION
        assert not store.retag_offer_due()
    again = run_json("tags", "retag")
    assert again == {"entries": 4, "changed": 0, "added": {}, "removed": {}, "dry_run": False}


def test_since_touches_only_recent_entries_and_keeps_the_offer(run_json, db_path: Path, journal) -> None:
    data = run_json("tags", "retag", "--since", "7 days ago")
    assert data == {"entries": 2, "changed": 1, "added": {"caseload": 1}, "removed": {}, "dry_run": False}
    assert _tags(db_path, journal["old"]) == []
    assert _tags(db_path, journal["recent"]) == [("caseload", "auto", False)]
    with open_store(db_path) as store:
        assert store.get_setting(TAGGER_VERSION_KEY) == TAGGER_VERSION - 1  # not everything was re-tagged


def test_retag_removes_what_personal_refusals_rule_out(run_json, db_path: Path) -> None:
    refused = [
        "the pile of laundry at home is huge",
        "tackled the pile of laundry at home",
        "the pile of laundry at home again",
    ]
    with open_store(db_path) as store:
        store.add_keyword(UserKeyword("caseload", "the pile"))
        old = store.save(_entry("the pile of laundry at home, sigh", OLD)).id
        for text in refused:
            store.reject_tag(store.save(_entry(text, NOW)).id, "caseload")
    assert run_json("tags", "retag")["removed"] == {"caseload": 1}
    assert _tags(db_path, old) == []


@pytest.mark.parametrize("where", ["working out", "writing"])
def test_an_interrupted_retag_leaves_the_journal_unchanged(
    run: Run, db_path: Path, journal, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    monkeypatch.setattr(retag_module, "PAGE", 1)
    calls = {"n": 0}
    target = "tag_with" if where == "working out" else "write_plan"
    original = getattr(retag_module, target)

    def interrupted(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    monkeypatch.setattr(retag_module, target, interrupted)
    before = {k: _tags(db_path, v) for k, v in journal.items()}
    result = run("tags", "retag")
    assert calls["n"] == 2
    assert assert_one_line_error(result) == "Re-tagging was stopped; your journal is unchanged."
    assert {k: _tags(db_path, v) for k, v in journal.items()} == before


def test_an_entry_edited_while_retagging_is_worked_out_again(db_path: Path, journal) -> None:
    with open_store(db_path) as store:

        def edit_at_the_end(done: int, total: int) -> None:
            if done == total:
                entry = store.get(journal["old"])
                entry.text = "a calm day"
                store.save(entry)

        summary = store.retag(progress=edit_at_the_end)
        assert [t.name for t in store.get(journal["old"]).tags] == []
        assert summary.added == {"caseload": 1, "hobby": 1}


def test_retag_needs_a_journal(run: Run, db_path: Path) -> None:
    message = assert_one_line_error(run("tags", "retag"))
    assert message.startswith("There is no journal at") and not db_path.exists()


def test_reset_personal_asks_first(run: Run, db_path: Path) -> None:
    with open_store(db_path) as store:
        store.add_keyword(UserKeyword("caseload", "the pile"))
        for text in ("the pile of laundry", "laundry pile, the pile"):
            store.reject_tag(store.save(_entry(text, NOW)).id, "caseload")
        assert store.personal_counts()["rejected"] == 2
    kept = run("tags", "reset-personal", input="n\n")
    assert kept.exit_code == 0 and kept.stdout.strip() == "Nothing was forgotten."
    assert "Forget what the tagger learned from 2 of your tag choices?" in kept.stderr
    done = run("tags", "reset-personal", input="y\n")
    assert done.exit_code == 0 and done.stdout.startswith("Done: the tagger has forgotten 2 of your tag choices")
    with open_store(db_path) as store:
        assert store.personal_counts() == {"rejected": 0, "added": 0}
    nothing = run("tags", "reset-personal", "--yes")
    assert nothing.stdout.startswith("The tagger hasn't learned anything from your choices yet")


def test_explain_says_when_a_personal_refusal_decided(run: Run, run_json, db_path: Path) -> None:
    with open_store(db_path) as store:
        store.add_keyword(UserKeyword("caseload", "the pile"))
        for text in (
            "the pile of laundry at home is huge",
            "tackled the pile of laundry at home",
            "the pile of laundry at home again",
        ):
            store.reject_tag(store.save(_entry(text, NOW)).id, "caseload")
    text = "the pile of laundry at home, sigh"
    result = run("tags", "explain", text)
    assert "caseload: left out: you turned this tag down on 3 similar notes" in result.stdout.splitlines()
    data = run_json("tags", "explain", text)
    assert data["personal"] == [{"name": "caseload", "action": "removed", "notes": 3}]
    assert "caseload" not in [t["name"] for t in data["tags"]]
    assert list(run_json("tags", "explain", "the pile of referrals")) == ["tags"]


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    from journal.cli import tags

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with tags._progress() as progress:
        progress(0, 10)
        progress(10, 10)
    assert "Re-tagging" in terminal.getvalue()
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with tags._progress() as progress:
        assert progress is None


def test_tags_added_with_journal_mood_teach_the_fourth_similar_note(run: Run, run_json) -> None:
    for text in (
        "covered the front desk all afternoon",
        "front desk cover again, all afternoon",
        "stuck on the front desk all afternoon",
    ):
        assert run("mood", "3", text, "--tag", "front-desk").exit_code == 0
    saved = run_json("mood", "3", "front desk all afternoon today")
    [tag] = [t for t in saved["tags"] if t["name"] == "front-desk"]
    assert (tag["category"], tag["source"]) == ("personal", "auto")
    explained = run_json("tags", "explain", "front desk all afternoon today")
    assert explained["personal"] == [{"name": "front-desk", "action": "added", "notes": 3}]
    assert [t["name"] for t in run_json("mood", "3", "a quiet evening")["tags"]] == []


def test_ctrl_c_during_a_real_retag_leaves_the_journal_unchanged(db_path: Path) -> None:
    """A real process and a real SIGINT, part way through a long re-tag."""
    import os
    import pty
    import signal
    import sqlite3
    import subprocess
    import sys
    import threading

    import journal as journal_package

    texts = ["couldn't sleep, the pile again", "ate at my desk", "quiet day", "supervision helped"]
    with open_store(db_path) as store:
        store.save_many((_entry(texts[i % 4], OLD) for i in range(12_000)), tag=False)  # untagged: all to do

    def rows() -> list[tuple]:
        conn = sqlite3.connect(db_path)
        try:
            return conn.execute("SELECT * FROM entry_tags ORDER BY entry_id, tag").fetchall()
        finally:
            conn.close()

    before = rows()
    root = Path(journal_package.__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    # stderr on a terminal, so the progress bar is drawn: its first frame says the re-tag is under way.
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "journal", "--db", str(db_path), "tags", "retag"],
        stdout=subprocess.PIPE,
        stderr=slave,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    os.close(slave)
    screen = bytearray()
    started = threading.Event()

    def read_terminal() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child has gone (EIO)
                chunk = b""
            if not chunk:
                started.set()  # nothing more will come: let the test look at what did
                return
            screen.extend(chunk)
            if b"Re-tagging" in screen:
                started.set()

    reader = threading.Thread(target=read_terminal, daemon=True)
    reader.start()
    wait_for_event(started, "the re-tag's progress bar appeared")
    if proc.poll() is not None:
        pytest.skip("the re-tag finished before the interrupt could land")
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=60)
    reader.join(PATIENCE)
    os.close(master)
    err = screen.decode("utf-8", "replace")
    assert proc.returncode != 0
    assert "Traceback" not in err and out == ""
    lines = [line.strip() for line in err.replace("\r", "\n").splitlines() if line.strip()]
    assert lines[-1] == "Re-tagging was stopped; your journal is unchanged.", err[-300:]
    assert rows() == before
