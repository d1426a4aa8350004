"""jrnl, installed from PyPI into its own throwaway venv, fed the same journal and timed.

jrnl never touches the project's venv, and the user's own jrnl (if any) is never touched either:
every run gets its own config file (`--config-file`) and HOME/XDG folders inside a temp directory.
The journal is written straight into jrnl's plain-text format, `[YYYY-MM-DD HH:MM] title` then the
body, entries separated by a blank line; an entry's tags become `@tag` words on its last line, which
is how a jrnl user writes them and how jrnl finds them.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from versus.operations import ADD_TEXT, PAGE, Params
from versus.timing import Capped, Sample, run_command, time_command

#: The newest jrnl on PyPI when this benchmark was written (`pip index versions jrnl`).
JRNL_VERSION = "4.6"
CHILD = Path(__file__).with_name("jrnl_child.py")


def ensure_venv(data: Path, log=print) -> Path:
    """The python of a venv holding jrnl==JRNL_VERSION under `data`, created on first use."""
    venv = data / "jrnl-venv"
    python = venv / "bin" / "python"
    if python.exists() and (venv / "bin" / "jrnl").exists():
        check = subprocess.run([python, "-c", "import jrnl; print(jrnl.__version__)"], capture_output=True, text=True)
        if check.stdout.strip() == JRNL_VERSION:
            return python
    log(f"Installing jrnl {JRNL_VERSION} into {venv} (a throwaway venv, only for this benchmark)...")
    subprocess.run([shutil.which("python3") or sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--disable-pip-version-check", f"jrnl=={JRNL_VERSION}"], check=True
    )
    return python


def write_journal(db: Path, target: Path) -> int:
    """Write every live entry of the `journal` file `db` as a jrnl plain-text journal; the count."""
    sql = """
        SELECT e.created_utc, e.utc_offset_min, e.kind, e.text, e.boundary, e.outcome,
               (SELECT group_concat(t.tag, ' ') FROM entry_tags t WHERE t.entry_id = e.id AND t.rejected = 0)
        FROM entries e WHERE e.deleted_utc IS NULL ORDER BY e.created_utc, e.id
    """
    count = 0
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn, open(target, "w", encoding="utf-8") as out:
        for created, offset, kind, text, boundary, outcome, tags in conn.execute(sql):
            local = datetime.fromisoformat(created.rstrip("Z")) + timedelta(minutes=offset)
            text = text.strip() or (f"Boundary {boundary}: {outcome}." if kind == "boundary" else f"A {kind} entry.")
            lines = [f"[{local:%Y-%m-%d %H:%M}] {text}"]
            if tags:
                lines.append(" ".join(f"@{t}" for t in tags.split()))
            out.write("\n".join(lines) + "\n\n")
            count += 1
    return count


def write_config(folder: Path, journal_file: Path) -> Path:
    """A jrnl.yaml for `journal_file`: no encryption, no editor, no colours. It must be YAML proper:
    jrnl takes a JSON config for a jrnl 1.x install and stops to ask about upgrading it."""
    path = folder / "jrnl.yaml"
    path.write_text(
        "\n".join(
            [
                f"version: '{JRNL_VERSION}'",
                "journals:",
                "  default:",
                f"    journal: {json.dumps(str(journal_file))}",
                "editor: ''",
                "encrypt: false",
                "template: false",
                "default_hour: 9",
                "default_minute: 0",
                "timeformat: '%Y-%m-%d %H:%M'",
                "tagsymbols: '#@'",
                "highlight: false",
                "linewrap: 79",
                "indent_character: '|'",
                "colors:",
                *(f"  {part}: none" for part in ("body", "date", "tags", "title")),
                "",
            ]
        )
    )
    return path


def jrnl_env(home: Path) -> dict[str, str]:
    """An environment where jrnl can only ever find our config and write under `home`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "JRNL"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        EDITOR="",
        VISUAL="",
        NO_COLOR="1",
        TZ=os.environ.get("TZ", "Europe/London"),
    )
    return env


#: jrnl prints every match unless told `-n`.
PAGE_ARGS = ["-n", str(PAGE)] if PAGE else []


def args_for(key: str, params: Params, i: int) -> list[str]:
    """jrnl's arguments for operation `key`, repeat `i` (the same words and tags as the others get)."""
    if key == "word":
        return ["-contains", params.words[i % len(params.words)], *PAGE_ARGS]
    if key == "tag":
        return [f"@{params.tags[i % len(params.tags)]}", *PAGE_ARGS]
    if key == "range":
        return ["-from", params.first_day.isoformat(), "-to", params.last_day.isoformat(), *PAGE_ARGS]
    if key == "counts":
        return ["--tags"]
    if key == "latest":
        return ["-n", "10"]
    if key == "add":
        return [ADD_TEXT]
    raise ValueError(key)


class Jrnl:
    """One jrnl set-up: its venv's python, a config pointing at a journal file, a private HOME."""

    def __init__(self, python: Path, journal_file: Path, folder: Path) -> None:
        self.python = python
        self.home = folder / "home"
        self.home.mkdir(parents=True, exist_ok=True)
        self.config = write_config(folder, journal_file)
        self.env = jrnl_env(self.home)

    def command(self, args: list[str]) -> list[str]:
        return [str(self.python.with_name("jrnl")), "--config-file", str(self.config), *args]

    def cli(self, key: str, params: Params, repeats: int, budget: float, cap: float) -> Sample:
        """The `jrnl` command as a shell runs it: wall time, interpreter start included."""
        return time_command(lambda i: self.command(args_for(key, params, i)), self.env, repeats, budget=budget, cap=cap)

    def in_process(self, key: str, params: Params, repeats: int, budget: float, cap: float) -> Sample:
        """jrnl's own code path in one warm process (jrnl_child.py): parse, filter, print."""
        arg_sets = [["--config-file", str(self.config), *args_for(key, params, i)] for i in range(repeats)]
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            argv = [str(self.python), str(CHILD), out.name, str(budget), json.dumps(arg_sets)]
            try:
                # the untimed first call (at most a cap) plus the timed ones (at most the budget)
                run_command(argv, self.env, cap + budget + 10)
            except Capped:
                return Sample([cap], capped=True)
            return Sample(json.loads(Path(out.name).read_text()))

    def version(self) -> list[str]:
        return self.command(["--version"])
