"""Importing other journals: one registry of readers, format guessing, and the one-transaction import.

A reader turns the file's text into a `Prepared` import: it has already read every record once (so a
malformed file is refused before the journal is touched, naming the line) and can stream the entries
again for the real import, without holding the whole file's entries in memory. `run_import` hands
that stream to `Store.import_entries`, which skips entries already in the journal and writes the rest
in ONE transaction.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from journal.domain.models import BOUNDARY_KINDS, Entry, EntryTag
from journal.domain.scores import parse_score
from journal.domain.tagging import TAXONOMY
from journal.domain.tags import chosen_tag, tag_slug

if TYPE_CHECKING:
    from journal.domain.models import ImportCount
    from journal.storage import Store

FORMATS = ("json", "jrnl", "dayone", "daylio")
#: Daylio's five built-in moods, best first.
DAYLIO_MOODS: dict[str, int] = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}


class ImportProblem(ValueError):
    """A file that cannot be imported; `str()` is one sentence saying where and what to do."""


class UnknownMoods(ImportProblem):
    """Mood labels without a score (every one the file uses, as the file spells them): the CLI asks
    for them at a terminal, the app in a dialog; the message's --mood-map works exactly as shown."""

    def __init__(self, labels: list[str]) -> None:
        import shlex

        shown = ", ".join(f'"{label}"' for label in labels)
        example = ",".join(f"{_escaped(label)}=3" for label in labels)
        # double quotes as the README writes it, unless the shell would read something inside them
        example = f'"{example}"' if not set(example) & set('"$`\\!') else shlex.quote(example)
        what = "This mood needs" if len(labels) == 1 else f"These {len(labels)} moods need"
        super().__init__(
            f"{what} a score from 1 (awful) to 5 (great): {shown}. Give them with --mood-map {example} "
            "(change each 3 to the score you mean)."
        )
        self.labels = labels


def mood_key(label: str) -> str:
    """How mood labels compare: any case, spaces trimmed and runs of spaces as one."""
    return " ".join(label.split()).casefold()


def _escaped(label: str) -> str:
    """A label inside --mood-map: a comma or backslash in it is written with a backslash before it."""
    return " ".join(label.split()).replace("\\", "\\\\").replace(",", "\\,")


@dataclass
class Options:
    """What the person told `journal import` besides the file."""

    mood_map: dict[str, int] = field(default_factory=dict)


@dataclass
class Prepared:
    """A checked file, ready to import: how many records, and how to stream them as entries."""

    format: str
    count: int
    #: run the tagger on the text (other programs' exports); False keeps the file's tags exactly
    retag: bool
    records: Callable[[], Iterator[Entry]]
    #: the file's own entry ids (this app's JSON only), kept when none is taken in the journal
    ids: list[int] = field(default_factory=list)
    #: what the summary must also say (entries left out, guesses made), each one sentence, tense-neutral
    notes: list[str] = field(default_factory=list)
    #: the boundary kinds a boundary entry may name: the built-in ones, and `run_import` adds the
    #: journal's own before the records stream (a reader checks its records against this very set)
    boundary_kinds: set[str] = field(default_factory=lambda: set(BOUNDARY_KINDS))


Reader = Callable[[str, Options], Prepared]


def _readers() -> dict[str, Reader]:
    from journal.exchange import import_daylio, import_dayone, import_jrnl, import_json

    return {
        "json": import_json.read,
        "jrnl": import_jrnl.read,
        "dayone": import_dayone.read,
        "daylio": import_daylio.read,
    }


# --- reading the file -----------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """The file as text: UTF-8 (a byte-order mark is allowed), or one sentence naming the line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ImportProblem(
            f"The file is not UTF-8 text (a byte on line {line} cannot be read); save or export it as UTF-8 "
            "and try again."
        ) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ImportProblem("The file is empty; there is nothing to import.")
    return text


