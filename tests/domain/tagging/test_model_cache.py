"""The learned model's parsed copy beside the cue index: read instead of the JSON when current, owner
only, per Python version, rebuilt when damaged or when the model file changes, and never needed."""

from __future__ import annotations

import json
import marshal
import os
import stat
from importlib import resources
from pathlib import Path

import pytest

from journal.domain.tagging import model as model_module
from journal.domain.tagging.compiled import _seal
from journal.domain.tagging.model import MODEL_FILE, load
from tests.domain.tagging.conftest import damaged


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A copy of the shipped model file (its time is then this test's own)."""
    path = tmp_path / MODEL_FILE
    path.write_bytes(resources.files("journal.domain.tagging").joinpath(MODEL_FILE).read_bytes())
    return path


def _copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("model-*.bin"))


def test_the_second_load_reads_the_copy_not_the_json(source: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache" / "journal"
    first = load(source, folder)
    [copy] = _copies(folder)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700 == stat.S_IMODE(folder.parent.stat().st_mode)

    def no_json(*_: object, **__: object) -> None:
        raise AssertionError("the JSON was parsed again")

    monkeypatch.setattr(model_module.json, "loads", no_json)
    second = load(source, folder)
    assert second.weights == first.weights and second.bias == first.bias
    assert second.thresholds == first.thresholds and second.cue_thresholds == first.cue_thresholds


def test_a_changed_model_file_replaces_its_copy(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    load(source, folder)
    other = folder / "model-py399-1-10-10.bin"  # another Python's copy is never evicted
    other.write_bytes(b"another Python")
    data = json.loads(source.read_text(encoding="utf-8"))
    data["bias"] = [b + 1.0 for b in data["bias"]]
    source.write_text(json.dumps(data), encoding="utf-8")
    os.utime(source, ns=(1, 1))
    again = load(source, folder)
    assert again.bias == tuple(b for b in data["bias"])
    assert len(_copies(folder)) == 2 and other.exists()


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "not-a-model"])
def test_a_damaged_copy_is_parsed_again(source: Path, tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "cache"
    good = load(source, folder)
    [copy] = _copies(folder)
    if damage == "not-a-model":  # sealed and readable, but not a model
        data = _seal(marshal.dumps((copy.name, {"format": 2})))
    else:
        data = damaged(copy.read_bytes(), damage)
    copy.write_bytes(data)
    again = load(source, folder)
    assert again.weights == good.weights
    assert copy.read_bytes() != data  # written afresh


def test_no_folder_or_an_unwritable_one_only_costs_the_parse(source: Path, tmp_path: Path) -> None:
    assert load(source, None).weights
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    assert load(source, blocked).weights
