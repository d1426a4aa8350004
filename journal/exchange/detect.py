"""Knowing an export by its shape: which app wrote it, whatever the file is called.

JSON files are told apart by their keys: the top-level members and the first record of the entry
list (read alone, so a large file is not parsed an extra time). A file that is not valid JSON near
its start falls back to looking for the telling keys in its first characters, so the reader can
name the broken line. Text files are known by their first line (a Daylio header, a jrnl entry) or
their root element (Diaro). Files from apps this version does not read yet are named in one
sentence that says what to do instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from journal.exchange.import_json import Cursor
from journal.exchange.importers import (
    ImportProblem,
    Options,
    Prepared,
    decode,
    is_zip,
    zip_members,
)

JOURNEY = (
    "This looks like a Journey export, which this version of journal cannot read yet; keep the file for "
    "a later version, and copy anything you need now into a new entry by hand."
)
DIARO = (
    "This looks like a Diaro backup, which this version of journal cannot read yet; keep the file for a "
    "later version, and copy anything you need now into a new entry by hand."
)
JRNL_TEXT = (
    "This looks like a jrnl plain-text journal; export it from jrnl as JSON "
    "(jrnl --format json > jrnl.json) and import that."
)
UNKNOWN = (
    "This file does not look like an export this version reads (this app's JSON, jrnl JSON, Day One "
    "JSON or zip, Daylio CSV); name its format with --from json, --from jrnl, --from dayone or --from daylio."
)

#: A jrnl plain-text entry's first line: `[2026-01-02 09:00] Title` (jrnl's default time format
#: is 12-hour with seconds, `[2026-01-02 09:00:00 AM]`; people set others).
_JRNL_LINE = re.compile(r"^\[\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?\](?:\s|$)")
_SAMPLE = 20000


def shape_of(text: str) -> str:
    """json, jrnl, dayone or daylio; ImportProblem naming the app (or saying it is unknown) otherwise."""
    head = text.lstrip()
    first = head[:4096].split("\n", 1)[0].strip()
    if _JRNL_LINE.match(first):  # before JSON: it starts with "[" too
        raise ImportProblem(JRNL_TEXT)
    if head[:1] in ("{", "["):
        return _json_shape(head) or _json_by_keys(head[:_SAMPLE])
    if head[:1] == "<":
        if "diaro" in head[:4096].lower():
            raise ImportProblem(DIARO)
        raise ImportProblem(UNKNOWN)
    header = first.lower()
    if "full_date" in header or ("mood" in header and "time" in header and "," in header):
        return "daylio"
    from journal.exchange.import_daylio import looks_like_daylio

    if looks_like_daylio(head[:_SAMPLE]):  # a Daylio export without its header row
        return "daylio"
    raise ImportProblem(UNKNOWN)


# --- JSON ---------------------------------------------------------------------------------------


def _json_shape(text: str) -> str | None:
    """The format from the top-level members and the first record, or None if the start is not JSON."""
    peeked = _peek(text)
    if peeked is None:
        return None
    members, record = peeked
    keys = set(record) if isinstance(record, Mapping) else set()
    if members.get("format") == "journal" or {"created_at", "kind"} <= keys:
        return "json"
    metadata = members.get("metadata")
    if "creationDate" in keys or (isinstance(metadata, Mapping) and "version" in metadata):
        return "dayone"
    if "date_journal" in keys or "date_journal" in members:
        raise ImportProblem(JOURNEY)
    if "entries" in members and ({"date", "title", "body"} & keys or (record is None and "tags" in members)):
        return "jrnl"
    if "created_at" in keys:  # `journal search --json` output: a bare list of entries
        return "json"
    raise ImportProblem(UNKNOWN)


def _peek(text: str) -> tuple[dict[str, Any], Any] | None:
    """(top-level members, first record of the first list of objects); None when the start is broken.

    For an object, members are read up to the first list whose first element is an object (that
    list's key is then a member too, its value left unread); a bare list is its own first record.
    """
    cur = Cursor(text)
    try:
        if cur.skip_space() == "[":
            return {}, _first_element(cur)
        cur.expect("{")
        members: dict[str, Any] = {}
        while True:
            nxt = cur.skip_space()
            if nxt == "}":
                return members, None
            if nxt != '"':
                return None
            key = cur.value()
            cur.expect(":")
            if cur.skip_space() == "[":
                start = cur.pos
                element = _first_element(cur)
                if isinstance(element, Mapping):
                    members[key] = None
                    return members, element
                cur.pos = start
            members[key] = cur.value()
            nxt = cur.skip_space()
            cur.pos += 1
            if nxt == "}":
                return members, None
            if nxt != ",":
                return None
    except ImportProblem:
        return None


def _first_element(cur: Cursor) -> Any:
    cur.expect("[")
    if cur.skip_space() == "]":
        return None
    return cur.value()


_KEYS = [
    (re.compile(r'"format"\s*:\s*"journal"|"created_at"\s*:'), "json"),
    (re.compile(r'"creationDate"\s*:'), "dayone"),
    (re.compile(r'"date_journal"\s*:'), "journey"),
    (re.compile(r'"(?:title|body|starred)"\s*:'), "jrnl"),
]


def _json_by_keys(sample: str) -> str:
    """For JSON broken near its start: the first telling key decides, so the reader can name the line."""
    for pattern, fmt in _KEYS:
        if pattern.search(sample):
            if fmt == "journey":
                raise ImportProblem(JOURNEY)
            return fmt
    raise ImportProblem(UNKNOWN)


# --- zip ----------------------------------------------------------------------------------------


def prepare_zip(data: bytes | Path, fmt: str | None, options: Options) -> Prepared:
    """A zip export: Day One's (one JSON file per journal, media beside them), or one readable file.

    Only the files in it that can be an export are read, in memory; nothing is extracted to disk.
    """
    from journal.exchange import import_dayone
    from journal.exchange.importers import prepare

    names, members = zip_members(data, lambda name: not _is_media(name))
    if any(name.rsplit("/", 1)[-1].lower() == "diarobackup.xml" for name in names):
        raise ImportProblem(DIARO)
    members = [(name, raw) for name, raw in members if not is_zip(raw)]
    journals: list[tuple[str | None, str]] = []
    for name, raw in members:
        if not name.lower().endswith((".json", ".xml")):
            continue
        text = decode(raw)
        if name.lower().endswith(".xml"):
            if "diaro" in text[:4096].lower():
                raise ImportProblem(DIARO)
            continue
        try:
            shape = shape_of(text)
        except ImportProblem as problem:
            if str(problem) in (JOURNEY, DIARO):
                raise
            continue
        if shape == "dayone":
            journals.append((name, text))
    if journals and fmt in (None, "dayone"):
        return import_dayone.read_sources(journals, options)
    if fmt != "dayone" and len(members) == 1:
        return prepare(members[0][1], fmt, options)
    if fmt == "dayone" or journals:
        raise ImportProblem(
            'This zip holds no Day One journal (a .json file like Journal.json with an "entries" list); '
            "export again from Day One as JSON and import the zip or the Journal.json inside."
        )
    raise ImportProblem("This zip holds no export this version reads; unzip it and import the export file inside.")


_MEDIA = re.compile(
    r"\.(?:jpe?g|png|gif|heic|heif|webp|tiff?|bmp|mov|mp4|m4v|m4a|aac|mp3|wav|caf|ogg|opus|pdf|docx?)$",
    re.IGNORECASE,
)


def _is_media(name: str) -> bool:
    return bool(_MEDIA.search(name))
