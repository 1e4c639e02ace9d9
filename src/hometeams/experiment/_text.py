"""A plain-text results table for a terminal, in English or Norwegian.

One block per metric, one line per model: how many replications, the mean, its interval, and
for every model but the baseline the paired difference from the baseline with its interval::

    metric  model   n  mean   95 % CI         difference from fixed  95 % CI
    wait    fixed   3  11     [8.516, 13.48]
            pooled  3  8.833  [6.936, 10.73]  -2.167                 [-4.064, -0.2694]

Numbers have four significant digits; a missing value (an interval from fewer than two
replications) is shown as ``–``. In Norwegian (``lang="nb"``) the headings are Norwegian and
decimals take a comma.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from hometeams._words import check_lang, plain_number, words
from hometeams.experiment._stats import Interval

__all__ = ["format_table"]

_HEADINGS = ("table.metric", "table.model", "table.n", "table.mean")
_MISSING = "–"


def _number(value: float, lang: str, *, sign: bool = False) -> str:
    if math.isnan(value):
        return _MISSING
    return plain_number(value, lang, "+.4g" if sign else ".4g")


def _bounds(iv: Interval, lang: str, *, sign: bool = False) -> str:
    if math.isnan(iv.low) or math.isnan(iv.high):
        return _MISSING
    sep = "; " if lang == "nb" else ", "
    return f"[{_number(iv.low, lang, sign=sign)}{sep}{_number(iv.high, lang, sign=sign)}]"


def format_table(
    rows: Sequence[tuple[str, str, Interval, Interval | None]],
    *,
    baseline: str,
    level: float,
    lang: str = "en",
) -> str:
    """Lay out ``(metric, model, interval, difference or None)`` rows as aligned text.

    Examples
    --------
    >>> from hometeams.experiment import Interval
    >>> from hometeams.experiment._text import format_table
    >>> rows = [("vent", "fast", Interval(11.0, 8.5, 13.5, n=3), None)]
    >>> print(format_table(rows, baseline="fast", level=0.95, lang="nb"))
    indikator  modell  n  snitt  95 % KI      forskjell fra fast  95 % KI
    vent       fast    3  11     [8,5; 13,5]
    """
    ci = words("table.ci", lang, level=_number(level * 100.0, check_lang(lang)))
    difference = words("table.difference", lang, baseline=baseline)
    lines: list[list[str]] = [[*(words(key, lang) for key in _HEADINGS), ci, difference, ci]]
    previous = None
    for metric, model, iv, diff in rows:
        line = [
            "" if metric == previous else metric,
            model,
            str(iv.n),
            _number(iv.mean, lang),
            _bounds(iv, lang),
        ]
        if diff is not None:
            line += [_number(diff.mean, lang, sign=True), _bounds(diff, lang, sign=True)]
        lines.append(line)
        previous = metric
    widths = [max(len(line[c]) for line in lines if c < len(line)) for c in range(len(lines[0]))]
    return "\n".join(
        "  ".join(cell.ljust(widths[c]) for c, cell in enumerate(line)).rstrip() for line in lines
    )
