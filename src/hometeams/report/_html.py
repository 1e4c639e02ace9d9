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
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from hometeams import __version__
from hometeams._time import DAY
from hometeams.errors import InvalidArgument
from hometeams.experiment import Comparison
from hometeams.metrics import METRICS
from hometeams.model import Organisation
from hometeams.records import Records
from hometeams.report._labels import (
    FAMILIES,
    check_lang,
    decimals,
    describe_difference,
    difference_kind,
    format_bounds,
    format_number,
    format_short,
    format_value,
    level_text,
    metric_label,
    text,
    verdict,
)
from hometeams.report._plots import (
    PALETTE,
    distinct_staff_counts,
    plot_comparison,
    plot_distinct_staff,
    plot_organisation,
    plot_tradeoff,
    plot_utilisation,
)
from hometeams.report._template import inline_svg, page

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["HEADLINE_METRICS", "report_html", "write_report"]

HEADLINE_METRICS: tuple[str, ...] = (
    "on_time_share",
    "mean_delay",
    "unserved_share",
    "competence_match",
    "utilisation",
    "idle_share",
    "overtime_hours",
    "mean_distinct_staff_14d",
    "mean_upc",
)
"""The metrics a report draws as bars by default: the questions a leader group asks first."""

_MAX_DEFAULT_PANELS = 9


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


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


