"""Plots of a comparison, of simulated runs and of an organisation, for people who decide.

A leader group weighing "fixed zone teams" against "pooled evenings" asks a few questions, and
each plot answers one:

* :func:`plot_comparison` -- how do the models do on each metric, and how sure are we? One bar
  per model with its confidence interval, one small panel per metric.
* :func:`plot_tradeoff` -- what does the better service cost in idle time? Idle share against
  on-time share, one point per model with intervals both ways.
* :func:`plot_distinct_staff` -- how many different faces does a user meet in a fortnight?
* :func:`plot_utilisation` -- when in the week is the staff busy, and when idle? Utilisation
  by hour of the week (:func:`utilisation_by_hour`).
* :func:`plot_organisation` -- who is in which team? Staff and teams as a graph.

Every function takes its data as arguments, returns a new :class:`matplotlib.figure.Figure`
(never pyplot's global state; nothing is shown or saved) and speaks English or Norwegian
(``lang=``). Models keep one colour across all plots: the colour-blind-safe Okabe–Ito palette
in the order the models are given. matplotlib is the optional ``plot`` extra, imported only
when a plot is made.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from hometeams._time import DAY, HOUR, WEEK
from hometeams._types import Minutes
from hometeams.errors import InvalidArgument
from hometeams.experiment import Comparison
from hometeams.graph import membership_graph
from hometeams.metrics import METRICS, distinct_staff, utilisation_by_hour
from hometeams.model import Organisation
from hometeams.records import Records

if TYPE_CHECKING:
    from matplotlib.figure import Figure

from hometeams.report._labels import (
    check_lang,
    format_number,
    format_short,
    metric_label,
    text,
)

__all__ = [
    "PALETTE",
    "plot_comparison",
    "plot_distinct_staff",
    "plot_organisation",
    "plot_tradeoff",
    "plot_utilisation",
    "utilisation_by_hour",
]

PALETTE: tuple[str, ...] = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
)  # fmt: skip
"""Model colours, in order: the Okabe–Ito palette, safe for colour-blind readers."""

_CATEGORY_COLOURS = {
    "specialist": "#CC79A7",
    "allocation": "#E69F00",
    "geographic": "#0072B2",
    "night": "#332288",
    "other": "#009E73",
}
_STAFF_COLOUR = "#9aa5b1"
_INK = "#1f2933"
_GRID = "#d9e2ec"
_HOURS_PER_WEEK = int(WEEK // HOUR)
_KAMADA_KAWAI_NODES = 400  # beyond this its all-pairs distances get slow; spring layout then


def _figure(**kwargs: Any) -> Figure:
    """A new matplotlib Figure, or an ImportError that says how to get matplotlib."""
    try:
        from matplotlib.figure import Figure  # noqa: PLC0415 - optional dependency
    except ImportError as err:
        raise ImportError("plots need matplotlib: pip install 'hometeams[plot]'") from err
    fig: Figure = Figure(layout="constrained", **kwargs)
    fig.set_facecolor("white")
    return fig


def _plain(label: str) -> str:
    """``label`` drawn literally: matplotlib would read ``$...$`` as mathematics."""
    return label.replace("$", r"\$")


def _style(ax: Any, *, grid: str = "x") -> None:
    """Light axes: no top or right spine, a faint grid behind the data."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#7b8794")
    ax.tick_params(colors=_INK, labelsize=9.5)
    ax.set_axisbelow(True)
    ax.grid(axis=grid, color=_GRID, linewidth=0.8)


def _ticks(lang: str) -> Any:
    """A tick formatter with the language's decimal mark and a true minus sign."""
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415 - optional dependency

    def label(value: float, _pos: object) -> str:
        return format_short(value, lang)

    return FuncFormatter(label)


def _unit_suffix(metric: str, lang: str) -> str:
    info = METRICS.get(metric)
    unit = None if info is None else info.unit
    if unit == "share":
        return " (%)"
    if unit in ("minutes", "hours"):
        return f" ({text('unit.' + unit, lang)})"
    return ""


