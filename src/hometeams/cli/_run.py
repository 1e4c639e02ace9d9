"""``hometeams run``: simulate one model of a scenario file and show its figures.

Before comparing, a planner wants to see one model run: how many visits there were, how many
were late, how idle the evenings were. ``run`` simulates one model (the baseline unless
``--model`` names another) for one replication -- exactly replication 0 of ``hometeams
compare`` with the same seed -- or for ``--replications N``, with each figure's mean and
confidence interval. ``--out DIR`` keeps the records of every job and shift as CSV, to open in
a spreadsheet.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from hometeams._files import write_csv, write_text
from hometeams._words import counted, words
from hometeams.cli._common import (
    EXIT_OK,
    Command,
    add_output_options,
    add_run_options,
    add_scenario_input,
    check_free,
    choose_metrics,
    columns,
    load_scenario,
    print_json,
    warn_findings,
)
from hometeams.cli._limits import add_limit_option, checked_size, limits_from
from hometeams.errors import InvalidArgument
from hometeams.experiment import Interval, replicate, t_interval
from hometeams.io import ScenarioFile, planning_kind, policy_kind
from hometeams.metrics import METRICS, metrics
from hometeams.records import Records
from hometeams.scenario import check_replications

__all__ = ["COMMAND", "replicate", "run_text"]


def _kinds(policy: object, planning: object) -> str:
    """``"pooled"``, or ``"pooled, daily-lists"`` for a model with work lists.

    Examples
    --------
    >>> from hometeams.sim import DailyLists, NoLists, Pooled
    >>> _kinds(Pooled(), NoLists()), _kinds(Pooled(), DailyLists())
    ('pooled', 'pooled, daily-lists')
    """
    kind = policy_kind(policy) or "own policy"
    lists = planning_kind(planning)
    if lists == "none":
        return kind
    return f"{kind}, {lists or 'own planning'}"


def _replications(
    file: ScenarioFile, name: str, *, n: int, root: np.random.SeedSequence, workers: int | None
) -> list[Records]:
    model = file.study().model(name)
    return list(replicate(model, replications=n, seed=root, executor=workers if n > 1 else 1))


def _interval(sample: Sequence[float], metric: str, *, level: float = 0.95) -> Interval:
    """The *t* interval of ``metric``'s mean, cut at its range as ``compare`` cuts it."""
    iv = t_interval(sample, level=level)
    info = METRICS.get(metric)
    return iv if info is None else iv.within(*info.bounds)


def run_text(
    values: Sequence[dict[str, float]],
    *,
    metrics: Sequence[str],
    lang: str = "en",
    header: Sequence[str] = (),
    level: float = 0.95,
) -> str:
    """The table ``hometeams run`` prints: a value per metric, or a mean and interval.

    The interval is cut at the metric's range (a share within 0 and 100 %).

    Examples
    --------
    >>> print(run_text([{"idle_share": 0.3, "mean_delay": 4.26}],
    ...                metrics=["idle_share", "mean_delay"], lang="nb"))
    indikator                    verdi
    Ledig gang                   30,0 %
    Gjennomsnittlig forsinkelse  4,3 min
    >>> print(run_text([{"idle_share": 0.3}, {"idle_share": 0.32}], metrics=["idle_share"]))
    metric      mean    95 % CI
    Idle share  31.0 %  [18.3, 43.7]
    """
    from hometeams.report import (  # noqa: PLC0415 - numbers shared with the report
        decimals,
        format_bounds,
        format_value,
        level_text,
        metric_label,
    )

    many = len(values) > 1
    if many:
        ci = words("table.ci", lang, level=level_text(level, lang))
        rows = [[words("table.metric", lang), words("table.mean", lang), ci]]
    else:
        rows = [[words("table.metric", lang), words("run.value", lang)]]
    for metric in metrics:
        sample = [row[metric] for row in values]
        if many:
            iv = _interval(sample, metric, level=level)
            digits = decimals(metric, [iv.mean], spread=iv.half_width)
            rows.append(
                [
                    metric_label(metric, lang),
                    format_value(iv.mean, metric, lang, digits=digits),
                    format_bounds(iv, metric, lang, digits=digits, difference=False),
                ]
            )
        else:
            rows.append([metric_label(metric, lang), format_value(sample[0], metric, lang)])
    table = columns(rows).replace("\u00a0", " ")
    return "\n".join([*header, *([""] if header else []), table])


def _outputs(out: Path, n: int) -> list[Path]:
    paths = [out / "metrics.csv", out / "run.json"]
    if n == 1:
        return [out / "jobs.csv", out / "shifts.csv", *paths]
    for i in range(n):
        folder = out / f"replication-{i + 1:02d}"
        paths += [folder / "jobs.csv", folder / "shifts.csv"]
    return [*paths, out / "summary.csv"]


