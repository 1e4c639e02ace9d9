"""Work lists in one of case D's districts: continuity against travel against idle time.

"Everybody does everything, but one tries to have as much continuity as possible in who
visits which users" (SOF report, seed 000, L862-864), and continuity may come from "other
structures than teams, for example fixed lists" (L1205-1208). This script runs the district of
``examples/scenarios/case-d-work-lists.toml`` four ways on the same visits, calls and sick
days: fixed teams dispatched online (no lists), fixed teams with fixed lists, the pooled
district with daily lists, and the pooled district dispatched online. It prints the
comparison with 95 % intervals and a few lines that read it.

Run it with ``python examples/work_lists.py`` (about 10 seconds).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import attrs

from hometeams.experiment import Comparison, compare
from hometeams.io import read_scenario

FILE = Path(__file__).resolve().parent / "scenarios" / "case-d-work-lists.toml"
ONLINE, FIXED_LISTS = "fixed teams, online", "fixed teams, fixed lists"
DAILY_LISTS, POOLED = "pooled, daily lists", "pooled, online"
# metric, label, scale, unit and decimals of the printed table
ROWS: tuple[tuple[str, str, float, str, int], ...] = (
    ("on_time_share", "visits and calls on time", 100.0, " %", 1),
    ("idle_share", "idle share", 100.0, " %", 1),
    ("travel_hours", "travel, hours", 1.0, " h", 0),
    ("travel_per_visit", "travel per visit", 1.0, " min", 2),
    ("mean_distinct_staff_14d", "staff a user meets, 14 days", 1.0, "", 2),
    ("mean_upc", "usual provider continuity", 1.0, "", 3),
    ("plan_deviation", "behind or ahead of plan", 1.0, " min", 1),
    ("moved_visits_share", "moved from the planned nurse", 100.0, " %", 1),
)
METRICS = tuple(row[0] for row in ROWS)


@attrs.frozen
class Results:
    """What the script prints."""

    comparison: Comparison
    weeks: int


def run(
    *, replications: int = 10, seed: int = 862, weeks: int = 2, executor: object = "serial"
) -> Results:
    """Simulate the file's four models on the same demand and absences."""
    file = read_scenario(FILE)
    scenario = attrs.evolve(file.scenario, horizon=file.scenario.warmup + weeks * 7 * 1440.0)
    file = attrs.evolve(file, scenario=scenario)
    study = file.study().with_settings(replications=replications, seed=seed, metrics=METRICS)
    comparison = compare(study, executor=executor, progress=False)  # type: ignore[arg-type]
    return Results(comparison, weeks)


def _mean(c: Comparison, model: str, metric: str) -> float:
    return c.interval(model, metric).mean


def _cell(c: Comparison, model: str, row: tuple[str, str, float, str, int]) -> str:
    metric, _label, scale, unit, dec = row
    ci = c.interval(model, metric)
    if ci.n == 0:
        return "-"
    half = scale * (ci.high - ci.low) / 2
    return f"{scale * ci.mean:.{dec}f}{unit} ± {half:.{dec}f}"


def table(c: Comparison) -> str:
    """Each metric's mean and 95 % half-interval for each model ("-": no work lists)."""
    width = 22
    names = [m.split(", ") for m in c.models]
    lines = [
        (" " * 30 + "".join(f"{n[0] + ',':<{width}}" for n in names)).rstrip(),
        (" " * 30 + "".join(f"{n[1]:<{width}}" for n in names)).rstrip(),
    ]
    for row in ROWS:
        cells = "".join(f"{_cell(c, m, row):<{width}}" for m in c.models)
        lines.append(f"{row[1]:<30}{cells}".rstrip())
    return "\n".join(lines)


def report(results: Results) -> str:
    """The printed report."""
    c = results.comparison
    travel = {m: _mean(c, m, "travel_hours") for m in c.models}
    faces = {m: _mean(c, m, "mean_distinct_staff_14d") for m in c.models}
    on_time = {m: 100 * _mean(c, m, "on_time_share") for m in c.models}
    lines = [
        (
            f"Work lists in case D's district 1: {results.weeks} weeks after a week of warm-up, "
            f"{c.replications} replications (mean ± half the 95 % CI)"
        ),
        "",
        table(c),
        "",
        "Reading it",
        (
            f"  travel: {travel[POOLED]:.0f} h pooled online, {travel[DAILY_LISTS]:.0f} h "
            f"pooled with daily lists, {travel[ONLINE]:.0f} h in fixed teams"
        ),
        (
            f"  staff a user meets in 14 days: {faces[FIXED_LISTS]:.1f} with fixed lists, "
            f"{faces[ONLINE]:.1f} in fixed teams online,\n"
            f"    {faces[DAILY_LISTS]:.1f} with daily lists, {faces[POOLED]:.1f} pooled online"
        ),
        (
            f"  on time: {on_time[POOLED]:.1f} % pooled online, {on_time[DAILY_LISTS]:.1f} % "
            f"with daily lists,\n"
            f"    {on_time[ONLINE]:.1f} % in fixed teams online, {on_time[FIXED_LISTS]:.1f} % "
            f"with fixed lists"
        ),
    ]
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    """The command-line options."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--replications", type=int, default=10, help="replications (default 10)")
    p.add_argument("--seed", type=int, default=862, help="root seed (default 862)")
    p.add_argument("--weeks", type=int, default=2, help="weeks measured (default 2)")
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
