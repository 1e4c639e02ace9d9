"""A paired difference as the sentence a planner would say out loud.

"Idle share is lower with pooled than with fixed: −5.2 percentage points (95 % CI −6.0 to
−4.4) — better." :func:`describe_difference` writes it, in English or Norwegian, from one
paired difference of a :class:`~hometeams.experiment.Comparison`: which way the difference
goes (:func:`difference_kind` -- clear only where the interval excludes zero) and whether that
way is better or worse for the metric (:func:`verdict`). The report's findings and the
colours of its differences table are the same judgement.
"""

from __future__ import annotations

import math

from hometeams.experiment import Comparison, Interval
from hometeams.metrics import METRICS
from hometeams.report._format import decimals, format_number, format_value, level_text, metric_unit
from hometeams.report._labels import check_lang, metric_label, text

__all__ = ["describe_difference", "difference_kind", "sentence_case", "verdict"]


def sentence_case(label: str) -> str:
    """``label`` as it reads inside a sentence: first letter lower-case unless an acronym.

    Examples
    --------
    >>> sentence_case("On-time share"), sentence_case("UPC (andel hos vanligste ansatt)")
    ('on-time share', 'UPC (andel hos vanligste ansatt)')
    """
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _kind(iv: Interval) -> str:
    """Which sentence an interval calls for."""
    if iv.n == 0 or math.isnan(iv.mean):
        return "undefined"
    if math.isnan(iv.low) or math.isnan(iv.high):
        return "no_interval"
    if iv.low == iv.high == iv.mean == 0.0:
        return "same"
    if iv.low > 0:
        return "higher"
    if iv.high < 0:
        return "lower"
    return "unclear"


def difference_kind(comparison: Comparison, model: str, metric: str) -> str:
    """``higher``, ``lower``, ``unclear``, ``same``, ``no_interval`` or ``undefined``."""
    return _kind(comparison.difference(model, metric))


def verdict(metric: str, kind: str) -> str | None:
    """``better``/``worse`` for a clear difference of a metric with a direction, else ``None``."""
    info = METRICS.get(metric)
    if info is None or info.higher_is_better is None or kind not in ("higher", "lower"):
        return None
    return "better" if (kind == "higher") == info.higher_is_better else "worse"


def describe_difference(
    comparison: Comparison, model: str, metric: str, *, lang: str = "en"
) -> str:
    """One paired difference from the baseline as a plain sentence.

    A difference is *clear* when its interval excludes zero; for a metric with a direction in
    :data:`~hometeams.metrics.METRICS` the sentence then ends with better or worse.

    Parameters
    ----------
    comparison
        The comparison.
    model
        A model other than the baseline (the baseline compared with itself is "the same").
    metric
        One of the comparison's metrics.
    lang
        ``"en"`` or ``"nb"``.

    Examples
    --------
    >>> from hometeams.experiment import Comparison
    >>> result = Comparison(["fixed", "pooled"], ["on_time_share"],
    ...                     [[[0.70], [0.72], [0.71]], [[0.74], [0.77], [0.75]]],
    ...                     baseline="fixed")
    >>> print(describe_difference(result, "pooled", "on_time_share"))
    On-time share is higher with pooled than with fixed: +4.3 percentage points
    (95 % CI 2.9 to 5.8) — better.
    >>> print(describe_difference(result, "pooled", "on_time_share", lang="nb"))
    Andel i tide er høyere med pooled enn med fixed: +4,3 prosentpoeng (95 % KI 2,9 til 5,8)
    — bedre.
    """
    check_lang(lang)
    iv = comparison.difference(model, metric)
    kind = _kind(iv)
    places = decimals(metric, [iv.mean, iv.low, iv.high], spread=iv.half_width)
    scale = 100.0 if metric_unit(metric) == "share" else 1.0
    label = metric_label(metric, lang)
    fields = {
        "model": model,
        "baseline": comparison.baseline,
        "metric": sentence_case(label),
        "Metric": label[:1].upper() + label[1:],
        "diff": format_value(iv.mean, metric, lang, digits=places, difference=True, long=True),
        "pct": level_text(comparison.level, lang),
        "low": format_number(iv.low * scale, places, lang),
        "high": format_number(iv.high * scale, places, lang),
    }
    sentence = text(kind, lang, **fields)
    judged = verdict(metric, kind)
    suffix = text(f"{judged}_suffix", lang) if judged else text("end", lang)
    return sentence + suffix
