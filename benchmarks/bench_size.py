"""Load + extract + check time against input size: it should grow linearly.

    python benchmarks/bench_size.py [--sizes 1 2 4 8 16 32]

A generated report (evalrules.testing) is rendered as text and repeated N times (each copy a
section of its own), then checked; prints KB, seconds and microseconds per KB for each N.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings

import evalrules
from evalrules.testing.render import render
from evalrules.testing.strategies import consistent_reports


def one_report() -> str:
    found: list[str] = []

    @settings(max_examples=1, database=None, suppress_health_check=list(HealthCheck))
    @given(consistent_reports())
    def draw(report: evalrules.Report) -> None:
        found.append(render(report, "mixed").text)

    draw()
    return found[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 4, 8, 16, 32, 64])
    args = parser.parse_args()
    text = one_report()
    folder = Path(tempfile.mkdtemp())
    print(f"{'copies':>6} {'KB':>8} {'seconds':>8} {'µs/KB':>8}")
    for copies in args.sizes:
        path = folder / f"report{copies}.txt"
        path.write_text("\n".join(text for _ in range(copies)), encoding="utf-8")
        start = time.perf_counter()
        evalrules.check(evalrules.extract(evalrules.load(path)))
        seconds = time.perf_counter() - start
        kb = path.stat().st_size / 1024
        print(f"{copies:>6} {kb:>8.1f} {seconds:>8.3f} {seconds / kb * 1e6:>8.0f}")


if __name__ == "__main__":
    main()