def _write(
    out: Path,
    runs: list[Records],
    values: list[dict[str, float]],
    info: dict[str, Any],
    *,
    overwrite: bool,
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    names = list(values[0])
    if len(runs) == 1:
        runs[0].to_csv(out, overwrite=overwrite)
        write_csv(
            out / "metrics.csv",
            ["metric", "value"],
            [[name, values[0][name]] for name in names],
            overwrite=overwrite,
        )
    else:
        for i, records in enumerate(runs):
            records.to_csv(out / f"replication-{i + 1:02d}", overwrite=overwrite)
        rows = [[i + 1, name, row[name]] for i, row in enumerate(values) for name in names]
        write_csv(
            out / "metrics.csv", ["replication", "metric", "value"], rows, overwrite=overwrite
        )
        summary = []
        for name in names:
            iv = _interval([row[name] for row in values], name)
            summary.append([name, iv.mean, iv.low, iv.high, iv.half_width, iv.n])
        write_csv(
            out / "summary.csv",
            ["metric", "mean", "low", "high", "half_width", "n"],
            summary,
            overwrite=overwrite,
        )
    write_text(out / "run.json", json.dumps(_jsonable(info), indent=1) + "\n", overwrite=overwrite)


def _jsonable(value: Any) -> Any:
    if isinstance(value, float) and not np.isfinite(value):
        return None if np.isnan(value) else str(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_scenario_input(parser)
    parser.add_argument(
        "--model", metavar="NAME", help="the model to run (default: the file's baseline)"
    )
    add_run_options(
        parser,
        replications="replications to run (default 1: replication 1 of 'compare')",
        out="write jobs.csv, shifts.csv (the records), metrics.csv and run.json here",
    )
    add_output_options(parser)
    add_limit_option(parser)


def _run(args: argparse.Namespace) -> int:
    file = load_scenario(args.file)
    name = args.model or file.baseline
    spec = file.model(name)
    shown = choose_metrics(args.metrics, file=file)
    n = args.replications or 1
    limits = limits_from(args)
    check_replications(n, limits=limits, field="--replications")
    checked_size(file, source=args.file, limits=limits, replications=n)
    seed = args.seed if args.seed is not None else file.experiment.seed
    if not isinstance(seed, int | None):  # a file's is; a ScenarioFile made in Python may not be
        raise InvalidArgument(f"seed: must be a whole number >= 0 or none, got {seed!r}")
    root = np.random.SeedSequence(seed)  # a whole number >= 0 or None, checked by the options
    if args.out is not None:
        check_free(_outputs(args.out, n), overwrite=args.overwrite)
    warn_findings(file, source=args.file, lang=args.lang)
    runs = _replications(file, name, n=n, root=root, workers=args.workers)
    clock = file.scenario_of(name).clock
    values = [metrics(records, clock=clock) for records in runs]
    info: dict[str, Any] = {
        "source": args.file,
        "scenario": file.scenario.name,
        "model": name,
        "policy": repr(spec.policy),
        "planning": repr(spec.planning),
        "max_lateness_minutes": spec.max_lateness if math.isfinite(spec.max_lateness) else None,
        "seed": root.entropy,
        "replications": n,
        "metrics": values[0] if n == 1 else values,
    }
    if args.out is not None:
        _write(args.out, runs, values, info, overwrite=args.overwrite)
    if args.json:
        print_json(_jsonable(info))
        return EXIT_OK
    first = runs[0].after_warmup()
    header = [
        file.scenario.name or file.scenario.organisation.name,
        words(
            "run.header",
            args.lang,
            model=name,
            kind=_kinds(spec.policy, spec.planning),
            replications=counted(n, "replications", args.lang),
            seed=root.entropy,
        ),
        words(
            "run.counts",
            args.lang,
            jobs=len(first.jobs),
            shifts=len(first.shifts),
            per=words("run.per", args.lang) if n > 1 else "",
        ),
    ]
    print(run_text(values, metrics=shown, lang=args.lang, header=header))
    return EXIT_OK


COMMAND = Command(
    name="run",
    help="simulate one model of a scenario file and print its figures",
    description="Simulate one organisation model of a scenario file -- replication 1 of what "
    "'hometeams compare' runs with the same seed -- and print its metrics; with "
    "--replications N, each metric's mean and confidence interval. --out keeps the records of "
    "every job and shift as CSV.",
    epilog="examples:\n"
    "  hometeams run evening.toml\n"
    "  hometeams run evening.toml --model pooled --seed 7 --lang nb\n"
    "  hometeams run evening.toml --model pooled --replications 10 --workers 2\n"
    "  hometeams run evening.toml --out run-1 --metrics all\n"
    "\nexit status: 0 success, 1 a failed run, 2 a damaged file or a wrong option",
    add_arguments=_add_arguments,
    run=_run,
)
