"""``hometeams compare``: every model of a scenario file, with intervals and paired differences.

The planner's main command. Every model of the file runs the same replications -- the same
visits, the same sick evenings (common random numbers) -- and the table shows each model's mean
with its confidence interval and, for every model but the baseline, the paired difference from
the baseline with its interval. Below the table, the differences whose interval excludes zero
are said in words ("Idle share is lower with pooled than with fixed team: −12.6 percentage
points (95 % CI −13.0 to −12.2) — better."). ``--out DIR`` keeps every figure as CSV and JSON,
``--report FILE.html`` writes the report for the leader group.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from hometeams._time import DAY
from hometeams._words import words
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
from hometeams.experiment import TABLES, Comparison, Interval, Study, compare
from hometeams.io import ScenarioFile
from hometeams.records import Records
from hometeams.scenario import check_replications

__all__ = ["COMMAND", "comparison_text", "first_records", "reading_options"]

_HEADINGS = ("table.metric", "table.model", "table.n", "table.mean")


def _seed_text(comparison: Comparison) -> str:
    seed = comparison.seed
    return "–" if seed is None else str(seed.entropy)


def comparison_text(
    comparison: Comparison,
    *,
    metrics: Sequence[str],
    lang: str = "en",
    title: str = "",
    period: float | None = None,
    cost_per_hour: float | None = None,
    hours_per_fte: float | None = None,
    relevance: Mapping[str, float] | None = None,
    names: Mapping[str, str] | None = None,
    shift_hours: float | None = None,
) -> str:
    """The text ``hometeams compare`` prints: the resources, the table and the differences.

    Labels, units and numbers are the HTML report's (:mod:`hometeams.report`): shares in per
    cent and their differences in percentage points, minutes and hours with one decimal. With
    the measured ``period`` (minutes per replication after the warm-up) the text leads with
    the hours rostered and worked per week, in FTE and per year (and in NOK with
    ``cost_per_hour``). A difference is called better or worse only when its interval
    excludes zero and its mean lies outside the metric's relevance band (``relevance``, else
    :data:`~hometeams.metrics.RELEVANCE`); ``names`` are the models' names to show.

    Examples
    --------
    >>> result = Comparison(["fixed", "pooled"], ["idle_share", "on_time_share"],
    ...     [[[0.31, 0.90], [0.29, 0.91], [0.30, 0.92]],
    ...      [[0.22, 0.905], [0.21, 0.915], [0.23, 0.925]]], baseline="fixed")
    >>> print(comparison_text(result, metrics=["idle_share", "on_time_share"], title="Kveld"))
    Kveld
    2 models, 3 replications each on the same demand and absences, seed –
    <BLANKLINE>
    metric          model   n  mean    95 % CI       difference from fixed  95 % CI
    Idle share      fixed   3  30.0 %  [27.5, 32.5]
                    pooled  3  22.0 %  [19.5, 24.5]  −8.0 pp                [−10.5, −5.5]
    On-time share   fixed   3  91.0 %  [88.5, 93.5]
                    pooled  3  91.5 %  [89.0, 94.0]  +0.5 pp                [+0.5, +0.5]
    <BLANKLINE>
    Differences from fixed that matter (the interval excludes zero, the mean is outside the
    metric's relevance band):
      Idle share is lower with pooled than with fixed: −8.0 percentage points (95 % CI −10.5
      to −5.5) — better.
    No practical difference (within the relevance band) in: On-time share (pooled, ±1.0
    percentage points).
    """
    from hometeams.metrics import relevance_bands  # noqa: PLC0415 - with the words below
    from hometeams.report import (  # noqa: PLC0415 - the report's words and numbers
        FTE_HOURS_PER_WEEK,
        decimals,
        describe_difference,
        difference_kind,
        format_bounds,
        format_value,
        level_text,
        measured_text,
        metric_label,
        renamed,
        resource_text,
    )

    for metric in metrics:
        if metric not in comparison.metrics:
            raise InvalidArgument(
                f"--metrics: {metric!r} was not collected; the comparison has "
                f"{list(comparison.metrics)}"
            )
    bands = relevance_bands(relevance)
    comparison = renamed(comparison, names)
    baseline = comparison.baseline
    level = level_text(comparison.level, lang)
    ci = words("table.ci", lang, level=level)
    difference = words("table.difference", lang, baseline=baseline)
    rows = [[*(words(key, lang) for key in _HEADINGS), ci, difference, ci]]
    for metric in metrics:
        intervals = [comparison.interval(model, metric) for model in comparison.models]
        digits = decimals(metric, [iv.mean for iv in intervals], spread=_spread(intervals))
        for k, (model, iv) in enumerate(zip(comparison.models, intervals, strict=True)):
            row = [
                metric_label(metric, lang) if k == 0 else "",
                model,
                str(iv.n),
                format_value(iv.mean, metric, lang, digits=digits),
                format_bounds(iv, metric, lang, digits=digits, difference=False),
            ]
            if model != baseline:
                diff = comparison.difference(model, metric)
                places = decimals(metric, [diff.mean], spread=_spread([diff]))
                row += [
                    format_value(diff.mean, metric, lang, digits=places, difference=True),
                    format_bounds(diff, metric, lang, digits=places, difference=True),
                ]
            rows.append(row)
    head = [title] if title else []
    setup = words(
        "compare.setup",
        lang,
        n=len(comparison.models),
        reps=comparison.replications,
        seed=_seed_text(comparison),
    )
    if period is not None:
        setup += words("compare.measured", lang, measured=measured_text(period, lang))
    head.append(setup)
    lines = [*head, ""]
    if period is not None:
        resources = resource_text(
            comparison, period=period, cost_per_hour=cost_per_hour,
            hours_per_fte=FTE_HOURS_PER_WEEK if hours_per_fte is None else hours_per_fte,
            lang=lang, shift_hours=shift_hours,
        )  # fmt: skip
        lines += resources
        if resources:
            lines.append("")
    lines.append(columns(rows).replace("\u00a0", " "))
    others = [model for model in comparison.models if model != baseline]
    kinds = {
        (model, metric): difference_kind(comparison, model, metric, relevance=bands)
        for metric in metrics
        for model in others
    }
    clear = [
        describe_difference(comparison, model, metric, lang=lang, relevance=bands)
        for metric in metrics
        for model in others
        if kinds[model, metric] in ("higher", "lower")
    ]
    lines.append("")
    if clear:
        lines += _fill(words("compare.clear", lang, baseline=baseline), indent="")
        lines += [_indent(sentence) for sentence in clear]
    else:
        lines += _fill(words("compare.unclear", lang, baseline=baseline), indent="")
    negligible = []
    for metric in metrics:
        which = [m for m in others if kinds[m, metric] == "negligible"]
        if which:
            band = format_value(bands[metric], metric, lang, difference=True, long=True)
            item = f"{metric_label(metric, lang)} ({', '.join(which)}, ±{band.lstrip('+')})"
            negligible.append(item)
    if negligible:
        lines += _fill(
            words("report.negligible_list", lang, metrics="; ".join(negligible)), indent=""
        )
    for metric in metrics:  # a row of dashes says nothing of why
        if all(comparison.interval(model, metric).n == 0 for model in comparison.models):
            why = ""
            if period is not None and period < _TOO_SHORT.get(metric, 0.0):
                why = words(f"empty.{metric}", lang, measured=measured_text(period, lang))
            said = words("compare.empty", lang, metric=metric_label(metric, lang), why=why)
            lines += _fill(said, indent="")
    return "\n".join(lines)


_TOO_SHORT = {"mean_distinct_staff_14d": 14 * DAY}
"""Metrics that need a measured period this long to have a value at all (words ``empty.*``)."""


def _fill(text: str, *, indent: str, width: int = 92) -> list[str]:
    import textwrap  # noqa: PLC0415 - only here

    plain = text.replace("\u00a0", " ")
    return textwrap.wrap(plain, width=width, initial_indent=indent, subsequent_indent=indent)


def _spread(intervals: Sequence[Interval]) -> float | None:
    """The narrowest half-width worth showing digits for (rounding noise is not a spread)."""
    widths = [
        iv.half_width
        for iv in intervals
        if math.isfinite(iv.half_width) and iv.half_width > 1e-9 * max(1.0, abs(iv.mean))
    ]
    return min(widths, default=None)


def _indent(sentence: str, width: int = 92) -> str:
    import textwrap  # noqa: PLC0415 - only here

    text = sentence.replace("\u00a0", " ")
    return textwrap.fill(text, width=width, initial_indent="  ", subsequent_indent="  ")


def reading_options(file: ScenarioFile, lang: str) -> dict[str, Any]:
    """How the file says to read its results, as options of the text and the report.

    The measured period (horizon after the warm-up), the cost per hour, the hours of an FTE,
    the relevance bands, the models' names in ``lang`` and the length of the shifts if every
    shift of every model is as long.

    Examples
    --------
    >>> from hometeams.io import example_scenario
    >>> options = reading_options(example_scenario(), "nb")
    >>> options["period"], options["names"]["pooled"], options["shift_hours"]
    (40320.0, 'samlet med distriktet', 8.0)
    """
    report = file.report
    lengths = set()
    for name in file.model_names:
        scenario = file.scenario_of(name)
        clock = scenario.clock
        for line in scenario.roster.lines:
            shift = scenario.roster.shift_times(
                line.shift, day=clock.day, evening=clock.evening, night=clock.night
            )
            lengths.add(shift.length)
    return {
        "period": file.scenario.horizon - file.scenario.warmup,
        "cost_per_hour": report.cost_per_hour,
        "hours_per_fte": report.hours_per_fte,
        "relevance": report.relevance,
        "names": file.model_titles(lang),
        "shift_hours": lengths.pop() / 60.0 if len(lengths) == 1 else None,
    }


def first_records(comparison: Comparison) -> dict[str, Records]:
    """Replication 0's records of each model, which the comparison kept for the report's figures.

    The comparison must have been run with ``keep_records=(0,)``.

    Examples
    --------
    >>> from hometeams.experiment import compare
    >>> from hometeams.io import example_scenario
    >>> study = example_scenario().study().select(["pooled"]).with_settings(replications=2, seed=1)
    >>> result = compare(study, executor="serial", keep_records=(0,))
    >>> len(first_records(result)["pooled"].shifts) > 0
    True
    """
    return {name: comparison.records[name][0] for name in comparison.models}


def chosen_study(
    file: ScenarioFile,
    models: Sequence[str] | None = None,
    *,
    replications: int | None = None,
    seed: int | None = None,
    baseline: str | None = None,
) -> Study:
    """The file's study, with only ``models`` and the settings the command line changes.

    ``None`` keeps the file's; a file's baseline that is not among ``models`` falls back to
    the first of them.

    Examples
    --------
    >>> from hometeams.io import example_scenario
    >>> study = chosen_study(example_scenario(), ["overflow", "pooled"], seed=3)
    >>> study.model_names, study.baseline, study.settings.seed
    (('overflow', 'pooled'), 'overflow', 3)
    """
    study = file.study()
    if models is not None:
        study = study.select(models)
    given = {"replications": replications, "seed": seed, "baseline": baseline}
    changes = {key: value for key, value in given.items() if value is not None}
    return study.with_settings(**changes) if changes else study


def _names(text: str | None, file: ScenarioFile) -> list[str] | None:
    if text is None:
        return None
    names = [name.strip() for name in text.split(",") if name.strip()]
    for name in names:
        file.model(name)  # names the models there are if it is not one of them
    if len(set(names)) != len(names):
        raise InvalidArgument(f"--models: each model once, got {names}")
    return names


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_scenario_input(parser)
    parser.add_argument(
        "--models", metavar="NAMES", help="comma-separated models to run (default: all)"
    )
    parser.add_argument(
        "--baseline", metavar="NAME", help="the model to compare with (default: the file's)"
    )
    add_run_options(
        parser,
        replications="replications per model, at least 2 (default: the file's, else 10)",
        out="write replications.csv, summary.csv, differences.csv and comparison.json here",
        min_replications=2,
    )
    parser.add_argument(
        "--report",
        metavar="FILE.html",
        type=Path,
        help="write the comparison as an HTML report (offline, one file) in --lang",
    )
    add_output_options(parser)
    add_limit_option(parser)


def _outputs(args: argparse.Namespace) -> list[Path]:
    paths: list[Path] = []
    if args.out is not None:
        paths += [args.out / f"{name}.csv" for name in TABLES]
        paths.append(args.out / "comparison.json")
    if args.report is not None:
        paths.append(args.report)
    return paths


def _write_report(
    args: argparse.Namespace, file: ScenarioFile, comparison: Comparison, shown: Sequence[str]
) -> Path:
    from hometeams.report import write_report  # noqa: PLC0415 - matplotlib is heavy

    options: Mapping[str, Any] = {
        "records": first_records(comparison),
        "org": file.scenario.organisation,
        "title": file.title(args.lang) or None,
        "lang": args.lang,
        "metrics": list(shown) if args.metrics is not None else None,
        "overwrite": args.overwrite,
        **reading_options(file, args.lang),
    }
    try:
        return write_report(comparison, args.report, **options)
    except ImportError:  # no matplotlib: the report without its figures
        print(
            "hometeams compare: warning: matplotlib is not installed (pip install "
            "'hometeams[plot]'); the report has no figures",
            file=sys.stderr,
        )
        return write_report(comparison, args.report, plots=False, **options)


def _run(args: argparse.Namespace) -> int:
    file = load_scenario(args.file)
    shown = choose_metrics(args.metrics, file=file)
    models = _names(args.models, file)
    if args.baseline is not None:
        file.model(args.baseline)
        if models is not None and args.baseline not in models:
            raise InvalidArgument(f"--baseline: {args.baseline!r} is not among --models {models}")
    if args.report is not None:
        if args.report.suffix.lower() not in (".html", ".htm"):
            raise InvalidArgument(f"--report: must be an .html file, got {str(args.report)!r}")
        folder = args.report.parent
        if not folder.is_dir() and (args.out is None or folder.resolve() != args.out.resolve()):
            raise InvalidArgument(f"--report: the folder {str(folder)!r} does not exist")
    check_free(_outputs(args), overwrite=args.overwrite)
    limits = limits_from(args)
    if args.replications is not None:
        check_replications(args.replications, limits=limits, field="--replications")
    checked_size(file, source=args.file, limits=limits, replications=args.replications)
    warn_findings(file, source=args.file, lang=args.lang)
    comparison = compare(
        chosen_study(
            file, models, replications=args.replications, seed=args.seed, baseline=args.baseline
        ),
        executor=args.workers,
        limits=limits,
        keep_records=(0,) if args.report is not None else (),
    )
    if args.out is not None:
        comparison.to_csv(args.out, overwrite=args.overwrite)
        comparison.to_json(args.out / "comparison.json", overwrite=args.overwrite)
    if args.report is not None:
        _write_report(args, file, comparison, shown)
    if args.json:
        print_json({"source": args.file, "scenario": file.scenario.name, **comparison.to_dict()})
    else:
        text = comparison_text(
            comparison,
            metrics=shown,
            lang=args.lang,
            title=file.title(args.lang),
            **reading_options(file, args.lang),
        )
        print(text)
    return EXIT_OK


COMMAND = Command(
    name="compare",
    help="compare the models of a scenario file, with intervals and paired differences",
    description="Run every organisation model of a scenario file on the same realised demand "
    "and absences (common random numbers), replication after replication, and print each "
    "model's mean with its confidence interval and its paired difference from the baseline. "
    "Settings not given here are the file's [experiment].",
    epilog="examples:\n"
    "  hometeams compare evening.toml\n"
    "  hometeams compare evening.toml --replications 40 --seed 7 --lang nb\n"
    "  hometeams compare evening.toml --out results --report results/rapport.html --lang nb\n"
    "  hometeams compare evening.toml --models 'fixed team,pooled' --metrics idle_share\n"
    "  hometeams compare evening.toml --json > comparison.json\n"
    "\nexit status: 0 success, 1 a failed run, 2 a damaged file or a wrong option",
    add_arguments=_add_arguments,
    run=_run,
)
