"""Whatever people type, `journal mood 3 TEXT` never tracebacks, and the text comes back exactly."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.cli import cli

_TMP = tempfile.TemporaryDirectory(prefix="journal-cli-props-")
DB = str(Path(_TMP.name) / "props.db")


def _invoke(*args: str):
    result = CliRunner().invoke(cli, ["--db", DB, *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_any_text_saves_or_is_refused_in_one_sentence(text: str) -> None:
    saved = _invoke("mood", "3", "--json", "--", text)
    if not text.strip():
        assert saved.exit_code == 1 and len(saved.stderr.strip().splitlines()) == 1
        return
    assert saved.exit_code == 0, saved.stderr
    entry = json.loads(saved.stdout)
    assert entry["text"] == text.strip()
    found = json.loads(_invoke("search", "--json", "--limit", "0").stdout)
    assert [e for e in found if e["id"] == entry["id"]] == [{**entry, "snippet": None}]


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=60))
def test_any_search_query_answers_without_a_traceback(query: str) -> None:
    _invoke("mood", "3", "something to find")
    result = _invoke("search", "--json", "--", query)
    assert result.exit_code == 0, result.stderr
    assert isinstance(json.loads(result.stdout), list)
    text = _invoke("search", "--", query)
    assert text.exit_code == 0 and "\x1b" not in text.stdout
