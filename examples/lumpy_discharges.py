"""Four home from hospital on a Friday, none on a Wednesday: a fixed rota against pooling.

"On a Friday four came home from hospital. Then you had to take all four. While on Wednesday
you had no users. It was hard to ensure good staffing" (SOF report, seed 000, L974-976). This
script prints, weekday by weekday, how lumpy a small reablement team's mornings are -- computed
exactly from the negative binomial discharges -- and then simulates the same discharges under
a fixed rota, pooling with the district's home nursing, and the overflow hybrid. The district
and every assumption are described in :mod:`hometeams.cases._discharges`.

Run it with ``python examples/lumpy_discharges.py`` (about 20 seconds).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

import attrs

from hometeams.cases import CASES, DischargesAnalytic, discharges_analytic
from hometeams.experiment import Comparison, ExperimentSettings, compare

CASE = CASES["lumpy-discharges"]
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@attrs.frozen
class Results:
    """What the script prints."""

    analytic: DischargesAnalytic
    comparison: Comparison
    weeks: int


def run(
    *, replications: int = 20, seed: int = 974, weeks: int = 4, executor: object = "serial"
) -> Results:
    """Simulate the three models on the same discharges."""
    comparison = compare(
        CASE.build(weeks=weeks),
        ExperimentSettings(replications=replications, seed=seed, metrics=CASE.metrics),
        executor=executor,
        runner=CASE.runner,
        progress=False,
    )
    return Results(discharges_analytic(), comparison, weeks)


def report(results: Results) -> str:
    """The printed report."""
    a, c = results.analytic, results.comparison
    rows = [
        f"  {day}    {m:4.1f}  {v**0.5:4.1f}      {mo:4.1f} ± {sd:3.1f}      {100 * p:4.1f} %"
        for day, m, v, mo, sd, p in zip(
            DAYS, a.means, a.variances, a.morning, a.morning_sd, a.overload, strict=True
        )
    ]
    lines = [
        (
            f"Lumpy discharges: {results.weeks} weeks after two of warm-up, "
            f"{c.replications} replications"
        ),
        "",
        "Analytic answer, by weekday (negative binomial discharges, exact convolution)",
        "         discharged      due at 09:00     more due than the team's",
        f"         mean    sd      mean ±  sd      {a.staff} can start in 2 h (> {a.reach})",
        *rows,
        (
            f"  on average the team needs {a.mean_need:.2f} of its {a.staff} staff: "
            f"{100 * a.idle_share:.1f} % idle -- and is overloaded on the mornings above"
        ),
        "",
        "Simulated, on the same discharges (paired differences from the fixed rota)",
        c.table(),
    ]
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    """The command-line options."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--replications", type=int, default=20, help="replications (default 20)")
    p.add_argument("--seed", type=int, default=974, help="root seed (default 974)")
    p.add_argument("--weeks", type=int, default=4, help="weeks measured (default 4)")
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
