"""A comparison as one HTML file a leader group can read offline, in Norwegian or English.

After running "fixed zone teams" and "pooled evenings" on the same twenty simulated months, the
planner takes one file to the leader group's meeting. It opens in any browser without a network
and prints on A4. From the top: the main findings in plain sentences ("pooled evenings has
lower idle share than fixed zone teams: −5.2 percentage points (95 % CI −6.0 to −4.4) —
better."), what was compared (models, replications, seed, warm-up), every model's mean with its
interval, the paired differences from the baseline, the figures, and how to read it all.

The same input always gives the same bytes: no clock is read (pass ``date=`` to print one),
the figures' layouts are seeded, and the SVG ids are fixed. Every string the user wrote -- model
and metric names, the title, the organisation's name -- is escaped.

This module checks the arguments and assembles the page; each section is built in
``_sections``, the figures in the ``_plot_*`` modules.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from hometeams._files import check_object_and_path, check_writable, write_text
from hometeams.errors import InvalidArgument
from hometeams.experiment import Comparison
from hometeams.metrics import relevance_bands
from hometeams.model import Organisation
from hometeams.records import Records
from hometeams.report._labels import check_lang, text
from hometeams.report._reading import renamed
from hometeams.report._resources import FTE_HOURS_PER_WEEK, check_resource_options
from hometeams.report._sections import (
    differences_table,
    figures,
    findings,
    footer,
    header,
    how_to_read,
    resources,
    setup,
    summary_table,
)
from hometeams.report._template import page

__all__ = ["report_html", "write_report"]


def _check_metrics(comparison: Comparison, metrics: object) -> tuple[str, ...]:
    if metrics is None:
        return comparison.metrics
    if isinstance(metrics, str) or not isinstance(metrics, Sequence):
        raise InvalidArgument(f"metrics: must be a list of metric names, got {metrics!r}")
    chosen = tuple(metrics)
    if not chosen:
        raise InvalidArgument("metrics: must name at least one metric, got none")
    unknown = [m for m in chosen if m not in comparison.metrics]
    if unknown:
        raise InvalidArgument(
            f"metrics: {unknown} not among the comparison's metrics {list(comparison.metrics)}"
        )
    if len(set(chosen)) != len(chosen):
        raise InvalidArgument(f"metrics: names must be unique, got {list(chosen)}")
    return chosen


def _check_records(comparison: Comparison, records: object) -> dict[str, Records] | None:
    if records is None:
        return None
    if not isinstance(records, Mapping):
        raise InvalidArgument(
            f"records: must be a mapping of model name to Records, got {type(records).__name__}"
        )
    unknown = [name for name in records if name not in comparison.models]
    if unknown:
        raise InvalidArgument(
            f"records: {unknown} are not models of the comparison {list(comparison.models)}"
        )
    missing = [name for name in comparison.models if name not in records]
    if missing:
        raise InvalidArgument(
            f"records: missing the models {missing}; give one run's records for every model"
        )
    for name, value in records.items():
        if not isinstance(value, Records):
            raise InvalidArgument(f"records[{name!r}]: must be Records, got {type(value).__name__}")
    return {name: records[name] for name in comparison.models}


def _check_text(value: object, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidArgument(f"{field}: must be a string or None, got {value!r}")
    return value


def _period(runs: Mapping[str, Records] | None, period: float | None) -> float | None:
    """The measured minutes per replication: as given, else the runs' own if they agree."""
    if period is not None or runs is None:
        return period
    measured = {r.horizon - r.warmup for r in runs.values()}
    only = measured.pop() if len(measured) == 1 else 0.0
    return only if only > 0 else None