def _scale(metric: str) -> float:
    info = METRICS.get(metric)
    return 100.0 if info is not None and info.unit == "share" else 1.0


def _check_metrics(comparison: Comparison, metrics: Sequence[str] | None) -> tuple[str, ...]:
    if metrics is None:
        return comparison.metrics
    if isinstance(metrics, str):
        raise InvalidArgument(
            f"metrics: must be a list of metric names, got the string {metrics!r}"
        )
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


def plot_comparison(
    comparison: Comparison,
    *,
    metrics: Sequence[str] | None = None,
    lang: str = "en",
    columns: int = 3,
) -> Figure:
    r"""Bars of each model's mean with its confidence interval, one small panel per metric.

    Shares are drawn in per cent. The baseline's mean is a dashed line across each panel, so
    that the other models' bars read as "above" or "below" it.

    Parameters
    ----------
    comparison
        The comparison to draw.
    metrics
        Metrics to draw, in this order; all of the comparison's by default.
    lang
        ``"en"`` or ``"nb"``: panel titles from :data:`~hometeams.metrics.METRICS`.
    columns
        Panels per row (at most).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from hometeams.experiment import Comparison
    >>> result = Comparison(["fixed", "pooled"], ["idle_share", "mean_delay"],
    ...     [[[0.30, 14.0], [0.32, 15.0]], [[0.22, 11.0], [0.25, 12.0]]], baseline="fixed")
    >>> fig = plot_comparison(result, lang="nb")
    >>> [ax.get_title(loc="left").replace("\n", " ") for ax in fig.axes]
    ['Ledig gang (%)', 'Gjennomsnittlig forsinkelse (min)']
    """
    lang = check_lang(lang)
    chosen = _check_metrics(comparison, metrics)
    if isinstance(columns, bool) or not isinstance(columns, int) or columns < 1:
        raise InvalidArgument(f"columns: must be an integer >= 1, got {columns!r}")
    ncols = min(columns, len(chosen))
    nrows = math.ceil(len(chosen) / ncols)
    n_models = len(comparison.models)
    height = nrows * (0.9 + 0.32 * n_models)
    fig = _figure(figsize=(3.1 * ncols + 0.9, height))
    axes = fig.subplots(nrows, ncols, sharey=True, squeeze=False)
    y = np.arange(n_models)[::-1]
    names = [_plain(m) for m in comparison.models]
    for k, ax in enumerate(axes.flat):
        if k >= len(chosen):
            ax.set_visible(False)
            continue
        metric = chosen[k]
        scale = _scale(metric)
        intervals = [comparison.interval(m, metric) for m in comparison.models]
        for i, iv in enumerate(intervals):
            if not math.isfinite(iv.mean):
                continue
            colour = PALETTE[i % len(PALETTE)]
            ax.barh(y[i], iv.mean * scale, height=0.62, color=colour)
            if math.isfinite(iv.low) and math.isfinite(iv.high):
                ax.plot([iv.low * scale, iv.high * scale], [y[i], y[i]], color=_INK, lw=1.3)
                ax.plot([iv.low * scale] * 2, [y[i] - 0.12, y[i] + 0.12], color=_INK, lw=1.3)
                ax.plot([iv.high * scale] * 2, [y[i] - 0.12, y[i] + 0.12], color=_INK, lw=1.3)
        values = [v for iv in intervals for v in (iv.mean, iv.low, iv.high) if math.isfinite(v)]
        if not values:
            ax.text(0.5, 0.5, text("plot.undefined", lang), transform=ax.transAxes,
                    ha="center", va="center", color="#7b8794", fontsize=10)  # fmt: skip
        elif all(v == 0 for v in values):
            ax.set_xlim(0.0, 1.0)
        base = comparison.interval(comparison.baseline, metric).mean
        if math.isfinite(base):
            ax.axvline(base * scale, color=_INK, lw=0.9, ls=(0, (4, 3)), alpha=0.7)
        title = _plain(metric_label(metric, lang)) + _unit_suffix(metric, lang)
        ax.set_title(textwrap.fill(title, 30), fontsize=10.5, loc="left", color=_INK)
        ax.set_yticks(y, names)
        ax.xaxis.set_major_formatter(_ticks(lang))
        _style(ax)
    return fig


