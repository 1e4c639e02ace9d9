"""The words of a comparison report, in English and Norwegian (bokmål).

A leader group in a Norwegian municipality reads "Andel i tide" and "Forskjeller fra faste
team"; a researcher abroad reads "On-time share" and "Differences from fixed teams". Every
string of the HTML report and its plots is an entry ``report.<key>`` of the library's word
table (:mod:`hometeams._words`), one entry holding both languages; :data:`REPORT_TEXT` shows
them per language. Metric labels come from the catalogue, :data:`~hometeams.metrics.METRICS`.

How numbers are written in each language is in ``_format``; the plain-language sentence for a
difference (:func:`~hometeams.report.describe_difference`) is in ``_reading``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from hometeams._words import LANGUAGES, WORDS, check_lang, words
from hometeams.metrics import METRICS

__all__ = [
    "FAMILIES",
    "LANGUAGES",
    "REPORT_TEXT",
    "check_lang",
    "metric_label",
    "text",
]

FAMILIES: tuple[str, ...] = ("service", "staff time", "continuity", "other")
"""Metric families in the order a report shows them (``other``: not in the catalogue)."""

_PREFIX = "report."

REPORT_TEXT: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        lang: MappingProxyType(
            {
                key.removeprefix(_PREFIX): word.text(lang)
                for key, word in WORDS.items()
                if key.startswith(_PREFIX)
            }
        )
        for lang in LANGUAGES
    }
)
"""Every string of the report and its plots, per language; ``{name}`` fields are filled in.

A view of the ``report.`` entries of the library's word table, :mod:`hometeams._words`.
"""


def text(key: str, lang: str, **fields: object) -> str:
    """The string ``key`` in ``lang``, with its ``{fields}`` filled in.

    Examples
    --------
    >>> text("differences", "nb", baseline="faste team")
    'Forskjeller fra faste team'
    """
    return words(_PREFIX + key, lang, **fields)


def metric_label(metric: str, lang: str) -> str:
    """The metric's label in ``lang`` from :data:`~hometeams.metrics.METRICS`, else its name.

    Examples
    --------
    >>> metric_label("idle_share", "nb"), metric_label("idle_share", "en")
    ('Ledig gang', 'Idle share')
    >>> metric_label("wait", "nb")  # not in the catalogue
    'wait'
    """
    info = METRICS.get(metric)
    if info is None:
        return metric
    return info.label_nb if check_lang(lang) == "nb" else info.label_en
