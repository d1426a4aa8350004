"""Every stored snapshot belongs to a test that still exists.

Syrupy fails a serial run that leaves a snapshot unused (a test renamed or removed, its old picture
left behind), but skips that check under pytest-xdist, where the suite now runs. This keeps it:
each `__snapshots__/<module>/<test>[<case>].svg` names a test function in `tests/ui/<module>.py`.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SNAPSHOTS = HERE / "__snapshots__"


def named_tests(module: Path) -> set[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test_")
    }


def orphans(snapshots: Path, tests: Path) -> list[str]:
    """Snapshot files under `snapshots` with no test of that name in `tests`."""
    found = []
    for picture in sorted(snapshots.glob("*/*")):
        module = tests / f"{picture.parent.name}.py"
        name = re.sub(r"\[.*\]$", "", picture.stem)
        if not module.exists() or name not in named_tests(module):
            found.append(picture.relative_to(snapshots).as_posix())
    return found


def test_every_snapshot_has_its_test() -> None:
    assert sorted(SNAPSHOTS.glob("*/*.svg")), "no snapshots found: has the folder moved?"
    assert orphans(SNAPSHOTS, HERE) == [], "snapshots left by a renamed or removed test; delete them"


def test_an_orphan_is_found(tmp_path: Path) -> None:
    (tmp_path / "test_pane.py").write_text("def test_kept(snap_compare):\n    pass\n")
    for name in ("test_kept.svg", "test_kept[wide].svg", "test_gone.svg"):
        (tmp_path / "__snapshots__" / "test_pane").mkdir(parents=True, exist_ok=True)
        (tmp_path / "__snapshots__" / "test_pane" / name).write_text("<svg/>")
    (tmp_path / "__snapshots__" / "test_removed_module").mkdir()
    (tmp_path / "__snapshots__" / "test_removed_module" / "test_x.svg").write_text("<svg/>")
    assert orphans(tmp_path / "__snapshots__", tmp_path) == [
        "test_pane/test_gone.svg",
        "test_removed_module/test_x.svg",
    ]