def plot_tradeoff(
    comparison: Comparison,
    *,
    x: str = "idle_share",
    y: str = "on_time_share",
    lang: str = "en",
) -> Figure:
    """One point per model: idle share against on-time share, with intervals both ways.

    Pooling usually buys both less idle time and more visits on time; where a model is better
    on one axis and worse on the other, this is the picture of the trade-off.

    Parameters
    ----------
    comparison
        A comparison holding both metrics.
    x, y
        The metrics on the two axes.
    lang
        ``"en"`` or ``"nb"``.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from hometeams.experiment import Comparison
    >>> result = Comparison(["fixed", "pooled"], ["idle_share", "on_time_share"],
    ...     [[[0.30, 0.80], [0.32, 0.82]], [[0.22, 0.90], [0.25, 0.91]]], baseline="fixed")
    >>> ax = plot_tradeoff(result).axes[0]
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('Idle share (%) (lower is better)', 'On-time share (%) (higher is better)')
    """
    lang = check_lang(lang)
    for field, metric in (("x", x), ("y", y)):
        if metric not in comparison.metrics:
            raise InvalidArgument(
                f"{field}: {metric!r} is not among the comparison's metrics "
                f"{list(comparison.metrics)}"
            )
    fig = _figure(figsize=(6.4, 4.4))
    ax = fig.add_subplot()
    sx, sy = _scale(x), _scale(y)
    for i, model in enumerate(comparison.models):
        ix, iy = comparison.interval(model, x), comparison.interval(model, y)
        if not (math.isfinite(ix.mean) and math.isfinite(iy.mean)):
            continue
        colour = PALETTE[i % len(PALETTE)]
        xerr = _error(ix.mean, ix.low, ix.high, sx)
        yerr = _error(iy.mean, iy.low, iy.high, sy)
        ax.errorbar(
            ix.mean * sx, iy.mean * sy, xerr=xerr, yerr=yerr, fmt="o", color=colour,
            ecolor=colour, elinewidth=1.4, capsize=3, markersize=8, zorder=3, alpha=0.9,
            label=_plain(model),
        )  # fmt: skip
    ax.set_xlabel(_axis_label(x, lang), color=_INK)
    ax.set_ylabel(_axis_label(y, lang), color=_INK)
    ax.margins(0.2)
    ax.xaxis.set_major_formatter(_ticks(lang))
    ax.yaxis.set_major_formatter(_ticks(lang))
    _style(ax, grid="both")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(frameon=False, fontsize=9, loc="lower left", bbox_to_anchor=(0.0, 1.0),
                  ncols=min(len(comparison.models), 3))  # fmt: skip
    return fig


def _error(mean: float, low: float, high: float, scale: float) -> Any:
    if not (math.isfinite(low) and math.isfinite(high)):
        return None
    return [[(mean - low) * scale], [(high - mean) * scale]]


def _axis_label(metric: str, lang: str) -> str:
    label = _plain(metric_label(metric, lang)) + _unit_suffix(metric, lang)
    info = METRICS.get(metric)
    if info is None or info.higher_is_better is None:
        return label
    key = "axis.higher_better" if info.higher_is_better else "axis.lower_better"
    return text(key, lang, label=label)


def _check_records(records_by_model: object) -> dict[str, Records]:
    if not isinstance(records_by_model, Mapping) or not records_by_model:
        raise InvalidArgument(
            "records_by_model: must be a non-empty mapping of model name to Records, "
            f"got {records_by_model!r}"
        )
    out: dict[str, Records] = {}
    for name, records in records_by_model.items():
        if not isinstance(records, Records):
            raise InvalidArgument(
                f"records_by_model[{name!r}]: must be Records, got {type(records).__name__}"
            )
        out[str(name)] = records
    return out


