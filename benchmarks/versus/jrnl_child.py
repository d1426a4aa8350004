"""Time jrnl in-process: run inside jrnl's own venv, never the project's, and import nothing of ours.

    <jrnl-venv>/bin/python jrnl_child.py OUT.json BUDGET_S '[["-n", "10"], ...]'

Calls `jrnl.main.run(args)` (the very code path of the `jrnl` command) once untimed to load the
modules, then once per argument list timed, fewer when the first call shows they would not all fit
in BUDGET_S seconds. What jrnl prints goes to /dev/null; the seconds per call go to OUT.json. Every call
parses the whole journal file again, as each `jrnl` command does: that is jrnl's design, so it
belongs in the figure; interpreter start and imports do not.
"""

from __future__ import annotations

import json
import os
import sys
import time


def main() -> None:
    out, budget, arg_sets = sys.argv[1], float(sys.argv[2]), json.loads(sys.argv[3])
    from jrnl.main import run  # imported before timing, as a running program would have it

    devnull = os.open(os.devnull, os.O_WRONLY)
    saved = os.dup(1), os.dup(2)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    times: list[float] = []
    try:
        start = time.perf_counter()
        status = run(list(arg_sets[-1]))
        first = time.perf_counter() - start
        if status not in (0, None):
            raise SystemExit(f"jrnl {' '.join(arg_sets[-1])} exited with {status}")
        runs = max(1, min(len(arg_sets), int(budget / max(first, 1e-6))))
        if first * 2 > budget:
            times = [first]  # too slow to afford a separate warm-up: the first call is the sample
        else:
            for args in arg_sets[:runs]:
                start = time.perf_counter()
                run(list(args))
                times.append(time.perf_counter() - start)
    finally:
        sys.stdout.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
    with open(out, "w") as handle:
        json.dump(times, handle)


if __name__ == "__main__":
    main()
