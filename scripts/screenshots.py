"""Regenerate screenshots/<pane>.svg (and help.svg, brief.svg) on the demo journal with a frozen clock.

Run from the repository root: `.venv/bin/python scripts/screenshots.py`. The demo journal is built
in a temporary folder with the same seed and clock as the UI tests, so the pictures only change when
the app does.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from journal.demo import DEMO_NOW, build_demo  # noqa: E402
from journal.storage import open_store  # noqa: E402
from journal.ui.app import JournalApp  # noqa: E402
from journal.ui.panes.catalog import PANES  # noqa: E402

SEED = 7
SIZE = (120, 40)
OUT = ROOT / "screenshots"


async def shoot(db: Path) -> list[Path]:
    """One app session: visit every pane, then open help; save an SVG of each."""
    store = open_store(db)
    written: list[Path] = []
    try:
        app = JournalApp(store, clock=lambda: DEMO_NOW)
        async with app.run_test(size=SIZE) as pilot:
            mood = next(pane.key for pane in PANES if pane.mode == "mood")
            insights = next(pane.key for pane in PANES if pane.mode == "insights")
            shots = [(pane.mode, [pane.key]) for pane in PANES] + [("help", [mood, "f1"])]
            # the Brief view, opened from Insights (b) with Insights' period; Esc closes it again
            shots += [("brief", ["escape", insights, "2", "b"])]
            for name, keys in shots:
                await pilot.press(*keys)
                await pilot.pause(1.0 if name == "brief" else 0.3)
                app.save_screenshot(f"{name}.svg", path=str(OUT))
                written.append(OUT / f"{name}.svg")
    finally:
        store.close()
    return written


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.db"
        with open_store(db) as store:
            build_demo(store, now=DEMO_NOW, seed=SEED)
            store.set_setting("welcomed", True)
        for path in asyncio.run(shoot(db)):
            print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