def distinct_staff_counts(records: Records, *, window: Minutes = 14 * DAY) -> NDArray[np.int64]:
    """Distinct staff per user and whole window after the warm-up, as the metrics count them.

    Windows start at the warm-up's end; with a horizon after it, only whole windows count.
    """
    end = records.horizon if records.horizon > records.warmup else None
    table = distinct_staff(
        records.after_warmup().jobs, window=window, origin=records.warmup, end=end
    )
    return np.asarray(table.column("distinct_staff"), dtype=np.int64)


def plot_distinct_staff(
    records_by_model: Mapping[str, Records],
    *,
    window: Minutes = 14 * DAY,
    lang: str = "en",
) -> Figure:
    """How many different staff users met per fortnight: the distribution, one bar per model.

    For every user and every whole window after the warm-up in which the user had a served
    visit, count the distinct staff who came (both of a two-person visit), as
    :func:`~hometeams.metrics.distinct_staff` does; the bars are the share of these
    user-windows with 1, 2, 3, … staff, and the legend gives each model's mean (the metric
    ``mean_distinct_staff_14d`` for the default window).

    Parameters
    ----------
    records_by_model
        One simulated run per model, by model name.
    window
        Window length in minutes (14 days by default).
    lang
        ``"en"`` or ``"nb"``.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    InvalidArgument
        If a model's run has no whole window with a served visit.

    Examples
    --------
    In two-day windows Olsen meets Kari and Per, then Kari alone; Hansen meets Kari twice:

    >>> from hometeams.records import JobRecords, Records, ShiftRecords
    >>> t = [480.0, 1920.0, 3360.0, 500.0, 1940.0]
    >>> jobs = JobRecords(
    ...     id=range(5), user=["olsen"] * 3 + ["hansen"] * 2,
    ...     staff=["kari", "per", "kari", "kari", "kari"], staff2=[""] * 5, team=[""] * 5,
    ...     served_by_team=[""] * 5, zone=["z"] * 5, kind=["visit"] * 5, ready=t, due=t,
    ...     start=t, end=t, duration=[0.0] * 5, travel=[0.0] * 5, state=[0] * 5,
    ...     preferred=[False] * 5, preferred_met=[False] * 5, n_staff=[1] * 5)
    >>> run = Records(jobs, ShiftRecords.empty(), horizon=4 * 1440.0)
    >>> fig = plot_distinct_staff({"fixed": run}, window=2 * 1440.0)
    >>> [float(h.get_height()) for h in fig.axes[0].patches]  # 1 staff: 2 of 3 user-windows
    [66.66..., 33.33...]
    """
    lang = check_lang(lang)
    runs = _check_records(records_by_model)
    if not (isinstance(window, int | float) and math.isfinite(window) and window > 0):
        raise InvalidArgument(f"window: must be finite and > 0 minutes, got {window!r}")
    counts: dict[str, NDArray[np.int64]] = {}
    for name, records in runs.items():
        found = distinct_staff_counts(records, window=window)
        if found.size == 0:
            raise InvalidArgument(
                f"records_by_model[{name!r}]: no user had a served visit within a whole "
                f"{window / DAY:g}-day window between the warm-up ({records.warmup:g} min) and "
                f"the horizon ({records.horizon:g} min)"
            )
        counts[name] = found
    top = max(int(c.max()) for c in counts.values())
    fig = _figure(figsize=(8.0, 3.8))
    ax = fig.add_subplot()
    ks = np.arange(1, top + 1)
    width = 0.8 / len(counts)
    for i, (name, found) in enumerate(counts.items()):
        shares = np.bincount(found, minlength=top + 1)[1:] / found.size * 100.0
        mean = format_number(float(found.mean()), 1, lang)
        ax.bar(
            ks - 0.4 + width * (i + 0.5), shares, width=width * 0.92,
            color=PALETTE[i % len(PALETTE)],
            label=text("legend.mean", lang, model=_plain(name), mean=mean),
        )  # fmt: skip
    days = format_number(window / DAY, 0 if window % DAY == 0 else 1, lang)
    ax.set_xlabel(text("axis.distinct_staff", lang, days=days), color=_INK)
    ax.set_ylabel(text("axis.share_of_windows", lang, days=days), color=_INK)
    ax.set_xticks(ks if top <= 20 else ks[::2])
    ax.yaxis.set_major_formatter(_ticks(lang))
    ax.legend(frameon=False, fontsize=9)
    _style(ax, grid="y")
    return fig