def guess_format(text: str) -> str:
    """json, jrnl, dayone or daylio, from the content's shape (never the file name, which people rename).

    A file from an app this version does not read yet (Journey, Diaro, jrnl's plain text) is named,
    with what to do instead, as an ImportProblem.
    """
    from journal.exchange.detect import shape_of

    return shape_of(text)


def prepare(data: bytes | Path, fmt: str | None = None, options: Options | None = None) -> Prepared:
    """Read and check the whole file; ImportProblem (one sentence) if anything is wrong.

    `data` is the file's bytes, or its path: then a zip (a Day One export with years of photos can
    be gigabytes) is never read whole, only the files in it that can be an export.
    """
    if fmt is not None and fmt not in FORMATS:
        raise ImportProblem("The --from format must be json, jrnl, dayone or daylio.")
    options = options or Options()
    if isinstance(data, Path):
        try:
            with data.open("rb") as handle:
                head = handle.read(4)
            if not is_zip(head):
                data = data.read_bytes()
        except OSError as exc:
            raise ImportProblem(f"The file could not be read ({exc.strerror or 'read error'}).") from None
    if isinstance(data, Path) or is_zip(data):
        from journal.exchange.detect import prepare_zip

        return prepare_zip(data, fmt, options)
    text = decode(data)
    chosen = fmt or guess_format(text)
    return _readers()[chosen](text, options)


def read_source(path: Path) -> bytes | Path:
    """An import file's bytes; for a zip, its path (a Day One export with photos can be gigabytes:
    only the export files inside are read). One sentence (ImportProblem) when it cannot be read; the
    CLI and the app's Import dialog both read through here."""
    try:
        path = path.expanduser()
        with path.open("rb") as handle:
            if handle.read(4) in (b"PK\x03\x04", b"PK\x05\x06"):
                return path
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportProblem(f"There is no file at {path}; check the name and folder.") from None
    except IsADirectoryError:
        raise ImportProblem(f"{path} is a folder; give the export file inside it.") from None
    except PermissionError:
        raise ImportProblem(f"There is no permission to read {path}.") from None
    except OSError as exc:
        raise ImportProblem(f"{path} could not be read ({exc.strerror or 'read error'}).") from None


def is_zip(data: bytes) -> bool:
    """A zip archive (Day One's and Journey's exports are), by its first bytes."""
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06")


