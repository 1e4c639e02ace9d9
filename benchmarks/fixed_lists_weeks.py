r"""A few weeks of the case-D municipality under fixed lists, for counting instructions.

Wall-clock and CPU times on a shared machine swing from run to run; the number of
instructions does not. Run under callgrind, which prints ``Collected : N`` at the end::

    taskset -c 0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        .venv/bin/python benchmarks/fixed_lists_weeks.py 3

and subtract the same count for ``--build-only`` (importing the library and building the
scenario). ``0`` weeks simulates the whole year (about 13 minutes under callgrind).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import attrs

from hometeams.sim import FixedLists, Overflow, nearest, preferred_first, simulate

sys.path.insert(0, str(Path(__file__).parent))
from test_bench_sim import municipality_year


def main(argv: list[str] | None = None) -> int:
    """Simulate ``weeks`` weeks under fixed lists (or only build the scenario)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "weeks", type=int, nargs="?", default=3, help="weeks to simulate (0: the whole year)"
    )
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args(argv)
    scenario = municipality_year()
    if args.weeks:
        scenario = attrs.evolve(scenario, horizon=args.weeks * 7 * 1440.0)
    if not args.build_only:
        policy = Overflow(30, order=(preferred_first, nearest))
        records = simulate(scenario, policy=policy, planning=FixedLists(), seed=1)
        print(f"{len(records.jobs)} jobs, {len(records.lists)} listed visits")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
