"""The floor: the same questions asked of the same file in plain SQL through the standard sqlite3
module, with nothing of `journal` in between: no query planning, no Entry objects, no tagging on
save. It fetches what `journal` hands back, though: each listed entry's columns and its tags (a
second query for the page, as any schema with a tag table needs) and, for a word, the snippets.

In-process, `calls(conn, params)` are timed on an open connection; as a command,

    python benchmarks/versus/raw_sqlite.py DB KEY I PARAMS_JSON

answers one question and prints the rows, which is the least any Python command-line tool can do.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

if __name__ == "__main__" and __package__ in (None, ""):
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))

from versus.operations import ADD_TEXT, PAGE, Params

COLUMNS = "e.id, e.kind, e.created_utc, e.utc_offset_min, e.text, e.mood, e.energy, e.boundary, e.outcome, e.cost"
NEWEST = "ORDER BY e.created_utc DESC, e.id DESC"
#: one page, or (PAGE None) every match, as `journal search --limit 0` and jrnl print them
LIMIT = f"LIMIT {PAGE}" if PAGE else ""
SQL = {
    "word": f"SELECT {COLUMNS} FROM entries_fts f JOIN entries e ON e.id = f.rowid "
    f"WHERE entries_fts MATCH ? AND e.deleted_utc IS NULL {NEWEST} {LIMIT}",
    # Newest first, checking each entry's tags, stops once the page is full: far quicker than driving
    # from the tag's rows for the busy tags timed here (a rare tag would want the join instead).
    "tag": f"SELECT {COLUMNS} FROM entries e WHERE e.deleted_utc IS NULL AND EXISTS (SELECT 1 FROM entry_tags t "
    f"WHERE t.entry_id = e.id AND t.tag = ? AND t.rejected = 0) {NEWEST} {LIMIT}",
    "range": f"SELECT {COLUMNS} FROM entries e WHERE e.deleted_utc IS NULL "
    f"AND e.created_utc >= ? AND e.created_utc < ? {NEWEST} {LIMIT}",
    "counts": "SELECT t.tag, count(*) AS n FROM entry_tags t JOIN entries e ON e.id = t.entry_id "
    "WHERE t.rejected = 0 AND e.deleted_utc IS NULL GROUP BY t.tag ORDER BY n DESC, t.tag",
    "latest": f"SELECT {COLUMNS} FROM entries e WHERE e.deleted_utc IS NULL {NEWEST} LIMIT 10",
    "tags": "SELECT t.entry_id, t.tag, d.category, d.grp, t.source, t.spans_json, t.rejected "
    "FROM entry_tags t JOIN tags d ON d.name = t.tag WHERE t.entry_id IN ({marks})",
    # Snippets for the page only: computing them in the listing query would do it for every match.
    "snippets": "SELECT rowid, snippet(entries_fts, 0, '«', '»', '…', 16) FROM entries_fts "
    "WHERE entries_fts MATCH ? AND rowid IN ({marks})",
    "add": "INSERT INTO entries (kind, created_utc, utc_offset_min, local_day, text, mood) "
    "VALUES ('mood', ?, ?, ?, ?, 3)",
}


def utc_text(moment: datetime) -> str:
    """The store's sortable UTC form, 'YYYY-MM-DDTHH:MM:SS.ffffffZ'."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=ZoneInfo("Europe/London"))


def connect(db: str) -> sqlite3.Connection:
    """A connection with the durability `journal` itself uses, so saves compare like with like."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def calls(conn: sqlite3.Connection, params: Params) -> dict[str, Callable[[int], object]]:
    """One plain SQL statement per operation, rows fetched."""
    since = utc_text(_day_start(params.first_day))
    until = utc_text(_day_start(params.last_day + timedelta(days=1)))
    moments = iter(range(10**9))

    def add(_: int) -> None:
        moment = _day_start(params.all_to) + timedelta(hours=23, seconds=next(moments))
        offset = int(moment.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(SQL["add"], (utc_text(moment), offset, moment.date().isoformat(), ADD_TEXT))

    def page(key: str, *args: object) -> list[tuple]:
        """The rows as `journal search` prints them (after the id): time, kind, mood or boundary, tag
        names, and the snippet (a word search) or the text's first line."""
        rows = conn.execute(SQL[key], args).fetchall()
        if not rows:
            return rows
        ids = [row[0] for row in rows]
        marks = ", ".join("?" * len(ids))
        tags: dict[int, list[str]] = {}
        for row in conn.execute(SQL["tags"].format(marks=marks), ids):
            if not row[6]:
                tags.setdefault(row[0], []).append(row[1])
        snippets = dict(conn.execute(SQL["snippets"].format(marks=marks), [args[0], *ids])) if key == "word" else {}
        return [
            (
                eid,
                created,
                kind,
                mood if kind == "mood" else boundary,
                ", ".join(tags.get(eid, ())),
                snippets.get(eid) or text.split("\n", 1)[0],
            )
            for eid, kind, created, _offset, text, mood, _energy, boundary, _outcome, _cost in rows
        ]

    return {
        "word": lambda i: page("word", f'"{params.words[i % len(params.words)]}"'),
        "tag": lambda i: page("tag", params.tags[i % len(params.tags)]),
        "range": lambda i: page("range", since, until),
        "counts": lambda i: conn.execute(SQL["counts"]).fetchall(),
        "latest": lambda i: page("latest"),
        "add": add,
    }


def params_from_json(text: str) -> Params:
    raw = __import__("json").loads(text)
    return Params(
        tuple(raw["words"]),
        tuple(raw["tags"]),
        *(date.fromisoformat(raw[k]) for k in ("first_day", "last_day", "all_from", "all_to")),
    )


def params_to_json(params: Params) -> str:
    return __import__("json").dumps(
        {
            "words": params.words,
            "tags": params.tags,
            "first_day": params.first_day.isoformat(),
            "last_day": params.last_day.isoformat(),
            "all_from": params.all_from.isoformat(),
            "all_to": params.all_to.isoformat(),
        }
    )


def main(argv: list[str]) -> None:
    db, key, i, params = argv[0], argv[1], int(argv[2]), params_from_json(argv[3])
    conn = connect(db)
    rows = calls(conn, params)[key](i)
    for row in rows or ():
        print("\t".join(str(v) for v in row))
    conn.close()


if __name__ == "__main__":
    main(sys.argv[1:])
