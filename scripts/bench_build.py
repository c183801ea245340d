#!/usr/bin/env python3
"""Wall time, CPU time and peak memory of `govkg build` on the bundled sample corpus.

    python scripts/bench_build.py [--runs 3]

Each run is a fresh process (imports included, as a user pays them).
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time


def one_run() -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "graph", "build", "--out", out, "-q"], check=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    rows = [one_run() for _ in range(args.runs)]
    print(f"{'run':>4} {'wall s':>8} {'cpu s':>8} {'peak RSS MB':>12}")
    for i, (wall, cpu, rss) in enumerate(rows, 1):
        print(f"{i:>4} {wall:8.2f} {cpu:8.2f} {rss:12.0f}")
    best = min(rows)
    print(f"best {best[0]:8.2f} {best[1]:8.2f} {max(r[2] for r in rows):12.0f}")


if __name__ == "__main__":
    main()
