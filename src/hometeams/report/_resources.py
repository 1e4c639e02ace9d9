"""The resource answer of a comparison: hours, FTE and money per week and per year.

A leader group asks first what a model costs: "pooled evenings need 56 rostered hours a week
fewer -- one evening shift a day, 1.5 FTE, 2,912 hours a year". This module turns the
``rostered_hours``, ``staff_hours`` and ``overtime_hours`` of a comparison, which are totals
over the measured period of each replication (the horizon after the warm-up), into that
answer.

Conventions, stated in every report that uses them:

* per week = total over the period / the period in weeks; per day = per week / 7;
* one FTE (*årsverk*) = :data:`FTE_HOURS_PER_WEEK` = 37.5 hours a week: the ordinary full-time
  week of the municipal sector's collective agreement (KS *Hovedtariffavtalen*, SFS 2201
  § 4), within the Working Environment Act's limit (*arbeidsmiljøloven* § 10-4). Staff on
  rotations with many evenings, nights and Sundays have a shorter full-time week (35.5 or
  33.6 hours, § 10-4 (4) and (5)); set ``hours_per_fte`` to count in their FTE;
* a year = :data:`WEEKS_PER_YEAR` = 52 weeks, so one FTE is 1,950 hours a year;
* cost = (rostered hours + overtime hours) x the cost per hour: absent shifts are paid too,
  and overtime is counted at the same rate -- give a cost per hour that includes what your
  municipality adds (holiday pay, pension, employer's tax).

``rostered_hours`` counts the roster as planned (absent shifts included), ``staff_hours`` the
hours actually worked (shifts worked plus overtime).
"""

from __future__ import annotations

import math
import textwrap
from typing import Any

from hometeams._time import DAY, WEEK
from hometeams.errors import InvalidArgument
from hometeams.experiment import Comparison
from hometeams.report._format import format_number, format_short
from hometeams.report._labels import check_lang, text

__all__ = [
    "FTE_HOURS_PER_WEEK",
    "WEEKS_PER_YEAR",
    "check_resource_options",
    "resource_rows",
    "resource_sentences",
    "resource_text",
]

FTE_HOURS_PER_WEEK = 37.5
"""Hours a week of one full-time equivalent (*årsverk*), by default."""

WEEKS_PER_YEAR = 52.0
"""Weeks in a year, for the figures per year (one FTE is 1,950 hours a year)."""

_NEEDED = ("rostered_hours", "staff_hours", "overtime_hours")


def check_resource_options(
    period: object, cost_per_hour: object, hours_per_fte: object
) -> tuple[float | None, float | None, float]:
    """The options as numbers, or :class:`~hometeams.errors.InvalidArgument` naming the bad one.

    Examples
    --------
    >>> check_resource_options(40320, None, 37.5)
    (40320.0, None, 37.5)
    >>> check_resource_options(40320, -1, 37.5)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: cost_per_hour: must be a finite number > 0 or None, got -1
    """
    out: list[float | None] = []
    for name, value in (("period", period), ("cost_per_hour", cost_per_hour)):
        if value is None:
            out.append(None)
            continue
        if not _positive(value):
            raise InvalidArgument(f"{name}: must be a finite number > 0 or None, got {value!r}")
        out.append(float(value))  # type: ignore[arg-type]
    if not _positive(hours_per_fte):
        raise InvalidArgument(f"hours_per_fte: must be a finite number > 0, got {hours_per_fte!r}")
    return out[0], out[1], float(hours_per_fte)  # type: ignore[arg-type]


def _positive(value: object) -> bool:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    return ok and math.isfinite(value) and value > 0  # type: ignore[operator, arg-type]


def _has_resources(comparison: Comparison) -> bool:
    return all(name in comparison.metrics for name in _NEEDED)


def _weekly(comparison: Comparison, model: str, metric: str, period: float) -> float:
    return comparison.interval(model, metric).mean / (period / WEEK)


