"""The 1.4-versus-2 evening: a fixed rehabilitation team, pooled evenings, or the overflow hybrid.

"An average staffing showed a need for two staff every evening. Or actually not two: the need
was 1.4. But then you had to have two. So there was a lot of idle time" (SOF report, seed 000,
L976-978). This script prints the analytic answer (:mod:`hometeams.analytic`), checks the
simulation against it, and compares the three organisation models of one district's evenings
on the same simulated weeks, with 95 % intervals and paired differences from the fixed team.
The district and every assumption are described in :mod:`hometeams.cases._evening`
(``python -c "from hometeams.cases import describe; print(describe('evening-staffing'))"``).

Run it with ``python examples/evening_staffing.py`` (about ten seconds); ``--help`` lists the
options.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

import attrs
import numpy as np

from hometeams.cases import CASES, EveningAnalytic, evening_staffing_analytic
from hometeams.experiment import Comparison, ExperimentSettings, Interval, compare, t_interval

CASE = CASES["evening-staffing"]
EXTRA = ("overtime_hours", "rostered_hours", "rehab_overtime_hours", "rehab_rostered_hours")


@attrs.frozen
class Results:
    """What the script prints: the analytic answer and the simulated comparison."""

    analytic: EveningAnalytic
    comparison: Comparison
    weeks: int


def run(
    *, replications: int = 20, seed: int = 2024, weeks: int = 4, executor: object = "serial"
) -> Results:
    """Build the three models, run them on the same evenings and keep the figures."""
    models = CASE.build(weeks=weeks)
    comparison = compare(
        models,
        ExperimentSettings(replications=replications, seed=seed, metrics=[*CASE.metrics, *EXTRA]),
        executor=executor,
        runner=CASE.runner,
        progress=False,
    )
    return Results(evening_staffing_analytic(), comparison, weeks)


def net_idle(comparison: Comparison, model: str, *, prefix: str = "") -> Interval:
    """Idle share without the work done after 23:00, per replication, with its interval.

    A visit that runs past the end of the shift is counted as overtime, not as shift time, so
    the simulated idle share is the analytic one plus overtime / rostered time (no travel, no
    absence, all work done). Subtracting it compares like with like.
    """
    idle = comparison.sample(model, f"{prefix}idle_share")
    overtime = comparison.sample(model, f"{prefix}overtime_hours")
    rostered = comparison.sample(model, f"{prefix}rostered_hours")
    return t_interval(np.asarray(idle - overtime / rostered))


def _pct(iv: Interval) -> str:
    return f"{100 * iv.mean:.1f} % [{100 * iv.low:.1f}, {100 * iv.high:.1f}]"


def report(results: Results) -> str:
    """The printed report."""
    a, c = results.analytic, results.comparison
    pool = a.pooling
    lines = [
        (
            f"The 1.4-versus-2 evening: one district, {results.weeks} weeks of evenings, "
            f"{c.replications} replications"
        ),
        "",
        "Analytic answer (hometeams.analytic)",
        (
            f"  team alone, need {a.need:g}, floor {a.floor}: {a.waste.staff} staff, "
            f"{a.waste.idle:.1f} idle = {100 * a.waste.idle_share:.1f} % idle  (staffing_waste)"
        ),
        (
            f"  if need were a Poisson count: shortfall {a.poisson.expected_shortfall:.2f}, "
            f"idle {a.poisson.expected_idle:.2f} staff  (poisson_staffing)"
        ),
        (
            f"  if the visits came unplanned (M/M/{a.waste.staff}, {a.visit_minutes:g} min): "
            f"{100 * a.wait_probability:.1f} % wait, mean wait {a.mean_wait:.1f} min  "
            "(erlang_c, mmc)"
        ),
        (
            f"  team + district (need {a.district_need:g}): separate "
            f"{' + '.join(str(u.staff) for u in pool.separate)} = {pool.separate_staff} staff, "
            f"{100 * a.separate_idle_share:.1f} % idle; pooled {pool.merged.staff} staff, "
            f"{100 * a.pooled_idle_share:.1f} % idle  (compare_pooling)"
        ),
        "",
        "Simulated against analytic (95 % intervals; net = without visits running past 23:00)",
        (
            f"  team's idle share, fixed team: {_pct(c.interval('fixed team', 'rehab_idle_share'))}"
            f", net {_pct(net_idle(c, 'fixed team', prefix='rehab_'))}; "
            f"analytic {100 * a.waste.idle_share:.1f} %"
        ),
        (
            f"  all evening staff, fixed team: {_pct(c.interval('fixed team', 'idle_share'))}, "
            f"net {_pct(net_idle(c, 'fixed team'))}; analytic {100 * a.separate_idle_share:.1f} %"
        ),
        (
            f"  all evening staff, pooled:     {_pct(c.interval('pooled', 'idle_share'))}, "
            f"net {_pct(net_idle(c, 'pooled'))}; analytic {100 * a.pooled_idle_share:.1f} %"
        ),
        "",
        "The three models on the same evenings (paired differences from the fixed team)",
        c.table(metrics=CASE.metrics),
    ]
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    """The command-line options."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--replications", type=int, default=20, help="replications (default 20)")
    p.add_argument("--seed", type=int, default=2024, help="root seed (default 2024)")
    p.add_argument("--weeks", type=int, default=4, help="weeks of evenings (default 4, min 2)")
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
