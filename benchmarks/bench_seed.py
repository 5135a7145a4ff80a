"""Throughput and start-up time on the shipped example.

    python benchmarks/bench_seed.py [--seconds 5] [--cold-runs 5]

Prints reports per second for load + extract + check of the seed in one process (after a
warm-up that builds the plugin registry), and the median wall time of a cold
``evalrules check FILE`` in a new process.  Targets: ≥ 300 reports/s per core, ≤ 0.5 s cold.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import evalrules

SEED = Path(__file__).resolve().parents[1] / "examples" / "000_58afccda0e350999.txt"


def throughput(seconds: float) -> float:
    evalrules.check(evalrules.extract(evalrules.load(SEED)))  # warm-up: plugins, rulesets
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        evalrules.check(evalrules.extract(evalrules.load(SEED)))
        count += 1
    return count / (time.perf_counter() - start)


def cold_start(runs: int) -> float:
    command = [shutil.which("evalrules") or sys.executable, "check", str(SEED)]
    if command[0] == sys.executable:
        command[1:1] = ["-m", "evalrules"]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--cold-runs", type=int, default=5)
    args = parser.parse_args()
    print(f"in process: {throughput(args.seconds):.0f} reports/s (load + extract + check, one core)")
    print(f"cold `evalrules check`: {cold_start(args.cold_runs):.3f} s (median of {args.cold_runs})")


if __name__ == "__main__":
    main()