def report_html(
    comparison: Comparison,
    *,
    records: Mapping[str, Records] | None = None,
    org: Organisation | None = None,
    title: str | None = None,
    lang: str = "en",
    metrics: Sequence[str] | None = None,
    date: str | None = None,
    plots: bool = True,
    period: float | None = None,
    cost_per_hour: float | None = None,
    hours_per_fte: float = FTE_HOURS_PER_WEEK,
    relevance: Mapping[str, float] | None = None,
    names: Mapping[str, str] | None = None,
    shift_hours: float | None = None,
) -> str:
    """The whole comparison report as one self-contained HTML document.

    Parameters
    ----------
    comparison
        The comparison, from :func:`~hometeams.experiment.compare`.
    records
        One simulated run per model (by model name, every model), for the figures of distinct
        staff per fortnight and utilisation by hour of the week, and for the warm-up and the
        simulated period.
    org
        The organisation, for its name, its headline figures and a picture of its teams.
    title
        The page's title; "Comparison of organisation models" (in ``lang``) by default.
    lang
        ``"en"`` or ``"nb"`` (Norwegian bokmål: Norwegian words, decimal commas).
    metrics
        Metrics to report, in this order; all of the comparison's by default. The bar figure
        draws these, or by default those of :data:`~hometeams.report.HEADLINE_METRICS` the
        comparison has.
    date
        A date to print under the title (the report never reads the clock).
    plots
        Draw the figures (needs matplotlib, the ``plot`` extra).
    period
        The minutes measured in each replication (the horizon after the warm-up); by default
        the records' own. With it the report leads with the resources: hours rostered and
        worked per week, in FTE and per year.
    cost_per_hour
        Kroner per paid hour, to show the resources in NOK a year as well.
    hours_per_fte
        Hours a week of one FTE (*årsverk*); 37.5 by default.
    relevance
        Practical-relevance bands by metric, in place of the defaults of
        :data:`~hometeams.metrics.RELEVANCE`: a difference inside its band is "no practical
        difference", not better or worse.
    names
        Names to show for the models, by model name (e.g. Norwegian ones).
    shift_hours
        The length of every shift in the rosters, if they are all alike: the resources then
        say the hours a day in shifts too ("one 8-hour shift").

    Returns
    -------
    str
        An HTML5 document: inline style, figures as inline SVG, no scripts, no external URLs.

    Examples
    --------
    >>> from hometeams.experiment import Comparison
    >>> result = Comparison(["faste team", "samlet kveld"], ["idle_share", "on_time_share"],
    ...     [[[0.31, 0.80], [0.29, 0.82], [0.30, 0.81]], [[0.22, 0.86], [0.21, 0.87],
    ...      [0.23, 0.85]]], baseline="faste team")
    >>> doc = report_html(result, lang="nb", plots=False)
    >>> print(doc[doc.index("<li"):doc.index("</li>")])
    <li class="better">Andel i tide er høyere med samlet kveld enn med faste team: +5,0
    prosentpoeng (95 % KI 2,5 til 7,5) — bedre.
    """
    lang = check_lang(lang)
    if not isinstance(comparison, Comparison):
        raise InvalidArgument(f"comparison: must be a Comparison, got {type(comparison).__name__}")
    chosen = _check_metrics(comparison, metrics)
    runs = _check_records(comparison, records)
    bands = relevance_bands(relevance)
    measured, cost, fte_hours = check_resource_options(period, cost_per_hour, hours_per_fte)
    measured = _period(runs, measured)
    if names:
        shown_as = renamed(comparison, names)
        runs = None if runs is None else dict(zip(shown_as.models, runs.values(), strict=True))
        comparison = shown_as
    if org is not None and not isinstance(org, Organisation):
        raise InvalidArgument(f"org: must be an Organisation or None, got {type(org).__name__}")
    heading = _check_text(title, "title") or text("title", lang)
    shown_date = _check_text(date, "date")
    if not isinstance(plots, bool):
        raise InvalidArgument(f"plots: must be True or False, got {plots!r}")
    parts = [header(heading, org, shown_date, lang)]
    if measured is not None:
        parts.append(
            resources(
                comparison,
                period=measured,
                cost_per_hour=cost,
                hours_per_fte=fte_hours,
                lang=lang,
                shift_hours=shift_hours,
            )
        )
    parts += [
        findings(comparison, chosen, default=metrics is None, lang=lang, relevance=bands),
        setup(comparison, runs, org, lang),
        summary_table(comparison, chosen, lang),
    ]
    if len(comparison.models) > 1:
        parts.append(differences_table(comparison, chosen, lang, relevance=bands))
    if plots:
        shown = figures(
            comparison, metrics=chosen, runs=runs, org=org,
            default=metrics is None, lang=lang,
        )  # fmt: skip
        parts.append(shown)
    parts.append(how_to_read(comparison, lang))
    parts.append(footer(lang))
    return page(title=heading, lang=lang, body="".join(parts))


def write_report(
    comparison: Comparison,
    path: str | Path,
    *,
    records: Mapping[str, Records] | None = None,
    org: Organisation | None = None,
    title: str | None = None,
    lang: str = "en",
    metrics: Sequence[str] | None = None,
    date: str | None = None,
    plots: bool = True,
    period: float | None = None,
    cost_per_hour: float | None = None,
    hours_per_fte: float = FTE_HOURS_PER_WEEK,
    relevance: Mapping[str, float] | None = None,
    names: Mapping[str, str] | None = None,
    shift_hours: float | None = None,
    overwrite: bool = False,
) -> Path:
    """Write :func:`report_html` to ``path`` (UTF-8); an existing file needs ``overwrite=True``.

    Parameters
    ----------
    comparison
        The comparison, from :func:`~hometeams.experiment.compare`.
    path
        The file to write, e.g. ``"kveld.html"``; its directory must exist.
    records, org, title, lang, metrics, date, plots
        As for :func:`report_html`.
    period, cost_per_hour, hours_per_fte, relevance, names, shift_hours
        As for :func:`report_html`.
    overwrite
        Replace an existing file; without it, an existing file is an error naming it and
        nothing is written.

    Returns
    -------
    Path
        The path written.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from hometeams.experiment import Comparison
    >>> result = Comparison(["a", "b"], ["wait"], [[[1.0], [2.0]], [[3.0], [5.0]]],
    ...                     baseline="a")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "report.html"
    >>> write_report(result, out, plots=False).read_text(encoding="utf-8")[:15]
    '<!DOCTYPE html>'
    >>> write_report(result, out, plots=False)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: path: '.../report.html' exists; pass overwrite=True to
    replace it
    """
    check_object_and_path(comparison, Comparison, "comparison", path)
    out = Path(path)
    if out.is_dir():
        raise InvalidArgument(f"path: {str(out)!r} is a directory; give a file name")
    if not out.parent.is_dir():
        raise InvalidArgument(f"path: the directory {str(out.parent)!r} does not exist")
    check_writable([out], overwrite=overwrite)  # before the work; the write checks again
    document = report_html(
        comparison, records=records, org=org, title=title, lang=lang,
        metrics=metrics, date=date, plots=plots, period=period, cost_per_hour=cost_per_hour,
        hours_per_fte=hours_per_fte, relevance=relevance, names=names, shift_hours=shift_hours,
    )  # fmt: skip
    return write_text(out, document, overwrite=overwrite)