def resource_rows(
    comparison: Comparison,
    *,
    period: float,
    cost_per_hour: float | None = None,
    hours_per_fte: float = FTE_HOURS_PER_WEEK,
    lang: str = "en",
) -> list[list[str]]:
    """A heading row and one row per model: hours a week, FTE, overtime, hours (and cost) a year.

    Empty if the comparison lacks ``rostered_hours``, ``staff_hours`` or ``overtime_hours``.
    """
    check_lang(lang)
    if not _has_resources(comparison):
        return []
    head = [
        text("res.model", lang),
        text("res.rostered", lang),
        text("res.fte", lang),
        text("res.worked", lang),
        text("res.fte", lang),
        text("res.overtime", lang),
        text("res.paid_year", lang),
    ]
    if cost_per_hour is not None:
        head.append(text("res.cost_year", lang))
    rows = [head]
    for model in comparison.models:
        rostered = _weekly(comparison, model, "rostered_hours", period)
        worked = _weekly(comparison, model, "staff_hours", period)
        overtime = _weekly(comparison, model, "overtime_hours", period)
        paid_year = (rostered + overtime) * WEEKS_PER_YEAR
        row = [
            model,
            format_number(rostered, 1, lang),
            format_number(rostered / hours_per_fte, 1, lang),
            format_number(worked, 1, lang),
            format_number(worked / hours_per_fte, 1, lang),
            format_number(overtime, 1, lang),
            format_number(paid_year, 0, lang),
        ]
        if cost_per_hour is not None:
            row.append(format_number(paid_year * cost_per_hour, 0, lang))
        rows.append(row)
    return rows


def _shifts(hours_a_day: float, shift_hours: float, lang: str) -> str:
    """``hours_a_day`` as shifts of ``shift_hours``: "one 8-hour shift", "1,3 vakter på 8 timer"."""
    n = hours_a_day / shift_hours
    length = format_number(shift_hours, 0 if shift_hours == round(shift_hours) else 1, lang)
    whole = round(n)
    if 1 <= whole <= 3 and abs(n - whole) < 0.05:
        count = text("res.count", lang).split()[whole - 1]
        return text("res.shift" if whole == 1 else "res.shifts_whole", lang, n=count, h=length)
    return text("res.shifts", lang, n=format_number(n, 1, lang), h=length)


def resource_sentences(
    comparison: Comparison,
    *,
    period: float,
    cost_per_hour: float | None = None,
    hours_per_fte: float = FTE_HOURS_PER_WEEK,
    lang: str = "en",
    shift_hours: float | None = None,
) -> list[str]:
    """One sentence per model other than the baseline: its rostered hours against the baseline's.

    With ``shift_hours`` -- the length of every shift in the rosters -- the hours a day are
    also said in shifts ("8.0 a day (one 8-hour shift)").

    Examples
    --------
    >>> result = Comparison(["fixed", "pooled"],
    ...     ["rostered_hours", "staff_hours", "overtime_hours"],
    ...     [[[1568.0, 1576.0, 8.0]] * 2, [[1344.0, 1360.0, 16.0]] * 2], baseline="fixed")
    >>> print(resource_sentences(result, period=4 * WEEK, cost_per_hour=600)[0]
    ...       .replace("\N{NO-BREAK SPACE}", " "))
    pooled has 56.0 fewer rostered hours a week than fixed: 8.0 a day, 1.5 FTE, 2912 hours a
    year (NOK 1 747 200 a year).
    >>> print(resource_sentences(result, period=4 * WEEK, lang="nb", shift_hours=8)[0])
    pooled har 56,0 færre turnustimer i uken enn fixed: 8,0 i døgnet (én vakt på 8 timer), 1,5
    årsverk, 2912 timer i året.
    """
    check_lang(lang)
    if not _has_resources(comparison):
        return []
    baseline = comparison.baseline
    base = _weekly(comparison, baseline, "rostered_hours", period)
    out = []
    for model in comparison.models:
        if model == baseline:
            continue
        delta = _weekly(comparison, model, "rostered_hours", period) - base
        fields = {
            "model": model,
            "baseline": baseline,
            "week": format_number(abs(delta), 1, lang),
            "day": format_number(abs(delta) / 7, 1, lang),
            "shifts": f" ({_shifts(abs(delta) / 7, shift_hours, lang)})" if shift_hours else "",
            "fte": format_number(abs(delta) / hours_per_fte, 1, lang),
            "year": format_number(abs(delta) * WEEKS_PER_YEAR, 0, lang),
            "rostered": format_number(base, 1, lang),
        }
        if round(abs(delta), 1) == 0:
            sentence = text("res.same", lang, **fields)
        else:
            sentence = text("res.fewer" if delta < 0 else "res.more", lang, **fields)
            if cost_per_hour is not None:
                cost = abs(delta) * WEEKS_PER_YEAR * cost_per_hour
                sentence += text("res.cost", lang, cost=format_number(cost, 0, lang))
        out.append(sentence + ".")
    return out


