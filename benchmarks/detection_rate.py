"""How often each kind of injected defect is reported, with its code, on its line.

    python benchmarks/detection_rate.py [--reports 200] [--ruleset default]

Draws consistent reports (evalrules.testing.strategies), breaks each in every way
evalrules.testing.mutations knows, checks it, and prints the detection rate per kind
(target: 100% for every kind the ruleset covers) and whether a slip was diagnosed as such.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter

from hypothesis import HealthCheck, given, settings

import evalrules
from evalrules.testing.mutations import KINDS, inject
from evalrules.testing.strategies import consistent_reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--ruleset", default="default")
    args = parser.parse_args()
    made, found, diagnosed = Counter[str](), Counter[str](), Counter[str]()
    rng = random.Random(20261128)

    @settings(max_examples=args.reports, database=None, suppress_health_check=list(HealthCheck))
    @given(consistent_reports())
    def trial(report: evalrules.Report) -> None:
        for kind in KINDS:
            injected = inject(report, kind, rng, ruleset=args.ruleset)
            if injected is None:
                continue
            made[kind] += 1
            findings = evalrules.check(injected.report, ruleset=args.ruleset)
            hits = [
                f for f in findings if f.code in injected.codes and injected.lines & {loc.line for loc in f.locations}
            ]
            found[kind] += bool(hits)
            diagnosed[kind] += any(d.kind == kind for f in hits for d in f.diagnoses)

    trial()
    print(f"{'kind':<20} {'injected':>8} {'reported':>9} {'rate':>7} {'diagnosed':>10}")
    for kind in KINDS:
        rate = f"{100 * found[kind] / made[kind]:.1f}%" if made[kind] else "n/a"
        slip = f"{diagnosed[kind]}" if kind in ("unit", "decimal", "transposition") else "-"
        print(f"{kind:<20} {made[kind]:>8} {found[kind]:>9} {rate:>7} {slip:>10}")


if __name__ == "__main__":
    main()