def plot_utilisation(records_by_model: Mapping[str, Records], *, lang: str = "en") -> Figure:
    """Utilisation by hour of the week, one line per model (:func:`utilisation_by_hour`).

    Weekends are shaded; hours when nobody is rostered are gaps in the lines.

    Parameters
    ----------
    records_by_model
        One simulated run per model, by model name.
    lang
        ``"en"`` or ``"nb"``: day names and axis labels.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from hometeams.records import JobRecords, Records, ShiftRecords
    >>> run = Records(JobRecords.empty(), ShiftRecords(staff=["kari"], team=[""], zone=["z"],
    ...     day=[0], period=["day"], start=[420.0], end=[900.0], rostered=[480.0], busy=[0.0],
    ...     travel=[0.0], idle=[480.0], overtime=[0.0], absent=[False]), horizon=10080.0)
    >>> fig = plot_utilisation({"pooled": run}, lang="nb")
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['man', 'tir', 'ons', 'tor', 'fre', 'lør', 'søn']
    """
    lang = check_lang(lang)
    runs = _check_records(records_by_model)
    fig = _figure(figsize=(9.0, 3.4))
    ax = fig.add_subplot()
    hours = np.arange(_HOURS_PER_WEEK + 1)
    for day in (5, 6):
        ax.axvspan(day * 24, (day + 1) * 24, color="#eef1f4", lw=0, zorder=0)
    top = 100.0
    for i, (name, records) in enumerate(runs.items()):
        share = utilisation_by_hour(records) * 100.0
        if np.isfinite(share).any():
            top = max(top, float(np.nanmax(share)))
        ax.stairs(share, hours, color=PALETTE[i % len(PALETTE)], lw=1.6, label=_plain(name))
    ax.set_xlim(0, _HOURS_PER_WEEK)
    ax.set_ylim(0, top * 1.05)
    ax.set_xticks(np.arange(7) * 24 + 12, text("days.short", lang).split())
    ax.set_xticks(np.arange(8) * 24, minor=True)
    ax.tick_params(axis="x", which="major", length=0)
    ax.tick_params(axis="x", which="minor", length=6, color="#7b8794")
    ax.grid(axis="x", which="minor", color=_GRID, linewidth=0.8)
    ax.set_ylabel(text("axis.utilisation", lang), color=_INK)
    ax.yaxis.set_major_formatter(_ticks(lang))
    _style(ax, grid="y")
    ax.legend(frameon=False, fontsize=9, ncols=min(len(runs), 4), loc="lower left",
              bbox_to_anchor=(0.0, 1.0))  # fmt: skip
    return fig


