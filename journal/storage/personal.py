"""What the journal learned from its writer's tag choices: reading, recording and forgetting it.

The rows of `personal_signals` (schema V4) are the memories of `journal.domain.tagging.personal`:
one per entry and tag the writer rejected (kind `rejected`) or added by hand (kind `added`), holding
checksums of the note's words, never its text. They are recorded where the writer makes a choice
(Store.save, reject_tag, unreject_tag), never by imports or re-tagging, and dropped when the
choice is taken back, the entry is deleted for good, or the writer resets them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from journal.domain.models import Category, Entry, Span, TagHit
from journal.domain.tagging.personal import (
    ADDED,
    REJECTED,
    Memory,
    PersonalModel,
    addition_features,
    rejection_features,
)
from journal.storage.rows import now_text

if TYPE_CHECKING:
    from journal.storage.entry_tags import TagPlan

GENERATION_KEY = "personal_generation"


def generation(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (GENERATION_KEY,)).fetchone()
    return row[0] if row else "0"


def bump(conn: sqlite3.Connection) -> None:
    """Record (inside the caller's transaction) that every cached personal model is stale."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE "
        "SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)",
        (GENERATION_KEY,),
    )


def load_model(conn: sqlite3.Connection) -> PersonalModel:
    """Every memory in the journal, ready to use (empty for a journal older than schema V4)."""
    try:
        rows = conn.execute("SELECT entry_id, tag, kind, features_json FROM personal_signals").fetchall()
        defs = {n: (Category(c), g) for n, c, g in conn.execute("SELECT name, category, grp FROM tags")}
    except sqlite3.OperationalError:  # no such table: a journal opened by code that predates it
        return PersonalModel()
    memories = [Memory(tag, kind, frozenset(json.loads(features)), entry_id) for entry_id, tag, kind, features in rows]
    return PersonalModel(memories, tag_def=lambda name: defs.get(name, (Category.PERSONAL, None)))


def remember(conn: sqlite3.Connection, entry_id: int, tag: str, kind: str, features: Iterable[str]) -> None:
    """Keep one choice (replacing any earlier one for this entry and tag)."""
    data = json.dumps(sorted(features))
    if data == "[]":
        return
    conn.execute(
        "INSERT INTO personal_signals (entry_id, tag, kind, features_json, created_utc) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (entry_id, tag) DO UPDATE SET kind = excluded.kind, features_json = excluded.features_json",
        (entry_id, tag, kind, data, now_text()),
    )
    bump(conn)


def remember_rejection(conn: sqlite3.Connection, entry_id: int, tag: str, text: str, spans: Iterable[Span]) -> None:
    remember(conn, entry_id, tag, REJECTED, rejection_features(text, spans))


def remember_addition(conn: sqlite3.Connection, entry_id: int, tag: str, text: str) -> None:
    remember(conn, entry_id, tag, ADDED, addition_features(text))


def forget(conn: sqlite3.Connection, entry_id: int, tag: str, kind: str) -> None:
    """Drop one choice the writer took back."""
    if conn.execute(
        "DELETE FROM personal_signals WHERE entry_id = ? AND tag = ? AND kind = ?", (entry_id, tag, kind)
    ).rowcount:
        bump(conn)


def signals_of(conn: sqlite3.Connection, entry_id: int) -> dict[str, str]:
    """tag -> kind of the choices remembered for one entry."""
    return dict(conn.execute("SELECT tag, kind FROM personal_signals WHERE entry_id = ?", (entry_id,)).fetchall())


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many choices of each kind are remembered."""
    found = dict(conn.execute("SELECT kind, count(*) FROM personal_signals GROUP BY kind").fetchall())
    return {REJECTED: found.get(REJECTED, 0), ADDED: found.get(ADDED, 0)}


def forget_all(conn: sqlite3.Connection) -> int:
    removed = conn.execute("DELETE FROM personal_signals").rowcount
    bump(conn)
    return removed


def learn_from_save(
    conn: sqlite3.Connection,
    entry_id: int,
    entry: Entry,
    hits: Sequence[TagHit],
    plan: TagPlan,
    prior_rejected: set[str],
    prior_manual: set[str],
) -> None:
    """Remember the choices a save made, forget those it took back, and keep the rest current.

    A choice is new when it was not already on the entry: a tag rejected now, or a tag added by hand
    that the tagger did not give. Re-saving an edited entry refreshes its remembered words.
    """
    rows = [r for r in plan.rows if r[0] == entry_id]
    rejected_now = {r[1] for r in rows if r[4]}
    manual_now = {r[1] for r in rows if r[2] == "manual"}
    found = {h.name: h for h in hits}
    spans_given = {t.name: t.spans for t in entry.tags if t.rejected}
    remembered = signals_of(conn, entry_id)
    for tag in prior_rejected - rejected_now:
        forget(conn, entry_id, tag, REJECTED)
    for tag in prior_manual - manual_now:
        forget(conn, entry_id, tag, ADDED)
    for tag in rejected_now:
        if tag in prior_rejected and remembered.get(tag) != REJECTED:
            continue  # an old refusal the writer did not make again, or one they asked us to forget
        spans = found[tag].spans if tag in found else spans_given.get(tag, ())
        if spans:
            remember_rejection(conn, entry_id, tag, entry.text, spans)
    for tag in manual_now:
        if tag in found:
            continue  # the tagger gave it anyway: nothing to learn
        if tag in prior_manual and remembered.get(tag) != ADDED:
            continue
        remember_addition(conn, entry_id, tag, entry.text)
