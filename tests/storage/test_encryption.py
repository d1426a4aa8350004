"""Encrypting, decrypting and re-keying in place: complete, verified, atomic, and opaque on disk."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from journal.domain.models import EntryQuery
from journal.storage import DatabaseLocked, WrongPassphrase, crypto, open_store
from journal.storage.connection import SQLITE_HEADER
from journal.storage.errors import StoreError
from tests.probes import assert_whole, schema_step
from tests.storage.conftest import mood

pytest.importorskip("sqlcipher3")

ROOT = Path(__file__).resolve().parents[2]
SECRET_WORDS = ("Marguerite", "hallway argument", "supervision")
OLD, NEW = "first passphrase", "second passphrase"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fill(path: Path, passphrase: str | None = None) -> None:
    with open_store(path, passphrase=passphrase) as s:
        s.save_many(mood(f"entry {i}: Marguerite and the hallway argument before supervision") for i in range(300))
        s.save(mood("café naïve résumé"))
        s.park("ring the housing office")
        s.set_setting("never_write", ["Marguerite"])


def snapshot(path: Path, passphrase: str | None) -> tuple:
    """Everything a person would notice: entries, tags, search, parked items, settings."""
    with open_store(path, passphrase=passphrase, create=False) as s:
        assert_whole(s)
        entries = [(e.id, e.text, e.mood, tuple(t.name for t in e.tags)) for e in s.search(EntryQuery(limit=1000))]
        return (
            entries,
            [e.id for e in s.search(EntryQuery(text="hallway", limit=1000))],
            [e.id for e in s.search(EntryQuery(text="cafe naive", limit=1000))],
            [p.text for p in s.search_parked("housing")],
            s.get_setting("never_write"),
            schema_step(s),
        )


def no_leftovers(path: Path) -> None:
    assert not path.with_name(path.name + ".converting").exists()


def test_encrypt_decrypt_and_change_keep_everything(db_path: Path) -> None:
    fill(db_path)
    before = snapshot(db_path, None)
    crypto.encrypt(db_path, OLD)
    assert crypto.is_encrypted(db_path) and snapshot(db_path, OLD) == before
    crypto.change_passphrase(db_path, OLD, NEW)
    assert snapshot(db_path, NEW) == before
    with pytest.raises(WrongPassphrase):
        open_store(db_path, passphrase=OLD)
    crypto.decrypt(db_path, NEW)
    assert not crypto.is_encrypted(db_path) and snapshot(db_path, None) == before
    no_leftovers(db_path)
    assert oct(db_path.stat().st_mode & 0o777) == oct(0o600)


def test_the_encrypted_file_and_its_wal_hold_no_readable_text(db_path: Path) -> None:
    fill(db_path)
    crypto.encrypt(db_path, OLD)
    with open_store(db_path, passphrase=OLD) as s:  # writes after encrypting land in the -wal first
        s.save_many(mood(f"later note {i} about Marguerite in the hallway") for i in range(50))
        wal = db_path.with_name(db_path.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0
        for file in (db_path, wal):
            data = file.read_bytes()
            assert SQLITE_HEADER not in data
            for words in (*SECRET_WORDS, "later note", "housing office", "never_write", "CREATE TABLE"):
                assert words.encode() not in data, (file.name, words)
        assert s.count(EntryQuery(text="later Marguerite")) == 50  # search works unchanged
    assert SQLITE_HEADER not in db_path.read_bytes()


def test_a_wrong_passphrase_changes_nothing(db_path: Path) -> None:
    fill(db_path, OLD)
    before = digest(db_path)
    with pytest.raises(WrongPassphrase):
        crypto.decrypt(db_path, "not the passphrase")
    with pytest.raises(WrongPassphrase):
        crypto.change_passphrase(db_path, "not the passphrase", NEW)
    with pytest.raises(WrongPassphrase):
        crypto.encrypt(db_path, NEW)  # already encrypted: opening it as plain is refused
    assert digest(db_path) == before
    no_leftovers(db_path)


def _break(monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if step == "mismatch":  # the copy is written, but differs from the original
        real = crypto.fingerprint
        calls = []

        def lying(conn: object) -> dict:
            calls.append(1)
            found = real(conn)
            if len(calls) > 1:
                found["counts"]["entries"] -= 1
            return found

        monkeypatch.setattr(crypto, "fingerprint", lying)
    elif step == "rename":
        monkeypatch.setattr(crypto.os, "replace", boom)
    else:
        monkeypatch.setattr(crypto, step, boom)


@pytest.mark.parametrize("step", ["_export", "mismatch", "_verify", "rename"])
@pytest.mark.parametrize("direction", ["encrypt", "decrypt"])
def test_a_failure_at_any_step_leaves_the_original_journal(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, direction: str
) -> None:
    old = None if direction == "encrypt" else OLD
    fill(db_path, old)
    before = snapshot(db_path, old)
    with monkeypatch.context() as patch:
        _break(patch, step)
        with pytest.raises((OSError, StoreError)):
            crypto.convert(db_path, old=old, new=NEW if direction == "encrypt" else None)
    no_leftovers(db_path)
    assert crypto.is_encrypted(db_path) == (old is not None)
    assert snapshot(db_path, old) == before


def test_refused_while_another_program_has_the_journal_open(db_path: Path) -> None:
    fill(db_path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent("""
            import sys
            from journal.storage import open_store
            s = open_store(sys.argv[1])
            print("open", flush=True)
            sys.stdin.read()
        """),
            str(db_path),
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseLocked) as info:
            crypto.encrypt(db_path, NEW)
        assert "another program" in str(info.value)
    finally:
        holder.communicate("", timeout=10)
    assert not crypto.is_encrypted(db_path)
    no_leftovers(db_path)
    crypto.encrypt(db_path, NEW)  # once it is closed, it works
    assert crypto.is_encrypted(db_path)


def test_an_empty_passphrase_is_refused(db_path: Path) -> None:
    fill(db_path)
    with pytest.raises(Exception, match="at least one character"):
        crypto.encrypt(db_path, "")
    assert not crypto.is_encrypted(db_path)
