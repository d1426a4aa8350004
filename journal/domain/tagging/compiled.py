"""The built-in cue index, compiled once and kept in the user's cache folder.

Why: expanding the cue files multiplies their alternatives out into over 100,000 token sequences,
and their trie has nearly 200,000 nodes: one to three seconds and some 60 MB before the first tag,
paid again by every `journal mood` and every app start. Yet the result only changes when the cue
files or the tagging code do, and most of it is repetition: "felt|feeling|really|so _ down" puts the
same "down" tail under every prefix. Merging identical subtrees (a DAWG: same keys, same children,
same endings) leaves a few thousand nodes. Each ending also needs only what the engine reads from it,
its tag and whether its own words hold a negation, so one shared `Cue` per (tag, negation) pair
replaces a hundred thousand.

The merged index answers every lookup exactly as the plain trie does: the engine only follows it
with `get` and `in` and never changes it (a test walks both side by side and tags a corpus with
each). It is stored with `marshal` (plain data, nothing executes when it is read) under a name
holding a hash of every cue file and every module of this package, so any change rebuilds it;
a missing, unreadable or damaged file is rebuilt too, and a cache folder that cannot be written
only costs the rebuild on the next start.

Wiring (the engine's side): `_builtin_trie()` returns `builtin().trie`, `Tagger` takes its lemma
table from `builtin().lemmas`, and `_typos()` is `TypoIndex(builtin().words, known=builtin().known)`.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from journal.domain.tagging.lexicon import Cue, load_lexicon
from journal.paths import private_folder

#: Bump when the stored layout changes (the hash of this module's source also changes it).
FORMAT = 1
#: Where to keep the index instead of the platform's cache folder (tests, sandboxes); "" disables.
CACHE_ENV = "JOURNAL_CACHE_DIR"
END = ""  # the trie key holding the cues that end at a node (the engine's `_END`)
_PACKAGE = "journal.domain.tagging"

Trie = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Compiled:
    """Everything the tagger needs from the lexicon, without the expanded cue list."""

    lemmas: dict[str, str]
    #: merged trie: token key -> child node; `END` -> the cues ending here (tag, self_negated only)
    trie: Trie
    #: cue words as written -> their key, and the real words typo correction must leave alone
    words: dict[str, str]
    known: frozenset[str]


# building ------------------------------------------------------------------------------------
def plain_trie(cues: Iterable[Cue]) -> Trie:
    """The straightforward trie over cue parts: one node per distinct prefix (the one the engine
    walks for the words a person taught it)."""
    root: Trie = {}
    for cue in dict.fromkeys(cues):
        node = root
        for part in cue.parts:
            node = node.setdefault(part, {})
        node.setdefault(END, []).append(cue)
    return root


def merge(trie: Trie) -> tuple[tuple[tuple[str | None, bool], ...], Trie, list[Trie]]:
    """The trie with identical subtrees made one shared node, in plain data `marshal` can store.

    Returns (endings, root, ended): every node's `END` holds indexes into `endings`, the
    (tag, self_negated) pairs; `ended` lists the nodes that have an `END`, so loading can turn those
    indexes into cues without walking the whole trie.
    """
    endings: dict[tuple[str | None, bool], int] = {}
    canonical: dict[tuple[Any, ...], Trie] = {}
    ended: list[Trie] = []

    def visit(node: Trie) -> Trie:
        items: list[tuple[str, Any]] = []
        for key in sorted(node):
            if key == END:
                pairs = ((c.tag, c.self_negated) for c in node[key])
                items.append((END, tuple(endings.setdefault(p, len(endings)) for p in pairs)))
            else:
                items.append((sys.intern(key), visit(node[key])))
        # Children are canonical already, so their identity stands for their whole subtree.
        signature = tuple((k, v if k == END else id(v)) for k, v in items)
        found = canonical.get(signature)
        if found is None:
            found = canonical[signature] = dict(items)
            if END in found:
                ended.append(found)
        return found

    root = visit(trie)
    return tuple(endings), root, ended


def compile_payload(key: str) -> bytes:
    """Compile the cue files into the stored form (the slow path: reads and expands the lexicon)."""
    lexicon = load_lexicon()
    endings, root, ended = merge(plain_trie(lexicon.cues))
    known = frozenset(lexicon.lemmas) | lexicon.real_words
    return marshal.dumps((FORMAT, key, lexicon.lemmas, lexicon.words, known, endings, root, ended))


def from_payload(payload: bytes, key: str) -> Compiled | None:
    """The index stored in `payload`, or None when it was made for other sources or is malformed."""
    paused = gc.isenabled()
    gc.disable()  # thousands of new acyclic dicts: nothing for the collector to find
    try:
        fmt, stored_key, lemmas, words, known, endings, root, ended = marshal.loads(payload)
        if fmt != FORMAT or stored_key != key:
            return None
        cues = [Cue(tag, (), negated) for tag, negated in endings]
        for node in ended:
            node[END] = [cues[i] for i in node[END]]
        return Compiled(lemmas=lemmas, trie=root, words=words, known=known)
    except (EOFError, ValueError, TypeError, IndexError, KeyError):
        return None
    finally:
        if paused:
            gc.enable()


# caching -------------------------------------------------------------------------------------
def source_hash() -> str:
    """A hash of every cue file and every module of the tagging package, in a stable order."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version_info[:2]}".encode())
    package = resources.files(_PACKAGE)
    for folder in (package, package.joinpath("cues")):
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            if item.is_file() and item.name.endswith((".py", ".txt")):
                digest.update(item.name.encode() + b"\0" + item.read_bytes() + b"\0")
    return digest.hexdigest()[:24]


