"""The journal's tables, indexes, full-text indexes and triggers, version by version.

Each version's DDL is frozen once shipped: migrations replay these lists in order, so a file created
today and a file upgraded from version 1 end up with the same schema. Add a new list for a change;
never edit an old one.
"""

from __future__ import annotations

import sqlite3

FTS_OPTIONS = "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'"

#: Version 1: entries, tags, the tagger's teaching, settings, drafts, ritual state, parked items and
#: the entries' full-text index kept in sync by triggers.
V1: tuple[str, ...] = (
    """
    CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('mood', 'boundary', 'ritual')),
        created_utc TEXT NOT NULL,          -- 'YYYY-MM-DDTHH:MM:SS.ffffffZ', sorts as time
        utc_offset_min INTEGER NOT NULL,    -- the writer's local offset, to rebuild local time
        local_day TEXT NOT NULL,            -- 'YYYY-MM-DD' in that local time
        text TEXT NOT NULL DEFAULT '',
        mood INTEGER CHECK (mood BETWEEN 1 AND 5),
        energy INTEGER CHECK (energy BETWEEN 1 AND 5),
        boundary TEXT,
        outcome TEXT CHECK (outcome IN ('held', 'bent', 'crossed')),
        cost INTEGER CHECK (cost BETWEEN 1 AND 5),
        ritual_json TEXT,
        updated_utc TEXT,
        deleted_utc TEXT                    -- NULL while live; set when moved to the trash
    )
    """,
    "CREATE INDEX entries_by_time ON entries (deleted_utc, created_utc)",
    "CREATE INDEX entries_by_kind ON entries (kind, created_utc)",
    "CREATE INDEX entries_by_day ON entries (local_day)",
    "CREATE INDEX entries_by_boundary ON entries (boundary) WHERE boundary IS NOT NULL",
    """
    CREATE TABLE tags (
        name TEXT PRIMARY KEY,
        category TEXT NOT NULL CHECK (category IN ('symptom', 'stressor', 'care', 'personal')),
        grp TEXT,
        description TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL DEFAULT 'personal' CHECK (origin IN ('builtin', 'user', 'personal'))
    )
    """,
    """
    CREATE TABLE entry_tags (
        entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        tag TEXT NOT NULL REFERENCES tags (name),
        source TEXT NOT NULL CHECK (source IN ('auto', 'manual')),
        spans_json TEXT,
        rejected INTEGER NOT NULL DEFAULT 0 CHECK (rejected IN (0, 1)),
        PRIMARY KEY (entry_id, tag)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX entry_tags_by_tag ON entry_tags (tag, rejected, entry_id)",
    """
    CREATE TABLE user_keywords (
        tag TEXT NOT NULL REFERENCES tags (name),
        phrase TEXT NOT NULL,
        PRIMARY KEY (tag, phrase)
    )
    """,
    "CREATE TABLE boundary_kinds (slug TEXT PRIMARY KEY, label TEXT NOT NULL)",
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value_json TEXT NOT NULL)",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE drafts (key TEXT PRIMARY KEY, data_json TEXT NOT NULL, updated_utc TEXT NOT NULL)",
    """
    CREATE TABLE ritual_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        state_json TEXT NOT NULL,
        updated_utc TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE parked_items (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        created_utc TEXT NOT NULL,
        utc_offset_min INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
        ritual_entry_id INTEGER REFERENCES entries (id) ON DELETE SET NULL,
        resolved_utc TEXT
    )
    """,
    "CREATE INDEX parked_by_status ON parked_items (status, created_utc)",
    f"""
    CREATE VIRTUAL TABLE entries_fts USING fts5 (
        text, content = 'entries', content_rowid = 'id', {FTS_OPTIONS}
    )
    """,
    """
    CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
        INSERT INTO entries_fts (rowid, text) VALUES (new.id, new.text);
    END
    """,
    """
    CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END
    """,
    """
    CREATE TRIGGER entries_fts_update AFTER UPDATE OF text ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO entries_fts (rowid, text) VALUES (new.id, new.text);
    END
    """,
)

#: Version 2: parked items become searchable, with their own external-content index and triggers;
#: existing parked items are indexed by the migration.
V2: tuple[str, ...] = (
    f"""
    CREATE VIRTUAL TABLE parked_fts USING fts5 (
        text, content = 'parked_items', content_rowid = 'id', {FTS_OPTIONS}
    )
    """,
    """
    CREATE TRIGGER parked_fts_insert AFTER INSERT ON parked_items BEGIN
        INSERT INTO parked_fts (rowid, text) VALUES (new.id, new.text);
    END
    """,
    """
    CREATE TRIGGER parked_fts_delete AFTER DELETE ON parked_items BEGIN
        INSERT INTO parked_fts (parked_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END
    """,
    """
    CREATE TRIGGER parked_fts_update AFTER UPDATE OF text ON parked_items BEGIN
        INSERT INTO parked_fts (parked_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO parked_fts (rowid, text) VALUES (new.id, new.text);
    END
    """,
    "INSERT INTO parked_fts (parked_fts) VALUES ('rebuild')",
)

#: Version 3: fingerprints of imported entries, so importing the same file again adds nothing. No
#: foreign key on purpose: an imported entry deleted for good stays "already imported".
V3: tuple[str, ...] = ("CREATE TABLE import_keys (key TEXT PRIMARY KEY, imported_utc TEXT NOT NULL) WITHOUT ROWID",)

#: Version 4: what this journal taught the tagger (journal.domain.tagging.personal): one row per
#: entry and tag the person rejected or added by hand, holding checksums of the note's words, never
#: its text. They go with their entry when it is deleted for good.
V4: tuple[str, ...] = (
    """
    CREATE TABLE personal_signals (
        entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('rejected', 'added')),
        features_json TEXT NOT NULL,        -- sorted list of 8-hex-digit checksums
        created_utc TEXT NOT NULL,
        PRIMARY KEY (entry_id, tag)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX personal_signals_by_tag ON personal_signals (tag, kind)",
)


#: Version 6: a user's own boundary kind may name the tag it carries when crossed or bent;
#: boundary events already logged get the tag of their kind (journal.domain.boundary_tags).
V6: tuple[str, ...] = ("ALTER TABLE boundary_kinds ADD COLUMN tag TEXT",)


def upgrade_to_v6(conn: sqlite3.Connection) -> None:
    """Past boundary events gain the tag of their kind, as if saved today (built-in kinds only: no
    user kind has a tag yet). An entry that already has a row for that tag, even a refused one,
    keeps it."""
    from journal.domain.boundary_tags import HELD_TAG, KIND_STRESSORS
    from journal.domain.tagging.taxonomy import TAXONOMY

    names = [HELD_TAG, *KIND_STRESSORS.values()]
    conn.executemany(
        "INSERT OR IGNORE INTO tags (name, category, grp, description, origin) VALUES (?, ?, ?, ?, 'builtin')",
        [(n, str(TAXONOMY[n].category), TAXONOMY[n].group, TAXONOMY[n].description) for n in names],
    )
    conn.execute(
        "INSERT OR IGNORE INTO entry_tags (entry_id, tag, source, spans_json, rejected) "
        "SELECT id, ?, 'auto', NULL, 0 FROM entries WHERE kind = 'boundary' AND outcome = 'held'",
        (HELD_TAG,),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO entry_tags (entry_id, tag, source, spans_json, rejected) "
        "SELECT id, ?, 'auto', NULL, 0 FROM entries WHERE kind = 'boundary' AND boundary = ? "
        "AND outcome IN ('bent', 'crossed')",
        [(tag, kind) for kind, tag in KIND_STRESSORS.items()],
    )


#: The setting holding the tagger version that last tagged every entry (see journal tags retag).
TAGGER_VERSION_KEY = "tagger_version"


def stamp_tagger_version(conn: sqlite3.Connection) -> None:
    """A journal with no entries yet has nothing an older tagger tagged: it starts at today's
    version. One that has entries keeps no stamp and counts as version 1 (the lexicon tagger)."""
    import json

    from journal.domain.tagging.version import TAGGER_VERSION

    if conn.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is None:
        conn.execute(
            "INSERT OR IGNORE INTO settings (key, value_json) VALUES (?, ?)",
            (TAGGER_VERSION_KEY, json.dumps(TAGGER_VERSION)),
        )


def learn_past_refusals(conn: sqlite3.Connection) -> None:
    """Upgrading to V4: the tags already turned down on past entries are the first memories.

    Only refusals: every one of them was made by hand in this app. Tags "added by hand" before V4
    cannot be told apart from imported ones (a Daylio activity, a jrnl @tag), which were never a
    judgement on this tagger's output, so they teach nothing."""
    import json

    from journal.domain.tagging.personal import rejection_features
    from journal.storage.rows import spans_from_json

    rows = conn.execute(
        "SELECT et.entry_id, et.tag, et.spans_json, e.text FROM entry_tags et JOIN entries e ON e.id = et.entry_id "
        "WHERE et.rejected = 1 AND et.source = 'auto' AND et.spans_json IS NOT NULL"
    ).fetchall()
    for entry_id, tag, spans_json, text in rows:
        features = sorted(rejection_features(text, spans_from_json(spans_json)))
        if features:
            conn.execute(
                "INSERT OR IGNORE INTO personal_signals (entry_id, tag, kind, features_json, created_utc) "
                "VALUES (?, ?, 'rejected', ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                (entry_id, tag, json.dumps(features)),
            )


def upgrade_to_v4(conn: sqlite3.Connection) -> None:
    stamp_tagger_version(conn)
    learn_past_refusals(conn)


#: Version 5: an entry can be starred "bring to supervision" (the brief quotes starred entries, and
#: only those). A partial index keeps "the starred entries of a period" cheap however few there are.
V5: tuple[str, ...] = (
    "ALTER TABLE entries ADD COLUMN starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1))",
    "CREATE INDEX entries_starred ON entries (created_utc) WHERE starred = 1",
)


#: Every column holding a stored time ('YYYY-MM-DD...'), by table.
TIME_COLUMNS: dict[str, tuple[str, ...]] = {
    "entries": ("created_utc", "local_day", "updated_utc", "deleted_utc"),
    "parked_items": ("created_utc", "resolved_utc"),
    "drafts": ("updated_utc",),
    "ritual_state": ("updated_utc",),
    "import_keys": ("imported_utc",),
    "personal_signals": ("created_utc",),
}


def repair_short_years(conn: sqlite3.Connection) -> None:
    """Zero-pad every stored time written with a year under 1000 ("999-12-31T..." -> "0999-12-31T...").

    Versions before 0.2.0 formatted times with strftime, whose %Y on glibc does not pad, so an entry
    dated before the year 1000 was stored unreadable (and sorted after every other). The rows are
    kept, padded; their dates stay as they were written. Idempotent, and it only touches the tables
    and columns that exist, so the step works at whatever version number it runs."""
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, columns in TIME_COLUMNS.items():
        if table not in tables:
            continue
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        for column in columns:
            if column not in present:
                continue
            conn.execute(
                f"UPDATE {table} SET {column} = substr('000', 1, 5 - instr({column}, '-')) || {column} "
                f"WHERE {column} GLOB '[0-9]-*' OR {column} GLOB '[0-9][0-9]-*' "
                f"OR {column} GLOB '[0-9][0-9][0-9]-*'"
            )
