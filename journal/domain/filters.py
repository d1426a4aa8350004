"""One line of filters for browsing the journal: `sleep tag:caseload kind:mood since:last month`.

People search history the way they search mail: a few words plus a few `key:value` filters, and they
want to see (and edit, and copy) the filter they are looking at. So the History pane has one query line,
read here into a `FilterSpec`; `describe()` writes the spec back in the same grammar (it re-reads to the
same spec), and `to_query()` turns it into the very `EntryQuery` the CLI's `journal search` builds, so
both give the same answers.

Grammar (words separated by spaces, keys case-insensitive):

* free text: words, "quoted phrases", prefix* and OR, passed to full-text search as typed;
* ``tag:NAME`` or ``#NAME`` (repeatable: every tag must be there);
* ``kind:mood`` / ``kind:boundary`` / ``kind:ritual``;
* ``since:WHEN`` and ``until:WHEN`` (whole days, both included), ``on:WHEN`` (both at once) and
  ``on:WHEN..WHEN``; a bare ``2026-11-01..2026-11-15`` is a date range too. WHEN is any form
  journal.domain.when reads; it may have spaces (``since:last month``, ``since:'3 weeks ago'``):
  the longest run of words that reads as a date is taken;
* ``in:trash``: look in the trash instead;
* ``starred:yes`` (or ``starred:no``): only the entries starred "bring to supervision" (or the rest).

Dates stay as typed (``last month``), so a saved filter keeps meaning "last month" next month; they are
checked when read and turned into moments only by `to_query(now, tz)`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo

from journal.domain.models import EntryQuery, Kind
from journal.domain.tags import tag_slug
from journal.domain.when import WhenError, parse_range

__all__ = ["FilterError", "FilterSpec", "parse_filter"]

#: How many words a date value may run to ("3rd of november 2025 18:30" is five).
_MAX_DATE_WORDS = 6
_KEYS = ("tag", "kind", "since", "until", "on", "date", "in", "starred")
_YES = ("yes", "y", "true", "1")
_NO = ("no", "n", "false", "0")
_KEY_TOKEN = re.compile(r"(?P<key>[A-Za-z]+):(?P<value>.*)", re.DOTALL)
_TOKEN = re.compile(r'"[^"]*"\*?|\S+')
_TAG = re.compile(r"[\w][\w-]*")
_RANGE = ".."


class FilterError(ValueError):
    """A filter line we could not read; `str()` is one plain sentence for the person."""


@dataclass(frozen=True, slots=True)
class FilterSpec:
    """What the filter line asks for. Empty fields mean "any"."""

    text: str = ""
    tags: tuple[str, ...] = ()
    kind: Kind | None = None
    since: str | None = None
    until: str | None = None
    trash: bool = False
    starred: bool | None = None

    @property
    def is_empty(self) -> bool:
        return self == FilterSpec()

    def describe(self) -> str:
        """The spec in the filter grammar, e.g. `sleep tag:caseload since:last month`; re-reads to `self`."""
        parts = [self.text] if self.text else []
        parts += [f"tag:{t}" for t in self.tags]
        if self.kind is not None:
            parts.append(f"kind:{self.kind}")
        if self.trash:
            parts.append("in:trash")
        if self.starred is not None:
            parts.append(f"starred:{'yes' if self.starred else 'no'}")
        if self.since is not None and self.since == self.until:
            parts.append(f"on:{self.since}")
        else:
            if self.since is not None:
                parts.append(f"since:{self.since}")
            if self.until is not None:
                parts.append(f"until:{self.until}")
        return " ".join(parts)

    def words_that_are_tags(self, tag_names: Iterable[str]) -> tuple[str, ...]:
        """The plain words searched for that are also tag names ("sleep"), not already asked for as
        tags: a word finds the word, its tag finds "slept" and "insomnia" too."""
        names = {n.lower() for n in tag_names}
        words = [w.lower() for w in self.text.split() if _TAG.fullmatch(w.lower())]
        return tuple(dict.fromkeys(w for w in words if w in names and w not in self.tags))

    def words_as_tags(self, words: Iterable[str]) -> FilterSpec:
        """This spec with `words` searched for as tags instead of as words (`sleep` -> `tag:sleep`)."""
        moved = {w.lower() for w in words}
        kept = " ".join(w for w in self.text.split() if w.lower() not in moved)
        tags = tuple(dict.fromkeys((*self.tags, *(w for w in moved_in_order(self.text, moved)))))
        return FilterSpec(kept, tags, self.kind, self.since, self.until, self.trash)

    def with_day(self, day: str) -> FilterSpec:
        """This spec narrowed to one day (the calendar's Enter), keeping words, tags and kind."""
        return replace(self, since=day, until=day)

    def to_query(
        self, now: datetime | None = None, tz: tzinfo | None = None, *, limit: int | None = 50, offset: int = 0
    ) -> EntryQuery:
        """The EntryQuery for this spec as of `now` in zone `tz` (the same one `journal search` makes)."""
        since = until = None
        try:
            if self.since is not None:
                since = parse_range(self.since, now=now, tz=tz).start
            if self.until is not None:
                until = parse_range(self.until, now=now, tz=tz).end
        except WhenError as exc:
            raise FilterError(str(exc)) from None
        if since is not None and until is not None and since >= until:
            raise FilterError("The start date comes after the end date; swap them round.")
        return EntryQuery(
            text=self.text or None,
            tags=self.tags,
            kind=self.kind,
            since=since,
            until=until,
            limit=limit,
            offset=offset,
            deleted=self.trash,
            starred=self.starred,
        )


def parse_filter(line: str, *, now: datetime | None = None, tz: tzinfo | None = None) -> FilterSpec:
    """Read a filter line; FilterError (one sentence) for anything that cannot be a filter."""
    tokens = _TOKEN.findall(" ".join(line.split()))
    words: list[str] = []
    tags: list[str] = []
    found: dict[str, object] = {}
    i = 0
    while i < len(tokens):
        token = tokens[i]
        key, value = _split_key(token)
        i += 1
        if key is None:
            if _RANGE in token and _is_range(token, now, tz):
                _set(found, "since", "until", *_range_ends(token))
            elif token.startswith("#") and _TAG.fullmatch(token[1:]):
                tags.append(_tag(token[1:]))
            else:
                words.append(token)
        elif key == "tag":
            tags.append(_tag(_unquote(value)))
        elif key == "kind":
            _set(found, "kind", None, _kind(_unquote(value)), None)
        elif key == "in":
            if _unquote(value).lower() != "trash":
                raise FilterError('"in:" only knows in:trash, to look in the trash.')
            found["trash"] = True
        elif key == "starred":
            _set(found, "starred", None, _yes_no(_unquote(value)), None)
        else:
            text, used = _date_value(key, value, tokens[i:], now, tz)
            i += used
            if key in ("on", "date"):
                start, end = _range_ends(text) if _RANGE in text else (text, text)
                _set(found, "since", "until", start, end)
            else:
                _set(found, key, None, text, None)
    return FilterSpec(
        text=" ".join(words),
        tags=tuple(dict.fromkeys(tags)),
        kind=found.get("kind"),  # type: ignore[arg-type]
        since=found.get("since"),  # type: ignore[arg-type]
        until=found.get("until"),  # type: ignore[arg-type]
        trash=bool(found.get("trash", False)),
        starred=found.get("starred"),  # type: ignore[arg-type]
    )


# --- pieces --------------------------------------------------------------------------------------


def moved_in_order(text: str, words: set[str]) -> list[str]:
    """The words of `text` that are in `words`, lower-cased, in the order they were typed."""
    return list(dict.fromkeys(w.lower() for w in text.split() if w.lower() in words))


def _split_key(token: str) -> tuple[str | None, str]:
    m = _KEY_TOKEN.fullmatch(token)
    if m is None or m["key"].lower() not in _KEYS:
        return None, token
    return m["key"].lower(), m["value"]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return " ".join(value.split())


def _tag(raw: str) -> str:
    """The tag's name by the app's one slug rule (`tag:c++`, `tag:"late night"`, `#Night-Shift`)."""
    name = tag_slug(raw)
    if not name or '"' in name or "'" in name:
        raise FilterError("A tag needs a name, written like tag:sleep, tag:c++ or #night-shift.")
    return name


def _kind(raw: str) -> Kind:
    try:
        return Kind(raw.lower())
    except ValueError:
        raise FilterError("The kind is mood, boundary or ritual, like kind:mood.") from None


def _yes_no(raw: str) -> bool:
    word = raw.lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise FilterError('"starred:" is yes or no, like starred:yes for the entries marked for supervision.')


def _set(found: dict[str, object], key: str, key2: str | None, value: object, value2: object) -> None:
    """Record a filter, refusing a second, different one of the same key."""
    for k, v in ((key, value), (key2, value2)):
        if k is None:
            continue
        if k in found and found[k] != v:
            raise FilterError(f'"{k}:" is given twice with different values; keep one.')
        found[k] = v


def _valid_date(text: str, now: datetime | None, tz: tzinfo | None) -> bool:
    try:
        parse_range(text, now=now, tz=tz)
    except WhenError:
        return False
    return True


def _range_ends(text: str) -> tuple[str, str]:
    start, _, end = text.partition(_RANGE)
    return " ".join(start.split()), " ".join(end.split())


def _is_range(text: str, now: datetime | None, tz: tzinfo | None) -> bool:
    start, end = _range_ends(text)
    return bool(start and end) and _valid_date(start, now, tz) and _valid_date(end, now, tz)


def _date_value(key: str, first: str, rest: list[str], now: datetime | None, tz: tzinfo | None) -> tuple[str, int]:
    """The date after `key:` (quoted, or the longest run of words that reads as a date) and how many
    of the following tokens it used."""
    example = f"{key}:2026-09 or {key}:'last month'"
    quoted = first[:1] in ("'", '"')
    if quoted:
        close = first[0]
        words, used = [first[1:]], 0
        while not words[-1].endswith(close) and used < len(rest):
            words.append(rest[used])
            used += 1
        if not words[-1].endswith(close) or (used == 0 and len(first) < 2):
            raise FilterError(f"The date after {key}: has no closing quote; try {example}.")
        words[-1] = words[-1][:-1]
        candidates = [(" ".join(" ".join(words).split()).lower(), used)]
    else:
        words = [first]
        for token in rest[: _MAX_DATE_WORDS - 1]:
            if _split_key(token)[0] is not None:
                break
            words.append(token)
        candidates = [(" ".join(words[:n]).lower(), n - 1) for n in range(len(words), 0, -1)]
    if not candidates[0][0]:
        raise FilterError(f"{key}: needs a date after it; try {example}.")
    for text, used in candidates:
        if _date_ok(text, key, now, tz):
            return text, used
    raise FilterError(_date_problem(key, candidates[0 if quoted else -1][0], now, tz))


def _date_ok(text: str, key: str, now: datetime | None, tz: tzinfo | None) -> bool:
    if _RANGE in text:
        return key in ("on", "date") and _is_range(text, now, tz)
    return _valid_date(text, now, tz)


def _date_problem(key: str, text: str, now: datetime | None, tz: tzinfo | None) -> str:
    """One sentence on why `text` after `key:` is not a date (or a range of them)."""
    if _RANGE in text and key not in ("on", "date"):
        return "A range of days goes with on:, like on:2026-11-01..2026-11-15."
    for side in _range_ends(text) if _RANGE in text else (text,):
        try:
            parse_range(side, now=now, tz=tz)
        except WhenError as exc:
            return str(exc)
    return f"I couldn't read the dates after {key}:; try {key}:2026-11-01..2026-11-15."