def cache_dir() -> Path | None:
    """`$JOURNAL_CACHE_DIR` if set (empty: no caching), else the user cache folder for journal."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen).expanduser() if chosen.strip() else None
    import platformdirs  # only when caching is wanted at all

    return platformdirs.user_cache_path("journal")


_MAGIC = b"journal-cues\n"


def _seal(payload: bytes) -> bytes:
    """The file's bytes: a marker, a checksum (so a damaged file is rebuilt, not trusted), the data."""
    return _MAGIC + hashlib.sha256(payload).digest() + payload


def _unseal(data: bytes) -> bytes | None:
    head, digest, payload = data[: len(_MAGIC)], data[len(_MAGIC) : len(_MAGIC) + 32], data[len(_MAGIC) + 32 :]
    if head != _MAGIC or hashlib.sha256(payload).digest() != digest:
        return None
    return payload


#: The start of this Python's index files: each Python version keeps its own file (marshal's format
#: is per version), so a user with two Pythons never has one evict the other's.
PREFIX = f"cues-py{sys.version_info[0]}{sys.version_info[1]}-"

#: Why this process could not write its index, until a front end has said so (once).
_unwritable: str | None = None


def cache_notice() -> str | None:
    """The one sentence about a cache that could not be written, the first time it is asked for;
    then None, so that front ends say it once."""
    global _unwritable
    notice, _unwritable = _unwritable, None
    return notice


def _write_private(folder: Path, name: str, data: bytes) -> None:
    """Write atomically (a temporary file renamed into place), owner-only, dropping this Python's
    older indexes (and those of the unversioned format before it), never another Python's."""
    private_folder(folder)  # every folder made on the way 0700, not only the last
    fd, temp = tempfile.mkstemp(prefix=".cues-", dir=folder)  # mkstemp makes it 0600
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, folder / name)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    for old in folder.glob("cues-*.bin"):
        unversioned = not old.name.startswith("cues-py")
        if old.name != name and (old.name.startswith(PREFIX) or unversioned):
            old.unlink(missing_ok=True)


def load_or_build(folder: Path | None) -> Compiled:
    """The cached index from `folder` when it is there and current, else compiled (and stored there)."""
    global _unwritable
    key = source_hash()
    name = f"{PREFIX}{key}.bin"
    if folder is not None:
        try:
            payload = _unseal((folder / name).read_bytes())
        except OSError:
            payload = None
        found = from_payload(payload, key) if payload is not None else None
        if found is not None:
            return found
    payload = compile_payload(key)
    if folder is not None:
        try:
            _write_private(folder, name, _seal(payload))
        except OSError:
            # a read-only or full disk: keep the index in memory for this process and say so once
            _unwritable = (
                f"The tagger's cache folder ({folder}) could not be written, so its index is kept in "
                "memory for now: tagging works as usual, each start just takes a little longer."
            )
    compiled = from_payload(payload, key)
    assert compiled is not None  # just made from these very sources
    return compiled


@cache
def builtin() -> Compiled:
    """The process-wide built-in index (cached folder per `cache_dir()`)."""
    return load_or_build(cache_dir())
