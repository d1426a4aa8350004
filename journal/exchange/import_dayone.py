"""Reading Day One's JSON export: `Journal.json`, or the export's zip with one JSON file per journal.

The layout Day One documents and writes (`metadata.version` "1.0" and the newer exports, which add
keys such as `isPinned`, `richText`, `editingTime`, `isAllDay`; unknown keys are ignored):

    {"metadata": {"version": "1.0"},
     "entries": [{"uuid": "…", "creationDate": "2026-01-02T09:00:00Z", "timeZone": "Europe/Berlin",
                  "text": "# A title\\n\\nMarkdown with Day One's escapes\\\\.", "tags": ["work"],
                  "starred": false, "isPinned": false,
                  "photos": [{"identifier": "…", "md5": "…", "type": "jpeg"}], …}, …]}

Each entry becomes a mood entry without a score: `creationDate` (UTC) shown in the entry's own
`timeZone` (an unknown or missing zone: UTC, said in the summary), the text with Day One's
backslash escapes undone, `tags` as manual tags plus `starred` and `pinned`. Photos, videos, audio
and PDFs are not imported: each is noted as a "[photo]" (or "[video]", "[audio]", "[pdf]") line,
where the text shows it or else at the end. An entry with no text and no media is skipped, and the
summary says how many were.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from journal.domain.models import Entry, Kind
from journal.exchange.import_json import record_problem, records, top_level
from journal.exchange.importers import ImportProblem, Options, Prepared, long_tag, manual_tags

#: Day One's media lists and the word each item is noted with.
MEDIA = {"photos": "photo", "videos": "video", "audios": "audio", "pdfAttachments": "pdf"}
_NAMES = {
    "photo": ("photo", "photos"),
    "video": ("video", "videos"),
    "audio": ("audio recording", "audio recordings"),
    "pdf": ("PDF", "PDFs"),
}
#: The kind named in a `dayone-moment:/video/ID` link (a bare `dayone-moment://ID` is a photo).
_LINK_KINDS = {
    "photo": "photo",
    "photos": "photo",
    "video": "video",
    "videos": "video",
    "audio": "audio",
    "audios": "audio",
    "pdfattachment": "pdf",
    "pdfattachments": "pdf",
    "pdf": "pdf",
}
_MOMENT = re.compile(r"[ \t]*!?\[[^\]\n]*\]\(dayone-moment:/{0,2}([^)\s]*)\)[ \t]*")
#: CommonMark's backslash escapes: a backslash before any ASCII punctuation stands for that character.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ZONE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*$")


@dataclass
class _Tally:
    """What the first pass saw, for the summary."""

    entries: int = 0
    empty: int = 0
    unknown_zones: Counter[str] = field(default_factory=Counter)
    media: Counter[str] = field(default_factory=Counter)


def read(text: str, options: Options) -> Prepared:
    """A `Journal.json` on its own."""
    return read_sources([(None, text)], options)


def read_sources(sources: list[tuple[str | None, str]], options: Options) -> Prepared:
    """One or more Day One journals (`name` is the file's name inside a zip, or None), imported as one."""
    starts = [(name, text, _entries_start(name, text)) for name, text in sources]
    zones: dict[str, tzinfo | None] = {}
    tally = _Tally()
    for name, text, start in starts:  # every entry is read once here: a broken one is named before any import
        for number, line, data in records(text, start):
            entry = _entry(_Where(name, number, line), data, zones, tally)
            if entry is not None:
                tally.entries += 1

    def stream() -> Iterator[Entry]:
        for name, text, start in starts:
            for number, line, data in records(text, start):
                entry = _entry(_Where(name, number, line), data, zones, None)
                if entry is not None:
                    yield entry

    return Prepared("dayone", tally.entries, retag=True, records=stream, notes=_notes(tally))


def _entries_start(name: str | None, text: str) -> int:
    members, start = top_level(text, "entries")
    inside = f" ({name} in the zip)" if name else ""
    if "format" in members:
        raise ImportProblem(f"This looks like a journal export{inside}, not a Day One one; try --from json.")
    if start is None or (start == 0 and not members and text.lstrip()[:1] == "["):
        raise ImportProblem(f'This is not a Day One export{inside}: it has no "entries" list.')
    metadata = members.get("metadata")
    if metadata is not None and not isinstance(metadata, Mapping):
        raise ImportProblem(f'This is not a Day One export{inside}: its "metadata" is not a JSON object.')
    return start


@dataclass(frozen=True)
class _Where:
    name: str | None
    number: int
    line: int

    def problem(self, what: str) -> ImportProblem:
        problem = record_problem(self.number, self.line, what)
        if self.name:
            return ImportProblem(str(problem).replace(" (line", f" of {self.name} (line", 1))
        return problem


# --- one entry ----------------------------------------------------------------------------------


def _entry(where: _Where, data: Any, zones: dict[str, tzinfo | None], tally: _Tally | None) -> Entry | None:
    if not isinstance(data, Mapping):
        raise where.problem("it is not a JSON object")
    created = _created(where, data.get("creationDate"))
    zone_name = data.get("timeZone")
    zone = _zone(zone_name, zones)
    try:
        moment = created.astimezone(zone or UTC)
        moment.astimezone(UTC)
    except (OverflowError, ValueError):
        raise where.problem("its date is too far in the past or future") from None
    text = _string(where, data, "text")
    media = _media(where, data)
    text, noted = _with_media_lines(text, media)
    if not text.strip() and not noted:
        if tally is not None:
            tally.empty += 1
        return None
    names = _tags(where, data)
    for key, tag in (("starred", "starred"), ("isPinned", "pinned"), ("pinned", "pinned")):
        if _flag(where, data, key):
            names.append(tag)
    if (too_long := long_tag(names)) is not None:
        raise where.problem(too_long)
    if tally is not None:
        tally.media.update(noted)
        if zone is None:
            tally.unknown_zones[_shown(zone_name).strip('"') if zone_name not in (None, "") else "none given"] += 1
    return Entry(kind=Kind.MOOD, created_at=moment, text=text, tags=manual_tags(names))


def _created(where: _Where, value: Any) -> datetime:
    try:
        if not isinstance(value, str) or not 10 <= len(value) <= 40:
            raise ValueError
        moment = datetime.fromisoformat(value.strip())
        if moment.tzinfo is None:  # Day One writes UTC ("…Z"); a bare time is taken as UTC too
            moment = moment.replace(tzinfo=UTC)
        if not 1000 < moment.year < 9999:
            raise ValueError
        return moment
    except ValueError:
        raise where.problem(f'its "creationDate" must look like 2026-01-02T09:00:00Z, not {_shown(value)}') from None


def _zone(name: Any, zones: dict[str, tzinfo | None]) -> tzinfo | None:
    """The IANA zone called `name`, or None when there is no such zone (looked up once per name)."""
    if not isinstance(name, str) or not _ZONE_NAME.match(name) or len(name) > 60:
        return None
    if name not in zones:
        zone: tzinfo | None
        try:
            zone = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            zone = None
        zones[name] = zone
    return zones[name]


def _string(where: _Where, data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise where.problem(f'its "{key}" is not text')
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise where.problem(f'its "{key}" has a broken character (a lone surrogate escape)') from None
    return value


def _tags(where: _Where, data: Mapping[str, Any]) -> list[str]:
    value = data.get("tags")
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise where.problem('its "tags" must be a list of words such as "work"')
    try:
        for tag in value:
            tag.encode("utf-8")
    except UnicodeEncodeError:
        raise where.problem('its "tags" have a broken character (a lone surrogate escape)') from None
    return list(value)


def _flag(where: _Where, data: Mapping[str, Any], key: str) -> bool:
    value = data.get(key)
    if value not in (True, False, None) or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        raise where.problem(f'its "{key}" must be true or false')
    return bool(value)


def _media(where: _Where, data: Mapping[str, Any]) -> dict[str, list[str | None]]:
    """The identifiers of each kind of media the entry has (None for an item without one)."""
    found: dict[str, list[str | None]] = {}
    for key, kind in MEDIA.items():
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, list):
            raise where.problem(f'its "{key}" must be a list')
        ids: list[str | None] = []
        for item in value:
            ident = item.get("identifier") if isinstance(item, Mapping) else None
            ids.append(ident if isinstance(ident, str) else None)
        found[kind] = ids
    return found


def _with_media_lines(text: str, media: dict[str, list[str | None]]) -> tuple[str, Counter[str]]:
    """The text as plain Markdown with a "[photo]" line for each medium: where its link was, or at the end."""
    kind_of = {ident: kind for kind, ids in media.items() for ident in ids if ident}
    shown: set[str] = set()
    noted: Counter[str] = Counter()
    text = text.replace("\r\n", "\n").replace("\r", "\n")

    def line_for(match: re.Match[str]) -> str:
        parts = [p for p in match.group(1).split("/") if p]
        ident = parts[-1] if parts else ""
        kind = kind_of.get(ident) or (_LINK_KINDS.get(parts[0].lower(), "photo") if len(parts) > 1 else "photo")
        if ident in kind_of:
            shown.add(ident)
        noted[kind] += 1
        before = "" if match.start() == 0 or match.string[match.start() - 1] == "\n" else "\n"
        after = "" if match.end() == len(match.string) or match.string[match.end()] == "\n" else "\n"
        return f"{before}\x00{kind}\x00{after}"

    text = _ESCAPE.sub(r"\1", _MOMENT.sub(line_for, text))
    text = re.sub(r"\x00(\w+)\x00", r"[\1]", text)
    lines = [line.rstrip() for line in text.split("\n")]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    rest: list[str] = []
    for kind, ids in media.items():
        for ident in ids:
            if ident is None or ident not in shown:
                rest.append(f"[{kind}]")
                noted[kind] += 1
    if rest:
        body = (body + "\n\n" if body else "") + "\n".join(rest)
    return body, noted


def _notes(tally: _Tally) -> list[str]:
    notes = []
    if tally.empty:
        notes.append(f"{tally.empty} empty {'entry is' if tally.empty == 1 else 'entries are'} skipped.")
    if tally.unknown_zones:
        k = sum(tally.unknown_zones.values())
        names = ", ".join(list(tally.unknown_zones)[:3]) + (", …" if len(tally.unknown_zones) > 3 else "")
        notes.append(
            f"{k} {'entry has' if k == 1 else 'entries have'} an unknown time zone ({names}), so "
            f"{'its time is' if k == 1 else 'their times are'} shown in UTC."
        )
    if tally.media:
        parts = [f"{n} {_NAMES[kind][n != 1]}" for kind, n in tally.media.items()]
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        verb = "is" if sum(tally.media.values()) == 1 else "are"
        notes.append(f"{listed} {verb} noted as lines like [photo]; the files themselves are not imported.")
    return notes


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    printable = "".join(ch if ch.isprintable() else "?" for ch in text)
    return printable if len(printable) <= 30 else printable[:29] + "…"
