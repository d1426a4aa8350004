"""The journal's tables, indexes, full-text indexes and triggers, version by version.

Each version's DDL is frozen once shipped: migrations replay these lists in order, so a file created
today and a file upgraded from version 1 end up with the same schema. Add a new list for a change;
never edit an old one.
"""

from __future__ import annotations

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
V3: tuple[str, ...] = (
    "CREATE TABLE import_keys (key TEXT PRIMARY KEY, imported_utc TEXT NOT NULL) WITHOUT ROWID",
)

#: Version 4: an entry can be starred "bring to supervision" (the brief quotes starred entries, and
#: only those). A partial index keeps "the starred entries of a period" cheap however few there are.
V4: tuple[str, ...] = (
    "ALTER TABLE entries ADD COLUMN starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1))",
    "CREATE INDEX entries_starred ON entries (created_utc) WHERE starred = 1",
)