def report_html(
    comparison: Comparison,
    *,
    records: Mapping[str, Records] | None = None,
    organisation: Organisation | None = None,
    title: str | None = None,
    lang: str = "en",
    metrics: Sequence[str] | None = None,
    date: str | None = None,
    plots: bool = True,
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
    organisation
        The organisation, for its name, its headline figures and a picture of its teams.
    title
        The page's title; "Comparison of organisation models" (in ``lang``) by default.
    lang
        ``"en"`` or ``"nb"`` (Norwegian bokmål: Norwegian words, decimal commas).
    metrics
        Metrics to report, in this order; all of the comparison's by default. The bar figure
        draws these, or by default those of :data:`HEADLINE_METRICS` the comparison has.
    date
        A date to print under the title (the report never reads the clock).
    plots
        Draw the figures (needs matplotlib, the ``plot`` extra).

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
    if organisation is not None and not isinstance(organisation, Organisation):
        raise InvalidArgument(
            f"organisation: must be an Organisation or None, got {type(organisation).__name__}"
        )
    heading = _check_text(title, "title") or text("title", lang)
    shown_date = _check_text(date, "date")
    if not isinstance(plots, bool):
        raise InvalidArgument(f"plots: must be True or False, got {plots!r}")
    parts = [
        _header(heading, organisation, shown_date, lang),
        _findings(comparison, chosen, default=metrics is None, lang=lang),
        _setup(comparison, runs, organisation, lang),
        _summary_table(comparison, chosen, lang),
    ]
    if len(comparison.models) > 1:
        parts.append(_differences_table(comparison, chosen, lang))
    if plots:
        figures = _figures(
            comparison, metrics=chosen, runs=runs, org=organisation,
            default=metrics is None, lang=lang,
        )  # fmt: skip
        parts.append(figures)
    parts.append(_how_to_read(comparison, lang))
    parts.append(f"<footer>{_esc(text('footer', lang, version=__version__))}</footer>\n")
    return page(title=heading, lang=lang, body="".join(parts))


def write_report(
    path: str | Path,
    comparison: Comparison,
    *,
    records: Mapping[str, Records] | None = None,
    organisation: Organisation | None = None,
    title: str | None = None,
    lang: str = "en",
    metrics: Sequence[str] | None = None,
    date: str | None = None,
    plots: bool = True,
    overwrite: bool = False,
) -> Path:
    """Write :func:`report_html` to ``path`` (UTF-8); an existing file needs ``overwrite=True``.

    Parameters
    ----------
    path
        The file to write, e.g. ``"kveld.html"``; its directory must exist.
    comparison, records, organisation, title, lang, metrics, date, plots
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
    >>> write_report(out, result, plots=False).read_text(encoding="utf-8")[:15]
    '<!DOCTYPE html>'
    >>> write_report(out, result, plots=False)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: path: '.../report.html' exists; pass overwrite=True to
    replace it
    """
    out = Path(path)
    if out.is_dir():
        raise InvalidArgument(f"path: {str(out)!r} is a directory; give a file name")
    if not out.parent.is_dir():
        raise InvalidArgument(f"path: the directory {str(out.parent)!r} does not exist")
    if out.exists() and not overwrite:
        raise InvalidArgument(f"path: {str(out)!r} exists; pass overwrite=True to replace it")
    document = report_html(
        comparison, records=records, organisation=organisation, title=title, lang=lang,
        metrics=metrics, date=date, plots=plots,
    )  # fmt: skip
    out.write_text(document, encoding="utf-8")
    return out


# -- sections -------------------------------------------------------------------------------


def _header(title: str, org: Organisation | None, date: str | None, lang: str) -> str:
    lines = [f"<header>\n<h1>{_esc(title)}</h1>\n"]
    if org is not None:
        lines.append(f"<p>{_esc(text('subtitle', lang, name=org.name))}</p>\n")
    if date is not None:
        lines.append(f"<p>{_esc(text('date', lang, date=date))}</p>\n")
    lines.append("</header>\n")
    return "".join(lines)


def _section(ident: str, heading: str, body: str) -> str:
    return f'<section id="{ident}">\n<h2>{_esc(heading)}</h2>\n{body}</section>\n'


def _headline(metrics: Sequence[str], *, default: bool) -> list[str]:
    """The metrics to lead with: by default those of :data:`HEADLINE_METRICS` (if any)."""
    if not default:
        return list(metrics)
    return [m for m in HEADLINE_METRICS if m in metrics] or list(metrics)


_LISTS = (
    ("unclear", "no_clear"),
    ("same", "same_list"),
    ("no_interval", "no_interval_list"),
    ("undefined", "undefined_list"),
)


def _findings(comparison: Comparison, metrics: Sequence[str], *, default: bool, lang: str) -> str:
    others = [m for m in comparison.models if m != comparison.baseline]
    if not others:
        only = f"<p>{_esc(text('only_one_model', lang))}</p>\n"
        return _section("findings", text("findings", lang), only)
    chosen = _headline(metrics, default=default)
    body: list[str] = []
    for model in others:
        heading = text("compared_with", lang, model=model, baseline=comparison.baseline)
        body.append(f"<h3>{_esc(heading)}</h3>\n")
        items: list[str] = []
        lists: dict[str, list[str]] = {kind: [] for kind, _ in _LISTS}
        for metric in chosen:
            kind = difference_kind(comparison, model, metric)
            if kind in lists:
                lists[kind].append(metric_label(metric, lang))
                continue
            sentence = describe_difference(comparison, model, metric, lang=lang)
            judged = verdict(metric, kind) or "neutral"
            items.append(f'<li class="{judged}">{_esc(sentence)}</li>\n')
        if items:
            body.append('<ul class="findings">\n' + "".join(items) + "</ul>\n")
        for kind, key in _LISTS:
            if lists[kind]:
                names = ", ".join(lists[kind])
                body.append(f'<p class="note">{_esc(text(key, lang, metrics=names))}</p>\n')
    if len(chosen) < len(metrics):
        body.append(f'<p class="note">{_esc(text("see_tables", lang))}</p>\n')
    return _section("findings", text("findings", lang), "".join(body))


def _duration(minutes: float, lang: str) -> str:
    if minutes % DAY == 0:
        days = minutes / DAY
        return text("day" if days == 1 else "days", lang, n=format_number(days, 0, lang))
    return text("minutes_value", lang, n=format_number(minutes, 0, lang))


def _seed(comparison: Comparison, lang: str) -> str:
    seed = comparison.seed
    if seed is None:
        return text("seed_none", lang)
    entropy = seed.entropy
    if entropy is None or isinstance(entropy, int):
        shown = str(entropy)
    else:
        shown = ", ".join(str(e) for e in entropy)
    if seed.spawn_key:
        shown += " / " + ", ".join(str(k) for k in seed.spawn_key)
    return shown


def _setup(
    comparison: Comparison,
    runs: dict[str, Records] | None,
    org: Organisation | None,
    lang: str,
) -> str:
    models = []
    for i, model in enumerate(comparison.models):
        mark = ""
        if model == comparison.baseline and len(comparison.models) > 1:
            mark = f' <span class="baseline-mark">({_esc(text("baseline_mark", lang))})</span>'
        swatch = f'<span class="swatch" style="background:{PALETTE[i % len(PALETTE)]}"></span>'
        models.append(f"<li>{swatch}{_esc(model)}{mark}</li>")
    rows = [
        (text("models", lang), '<ul class="models">' + "".join(models) + "</ul>"),
        (
            text("replications", lang),
            _esc(text("replications_value", lang, n=comparison.replications)),
        ),
        (text("level", lang), _esc(level_text(comparison.level, lang) + "\u00a0%")),
        (text("seed", lang), _esc(_seed(comparison, lang))),
    ]
    if runs is None:
        rows.append((text("warmup", lang), _esc(text("warmup_none", lang))))
    else:
        warmups = sorted({r.warmup for r in runs.values()})
        horizons = sorted({r.horizon for r in runs.values()})
        shown = [_duration(w, lang) if w > 0 else text("no_warmup", lang) for w in warmups]
        rows.append((text("warmup", lang), _esc(", ".join(shown))))
        rows.append((text("horizon", lang), _esc(", ".join(_duration(h, lang) for h in horizons))))
    precision = comparison.precision
    if precision is not None:
        scope = (text("precision_relative", lang) if precision.relative else "") + (
            text("precision_differences", lang) if precision.differences else ""
        )
        target = format_short(precision.target, lang)
        rule = text("precision_value", lang, target=target, scope=scope)
        if comparison.reached is not None:
            rule += f" ({text('reached' if comparison.reached else 'not_reached', lang)})"
        rows.append((text("precision", lang), _esc(rule)))
    if org is not None:
        fte = format_number(sum(s.fte for s in org.staff), 1, lang)
        figures = text(
            "organisation_value", lang, staff=len(org.staff), fte=fte, teams=len(org.teams),
            zones=len(org.zones), users=len(org.users),
        )  # fmt: skip
        rows.append((text("organisation", lang), _esc(f"{org.name}: {figures}")))
    items = "".join(f"<dt>{_esc(term)}</dt><dd>{value}</dd>\n" for term, value in rows)
    return _section("setup", text("setup", lang), f'<dl class="setup">\n{items}</dl>\n')


def _family(metric: str) -> str:
    info = METRICS.get(metric)
    return "other" if info is None else info.family


def _grouped(metrics: Sequence[str]) -> list[tuple[str, list[str]]]:
    """The metrics by family, in the order of :data:`FAMILIES`, each in the given order."""
    groups: dict[str, list[str]] = {family: [] for family in FAMILIES}
    for metric in metrics:
        groups.setdefault(_family(metric), []).append(metric)
    return [(family, names) for family, names in groups.items() if names]


def _table(
    head: list[str],
    metrics: Sequence[str],
    cell: Callable[[str], list[str]],
    lang: str,
) -> str:
    span = len(head)
    out = ['<div class="table-wrap">\n<table>\n<thead><tr>']
    out += [f'<th scope="col">{h}</th>' for h in head]
    out.append("</tr></thead>\n<tbody>\n")
    for family, names in _grouped(metrics):
        out.append(
            f'<tr class="family"><th colspan="{span}">{_esc(text("family." + family, lang))}'
            "</th></tr>\n"
        )
        for metric in names:
            label = _esc(metric_label(metric, lang))
            out.append(f'<tr><th scope="row">{label}</th>' + "".join(cell(metric)) + "</tr>\n")
    out.append("</tbody>\n</table>\n</div>\n")
    return "".join(out)


def _summary_table(comparison: Comparison, metrics: Sequence[str], lang: str) -> str:
    head = [_esc(text("metric", lang))]
    for model in comparison.models:
        mark = ""
        if model == comparison.baseline and len(comparison.models) > 1:
            mark = f'<br><span class="baseline-mark">{_esc(text("baseline_mark", lang))}</span>'
        head.append(_esc(model) + mark)

    def cells(metric: str) -> list[str]:
        intervals = [comparison.interval(m, metric) for m in comparison.models]
        spreads = [iv.half_width for iv in intervals if math.isfinite(iv.half_width)]
        spread = min(spreads) if spreads else None
        places = decimals(metric, [iv.mean for iv in intervals], spread=spread)
        out = []
        for iv in intervals:
            value = format_value(iv.mean, metric, lang, digits=places)
            bounds = format_bounds(iv, metric, lang, digits=places, difference=False)
            out.append(
                f'<td><span class="value">{_esc(value)}</span>'
                f'<span class="ci">{_esc(bounds)}</span></td>'
            )
        return out

    pct = level_text(comparison.level, lang)
    note = f'<p class="note">{_esc(text("summary_note", lang, pct=pct))}</p>\n'
    return _section("summary", text("summary", lang), note + _table(head, metrics, cells, lang))


def _differences_table(comparison: Comparison, metrics: Sequence[str], lang: str) -> str:
    others = [m for m in comparison.models if m != comparison.baseline]
    head = [_esc(text("metric", lang))] + [
        f"{_esc(m)} − {_esc(comparison.baseline)}" for m in others
    ]

    def cells(metric: str) -> list[str]:
        out = []
        for model in others:
            iv = comparison.difference(model, metric)
            places = decimals(metric, [iv.mean, iv.low, iv.high], spread=iv.half_width)
            value = format_value(iv.mean, metric, lang, digits=places, difference=True)
            bounds = format_bounds(iv, metric, lang, digits=places, difference=True)
            judged = verdict(metric, difference_kind(comparison, model, metric))
            tag = f'<span class="tag">{_esc(text(judged, lang))}</span>' if judged else ""
            css = f' class="{judged}"' if judged else ""
            out.append(
                f'<td{css}><span class="value">{_esc(value)}{tag}</span>'
                f'<span class="ci">{_esc(bounds)}</span></td>'
            )
        return out

    pct = level_text(comparison.level, lang)
    note = text("differences_note", lang, baseline=comparison.baseline, pct=pct)
    body = f'<p class="note">{_esc(note)}</p>\n' + _table(head, metrics, cells, lang)
    return _section("differences", text("differences", lang, baseline=comparison.baseline), body)


def _plot_metrics(comparison: Comparison, metrics: Sequence[str], *, default: bool) -> list[str]:
    """The metrics to draw as bars: the headline ones by default, leaving out undefined ones."""
    if not default:
        return list(metrics)
    defined = [
        m
        for m in metrics
        if any(math.isfinite(comparison.interval(model, m).mean) for model in comparison.models)
    ]
    return [m for m in HEADLINE_METRICS if m in defined] or defined[:_MAX_DEFAULT_PANELS]


def _figure(ident: str, figure: Figure, caption: str) -> str:
    svg = inline_svg(figure, ident=ident, label=caption)
    return f'<figure id="{ident}">\n{svg}<figcaption>{_esc(caption)}</figcaption>\n</figure>\n'


def _figures(
    comparison: Comparison,
    *,
    metrics: Sequence[str],
    runs: dict[str, Records] | None,
    org: Organisation | None,
    default: bool,
    lang: str,
) -> str:
    pct = level_text(comparison.level, lang)
    shown = _plot_metrics(comparison, metrics, default=default)
    body = []
    if shown:
        body.append(
            _figure(
                "fig-comparison",
                plot_comparison(comparison, metrics=shown, lang=lang),
                text("fig.comparison", lang, pct=pct, baseline=comparison.baseline),
            )
        )
    if {"idle_share", "on_time_share"} <= set(comparison.metrics):
        body.append(
            _figure(
                "fig-tradeoff",
                plot_tradeoff(comparison, lang=lang),
                text("fig.tradeoff", lang, pct=pct),
            )
        )
    if runs is not None:
        if all(distinct_staff_counts(r).size for r in runs.values()):
            figure = plot_distinct_staff(runs, lang=lang)
            body.append(_figure("fig-distinct-staff", figure, text("fig.distinct", lang)))
        else:
            body.append(f'<p class="note">{_esc(text("fig.missing_window", lang))}</p>\n')
        figure = plot_utilisation(runs, lang=lang)
        body.append(_figure("fig-utilisation", figure, text("fig.utilisation", lang)))
    if org is not None and (org.staff or org.teams):
        figure = plot_organisation(org, lang=lang)
        body.append(_figure("fig-organisation", figure, text("fig.organisation", lang)))
    return _section("figures", text("figures", lang), "".join(body))


def _how_to_read(comparison: Comparison, lang: str) -> str:
    pct = level_text(comparison.level, lang)
    paragraphs = [text(f"read.{i}", lang, n=comparison.replications, pct=pct) for i in range(1, 6)]
    body = "".join(f"<p>{_esc(p)}</p>\n" for p in paragraphs)
    heading = _esc(text("how_to_read", lang))
    return f'<section id="how-to-read" class="read">\n<h2>{heading}</h2>\n{body}</section>\n'
