"""What ``--jobs`` buys on a batch: the same few hundred reports checked by one process and by
N worker processes, as ``evalrules check FOLDER`` runs them.

    python benchmarks/bench_jobs.py [--files 360] [--jobs 2] [--folder DIR]

The batch is the reports of DIR (default: the dev corpus beside the checkout, else copies of
the shipped example), repeated up to ``--files``.  Prints the batch throughput of each run and
their ratio (the speed-up, against the one-process floor measured in the same run); the target
is ≥ 1.8× with 2 jobs on 2 cores.  Both runs' results must be identical.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from evalrules.batch import Options, check_files

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def batch(folder: Path, count: int, target: Path) -> list[tuple[str, str]]:
    sources = sorted(folder.glob("*.txt")) or [ROOT / "examples" / "000_58afccda0e350999.txt"]
    files = []
    for index in range(count):
        copy = target / f"{index:04}_{sources[index % len(sources)].name}"
        shutil.copy(sources[index % len(sources)], copy)
        files.append((str(copy), str(copy)))
    return files


def timed(files: list[tuple[str, str]], jobs: int) -> tuple[float, list[object]]:
    start = time.perf_counter()
    results = check_files(files, Options(), jobs)
    return time.perf_counter() - start, list(results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=360)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--folder", type=Path, default=CORPUS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = batch(args.folder, args.files, Path(folder))
        timed(files[:5], 1)  # warm-up: plugins, rulesets, lexicon
        serial, one = timed(files, 1)
        parallel, many = timed(files, args.jobs)
    if one != many:
        print("results differ between 1 and", args.jobs, "jobs", file=sys.stderr)
        return 1
    print(f"{len(files)} files, 1 job:  {serial:6.2f} s  ({len(files) / serial:6.1f} reports/s)  [floor]")
    print(f"{len(files)} files, {args.jobs} jobs: {parallel:6.2f} s  ({len(files) / parallel:6.1f} reports/s)")
    print(f"speed-up with {args.jobs} jobs: {serial / parallel:.2f}× (target ≥ 1.8× on 2 cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
