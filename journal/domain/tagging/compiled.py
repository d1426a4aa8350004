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
    """The straightforward trie over cue parts: one node per distinct prefix."""
    root: Trie = {}
    for cue in dict.fromkeys(cues):
        node = root
        for part in cue.parts:
            node = node.setdefault(part, {})
        node.setdefault(END, []).append(cue)
    return root


def to_table(trie: Trie) -> tuple[tuple[tuple[str | None, bool], ...], list[tuple[Any, ...]], int]:
    """The trie as a table of distinct nodes, children before parents, identical subtrees once.

    Returns (endings, nodes, root index); a node is (keys, child indexes, ending indexes or None).
    """
    endings: dict[tuple[str | None, bool], int] = {}
    nodes: dict[tuple[Any, ...], int] = {}

    def visit(node: Trie) -> int:
        keys: list[str] = []
        children: list[int] = []
        ends: tuple[int, ...] | None = None
        for key in sorted(node):
            if key == END:
                ends = tuple(endings.setdefault((c.tag, c.self_negated), len(endings)) for c in node[key])
            else:
                keys.append(sys.intern(key))
                children.append(visit(node[key]))
        row = (tuple(keys), tuple(children), ends)
        return nodes.setdefault(row, len(nodes))

    root = visit(trie)
    return tuple(endings), list(nodes), root


def from_table(endings: Iterable[tuple[str | None, bool]], nodes: Iterable[tuple[Any, ...]], root: int) -> Trie:
    """Rebuild the merged trie: one dict per distinct node, shared wherever subtrees were equal."""
    cues = [Cue(tag, (), negated) for tag, negated in endings]
    built: list[Trie] = []
    for keys, children, ends in nodes:
        node = dict(zip(keys, [built[i] for i in children], strict=True))
        if ends is not None:
            node[END] = [cues[i] for i in ends]
        built.append(node)
    return built[root]


def build() -> Compiled:
    """Compile from the cue files (the slow path: reads and expands the whole lexicon)."""
    lexicon = load_lexicon()
    endings, nodes, root = to_table(plain_trie(lexicon.cues))
    return Compiled(
        lemmas=dict(lexicon.lemmas),
        trie=from_table(endings, nodes, root),
        words=dict(lexicon.words),
        known=frozenset(lexicon.lemmas) | lexicon.real_words,
    )


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


def _dump(compiled: Compiled, key: str) -> bytes:
    endings, nodes, root = to_table(compiled.trie)
    return marshal.dumps((FORMAT, key, compiled.lemmas, compiled.words, compiled.known, endings, nodes, root))


def _load(data: bytes, key: str) -> Compiled | None:
    """The index in `data`, or None when it is damaged or made for other sources."""
    try:
        fmt, stored_key, lemmas, words, known, endings, nodes, root = marshal.loads(data)
        if fmt != FORMAT or stored_key != key:
            return None
        return Compiled(lemmas=lemmas, trie=from_table(endings, nodes, root), words=words, known=known)
    except (EOFError, ValueError, TypeError, IndexError, KeyError):
        return None


def _write_private(folder: Path, name: str, data: bytes) -> None:
    """Write atomically (a temporary file renamed into place), owner-only, dropping older indexes."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".cues-", dir=folder)  # mkstemp makes it 0600
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, folder / name)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    for old in folder.glob("cues-*.bin"):
        if old.name != name:
            old.unlink(missing_ok=True)


def load_or_build(folder: Path | None) -> Compiled:
    """The cached index from `folder` when it is there and current, else built (and stored there)."""
    key = source_hash()
    name = f"cues-{key}.bin"
    if folder is not None:
        try:
            found = _load((folder / name).read_bytes(), key)
        except OSError:
            found = None
        if found is not None:
            return found
    compiled = build()
    if folder is not None:
        try:
            _write_private(folder, name, _dump(compiled, key))
        except OSError:
            pass  # a read-only or full disk: build again next time, tag correctly now
    return compiled


@cache
def builtin() -> Compiled:
    """The process-wide built-in index (cached folder per `cache_dir()`)."""
    return load_or_build(cache_dir())
