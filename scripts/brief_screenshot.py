"""Regenerate screenshots/brief.png: the supervision brief's HTML on the demo journal, as headless
Chromium draws it (Debian's `chromium` package: `apt-get install chromium`).

Run from the repository root: `.venv/bin/python scripts/brief_screenshot.py`. The demo journal is
built with the UI tests' seed and frozen clock, and two of its entries are starred, so the picture
only changes when the brief does.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from journal.demo import DEMO_NOW, build_demo  # noqa: E402
from journal.domain.models import EntryQuery, Kind, Outcome  # noqa: E402
from journal.exchange.brief import default_period, gather_brief  # noqa: E402
from journal.exchange.brief_html import brief_html  # noqa: E402
from journal.storage import open_store  # noqa: E402

SEED = 7
OUT = ROOT / "screenshots" / "brief.png"
WINDOW = "900,1320"


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("Headless Chromium is needed: apt-get install chromium")


def demo_brief_html(folder: Path) -> Path:
    """The demo journal's brief of the last four weeks, two entries starred, as an HTML file."""
    with open_store(folder / "demo.db") as store:
        build_demo(store, now=DEMO_NOW, seed=SEED)
        period = default_period(DEMO_NOW)
        recent = store.search(EntryQuery(since=period.start, until=period.end, limit=None))
        low = next(e for e in recent if e.kind is Kind.MOOD and (e.mood or 5) <= 2)
        crossed = next(e for e in recent if e.kind is Kind.BOUNDARY and e.outcome is Outcome.CROSSED)
        for entry in (low, crossed):
            store.set_starred(entry.id)  # type: ignore[arg-type]
        page = folder / "brief.html"
        page.write_text(brief_html(gather_brief(store, period, DEMO_NOW)), encoding="utf-8")
    return page


def main() -> None:
    browser = chromium()
    with tempfile.TemporaryDirectory() as folder:
        page = demo_brief_html(Path(folder))
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--screenshot={OUT}",
                f"--window-size={WINDOW}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    print(OUT.relative_to(ROOT))


if __name__ == "__main__":
    main()
