"""Plots of simulated runs: continuity of care and utilisation through the week.

One run per model, after the warm-up: how many different faces does a user meet in a
fortnight (:func:`plot_distinct_staff`), and when in the week are the staff busy and when idle
(:func:`plot_utilisation`, utilisation by hour of the week from
:func:`~hometeams.metrics.utilisation_by_hour`)?
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from hometeams._time import DAY, HOUR, WEEK
from hometeams._types import Minutes
from hometeams.errors import InvalidArgument
from hometeams.metrics import distinct_staff, utilisation_by_hour
from hometeams.records import Records
from hometeams.report._format import format_number
from hometeams.report._labels import check_lang, text
from hometeams.report._plot_style import (
    GRID,
    INK,
    PALETTE,
    new_figure,
    plain,
    style_axes,
    tick_formatter,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["distinct_staff_counts", "plot_distinct_staff", "plot_utilisation"]

_HOURS_PER_WEEK = int(WEEK // HOUR)


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
    fig = new_figure(figsize=(8.0, 3.8))
    ax = fig.add_subplot()
    ks = np.arange(1, top + 1)
    width = 0.8 / len(counts)
    for i, (name, found) in enumerate(counts.items()):
        shares = np.bincount(found, minlength=top + 1)[1:] / found.size * 100.0
        mean = format_number(float(found.mean()), 1, lang)
        ax.bar(
            ks - 0.4 + width * (i + 0.5), shares, width=width * 0.92,
            color=PALETTE[i % len(PALETTE)],
            label=text("legend.mean", lang, model=plain(name), mean=mean),
        )  # fmt: skip
    days = format_number(window / DAY, 0 if window % DAY == 0 else 1, lang)
    ax.set_xlabel(text("axis.distinct_staff", lang, days=days), color=INK)
    ax.set_ylabel(text("axis.share_of_windows", lang, days=days), color=INK)
    ax.set_xticks(ks if top <= 20 else ks[::2])
    ax.yaxis.set_major_formatter(tick_formatter(lang))
    ax.legend(frameon=False, fontsize=9)
    style_axes(ax, grid="y")
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
    fig = new_figure(figsize=(9.0, 3.4))
    ax = fig.add_subplot()
    hours = np.arange(_HOURS_PER_WEEK + 1)
    for day in (5, 6):
        ax.axvspan(day * 24, (day + 1) * 24, color="#eef1f4", lw=0, zorder=0)
    top = 100.0
    for i, (name, records) in enumerate(runs.items()):
        share = utilisation_by_hour(records) * 100.0
        if np.isfinite(share).any():
            top = max(top, float(np.nanmax(share)))
        ax.stairs(share, hours, color=PALETTE[i % len(PALETTE)], lw=1.6, label=plain(name))
    ax.set_xlim(0, _HOURS_PER_WEEK)
    ax.set_ylim(0, top * 1.05)
    ax.set_xticks(np.arange(7) * 24 + 12, text("days.short", lang).split())
    ax.set_xticks(np.arange(8) * 24, minor=True)
    ax.tick_params(axis="x", which="major", length=0)
    ax.tick_params(axis="x", which="minor", length=6, color="#7b8794")
    ax.grid(axis="x", which="minor", color=GRID, linewidth=0.8)
    ax.set_ylabel(text("axis.utilisation", lang), color=INK)
    ax.yaxis.set_major_formatter(tick_formatter(lang))
    style_axes(ax, grid="y")
    ax.legend(frameon=False, fontsize=9, ncols=min(len(runs), 4), loc="lower left",
              bbox_to_anchor=(0.0, 1.0))  # fmt: skip
    return fig
