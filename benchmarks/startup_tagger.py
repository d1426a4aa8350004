"""What the tagger costs a fresh process before its first tag: built from the cue files, or loaded
from the compiled index (`journal.domain.tagging.compiled`) in the user cache folder.

    .venv/bin/python benchmarks/startup_tagger.py [--runs 5]

Each figure comes from its own fresh process (`python startup_tagger.py --child MODE`): the time to
a ready tagger (typo index included), the resident memory it added, and the median time to tag
2,000 words of demo text. "compiled" loads the index the way the engine uses it once wired
(`_builtin_trie`, `_typos` and the lemma table from `compiled.builtin()`); its cache lives in a
throwaway folder, filled by one untimed run first.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from common import ROOT, child_env


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def child(mode: str) -> None:
    import gc
    from functools import cache

    from journal.demo import DEMO_NOW, demo_entries
    from journal.domain.tagging import compiled, default_tagger, engine
    from journal.domain.tagging.fuzzy import TypoIndex

    words = " ".join(e.text for e in demo_entries(now=DEMO_NOW, scale=2000)).split()
    text = " ".join(words[:2000])
    gc.collect()
    before, start = _rss_mb(), time.perf_counter()
    if mode == "compiled":  # what the engine does once wired to the compiled index
        engine._builtin_trie = cache(lambda: compiled.builtin().trie)
        engine._typos = cache(lambda: TypoIndex(compiled.builtin().words, known=compiled.builtin().known))
        engine.load_lexicon = compiled.builtin
    tagger = default_tagger()
    tagger.tag("ready")
    seconds = time.perf_counter() - start
    gc.collect()
    added = _rss_mb() - before
    runs = []
    for _ in range(30):
        began = time.perf_counter()
        tagger.tag(text)
        runs.append(time.perf_counter() - began)
    print(json.dumps({"ready": seconds, "rss_mb": added, "tag_2000": statistics.median(runs)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory(prefix="journal-cache-") as cache_dir:
        env = {**child_env(), "JOURNAL_CACHE_DIR": cache_dir}

        def once(mode: str) -> dict[str, float]:
            done = subprocess.run(
                [sys.executable, __file__, "--child", mode],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            )
            return json.loads(done.stdout)

        cold = once("compiled")  # compiles and stores the index
        rows = {
            "built from the cue files (today's engine)": [once("plain") for _ in range(args.runs)],
            "compiled index, cached": [once("compiled") for _ in range(args.runs)],
        }
    print(f"Compiling the index on a cold cache: {cold['ready'] * 1000:.0f} ms (once per lexicon change)")
    print("| tagger | ready (median) | memory added | tagging 2,000 words |")
    print("|---|---:|---:|---:|")
    for name, samples in rows.items():
        ready = statistics.median(s["ready"] for s in samples) * 1000
        rss = statistics.median(s["rss_mb"] for s in samples)
        tag = statistics.median(s["tag_2000"] for s in samples) * 1000
        print(f"| {name} | {ready:.0f} ms | {rss:.1f} MB | {tag:.2f} ms |")
    print(f"1-minute load average {os.getloadavg()[0]:.1f} at the end.")


if __name__ == "__main__":
    main()
