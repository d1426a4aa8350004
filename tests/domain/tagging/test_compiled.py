"""The compiled cue index: the same answers as the plain trie, and a cache that is safe to lose."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest

from journal.domain.tagging import compiled, engine
from journal.domain.tagging.fuzzy import TypoIndex
from journal.domain.tagging.lexicon import load_lexicon
from tests.domain.tagging.conftest import damaged

HERE = Path(__file__).parent
CORPUS = [p for p in (HERE / "eval_sentences.jsonl", HERE / "dev_sentences.jsonl") if p.exists()]


@pytest.fixture(scope="module")
def payload() -> tuple[str, bytes]:
    """Compiled once for the module: compiling reads and expands the whole lexicon."""
    key = compiled.source_hash()
    return key, compiled.compile_payload(key)


@pytest.fixture(scope="module")
def index(payload: tuple[str, bytes]) -> compiled.Compiled:
    made = compiled.from_payload(payload[1], payload[0])
    assert made is not None
    return made


def _assert_same(plain: dict, merged: dict, seen: set[tuple[int, int]]) -> None:
    if (id(plain), id(merged)) in seen:
        return
    seen.add((id(plain), id(merged)))
    assert set(plain) == set(merged)
    for key, value in plain.items():
        if key == compiled.END:
            assert [(c.tag, c.self_negated) for c in value] == [(c.tag, c.self_negated) for c in merged[key]]
        else:
            _assert_same(value, merged[key], seen)


def test_the_merged_trie_answers_every_lookup_as_the_engines_own_trie(index: compiled.Compiled) -> None:
    plain = compiled.plain_trie(load_lexicon().cues)  # the trie the engine builds for taught words
    seen: set[tuple[int, int]] = set()
    _assert_same(plain, index.trie, seen)
    assert len(seen) > 10_000  # the whole trie was walked, not just its root


def test_merging_shares_identical_tails(index: compiled.Compiled) -> None:
    distinct: dict[int, dict] = {}

    def collect(node: dict) -> None:
        if id(node) not in distinct:
            distinct[id(node)] = node
            for key, child in node.items():
                if key != compiled.END:
                    collect(child)

    collect(index.trie)
    plain_nodes = 1 + sum(len(c.parts) for c in load_lexicon().cues)  # an upper bound
    assert len(distinct) * 5 < plain_nodes


def test_a_compiled_tagger_tags_a_corpus_exactly_as_a_freshly_built_one(
    index: compiled.Compiled, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [json.loads(line)["text"] for path in CORPUS for line in path.read_text().splitlines() if line.strip()]
    texts += [
        "Couldn't sleep, ate at my desk again #nights",
        "woke at 4:30, 7 clients, left at 9",
        "exhuasted and overwhelmd after the 999 call",
    ]
    assert len(texts) > 300
    fresh = engine.Tagger()
    expected = [fresh.tag(text) for text in texts]

    monkeypatch.setattr(engine, "_builtin_trie", lambda: index.trie)
    typos = TypoIndex(index.words, known=index.known)
    monkeypatch.setattr(engine, "_typos", lambda: typos)
    from_cache = engine.Tagger()
    assert [from_cache.tag(text) for text in texts] == expected


def test_the_cache_is_written_privately_then_read_instead_of_compiling(
    tmp_path: Path, payload: tuple[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    compiles: list[str] = []

    def counted(key: str) -> bytes:
        compiles.append(key)
        return payload[1]

    monkeypatch.setattr(compiled, "compile_payload", counted)
    monkeypatch.setattr(compiled, "source_hash", lambda: payload[0])  # cue files may change meanwhile
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "cues-0123456789abcdef01234567.bin").write_bytes(b"the unversioned format before")
    (folder / f"{compiled.PREFIX}0123456789abcdef01234567.bin").write_bytes(b"this Python, older cues")
    other = "cues-py399-0123456789abcdef01234567.bin"
    (folder / other).write_bytes(b"another Python's index")
    first = compiled.load_or_build(folder)
    ours = folder / f"{compiled.PREFIX}{payload[0]}.bin"
    # the stale ones are gone; another Python's file is never evicted
    assert sorted(f.name for f in folder.iterdir()) == sorted([ours.name, other])
    assert stat.S_IMODE(ours.stat().st_mode) == 0o600
    second = compiled.load_or_build(folder)
    assert len(compiles) == 1
    assert second.lemmas == first.lemmas and second.known == first.known
    assert set(second.trie) == set(first.trie)


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "other-key"])
def test_a_damaged_or_foreign_cache_file_is_compiled_again(
    tmp_path: Path, payload: tuple[str, bytes], monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    key, data = payload
    monkeypatch.setattr(compiled, "compile_payload", lambda k: data)
    monkeypatch.setattr(compiled, "source_hash", lambda: key)
    path = tmp_path / f"{compiled.PREFIX}{key}.bin"
    if damage == "other-key":  # well formed, but compiled from other sources
        sealed = compiled._seal(data.replace(key.encode(), b"x" * len(key)))
    else:
        sealed = damaged(compiled._seal(data), damage)
    path.write_bytes(sealed)
    assert compiled._unseal(sealed) is None or compiled.from_payload(compiled._unseal(sealed), key) is None
    made = compiled.load_or_build(tmp_path)
    assert made.trie and compiled._unseal(path.read_bytes()) == data


def test_an_unwritable_cache_folder_only_costs_the_compile(
    tmp_path: Path, payload: tuple[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compiled, "compile_payload", lambda k: payload[1])
    monkeypatch.setattr(compiled, "source_hash", lambda: payload[0])
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    compiled.cache_notice()  # nothing left over from another test
    assert compiled.load_or_build(blocked / "cache").trie
    notice = compiled.cache_notice()
    assert notice is not None and "could not be written" in notice and "in memory" in notice
    assert compiled.cache_notice() is None  # said once


def test_an_unwritable_cache_is_said_once_on_stderr_by_a_command(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    done = subprocess.run(
        [sys.executable, "-m", "journal", "tags", "explain", "drained"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, compiled.CACHE_ENV: str(blocked / "cache")},
    )
    assert done.returncode == 0 and "emotional-exhaustion" in done.stdout
    assert done.stderr.count("could not be written") == 1


def test_the_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path))
    assert compiled.cache_dir() == tmp_path
    monkeypatch.setenv(compiled.CACHE_ENV, "")
    assert compiled.cache_dir() is None
    monkeypatch.delenv(compiled.CACHE_ENV)
    assert compiled.cache_dir() is not None and compiled.cache_dir().name == "journal"


def test_the_source_hash_changes_with_the_cue_files_and_the_format(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    package = Path(compiled.__file__).parent
    copy = tmp_path / "tagging"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(compiled.resources, "files", lambda _: copy)
    before = compiled.source_hash()
    assert before == compiled.source_hash() and len(before) == 24
    with (copy / "cues" / "sleep.txt").open("a") as cues:
        cues.write("\nlay awake counting sheep\n")
    edited = compiled.source_hash()
    assert edited != before
    monkeypatch.setattr(compiled, "FORMAT", compiled.FORMAT + 1)
    assert compiled.source_hash() != edited
