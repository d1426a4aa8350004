"""Exporting the journal: one registry of exporters, a paged stream of entries, and safe file writing.

Every format is an `Exporter` registered by name (like jrnl's exporter registry), so the CLI, the app's
export dialog and the tests all reach the same code. Entries are streamed oldest first, one page at
a time, so a 100,000-entry journal never sits in memory at once.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TextIO

from journal.domain.models import BOUNDARY_KINDS, Entry, EntryQuery
from journal.storage.backup import special_kind

if TYPE_CHECKING:
    from journal.storage import Store

#: Entries read per query; big enough that paging costs little, small enough to stay light.
PAGE = 2000


class ExportProblem(ValueError):
    """An export that cannot be written; `str()` is one sentence saying what to do."""


@dataclass
class ExportContext:
    """What an exporter may need besides the entries."""

    exported_at: datetime
    #: boundary kind slug -> label, built-in and the user's own
    boundary_labels: dict[str, str] = field(default_factory=lambda: dict(BOUNDARY_KINDS))
    #: CSV for spreadsheets: a byte-order mark, and formulas defused
    excel: bool = False


class Exporter:
    """One export format. Subclasses set `name`, `suffix` and `description` and implement `write`."""

    name: ClassVar[str]
    suffix: ClassVar[str]
    description: ClassVar[str]

    def write(self, entries: Iterable[Entry], out: TextIO, context: ExportContext) -> int:
        """Write every entry to `out`; return how many were written."""
        raise NotImplementedError


_REGISTRY: dict[str, type[Exporter]] = {}
#: The order formats are offered in: the exact one first.
_PREFERRED = ("json", "md", "csv")


def register(cls: type[Exporter]) -> type[Exporter]:
    """Class decorator: make a format available by its name."""
    _REGISTRY[cls.name] = cls
    return cls


def exporters() -> dict[str, type[Exporter]]:
    """Every registered format by name (the built-in ones load on first use)."""
    from journal.exchange import export_csv, export_json, export_md  # noqa: F401 - they register themselves

    order = {name: i for i, name in enumerate(_PREFERRED)}
    return dict(sorted(_REGISTRY.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))


def exporter(name: str) -> Exporter:
    found = exporters().get(name)
    if found is None:
        raise ExportProblem(f"The format must be one of {', '.join(sorted(exporters()))}.")
    return found()


def iter_entries(store: Store, query: EntryQuery | None = None, page: int = PAGE) -> Iterator[Entry]:
    """The entries matching `query`, oldest first, read a page at a time (never all at once).

    Pages are taken from the oldest end of the newest-first search order; ids already given are
    skipped, so an entry written meanwhile by the app cannot appear twice.
    """
    base = replace(query or EntryQuery(), limit=None, offset=0)
    end = store.count(base)
    given: set[int] = set()
    while end > 0:
        start = max(0, end - page)
        for entry in reversed(store.search(replace(base, limit=end - start, offset=start))):
            if entry.id not in given:
                given.add(entry.id)  # type: ignore[arg-type]
                yield entry
        end = start


def export_to(
    store: Store,
    fmt: str,
    out: TextIO,
    *,
    query: EntryQuery | None = None,
    excel: bool = False,
    now: datetime | None = None,
) -> int:
    """Write the journal (or the entries matching `query`) to `out` in format `fmt`."""
    writer = exporter(fmt)
    context = ExportContext(
        exported_at=(now or datetime.now().astimezone()).replace(microsecond=0),
        boundary_labels={**BOUNDARY_KINDS, **store.boundary_kinds()},
        excel=excel,
    )
    return writer.write(iter_entries(store, query), out, context)


def write_file(
    path: Path,
    fill: Callable[[TextIO], int],
    *,
    force: bool = False,
    terminal: Callable[[TextIO], TextIO] | None = None,
) -> int:
    """Write a new file atomically: a private temp file beside it (0600), then a rename.

    Never replaces an existing file unless `force`, and even then only a regular file; a failure
    half way leaves nothing behind. A named pipe or a character device (`/dev/null`, a terminal)
    is written into as it is, never replaced: a terminal only through `terminal` (a gate that
    keeps escape sequences from reaching it), and refused without one. Anything else that is not
    a regular file (a disk, a socket) is refused.
    """
    path = Path(path).expanduser()
    if path.is_dir():
        raise ExportProblem(f"{path} is a folder; give a file name to export to.")
    kind = special_kind(path)
    if kind in ("a named pipe", "a character device"):
        return _stream_into(path, fill, kind, terminal)
    if kind is not None:
        raise ExportProblem(f"{path} is {kind}, not a file; give a file name to export to.")
    if path.exists() and not force:
        raise ExportProblem(f"{path} already exists; choose another name, or add --force to replace it.")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportProblem(f"The folder {folder} does not exist; create it first or choose another place.")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise ExportProblem(f"There is no permission to write in {folder}; choose another place.") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            count = fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
        _move_into_place(Path(temp), path, force)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    return count


def _stream_into(
    path: Path, fill: Callable[[TextIO], int], kind: str, terminal: Callable[[TextIO], TextIO] | None
) -> int:
    """Write into a named pipe or a character device as it is (no temp file, no rename)."""
    try:
        # No O_CREAT: if it went away meanwhile, nothing is created in its place.
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except PermissionError:
        raise ExportProblem(f"There is no permission to write to {path}, {kind}.") from None
    except FileNotFoundError:
        raise ExportProblem(f"{path} went away before the export could start; nothing was written.") from None
    if not stat.S_ISFIFO(os.fstat(fd).st_mode) and not stat.S_ISCHR(os.fstat(fd).st_mode):
        os.close(fd)  # swapped for something else between the look and the open
        raise ExportProblem(f"{path} changed while the export started; nothing was written.")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        if os.isatty(fd):
            if terminal is None:
                raise ExportProblem(f"{path} is a terminal; give a file name to export to.")
            return fill(terminal(handle))
        return fill(handle)


def _move_into_place(temp: Path, path: Path, force: bool) -> None:
    if force:
        if special_kind(path) is not None:  # it became a pipe or a device meanwhile: never replace it
            raise ExportProblem(f"{path} is no longer a regular file; nothing was replaced.")
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)  # fails if a file appeared meanwhile: never overwrite by accident
    except FileExistsError:
        raise ExportProblem(f"{path} already exists; choose another name, or add --force to replace it.") from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise ExportProblem(f"{path} already exists; choose another name, or add --force to replace it.") from None
        os.replace(temp, path)
        return
    os.unlink(temp)
