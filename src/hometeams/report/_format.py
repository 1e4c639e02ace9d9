"""The numbers of a comparison report, written as each language writes them.

A leader group in a Norwegian municipality reads "72,4 %" and "+4,1 prosentpoeng (95 % KI 2,0
til 6,2)"; a researcher abroad reads "72.4 %" and "+4.1 percentage points (95 % CI 2.0 to
6.2)". Numbers follow the language: a decimal comma in Norwegian and a decimal point in
English, a non-breaking space between thousands (from five digits) and a true minus sign
(``−``) in both. A metric's unit (from :data:`~hometeams.metrics.METRICS`) decides how it is
shown: shares in per cent (and differences of shares in percentage points), minutes and hours
with one decimal, indices with three. A metric the catalogue does not know is shown with four
significant digits and no unit.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from hometeams.experiment import Interval
from hometeams.metrics import METRICS
from hometeams.report._labels import check_lang, text

__all__ = [
    "decimals",
    "format_bounds",
    "format_number",
    "format_short",
    "format_value",
    "level_text",
    "metric_unit",
]

_MISSING = "–"
_MINUS = "\u2212"
_NBSP = "\u00a0"
_DECIMALS = {"share": 1, "minutes": 1, "hours": 1, "index": 3, "jobs": 1, "users": 1, "staff": 1}


def metric_unit(metric: str) -> str | None:
    """The metric's unit in :data:`~hometeams.metrics.METRICS`, ``None`` if it is not there.

    Examples
    --------
    >>> metric_unit("on_time_share"), metric_unit("wait")
    ('share', None)
    """
    info = METRICS.get(metric)
    return None if info is None else info.unit


def decimals(metric: str, values: Iterable[float] = (), *, spread: float | None = None) -> int:
    """Decimals to show ``metric`` with.

    By the unit (a share's decimals are those of its percentage), else four significant
    digits of the largest of ``values``. With ``spread`` -- an interval's half-width -- up to
    three more, so that the half-width shows at least one significant digit: an interval of
    ``[−0.007, 0.022]`` minutes should not read "0.0 to 0.0".

    Examples
    --------
    >>> decimals("on_time_share"), decimals("mean_upc"), decimals("wait", [8.83, 11.2])
    (1, 3, 2)
    >>> decimals("mean_delay", spread=0.0147), decimals("on_time_share", spread=0.02)
    (2, 1)
    """
    unit = metric_unit(metric)
    if unit in _DECIMALS:
        base = _DECIMALS[unit]
    else:
        finite = [abs(v) for v in values if math.isfinite(v) and v != 0]
        base = min(max(3 - math.floor(math.log10(max(finite))), 0), 6) if finite else 2
    if spread is None or not math.isfinite(spread) or spread <= 0:
        return base
    shown = spread * (100.0 if unit == "share" else 1.0)
    return max(base, min(base + 3, -math.floor(math.log10(shown))))


def format_number(value: float, digits: int, lang: str, *, sign: bool = False) -> str:
    r"""``value`` with ``digits`` decimals and the language's decimal mark.

    Numbers of five digits or more are grouped in threes by a non-breaking space in both
    languages (as Språkrådet and SI recommend), so that an English interval ``[12 674.5,
    12 746.9]`` cannot be misread; shorter numbers are not grouped.

    Examples
    --------
    >>> format_number(-1234.56, 1, "nb"), format_number(12345.6, 0, "en", sign=True)
    ('−1234,6', '+12\xa0346')
    >>> format_number(float("nan"), 1, "en"), format_number(-0.01, 1, "en", sign=True)
    ('–', '0.0')
    """
    check_lang(lang)
    if math.isnan(value):
        return _MISSING
    if math.isinf(value):
        return ("" if value > 0 else _MINUS) + "∞"
    body = f"{abs(value):.{digits}f}"
    whole, _, fraction = body.partition(".")
    if len(whole) > 4:
        whole = f"{int(whole):,}".replace(",", _NBSP)
    body = whole + ("," if lang == "nb" else ".") + fraction if fraction else whole
    rounded_zero = round(abs(value), digits) == 0
    if value < 0 and not rounded_zero:
        return _MINUS + body
    if sign and not rounded_zero:
        return "+" + body
    return body


def format_short(value: float, lang: str) -> str:
    """``value`` with as few decimals as it needs (up to six significant digits).

    For axis ticks and settings such as a precision target, where ``0.5`` should not read
    ``0.500``.

    Examples
    --------
    >>> format_short(0.5, "nb"), format_short(-2500.0, "en"), format_short(0.125, "en")
    ('0,5', '−2500', '0.125')
    """
    short = f"{value:.6g}"
    places = len(short.split(".")[1]) if "." in short and "e" not in short else 0
    return format_number(value, places, lang)


def format_value(
    value: float,
    metric: str,
    lang: str,
    *,
    digits: int | None = None,
    difference: bool = False,
    long: bool = False,
) -> str:
    r"""``value`` of ``metric`` with its unit: a level (``72.4 %``) or a difference (``+4.1 pp``).

    Parameters
    ----------
    value
        The value in the metric's own unit (a share as a fraction).
    metric
        Its name; the unit comes from :data:`~hometeams.metrics.METRICS`.
    lang
        ``"en"`` or ``"nb"``.
    digits
        Decimals; by default :func:`decimals` of the metric and value.
    difference
        Whether ``value`` is a difference: signed, and shares in percentage points.
    long
        Spell out percentage points and hours, with plain spaces (for sentences).

    Examples
    --------
    >>> format_value(0.724, "on_time_share", "nb")
    '72,4\xa0%'
    >>> format_value(0.041, "on_time_share", "en", difference=True, long=True)
    '+4.1 percentage points'
    >>> format_value(-2.5, "mean_delay", "nb", difference=True)
    '−2,5\xa0min'
    """
    unit = metric_unit(metric)
    places = decimals(metric, [value]) if digits is None else digits
    if unit == "share":
        number = format_number(value * 100.0, places, lang, sign=difference)
        if number == _MISSING:
            return number
        if not difference:
            return number + _NBSP + "%"
        return number + (" " if long else _NBSP) + text("unit.pp_long" if long else "unit.pp", lang)
    number = format_number(value, places, lang, sign=difference)
    if number == _MISSING:
        return number
    if unit == "minutes":
        return number + (" " if long else _NBSP) + text("unit.minutes", lang)
    if unit == "hours":
        return (
            number
            + (" " if long else _NBSP)
            + text("unit.hours_long" if long else "unit.hours", lang)
        )
    return number


def format_bounds(iv: Interval, metric: str, lang: str, *, digits: int, difference: bool) -> str:
    """An interval's bounds as ``[low, high]`` (``[low; high]`` in Norwegian), no unit.

    Examples
    --------
    >>> from hometeams.experiment import Interval
    >>> format_bounds(Interval(0.7, 0.68, 0.72, n=5), "utilisation", "nb", digits=1,
    ...               difference=False)
    '[68,0; 72,0]'
    """
    if math.isnan(iv.low) or math.isnan(iv.high):
        return _MISSING
    scale = 100.0 if metric_unit(metric) == "share" else 1.0
    sep = "; " if lang == "nb" else ", "
    low = format_number(iv.low * scale, digits, lang, sign=difference)
    high = format_number(iv.high * scale, digits, lang, sign=difference)
    return f"[{low}{sep}{high}]"


def _level_digits(level: float) -> int:
    """Decimals that show a confidence level in per cent exactly enough (95, 99.5)."""
    pct = level * 100.0
    return 0 if abs(pct - round(pct)) < 1e-9 else 1


def level_text(level: float, lang: str) -> str:
    """The confidence level in per cent as the report writes it (``95``, ``99,5``).

    Examples
    --------
    >>> level_text(0.95, "en"), level_text(0.995, "nb")
    ('95', '99,5')
    """
    return format_number(level * 100.0, _level_digits(level), lang)
