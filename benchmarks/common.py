"""What the benchmark scripts share: the repository on sys.path, the cached big journal, the machine.

The 100,000-entry journal takes a while to generate and tag, so it is built once and cached under
`benchmarks/.data/` (gitignored), keyed by a fingerprint of the code that shapes it (demo, tagger,
storage): change any of those and the next run rebuilds it rather than measuring stale data.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / ".data"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

_SHAPING = ("journal/demo", "journal/domain/tagging", "journal/storage", "journal/domain/models.py")


def fingerprint() -> str:
    """A short hash of every source file that decides what the cached journal contains."""
    digest = hashlib.sha1()
    for part in _SHAPING:
        base = ROOT / part
        files = sorted(base.rglob("*")) if base.is_dir() else [base]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(ROOT)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:10]


def big_journal(entries: int, *, rebuild: bool = False, log=print) -> tuple[Path, dict[str, Any]]:
    """The cached demo journal of `entries` entries (built if missing or stale) and its build facts."""
    from journal.demo import DEMO_NOW, build_demo
    from journal.storage import open_store

    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"journal-{entries}-{fingerprint()}.db"
    meta_path = path.with_suffix(".json")
    if path.exists() and meta_path.exists() and not rebuild:
        return path, json.loads(meta_path.read_text())
    for old in DATA.glob(f"journal-{entries}-*"):
        old.unlink()
    building = DATA / f"building-{os.getpid()}.db"
    log(f"Building a {entries:,}-entry demo journal (cached for later runs)...")
    start = time.perf_counter()
    with open_store(building) as store:
        written = build_demo(store, now=DEMO_NOW, scale=entries)
    seconds = time.perf_counter() - start
    for suffix in ("-wal", "-shm"):
        leftover = Path(f"{building}{suffix}")
        if leftover.exists():
            leftover.unlink()
    building.rename(path)  # only a finished build ever gets the cache's name
    meta = {
        "entries": written,
        "build_seconds": round(seconds, 2),
        "built_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "size_mb": round(path.stat().st_size / 1e6, 1),
    }
    meta_path.write_text(json.dumps(meta, indent=2))
    log(f"  built in {seconds:.1f} s ({written / seconds:,.0f} entries/s), {meta['size_mb']} MB")
    return path, meta


def working_copy(source: Path, folder: Path) -> Path:
    """A copy to measure on, so writes made by a benchmark never touch the cache."""
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def machine() -> str:
    """One line about the machine the figures come from."""
    import sqlite3
    from importlib.metadata import version

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        memory = "RAM unknown"
    try:
        load = f"; 1-minute load average {os.getloadavg()[0]:.1f} at the end"
    except OSError:
        load = ""
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"Textual {version('textual')}{load}"
    )


def journal_command() -> list[str]:
    """How to start the `journal` command: the installed console script, else `python -m journal`."""
    script = Path(sys.executable).with_name("journal")
    return [str(script)] if script.exists() else [sys.executable, "-m", "journal"]


def child_env() -> dict[str, str]:
    """The environment for child processes: the repository importable, never the user's journal.

    Bytecode is cached as on any ordinary machine after the first run: an environment that sets
    PYTHONDONTWRITEBYTECODE would make every start compile the journal's modules from source, while
    the libraries it is compared with were compiled when they were installed.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("JOURNAL_PASSPHRASE", None)
    return env


def update_readme(section: str, body: str) -> None:
    """Replace the text between `<!-- section -->` and `<!-- /section -->` in benchmarks/README.md."""
    readme = ROOT / "benchmarks" / "README.md"
    text = readme.read_text()
    start, end = f"<!-- {section} -->", f"<!-- /{section} -->"
    if start not in text or end not in text:
        raise SystemExit(f"benchmarks/README.md has no {start} ... {end} section to update.")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(f"{head}{start}\n{body.rstrip()}\n{end}{tail}")
