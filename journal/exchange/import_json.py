"""Reading this app's own JSON export, and walking any JSON file's entry list one record at a time.

The walker decodes one array element at a time (the C decoder's raw_decode), so a 100,000-entry file
never becomes 100,000 dicts at once, and every record knows its line for error messages.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from journal.domain.models import BOUNDARY_KINDS, Category, Entry, EntryTag, Kind, Source, Span
from journal.domain.tags import tag_slug
from journal.domain.years import RANGE_SENTENCE, is_supported
from journal.exchange.importers import LONGEST_KIND, ImportProblem, Options, Prepared, long_tag
from journal.exchange.jsonshape import ShapeError, entry_from_dict

_DECODER = json.JSONDecoder()
_SPACE = " \t\n\r"
#: The newest export version this reader understands.
VERSION = 1


class Cursor:
    """A position in the text that can say which line it is on, cheaply and in order."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self._line_pos, self._line = text, 0, 0, 1

    def skip_space(self) -> str:
        text, n = self.text, len(self.text)
        while self.pos < n and text[self.pos] in _SPACE:
            self.pos += 1
        return text[self.pos] if self.pos < n else ""

    def line(self) -> int:
        if self.pos < self._line_pos:  # rewound: count afresh
            self._line_pos, self._line = 0, 1
        self._line += self.text.count("\n", self._line_pos, self.pos)
        self._line_pos = self.pos
        return self._line

    def value(self) -> Any:
        self.skip_space()
        try:
            value, self.pos = _DECODER.raw_decode(self.text, self.pos)
        except json.JSONDecodeError as exc:
            raise _broken(exc.lineno, exc.colno) from None
        except RecursionError:
            raise ImportProblem(f"The JSON on line {self.line()} is nested too deeply to read.") from None
        return value

    def expect(self, char: str) -> None:
        if self.skip_space() != char:
            self.pos = min(self.pos, len(self.text))
            raise _broken(self.line(), self.pos - self.text.rfind("\n", 0, self.pos))
        self.pos += 1


def _broken(line: int, column: int) -> ImportProblem:
    return ImportProblem(f"The file is not complete, valid JSON: it goes wrong on line {line}, column {column}.")


def top_level(text: str, list_key: str) -> tuple[dict[str, Any], int | None]:
    """The top-level members except `list_key`'s array, and where that array starts.

    A file that is a bare list (like `journal search --json`) is that array itself.
    """
    cur = Cursor(text)
    first = cur.skip_space()
    if first == "[":
        for _ in iter_array(text, cur.pos):
            pass
        return {}, 0
    if first != "{":
        raise ImportProblem("The file is not a JSON object or list, so it cannot be an export.")
    cur.pos += 1
    members: dict[str, Any] = {}
    start: int | None = None
    if cur.skip_space() == "}":
        cur.pos += 1
    else:
        while True:
            if cur.skip_space() != '"':
                raise _broken(cur.line(), 1)
            key = cur.value()
            cur.expect(":")
            if key == list_key and cur.skip_space() == "[":
                start = cur.pos
                cur.pos = _end_of_array(text, start)
            else:
                members[key] = cur.value()
            nxt = cur.skip_space()
            cur.pos += 1
            if nxt == "}":
                break
            if nxt != ",":
                raise _broken(cur.line(), 1)
    if cur.skip_space():
        raise _broken(cur.line(), 1)
    return members, start


def _end_of_array(text: str, start: int) -> int:
    last = deque(iter_array(text, start), maxlen=1)
    return last[0][0] if last else start


def iter_array(text: str, start: int) -> Iterator[tuple[int, int, Any]]:
    """(position after, line, element) for each element of the array at `start`; the last yields the end."""
    cur = Cursor(text)
    cur.pos = start
    cur.expect("[")
    if cur.skip_space() == "]":
        yield cur.pos + 1, cur.line(), _END
        return
    while True:
        cur.skip_space()
        line = cur.line()
        value = cur.value()
        nxt = cur.skip_space()
        cur.pos += 1
        if nxt == "]":
            yield cur.pos, line, value
            return
        if nxt != ",":
            raise _broken(cur.line(), 1)
        yield cur.pos, line, value


_END = object()


def records(text: str, start: int) -> Iterator[tuple[int, int, Any]]:
    """(number from 1, line, element) of the array at `start`."""
    for number, (_pos, line, value) in enumerate(iter_array(text, start), 1):
        if value is _END:
            return
        yield number, line, value


def record_problem(number: int, line: int, what: str) -> ImportProblem:
    what = what[:1].lower() + what[1:]
    return ImportProblem(f"Entry {number} (line {line}) cannot be imported: {what.rstrip('.')}.")


# --- this app's format --------------------------------------------------------------------------


def read(text: str, options: Options) -> Prepared:
    members, start = top_level(text, "entries")
    if members or start != 0:  # an export object, not a bare list
        if members.get("format") != "journal":
            raise ImportProblem('This is not a journal export (it has no "format": "journal"); try --from jrnl.')
        version = members.get("version")
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            raise ImportProblem("This export was written by a newer version of journal; update journal to import it.")
        if version != VERSION:
            raise ImportProblem('This export has no "version": 1, so it cannot be read safely.')
        if start is None:
            raise ImportProblem('This export has no "entries" list.')
    # The first pass only counts and collects ids; each record is checked as it is imported (inside the
    # one transaction, so a bad record still means nothing at all is imported).
    ids: list[int] = []
    count = 0
    for number, line, data in records(text, start):
        if not isinstance(data, Mapping):
            raise record_problem(number, line, "an entry must be a JSON object")
        found = data.get("id")
        if isinstance(found, int) and not isinstance(found, bool) and 0 < found < 2**63:
            ids.append(found)
        count += 1
    if len(set(ids)) != len(ids) or len(ids) != count:
        ids = []  # repeated or missing ids: number them afresh rather than fail

    kinds = set(BOUNDARY_KINDS)  # run_import adds the journal's own kinds before streaming
    notes: list[str] = []

    def stream() -> Iterator[Entry]:
        others: dict[str, None] = {}
        for number, line, data in records(text, start):
            entry = _entry(number, line, data)
            kind = entry.boundary
            if entry.kind is Kind.BOUNDARY and kind is not None and kind not in kinds:
                if not is_kind_name(kind):
                    raise record_problem(number, line, _not_a_kind(kind))
                others[kind] = None
            yield entry
        note = _other_kinds(list(others))
        if note and note not in notes:  # the app's dialog streams twice: a dry run, then the import
            notes.append(note)

    return Prepared("json", count, retag=False, records=stream, ids=ids, notes=notes, boundary_kinds=kinds)


