"""Two districts' cancer coordinators, merged: when three work, and when they do not.

"Instead of district X having two cancer coordinators and district Y having two, who only have
caseload for 1.5 each, you could merge them and have three who work purposefully" (SOF report,
seed 000, L998-1001). This script prints the analytic answer (:func:`compare_pooling`) and then
simulates two districts' coordinators separately, merged to three and merged to four:

1. as *schedulable caseload* (planned follow-up visits): three absorb the two districts' work;
2. as an *unscheduled queue* of requests at full load: three have no steady state -- the mean
   wait keeps growing with the length of the run, shown at ``--weeks`` and twice as many weeks
   on the same realised requests -- while separate districts and a merged four stay put.

The districts and every assumption are described in :mod:`hometeams.cases._coordinators`.
Run it with ``python examples/pooled_coordinators.py`` (about 15 seconds).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

import attrs

from hometeams.cases import CASES, CoordinatorsAnalytic, coordinators_analytic
from hometeams.experiment import (
    Comparison,
    ExperimentSettings,
    Interval,
    Sweep,
    compare,
    paired_interval,
    sweep,
)

CASE = CASES["pooled-coordinators"]
MODELS = ("separate", "merged 3", "merged 4")
QUEUE_METRICS = ("idle_share", "on_time_share", "mean_delay", "unserved", "overtime_hours")


@attrs.frozen
class Results:
    """What the script prints."""

    analytic: CoordinatorsAnalytic
    caseload: Comparison
    queue: Sweep
    weeks: int

    def growth(self, model: str) -> Interval:
        """Paired growth of the mean wait (minutes) from ``weeks`` to twice as many weeks."""
        short = self.queue.comparison(weeks=self.weeks).sample(model, "mean_delay")
        long = self.queue.comparison(weeks=2 * self.weeks).sample(model, "mean_delay")
        return paired_interval(long, short)


def _queue_models(weeks: int) -> Sequence[object]:
    return CASE.build(work="queue", weeks=weeks)


def run(
    *, replications: int = 20, seed: int = 1997, weeks: int = 4, executor: object = "serial"
) -> Results:
    """Simulate the caseload and the queue; the queue at ``weeks`` and ``2 * weeks``."""
    caseload = compare(
        CASE.build(work="caseload", weeks=weeks),
        ExperimentSettings(replications=replications, seed=seed, metrics=CASE.metrics),
        executor=executor,
        progress=False,
    )
    queue = sweep(
        _queue_models,
        {"weeks": [weeks, 2 * weeks]},
        ExperimentSettings(replications=replications, seed=seed, metrics=QUEUE_METRICS),
        executor=executor,
        progress=False,
    )
    return Results(coordinators_analytic(), caseload, queue, weeks)


def _minutes(iv: Interval) -> str:
    return f"{iv.mean:+.1f} min [{iv.low:+.1f}, {iv.high:+.1f}]"


def report(results: Results) -> str:
    """The printed report."""
    a = results.analytic
    cl, q = a.caseload, a.queue
    weeks = results.weeks
    lines = [
        "Cancer coordinators of two districts: separate (2 + 2), merged to 3, merged to 4",
        "",
        "Analytic answer (compare_pooling)",
        (
            f"  as schedulable caseload: separate {cl.separate_staff} staff ({cl.separate_idle:g} "
            f"idle), merged {cl.merged.staff} ({cl.merged.idle:g} idle): "
            f"merging saves {cl.staff_saved} post"
        ),
        f"  as a queue of requests (M/M/c, {a.request_minutes:g} min each): separate wait "
        f"{a.separate_wait:.1f} min; merged to {q.merged_to_summed_need.staff}: "
        + ("no steady state (unstable)" if q.unstable_if_merged_to_summed_need else "stable")
        + f"; merged to {q.merged.staff}: {a.merged_wait:.1f} min",
        "",
        (
            f"1. Schedulable caseload, {weeks} weeks, {results.caseload.replications} replications "
            "(paired differences from separate)"
        ),
        results.caseload.table(),
        "",
        (
            f"2. Unscheduled requests at full load, after {weeks} and {2 * weeks} weeks "
            "(same requests; delays in minutes)"
        ),
        results.queue.table(metrics=["mean_delay", "unserved", "idle_share"]),
        "",
        f"Growth of the mean wait from {weeks} to {2 * weeks} weeks (paired, 95 % interval):",
        *(f"  {model:<9} {_minutes(results.growth(model))}" for model in MODELS),
    ]
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    """The command-line options."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--replications", type=int, default=20, help="replications (default 20)")
    p.add_argument("--seed", type=int, default=1997, help="root seed (default 1997)")
    p.add_argument("--weeks", type=int, default=4, help="weeks; the queue also runs twice as long")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run both comparisons and print the report."""
    args = parser().parse_args(argv)
    results = run(
        replications=args.replications, seed=args.seed, weeks=args.weeks, executor=args.workers
    )
    print(report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