def zip_members(data: bytes | Path, wanted: Callable[[str], bool]) -> tuple[list[str], list[tuple[str, bytes]]]:
    """The names of the files in the zip, and (name, bytes) of the `wanted` ones, read in memory
    (nothing is ever extracted to disk; photos and other media are never read at all).

    Folders and the `__MACOSX/` and `._name` clutter macOS adds are left out.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data) as archive:
            names: list[str] = []
            members: list[tuple[str, bytes]] = []
            for info in archive.infolist():
                base = info.filename.rsplit("/", 1)[-1]
                if info.is_dir() or info.filename.startswith("__MACOSX/") or base.startswith("._") or not base:
                    continue
                names.append(info.filename)
                if wanted(info.filename):
                    members.append((info.filename, archive.read(info)))
            return names, members
    except RuntimeError:  # zipfile's word for an encrypted member
        raise ImportProblem(
            "The zip file is protected by a password; unzip it yourself and import the export file inside."
        ) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, zlib.error, OSError, ValueError):
        raise ImportProblem("The zip file is damaged or incomplete; download or export it again.") from None


def run_import(
    store: Store, prepared: Prepared, *, dry_run: bool = False, progress: Callable[[int], None] | None = None
) -> ImportCount:
    """Import in one transaction; entries already in the journal (or repeated in the file) are skipped."""
    keep_ids = bool(prepared.ids) and not store.ids_in_use(prepared.ids)
    prepared.boundary_kinds.update(store.boundary_kinds())

    def stream() -> Iterator[Entry]:
        for entry in prepared.records():
            yield entry
            if progress is not None:
                progress(1)

    return store.import_entries(stream(), tag=prepared.retag, keep_ids=keep_ids, dry_run=dry_run)


def summary(count: ImportCount, *, dry_run: bool = False, notes: list[str] | None = None) -> str:
    """ "Imported 120 entries; 3 were already here." in plain words, then the reader's notes (what
    the file had that was not imported)."""

    def n(k: int) -> str:
        return f"{k} entry" if k == 1 else f"{k} entries"

    head = f"Would import {n(count.imported)}" if dry_run else f"Imported {n(count.imported)}"
    parts = []
    if count.already:
        parts.append(f"{count.already} {'was' if count.already == 1 else 'were'} already here")
    if count.repeated:
        parts.append(f"{count.repeated} {'was' if count.repeated == 1 else 'were'} repeated in the file")
    tail = "; " + " and ".join(parts) if parts else ""
    text = f"{head}{tail}." + (" Nothing was changed (dry run)." if dry_run else "")
    return "\n".join([text, *(notes or [])])


# --- helpers the readers share ------------------------------------------------------------------


def parse_mood_map(text: str | None) -> dict[str, int]:
    """`"Rad=5, good = 4 "` -> {"rad": 5, "good": 4}: labels in any case (see `mood_key`), spaces
    around anything allowed; `\\,` is a comma inside a label."""
    result: dict[str, int] = {}
    if not text:
        return result
    for part in _split_map(text):
        if not part.strip():
            continue
        label, sep, score = part.rpartition("=")
        label = mood_key(label)
        number = parse_score(score)
        if not sep or not label or number is None:
            raise ImportProblem(
                f'The --mood-map part "{part.strip()[:40]}" is not label=score; write it like "rad=5,good=4,meh=3".'
            )
        result[label] = number
    return result


def _split_map(text: str) -> list[str]:
    parts, current, chars = [], [], iter(text)
    for ch in chars:
        if ch == "\\":
            current.append(next(chars, "\\"))
        elif ch == ",":
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


#: The longest tag name an import takes (the app's own tag boxes stop at MAX_TYPED_TAG, 40 characters). A longer
#: "tag" is a file gone wrong (a note pasted into the tags field), and the import is refused naming
#: its line, rather than a tag the width of a screen appearing on every list.
LONGEST_TAG = 100
#: The longest boundary kind an import takes: the app names a kind of one's own in at most 60
#: characters (its slug is no longer).
LONGEST_KIND = 60


def long_tag(names: Iterable[str]) -> str | None:
    """What is wrong when a tag in `names` is longer than LONGEST_TAG, for a sentence that names
    the line ("its tag "…" is 5,000 characters long; …"), or None when every one is short enough."""
    for raw in names:
        name = tag_slug(raw)
        if len(name) > LONGEST_TAG:
            shown = "".join(ch if ch.isprintable() else "?" for ch in name[:20])
            return (
                f'its tag "{shown}…" is {len(name):,} characters long, and a tag can be at most '
                f"{LONGEST_TAG} characters"
            )
    return None


def manual_tags(names: list[str]) -> list[EntryTag]:
    """Tags the person chose in the other program (`@Work`, `#late night`, `@c++`): by the app's one
    slug rule and its one rule for hand-chosen tags (journal.domain.tags), so distinct tags stay
    distinct and built-in names keep their own category."""
    slugs = dict.fromkeys(tag_slug(raw) for raw in names)
    return [chosen_tag(name, TAXONOMY) for name in slugs if name]


def local_moment(day: date, clock: time, tz: tzinfo) -> datetime:
    """A wall-clock time in zone `tz` (local_tz(), looked up once per file: it may read a zone file)
    as an aware moment; a time skipped by a DST jump moves on to the real moment."""
    return datetime.combine(day, clock).replace(tzinfo=tz).astimezone(UTC).astimezone(tz)


def joined_text(title: str, body: str) -> str:
    """Title and body as one entry text: the title alone when there is no body."""
    title, body = title.strip(), body.strip()
    if title and body:
        return f"{title}\n{body}"
    return title or body
