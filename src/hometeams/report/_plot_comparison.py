"""Plots of a comparison: each model's means with their intervals, and the trade-off.

The leader group's first two questions: how do the models do on each metric, and how sure are
we (:func:`plot_comparison`, one bar per model with its confidence interval, one small panel
per metric)? And what does the better service cost in idle time (:func:`plot_tradeoff`, idle
share against on-time share, one point per model with intervals both ways)?
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from hometeams.errors import InvalidArgument
from hometeams.experiment import Comparison
from hometeams.metrics import METRICS
from hometeams.report._labels import check_lang, metric_label, text
from hometeams.report._plot_style import (
    INK,
    PALETTE,
    display_scale,
    new_figure,
    plain,
    style_axes,
    tick_formatter,
    unit_suffix,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["plot_comparison", "plot_tradeoff"]


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
    fig = new_figure(figsize=(3.1 * ncols + 0.9, height))
    axes = fig.subplots(nrows, ncols, sharey=True, squeeze=False)
    y = np.arange(n_models)[::-1]
    names = [plain(m) for m in comparison.models]
    for k, ax in enumerate(axes.flat):
        if k >= len(chosen):
            ax.set_visible(False)
            continue
        metric = chosen[k]
        scale = display_scale(metric)
        intervals = [comparison.interval(m, metric) for m in comparison.models]
        for i, iv in enumerate(intervals):
            if not math.isfinite(iv.mean):
                continue
            colour = PALETTE[i % len(PALETTE)]
            ax.barh(y[i], iv.mean * scale, height=0.62, color=colour)
            if math.isfinite(iv.low) and math.isfinite(iv.high):
                ax.plot([iv.low * scale, iv.high * scale], [y[i], y[i]], color=INK, lw=1.3)
                ax.plot([iv.low * scale] * 2, [y[i] - 0.12, y[i] + 0.12], color=INK, lw=1.3)
                ax.plot([iv.high * scale] * 2, [y[i] - 0.12, y[i] + 0.12], color=INK, lw=1.3)
        values = [v for iv in intervals for v in (iv.mean, iv.low, iv.high) if math.isfinite(v)]
        if not values:
            ax.text(0.5, 0.5, text("plot.undefined", lang), transform=ax.transAxes,
                    ha="center", va="center", color="#7b8794", fontsize=10)  # fmt: skip
        elif all(v == 0 for v in values):
            ax.set_xlim(0.0, 1.0)
        base = comparison.interval(comparison.baseline, metric).mean
        if math.isfinite(base):
            ax.axvline(base * scale, color=INK, lw=0.9, ls=(0, (4, 3)), alpha=0.7)
        title = plain(metric_label(metric, lang)) + unit_suffix(metric, lang)
        ax.set_title(textwrap.fill(title, 30), fontsize=10.5, loc="left", color=INK)
        ax.set_yticks(y, names)
        ax.xaxis.set_major_formatter(tick_formatter(lang))
        style_axes(ax)
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
    fig = new_figure(figsize=(6.4, 4.4))
    ax = fig.add_subplot()
    sx, sy = display_scale(x), display_scale(y)
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
            label=plain(model),
        )  # fmt: skip
    ax.set_xlabel(_axis_label(x, lang), color=INK)
    ax.set_ylabel(_axis_label(y, lang), color=INK)
    ax.margins(0.2)
    ax.xaxis.set_major_formatter(tick_formatter(lang))
    ax.yaxis.set_major_formatter(tick_formatter(lang))
    style_axes(ax, grid="both")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(frameon=False, fontsize=9, loc="lower left", bbox_to_anchor=(0.0, 1.0),
                  ncols=min(len(comparison.models), 3))  # fmt: skip
    return fig


def _error(mean: float, low: float, high: float, scale: float) -> Any:
    if not (math.isfinite(low) and math.isfinite(high)):
        return None
    return [[(mean - low) * scale], [(high - mean) * scale]]


def _axis_label(metric: str, lang: str) -> str:
    label = plain(metric_label(metric, lang)) + unit_suffix(metric, lang)
    info = METRICS.get(metric)
    if info is None or info.higher_is_better is None:
        return label
    key = "axis.higher_better" if info.higher_is_better else "axis.lower_better"
    return text(key, lang, label=label)
