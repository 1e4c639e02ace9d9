"""Six specialists, 300 citizens with dementia: direct visits only, or working through others.

"The memory team, that is six arms. We have 300 citizens with dementia. In home care you have
ten times as many arms ... You will never reach everyone. ... They must work through others"
(SOF report, seed 000, L954-959). This script prints the capacity arithmetic and the graph
analysis of the team's reach (:func:`hometeams.graph.specialist_reach`), then simulates the
weekly dementia follow-up two ways on the same weeks: the memory team visiting everyone itself,
and the team keeping the most complex 40 % and supervising the home-care staff who carry the
rest. The district and every assumption are described in :mod:`hometeams.cases._memory`.

Run it with ``python examples/memory_team_reach.py`` (about 15 seconds).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

import attrs

from hometeams.cases import CASES, MemoryAnalytic, memory_team_analytic
from hometeams.experiment import Comparison, ExperimentSettings, compare

CASE = CASES["memory-team-reach"]


@attrs.frozen
class Results:
    """What the script prints."""

    analytic: MemoryAnalytic
    comparison: Comparison
    weeks: int


def run(
    *, replications: int = 20, seed: int = 300, weeks: int = 4, executor: object = "serial"
) -> Results:
    """Simulate both ways of working on the same weeks."""
    comparison = compare(
        CASE.build(weeks=weeks),
        ExperimentSettings(replications=replications, seed=seed, metrics=CASE.metrics),
        executor=executor,
        runner=CASE.runner,
        progress=False,
    )
    return Results(memory_team_analytic(), comparison, weeks)


def report(results: Results) -> str:
    """The printed report."""
    a, c = results.analytic, results.comparison
    alone, through = a.direct_only, a.through_staff
    waiting = c.interval("direct visits", "waiting_list")
    made = c.interval("direct visits", "followed_per_week")
    overtime = c.interval("direct visits", "memory_overtime_hours_per_week")
    lines = [
        (
            f"The memory team's reach: {alone.fte:g} specialists, {a.citizens} citizens with "
            f"dementia, {results.weeks} weeks, {c.replications} replications"
        ),
        "",
        "Analytic answer",
        (
            f"  weekly follow-ups the team can make alone: {a.capacity_per_week:.0f} of "
            f"{a.citizens} (load {a.load:.2f}): the waiting list grows by "
            f"{a.backlog_growth_per_week:.0f} a week"
        ),
        (
            f"  reach without supervising anyone (specialist_reach): {alone.direct} followed, "
            f"{alone.unreached} unreached ({100 * alone.unreached_share:.0f} %)"
        ),
        (
            f"  reach supervising {len(through.supervised)} home-care staff: {through.direct} "
            f"directly + {through.through_staff} through staff, {through.unreached} unreached"
        ),
        "",
        "Simulated, on the same weeks (paired differences from direct visits)",
        c.table(),
        "",
        (
            f"Direct visits only: {made.mean:.0f} follow-ups a week [{made.low:.0f}, "
            f"{made.high:.0f}], not {a.capacity_per_week:.0f}: the team finishes the visit it is "
            f"on after 15:00 ({overtime.mean:.1f} hours of overtime a week, about "
            f"{overtime.mean * 60 / 80:.0f} visits of 80 minutes)."
        ),
        (
            f"After {results.weeks} weeks, {waiting.mean:.0f} follow-ups [{waiting.low:.0f}, "
            f"{waiting.high:.0f}] are waiting, and the list grows by about "
            f"{a.citizens - made.mean:.0f} a week."
        ),
    ]
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    """The command-line options."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--replications", type=int, default=20, help="replications (default 20)")
    p.add_argument("--seed", type=int, default=300, help="root seed (default 300)")
    p.add_argument("--weeks", type=int, default=4, help="weeks simulated (default 4)")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the comparison and print the report."""
    args = parser().parse_args(argv)
    results = run(
        replications=args.replications, seed=args.seed, weeks=args.weeks, executor=args.workers
    )
    print(report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
