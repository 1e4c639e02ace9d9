"""A paired difference as the sentence a planner would say out loud.

"Idle share is lower with pooled than with fixed: −5.2 percentage points (95 % CI −6.0 to
−4.4) — better." :func:`describe_difference` writes it, in English or Norwegian, from one
paired difference of a :class:`~hometeams.experiment.Comparison`: which way the difference
goes (:func:`difference_kind` -- clear only where the interval excludes zero), whether it is
large enough to matter (the metric's band in :data:`~hometeams.metrics.RELEVANCE`) and whether
that way is better or worse for the metric (:func:`verdict`). The report's findings and the
colours of its differences table are the same judgement.

A difference whose mean lies inside the band -- or whose whole interval does -- is *no
practical difference*: 99.96 % against 100.00 % on time is clear after twenty replications,
but too small for anyone to notice, and is not called worse.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import attrs

from hometeams.errors import InvalidArgument
from hometeams.experiment import Comparison, Interval
from hometeams.metrics import METRICS, relevance_bands
from hometeams.report._format import decimals, format_number, format_value, level_text, metric_unit
from hometeams.report._labels import check_lang, metric_label, text

__all__ = [
    "describe_difference",
    "difference_kind",
    "renamed",
    "sentence_case",
    "verdict",
]


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


def renamed(comparison: Comparison, names: Mapping[str, str] | None) -> Comparison:
    """The comparison with its models called by ``names`` (e.g. their Norwegian names).

    Models ``names`` does not name keep their own. Everything a report shows -- sentences,
    tables, figures -- then uses the new names.

    Raises
    ------
    InvalidArgument
        If two models would have the same name.

    Examples
    --------
    >>> from hometeams.experiment import Comparison
    >>> result = Comparison(["fixed", "pooled"], ["wait"], [[[1.0], [2.0]], [[3.0], [5.0]]],
    ...                     baseline="fixed")
    >>> again = renamed(result, {"fixed": "faste team", "pooled": "samlet kveld"})
    >>> again.models, again.baseline
    (('faste team', 'samlet kveld'), 'faste team')
    """
    if not names:
        return comparison
    if not isinstance(names, Mapping):
        raise InvalidArgument(f"names: must be a mapping of model name to name, got {names!r}")
    new = tuple(str(names.get(model) or model) for model in comparison.models)
    if len(set(new)) != len(new):
        raise InvalidArgument(f"names: the models must keep different names, got {list(new)}")
    index = comparison.models.index(comparison.baseline)
    to = dict(zip(comparison.models, new, strict=True))
    records = {to[model]: runs for model, runs in comparison.records.items()}
    return attrs.evolve(comparison, models=new, baseline=new[index], records=records)


def _kind(iv: Interval, band: float = 0.0) -> str:
    """Which sentence an interval calls for."""
    if iv.n == 0 or math.isnan(iv.mean):
        return "undefined"
    if math.isnan(iv.low) or math.isnan(iv.high):
        return "no_interval"
    if iv.low == iv.high == iv.mean == 0.0:
        return "same"
    clear = iv.low > 0 or iv.high < 0
    if band > 0 and ((clear and abs(iv.mean) < band) or -band <= iv.low <= iv.high <= band):
        return "negligible"
    if iv.low > 0:
        return "higher"
    if iv.high < 0:
        return "lower"
    return "unclear"


def difference_kind(
    comparison: Comparison,
    model: str,
    metric: str,
    *,
    relevance: Mapping[str, float] | None = None,
) -> str:
    """``higher``, ``lower``, ``negligible``, ``unclear``, ``same``, ``no_interval``, ``undefined``.

    ``negligible`` -- no practical difference -- is a difference whose mean lies within the
    metric's relevance band while its interval excludes zero, or whose whole interval lies
    within the band. ``relevance`` gives bands in place of the defaults of
    :data:`~hometeams.metrics.RELEVANCE`.

    Examples
    --------
    >>> from hometeams.experiment import Comparison
    >>> result = Comparison(["fixed", "pooled"], ["on_time_share"],
    ...                     [[[1.0], [1.0], [1.0]], [[0.9995], [0.9996], [0.9997]]],
    ...                     baseline="fixed")
    >>> difference_kind(result, "pooled", "on_time_share")
    'negligible'
    >>> difference_kind(result, "pooled", "on_time_share", relevance={"on_time_share": 0})
    'lower'
    """
    band = relevance_bands(relevance).get(metric, 0.0)
    return _kind(comparison.difference(model, metric), band)


def verdict(metric: str, kind: str) -> str | None:
    """``better``/``worse`` for a clear difference of a metric with a direction, else ``None``."""
    info = METRICS.get(metric)
    if info is None or info.higher_is_better is None or kind not in ("higher", "lower"):
        return None
    return "better" if (kind == "higher") == info.higher_is_better else "worse"


def describe_difference(
    comparison: Comparison,
    model: str,
    metric: str,
    *,
    lang: str = "en",
    relevance: Mapping[str, float] | None = None,
) -> str:
    """One paired difference from the baseline as a plain sentence.

    A difference is *clear* when its interval excludes zero; for a metric with a direction in
    :data:`~hometeams.metrics.METRICS` the sentence then ends with better or worse -- unless
    the difference is within the metric's relevance band, when it says there is no practical
    difference.

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
    relevance
        Relevance bands by metric, in place of the defaults of
        :data:`~hometeams.metrics.RELEVANCE` (``{"on_time_share": 0}`` turns one off).

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
    >>> print(describe_difference(result, "pooled", "on_time_share", lang="nb",
    ...                           relevance={"on_time_share": 0.05}))
    Ingen praktisk forskjell i andel i tide mellom pooled og fixed: +4,3 prosentpoeng
    (95 % KI 2,9 til 5,8), innenfor ±5,0 prosentpoeng.
    """
    check_lang(lang)
    iv = comparison.difference(model, metric)
    band = relevance_bands(relevance).get(metric, 0.0)
    kind = _kind(iv, band)
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
        "band": format_value(band, metric, lang, difference=True, long=True).lstrip("+"),
    }
    sentence = text(kind, lang, **fields)
    judged = verdict(metric, kind)
    suffix = text(f"{judged}_suffix", lang) if judged else text("end", lang)
    return sentence + suffix