def resource_text(
    comparison: Comparison,
    *,
    period: float,
    cost_per_hour: float | None = None,
    hours_per_fte: float = FTE_HOURS_PER_WEEK,
    lang: str = "en",
    shift_hours: float | None = None,
    width: int = 92,
) -> list[str]:
    """The resource answer as lines of text: a heading, the table, the sentences, the convention.

    Sentences are wrapped at ``width`` characters. Empty if the comparison lacks
    ``rostered_hours``, ``staff_hours`` or ``overtime_hours``.

    Parameters
    ----------
    comparison
        The comparison; its ``rostered_hours``, ``staff_hours`` and ``overtime_hours`` are
        totals over the measured period of each replication.
    period
        The minutes measured in each replication: the horizon after the warm-up.
    cost_per_hour
        Kroner per paid hour, for the cost a year; none by default.
    hours_per_fte
        Hours a week of one FTE (*årsverk*).
    lang
        ``"en"`` or ``"nb"``.
    shift_hours
        The length of every shift, to say the hours a day in shifts too.
    width
        The longest line of the sentences.

    Raises
    ------
    InvalidArgument
        For a period, cost or FTE week that is not a finite number > 0.

    Examples
    --------
    >>> result = Comparison(["fixed", "pooled"],
    ...     ["rostered_hours", "staff_hours", "overtime_hours"],
    ...     [[[1568.0, 1576.0, 8.0]] * 2, [[1344.0, 1360.0, 16.0]] * 2], baseline="fixed")
    >>> for line in resource_text(result, period=4 * WEEK, shift_hours=8):
    ...     print(line)
    Resources per week (means over the replications)
    model   rostered h   FTE  worked h  FTE  overtime h  paid h/year
    fixed        392.0  10.5     394.0  10.5        2.0       20 488
    pooled       336.0   9.0     340.0   9.1        4.0       17 680
    <BLANKLINE>
    pooled has 56.0 fewer rostered hours a week than fixed: 8.0 a day (one 8-hour shift), 1.5
    FTE, 2912 hours a year.
    Hours are per week of the 4 weeks measured; 1 FTE = 37.5 hours a week, 1950 hours a year
    (52 weeks); paid hours are rostered plus overtime.
    """
    measured, cost, fte_hours = check_resource_options(period, cost_per_hour, hours_per_fte)
    if measured is None:
        raise InvalidArgument("period: must be a finite number > 0, got None")
    options: dict[str, Any] = {
        "period": measured,
        "cost_per_hour": cost,
        "hours_per_fte": fte_hours,
        "lang": lang,
    }
    rows = resource_rows(comparison, **options)
    if not rows:
        return []
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    table = [
        "  ".join(
            cell.ljust(widths[c]) if c == 0 else cell.rjust(widths[c]) for c, cell in enumerate(row)
        ).rstrip()
        for row in rows
    ]
    notes = [
        *resource_sentences(comparison, shift_hours=shift_hours, **options),
        convention(measured, fte_hours, cost, lang),
    ]
    lines = [text("res.heading", lang), *table, ""]
    for note in notes:
        lines += textwrap.wrap(note.replace("\u00a0", " "), width=width)
    return [line.replace("\u00a0", " ") for line in lines]


def measured_text(period: float, lang: str) -> str:
    """The measured period in whole weeks if it is, else in days: "4 weeks", "3,5 dager".

    Examples
    --------
    >>> measured_text(4 * WEEK, "en"), measured_text(WEEK, "nb"), measured_text(5040.0, "nb")
    ('4 weeks', '1 uke', '3,5 dager')
    """
    weeks, days = period / WEEK, period / DAY
    if weeks == round(weeks):
        return text("week" if weeks == 1 else "weeks", lang, n=format_short(weeks, lang))
    return text("day" if days == 1 else "days", lang, n=format_short(days, lang))


def convention(period: float, hours_per_fte: float, cost_per_hour: float | None, lang: str) -> str:
    """How the figures were counted: the period measured, the FTE, the year, the cost."""
    out = text(
        "res.convention",
        lang,
        measured=measured_text(period, lang),
        hours=format_short(hours_per_fte, lang),
        year=format_number(hours_per_fte * WEEKS_PER_YEAR, 0, lang),
    )
    if cost_per_hour is not None:
        shown = format_short(cost_per_hour, lang)
        out += text("res.cost_convention", lang, cost=shown)
    return out