def is_kind_name(kind: str) -> bool:
    """A boundary kind as the app names one (built-in or a person's own): lowercase words joined by
    hyphens, printable, at most LONGEST_KIND characters. Such a kind from another journal is kept
    as written (the entry's kind, as when a kind is removed); anything else is refused."""
    return 0 < len(kind) <= LONGEST_KIND and kind.isprintable() and kind == "-".join(kind.lower().split())


def _not_a_kind(kind: str) -> str:
    shown = "".join(ch if ch.isprintable() else "?" for ch in kind[:40]) + ("…" if len(kind) > 40 else "")
    return (
        f'its boundary kind "{shown}" is not a kind name (lowercase words joined by hyphens, at most '
        f"{LONGEST_KIND} characters, such as overtime)"
    )


def _other_kinds(names: list[str]) -> str | None:
    if not names:
        return None
    listed = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    return (
        f"Boundary kinds this journal does not have were kept as written ({listed}); add them as your own "
        "kinds in the Boundaries pane to log them again."
    )


def _entry(number: int, line: int, data: Any) -> Entry:
    """An entry with everything the export keeps: tags as they were (spans, rejected ones), updated_at."""
    try:
        entry = entry_from_dict(data)
        spans = [_spans(t.get("spans")) for t in data.get("tags", [])]
        for tag, tag_spans in zip(entry.tags, spans, strict=True):
            tag.spans = tag_spans
        entry.tags.extend(_rejected(data.get("rejected_tags", [])))
        entry.updated_at = _optional_moment(data.get("updated_at"))
        entry.snippet = None
        starred = data.get("starred", False)
        if not isinstance(starred, bool):
            raise ShapeError("An entry's starred must be true or false.")
        entry.starred = starred
    except (ShapeError, TypeError, ValueError, AttributeError) as exc:
        shown = str(exc) if isinstance(exc, ShapeError) else "one of its fields has the wrong shape"
        raise record_problem(number, line, shown) from None
    if (too_long := long_tag(t.name for t in entry.tags)) is not None:
        raise record_problem(number, line, too_long)
    if any(not tag_slug(t.name) for t in entry.tags):  # this app never exports one; another program's would be dropped
        raise record_problem(number, line, "one of its tags has no letters or numbers in its name")
    if entry.id is not None and not 1 <= entry.id < 2**63:
        raise record_problem(number, line, "its id must be a whole number from 1 up")
    for moment in (entry.created_at, entry.updated_at):
        if moment is not None and not is_supported(moment):
            raise record_problem(
                number,
                line,
                f"its date {moment.date().isoformat()} is too far in the past or future ({RANGE_SENTENCE})",
            )
    if not _encodable(entry):
        raise record_problem(number, line, "it has a broken character or a number JSON cannot hold")
    return entry


def _encodable(entry: Entry) -> bool:
    """JSON can spell characters ("\\ud800") that UTF-8, and so the journal, cannot hold."""
    try:
        entry.text.encode("utf-8")
        for tag in entry.tags:
            tag.name.encode("utf-8")
            (tag.group or "").encode("utf-8")
            for span in tag.spans:
                span.text.encode("utf-8")
        if entry.ritual is not None:
            json.dumps(entry.ritual, ensure_ascii=False, allow_nan=False).encode("utf-8")
        (entry.boundary or "").encode("utf-8")
    except (UnicodeEncodeError, ValueError):
        return False
    return True


def _spans(value: Any) -> tuple[Span, ...]:
    if value is None:
        return ()
    spans = []
    for item in value:
        start, end, text = (item.get(k) for k in ("start", "end", "text"))
        if not all(isinstance(n, int) and not isinstance(n, bool) for n in (start, end)) or not isinstance(text, str):
            raise ShapeError('A tag\'s spans must be {"start", "end", "text"} objects.')
        spans.append(Span(start, end, text))
    return tuple(spans)


def _rejected(value: Any) -> list[EntryTag]:
    if not isinstance(value, list):
        raise ShapeError("An entry's rejected_tags must be a list.")
    tags = []
    for item in value:
        if not isinstance(item, Mapping) or not isinstance(item.get("name"), str) or not item["name"].strip():
            raise ShapeError("Each rejected tag needs a name.")
        if item.get("group") is not None and not isinstance(item["group"], str):
            raise ShapeError("A tag's group must be a string, or null.")
        tags.append(
            EntryTag(
                name=item["name"],
                category=Category(item.get("category", "")),
                group=item.get("group"),
                source=Source(item.get("source", "auto")),
                spans=_spans(item.get("spans")),
                rejected=True,
            )
        )
    return tags


def _optional_moment(value: Any) -> datetime | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(value)
    if moment.utcoffset() is None:
        raise ShapeError("An entry's updated_at must have a UTC offset.")
    return moment
