"""The full-fidelity JSON export: `{"format": "journal", "version": 1, "exported_at", "entries": [...]}`.

Each entry has the shape `--json` prints (journal.exchange.jsonshape), plus what an exact copy needs
and that shape leaves out: the words that triggered each tag (`spans`), the tags the person rejected
(`rejected_tags`, so they stay rejected), `updated_at`, and `"starred": true` on an entry starred for
supervision. Importing the file into an empty journal
gives back the same ids, moments, texts, scores, tags and ritual answers. One entry per line, so two
exports diff well.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, TextIO

from journal.domain.models import Entry, EntryTag
from journal.exchange.export import ExportContext, Exporter, register
from journal.exchange.jsonshape import entry_to_dict, tag_to_dict

FORMAT, VERSION = "journal", 1
#: DEL and the C1 controls are kept raw by ensure_ascii=False; escape them so a terminal cannot act on them.
_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _tag(tag: EntryTag) -> dict[str, Any]:
    data = tag_to_dict(tag)
    if tag.spans:
        data["spans"] = [{"start": s.start, "end": s.end, "text": s.text} for s in tag.spans]
    return data


def export_dict(entry: Entry) -> dict[str, Any]:
    """An entry as the export writes it (the documented shape and the extras)."""
    data = entry_to_dict(entry)
    data["tags"] = [_tag(t) for t in entry.visible_tags]
    rejected = [_tag(t) for t in entry.tags if t.rejected]
    if rejected:
        data["rejected_tags"] = rejected
    if entry.updated_at is not None:
        data["updated_at"] = entry.updated_at.isoformat()
    if entry.starred:
        data["starred"] = True
    return data


def dumps(data: Any) -> str:
    return _UNSAFE.sub(_escape, json.dumps(data, ensure_ascii=False))


@register
class JsonExporter(Exporter):
    name = "json"
    suffix = ".json"
    description = "everything, exactly (can be imported again)"

    def write(self, entries: Iterable[Entry], out: TextIO, context: ExportContext) -> int:
        out.write("{\n")
        out.write(f'  "format": {dumps(FORMAT)},\n  "version": {VERSION},\n')
        out.write(f'  "exported_at": {dumps(context.exported_at.isoformat())},\n')
        out.write('  "entries": [')
        count = 0
        for entry in entries:
            out.write(",\n    " if count else "\n    ")
            out.write(dumps(export_dict(entry)))
            count += 1
        out.write("\n  ]\n}\n" if count else "]\n}\n")
        return count
