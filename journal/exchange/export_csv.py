"""The CSV export: one row per entry, for spreadsheets (RFC 4180 quoting by the csv module).

Columns: id, created_at, kind, mood, energy, boundary, outcome, cost, tags (visible ones, joined by
";"), text. With `excel`, the file starts with a byte-order mark (so Excel reads it as UTF-8) and a
cell that would start a formula (=, +, -, @) gets a leading apostrophe, so opening an export can never
run anything; without it, every cell is exactly the stored value.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from journal.domain.models import Entry
from journal.exchange.export import ExportContext, Exporter, register

COLUMNS = ("id", "created_at", "kind", "mood", "energy", "boundary", "outcome", "cost", "tags", "text")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def row(entry: Entry) -> list[str]:
    """An entry as CSV cells (empty cells for what an entry does not have)."""

    def cell(value: object) -> str:
        return "" if value is None else str(value)

    return [
        cell(entry.id),
        entry.created_at.isoformat(),
        str(entry.kind),
        cell(entry.mood),
        cell(entry.energy),
        cell(entry.boundary),
        cell(entry.outcome),
        cell(entry.cost),
        ";".join(t.name for t in entry.visible_tags),
        entry.text,
    ]


def _defused(cells: list[str]) -> list[str]:
    return ["'" + c if c.startswith(_FORMULA_START) else c for c in cells]


@register
class CsvExporter(Exporter):
    name = "csv"
    suffix = ".csv"
    description = "one row per entry, for spreadsheets"

    def write(self, entries: Iterable[Entry], out: TextIO, context: ExportContext) -> int:
        if context.excel:
            out.write("\ufeff")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        count = 0
        for entry in entries:
            cells = row(entry)
            writer.writerow(_defused(cells) if context.excel else cells)
            count += 1
        return count
