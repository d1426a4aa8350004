"""The brief's HTML in a real browser: headless Chromium (Debian's `chromium` package) draws it
offline, and prints it to A4 and to US Letter with the page sizes asked for and nothing cut off.

Skipped where Chromium is not installed (`apt-get install chromium`)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.brief_screenshot import demo_brief_html

BROWSER = next((p for n in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(n))), None)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(BROWSER is None, reason="headless Chromium is not installed"),
]
#: PDF points (1/72 inch) of each paper, portrait.
PAPER = {"A4": (595, 842), "letter": (612, 792)}


def _chromium(*args: str) -> None:
    assert BROWSER is not None
    subprocess.run(
        [
            BROWSER,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            "--hide-scrollbars",
            # nothing may be fetched: any request would go to a proxy that does not exist
            "--proxy-server=127.0.0.1:9",
            "--proxy-bypass-list=<-loopback>",
            *args,
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_brief_html(tmp_path_factory.mktemp("brief"))


def test_chromium_draws_it(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "brief.png"
    _chromium(f"--screenshot={shot}", "--window-size=900,1300", page.as_uri())
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 50_000  # a real picture, not a blank page


@pytest.mark.parametrize("paper", ["A4", "letter"])
def test_it_prints_to_a4_and_letter(page: Path, tmp_path: Path, paper: str) -> None:
    sized = tmp_path / f"brief-{paper}.html"
    html = page.read_text(encoding="utf-8")
    assert "@page { size: auto;" in html
    sized.write_text(html.replace("@page { size: auto;", f"@page {{ size: {paper};"), encoding="utf-8")
    pdf = tmp_path / f"brief-{paper}.pdf"
    _chromium(f"--print-to-pdf={pdf}", sized.as_uri())
    data = pdf.read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert boxes, "no pages"
    assert {(round(float(w)), round(float(h))) for w, h in boxes} == {PAPER[paper]}
    assert 1 <= len(boxes) <= 2  # the figures on the first page, the starred entries at most one more
