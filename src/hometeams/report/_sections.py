"""The sections of the comparison report, each as a piece of HTML.

From the top of the page: the main findings in plain sentences, what was compared, every
model's mean with its interval, the paired differences from the baseline, the figures, and how
to read it all. Each function returns one ``<section>`` (or the header or footer) with every
string the user wrote escaped; :func:`~hometeams.report.report_html` puts them together.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from hometeams._time import DAY
from hometeams._version import __version__
from hometeams.experiment import Comparison
from hometeams.metrics import METRICS
from hometeams.model import Organisation
from hometeams.records import Records
from hometeams.report._format import (
    decimals,
    format_bounds,
    format_number,
    format_short,
    format_value,
    level_text,
)
from hometeams.report._labels import FAMILIES, metric_label, text
from hometeams.report._plot_comparison import plot_comparison, plot_tradeoff
from hometeams.report._plot_organisation import plot_organisation
from hometeams.report._plot_runs import (
    distinct_staff_counts,
    plot_distinct_staff,
    plot_utilisation,
)
from hometeams.report._plot_style import PALETTE
from hometeams.report._reading import describe_difference, difference_kind, verdict
from hometeams.report._resources import convention, resource_rows, resource_sentences
from hometeams.report._template import inline_svg

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "HEADLINE_METRICS",
    "differences_table",
    "figures",
    "findings",
    "footer",
    "header",
    "how_to_read",
    "resources",
    "setup",
    "summary_table",
]

HEADLINE_METRICS: tuple[str, ...] = (
    "on_time_share",
    "mean_delay",
    "unserved_share",
    "competence_match",
    "mean_distinct_staff_14d",
    "mean_upc",
    "travel_share",
    "face_to_face_share",
    "utilisation",
    "idle_share",
    "overtime_hours",
)
"""The metrics a report leads with and draws as bars by default, after the resources: the
service, competence and continuity, then travel and face-to-face share beside utilisation."""

_MAX_DEFAULT_PANELS = 9


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def header(title: str, org: Organisation | None, date: str | None, lang: str) -> str:
    """The page's header: the title, the organisation's name and the date, if given."""
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
    ("negligible", "negligible_list"),
    ("unclear", "no_clear"),
    ("same", "same_list"),
    ("no_interval", "no_interval_list"),
    ("undefined", "undefined_list"),
)


def resources(
    comparison: Comparison,
    *,
    period: float,
    cost_per_hour: float | None,
    hours_per_fte: float,
    lang: str,
    shift_hours: float | None = None,
) -> str:
    """The resource answer: hours rostered and worked per week, FTE, hours and cost a year."""
    rows = resource_rows(
        comparison, period=period, cost_per_hour=cost_per_hour, hours_per_fte=hours_per_fte,
        lang=lang,
    )  # fmt: skip
    if not rows:
        return ""
    head = "".join(f'<th scope="col">{_esc(cell)}</th>' for cell in rows[0])
    body = "".join(
        f'<tr><th scope="row">{_esc(row[0])}</th>'
        + "".join(f"<td>{_esc(cell)}</td>" for cell in row[1:])
        + "</tr>\n"
        for row in rows[1:]
    )
    table = (
        f'<div class="table-wrap">\n<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}'
        "</tbody>\n</table>\n</div>\n"
    )
    sentences = resource_sentences(
        comparison, period=period, cost_per_hour=cost_per_hour, hours_per_fte=hours_per_fte,
        lang=lang, shift_hours=shift_hours,
    )  # fmt: skip
    items = "".join(f"<li>{_esc(sentence)}</li>\n" for sentence in sentences)
    answer = f'<ul class="findings">\n{items}</ul>\n' if items else ""
    note = f'<p class="note">{_esc(convention(period, hours_per_fte, cost_per_hour, lang))}</p>\n'
    return _section("resources", text("res.heading", lang), answer + table + note)


def findings(
    comparison: Comparison,
    metrics: Sequence[str],
    *,
    default: bool,
    lang: str,
    relevance: Mapping[str, float] | None = None,
) -> str:
    """The main findings: a sentence per difference that matters, lists of the rest."""
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
            kind = difference_kind(comparison, model, metric, relevance=relevance)
            if kind in lists:
                lists[kind].append(metric_label(metric, lang))
                continue
            sentence = describe_difference(
                comparison, model, metric, lang=lang, relevance=relevance
            )
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


def setup(
    comparison: Comparison,
    runs: dict[str, Records] | None,
    org: Organisation | None,
    lang: str,
) -> str:
    """What was compared: models, replications, level, seed, periods, stopping rule."""
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


def summary_table(comparison: Comparison, metrics: Sequence[str], lang: str) -> str:
    """Every model's mean per metric, with its interval, grouped by family."""
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


def differences_table(
    comparison: Comparison,
    metrics: Sequence[str],
    lang: str,
    *,
    relevance: Mapping[str, float] | None = None,
) -> str:
    """The paired differences from the baseline: better, worse or no practical difference."""
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
            kind = difference_kind(comparison, model, metric, relevance=relevance)
            judged = verdict(metric, kind)
            if kind == "negligible":
                shown = text("negligible_tag", lang)
            else:
                shown = text(judged, lang) if judged else ""
            tag = f'<span class="tag">{_esc(shown)}</span>' if shown else ""
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


def figures(
    comparison: Comparison,
    *,
    metrics: Sequence[str],
    runs: dict[str, Records] | None,
    org: Organisation | None,
    default: bool,
    lang: str,
) -> str:
    """The figures that the given data allow, each with its caption."""
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


def how_to_read(comparison: Comparison, lang: str) -> str:
    """How to read the report: intervals, pairing, clear differences, units."""
    pct = level_text(comparison.level, lang)
    paragraphs = [text(f"read.{i}", lang, n=comparison.replications, pct=pct) for i in range(1, 6)]
    body = "".join(f"<p>{_esc(p)}</p>\n" for p in paragraphs)
    heading = _esc(text("how_to_read", lang))
    return f'<section id="how-to-read" class="read">\n<h2>{heading}</h2>\n{body}</section>\n'


def footer(lang: str) -> str:
    """The page's footer: the hometeams version, and that the figures are simulated."""
    return f"<footer>{_esc(text('footer', lang, version=__version__))}</footer>\n"