def plot_organisation(
    organisation: Organisation,
    *,
    lang: str = "en",
    rng: np.random.Generator | int | None = 1,
) -> Figure:
    """The organisation as a graph: staff and the teams that hold shares of their positions.

    Drawn from :func:`~hometeams.graph.membership_graph` with networkx: teams coloured by
    category and sized by FTE, with their names; staff as grey dots; an edge per membership,
    thicker for a larger share. The layout is Kamada–Kawai's (started from a spring layout with
    the seed ``rng``; spring alone above 400 nodes), so the same organisation gives the same
    picture unless ``rng`` is ``None``.

    Parameters
    ----------
    organisation
        The organisation to draw.
    lang
        ``"en"`` or ``"nb"``: the legend.
    rng
        Seed or generator of the layout's starting positions; ``None`` for fresh entropy.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from hometeams.model import Membership, Organisation, Staff, Team
    >>> org = Organisation("District 1",
    ...     staff=[Staff("kari", profession="nurse"), Staff("ola", profession="nurse")],
    ...     teams=[Team("memory", name="Memory team", category="specialist",
    ...                 members=[Membership("kari", share=0.2)]),
    ...            Team("north", name="North", category="geographic",
    ...                 members=[Membership("kari", share=0.8), "ola"])])
    >>> fig = plot_organisation(org, lang="nb")
    >>> sorted(t.get_text() for t in fig.axes[0].get_legend().get_texts())
    ['Ansatte', 'Fagteam', 'Geografisk team (sone)']
    """
    import networkx as nx  # noqa: PLC0415 - only the drawing needs matplotlib through networkx

    lang = check_lang(lang)
    if not isinstance(organisation, Organisation):
        raise InvalidArgument(
            f"organisation: must be an Organisation, got {type(organisation).__name__}"
        )
    if not organisation.staff and not organisation.teams:
        raise InvalidArgument(f"organisation: {organisation.name!r} has no staff or teams to draw")
    fig = _figure(figsize=(9.0, 5.6))
    ax = fig.add_subplot()
    graph = membership_graph(organisation)
    size = max(graph.number_of_nodes(), 1)
    if size <= _KAMADA_KAWAI_NODES:
        start = nx.spring_layout(graph, seed=rng)
        pos = nx.kamada_kawai_layout(graph, pos=start, weight=None)
    else:
        pos = nx.spring_layout(graph, seed=rng, k=1.6 / math.sqrt(size), iterations=100)
    staff = [n for n, d in graph.nodes(data=True) if d["kind"] == "staff"]
    teams = [n for n, d in graph.nodes(data=True) if d["kind"] == "team"]
    widths = [0.4 + 2.0 * float(d["weight"]) for _, _, d in graph.edges(data=True)]
    nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, edge_color="#c3ccd5")
    nx.draw_networkx_nodes(graph, pos, nodelist=staff, ax=ax, node_size=28,
                           node_color=_STAFF_COLOUR, linewidths=0)  # fmt: skip
    categories = [graph.nodes[n]["category"] for n in teams]
    nx.draw_networkx_nodes(
        graph, pos, nodelist=teams, ax=ax, linewidths=1.2, edgecolors="white",
        node_color=[_CATEGORY_COLOURS.get(c, _CATEGORY_COLOURS["other"]) for c in categories],
        node_size=[160 + 140 * float(graph.nodes[n]["fte"]) for n in teams],
    )  # fmt: skip
    span = np.ptp(np.array(list(pos.values())), axis=0) if pos else np.ones(2)
    above = {n: (pos[n][0], pos[n][1] + 0.035 * float(span[1] or 1.0)) for n in teams}
    nx.draw_networkx_labels(
        graph, above, labels={n: _plain(graph.nodes[n]["label"]) for n in teams}, ax=ax,
        font_size=8, font_color=_INK, verticalalignment="bottom",
        bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.75, "pad": 1.0},
    )  # fmt: skip
    from matplotlib.lines import Line2D  # noqa: PLC0415 - optional dependency

    handles = [
        Line2D([], [], ls="", marker="o", markersize=9, color=_CATEGORY_COLOURS.get(c, "#009E73"),
               label=text(f"category.{c}", lang))
        for c in _CATEGORY_COLOURS if c in categories
    ]  # fmt: skip
    if staff:
        handles.append(Line2D([], [], ls="", marker="o", markersize=5, color=_STAFF_COLOUR,
                              label=text("legend.staff", lang)))  # fmt: skip
    ax.legend(handles=handles, frameon=False, fontsize=9, loc="upper left",
              bbox_to_anchor=(1.0, 1.0))  # fmt: skip
    ax.set_axis_off()
    ax.margins(0.08)
    return fig
