"""What every plot of the report shares: the model colours, a figure, light axes, the ticks.

A leader group weighing "fixed zone teams" against "pooled evenings" asks a few questions, and
each plot answers one:

* :func:`~hometeams.report.plot_comparison` -- how do the models do on each metric, and how
  sure are we? One bar per model with its confidence interval, one small panel per metric.
* :func:`~hometeams.report.plot_tradeoff` -- what does the better service cost in idle time?
  Idle share against on-time share, one point per model with intervals both ways.
* :func:`~hometeams.report.plot_distinct_staff` -- how many different faces does a user meet
  in a fortnight?
* :func:`~hometeams.report.plot_utilisation` -- when in the week is the staff busy, and when
  idle? Utilisation by hour of the week (:func:`~hometeams.metrics.utilisation_by_hour`).
* :func:`~hometeams.report.plot_organisation` -- who is in which team? Staff and teams as a
  graph.

Every function takes its data as arguments, returns a new :class:`matplotlib.figure.Figure`
(never pyplot's global state; nothing is shown or saved) and speaks English or Norwegian
(``lang=``). Models keep one colour across all plots: the colour-blind-safe Okabe–Ito palette
in the order the models are given. matplotlib is the optional ``plot`` extra, imported only
when a plot is made. The plots live in ``_plot_comparison`` (a comparison's intervals),
``_plot_runs`` (simulated runs) and ``_plot_organisation``; this module is what they share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hometeams.report._format import format_short, metric_unit
from hometeams.report._labels import text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "GRID",
    "INK",
    "PALETTE",
    "display_scale",
    "new_figure",
    "plain",
    "style_axes",
    "tick_formatter",
    "unit_suffix",
]

PALETTE: tuple[str, ...] = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
)  # fmt: skip
"""Model colours, in order: the Okabe–Ito palette, safe for colour-blind readers."""

INK = "#1f2933"
"""The colour of text, interval lines and the baseline."""
GRID = "#d9e2ec"
"""The colour of grid lines, faint behind the data."""


def new_figure(**kwargs: Any) -> Figure:
    """A new matplotlib Figure, or an ImportError that says how to get matplotlib."""
    try:
        from matplotlib.figure import Figure  # noqa: PLC0415 - optional dependency
    except ImportError as err:
        raise ImportError("plots need matplotlib: pip install 'hometeams[plot]'") from err
    fig: Figure = Figure(layout="constrained", **kwargs)
    fig.set_facecolor("white")
    return fig


MAX_LABEL = 40
"""The longest name drawn in a figure; a longer one is cut with an ellipsis (the tables keep it
whole), so that it cannot squeeze the axes to nothing."""


def plain(label: str) -> str:
    r"""``label`` drawn literally and at most :data:`MAX_LABEL` characters long.

    Matplotlib would read ``$...$`` as mathematics, so dollars are escaped.

    Examples
    --------
    >>> print(plain("pooled $ evenings"))
    pooled \$ evenings
    >>> print(plain("x" * 50)[-3:])
    xx…
    """
    if len(label) > MAX_LABEL:
        label = label[: MAX_LABEL - 1] + "…"
    return label.replace("$", r"\$")


def style_axes(ax: Any, *, grid: str = "x") -> None:
    """Light axes: no top or right spine, a faint grid behind the data."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#7b8794")
    ax.tick_params(colors=INK, labelsize=9.5)
    ax.set_axisbelow(True)
    ax.grid(axis=grid, color=GRID, linewidth=0.8)


def tick_formatter(lang: str) -> Any:
    """A tick formatter with the language's decimal mark and a true minus sign."""
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415 - optional dependency

    def label(value: float, _pos: object) -> str:
        return format_short(value, lang)

    return FuncFormatter(label)


def unit_suffix(metric: str, lang: str) -> str:
    """The metric's unit for a title or an axis: `` (%)``, `` (min)``, or nothing.

    Examples
    --------
    >>> unit_suffix("on_time_share", "nb"), unit_suffix("overtime_hours", "nb")
    (' (%)', ' (t)')
    """
    unit = metric_unit(metric)
    if unit == "share":
        return " (%)"
    if unit in ("minutes", "hours"):
        return f" ({text('unit.' + unit, lang)})"
    return ""


def display_scale(metric: str) -> float:
    """What a metric's values are multiplied by to be drawn: 100 for a share (in per cent)."""
    return 100.0 if metric_unit(metric) == "share" else 1.0
