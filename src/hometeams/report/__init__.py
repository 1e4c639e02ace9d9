"""Reports a planner reads: the organisation analysis, plots, and the comparison report.

:func:`analysis_text` is what ``hometeams analyse FILE`` prints, in English or Norwegian
(bokmål) labels (:data:`LABELS`); :func:`analysis_dict` is the same content as JSON-serialisable
data for ``hometeams analyse --json``. :func:`report_html` and :func:`write_report` make a
single-file HTML report of a comparison for a leader group, with the plots (``plot_*``, needing
the ``plot`` extra) embedded. It leads with :func:`resource_text`'s answer -- what each model
needs in hours, FTE and kroner per week and per year -- and calls a difference too small to
matter no practical difference (:data:`~hometeams.metrics.RELEVANCE`).

The same words and numbers serve the command line's text: :func:`metric_label` names a metric,
:func:`format_number`, :func:`format_value` and :func:`format_bounds` write figures with their
unit and the language's decimal mark (to :func:`decimals` places), :func:`level_text` a
confidence level and :func:`measured_text` the measured period; :func:`difference_kind` says
which sentence a difference calls for and :func:`renamed` calls the models by their names in a
language.

Examples
--------
>>> from hometeams.model import Organisation, Staff
>>> from hometeams.report import analysis_text
>>> org = Organisation("Distrikt 1", staff=[Staff("kari", profession="nurse")])
>>> print(analysis_text(org, lang="nb").splitlines()[0])
Analyse av Distrikt 1
"""

from __future__ import annotations

from hometeams.report._analysis import LABELS, analysis_dict, analysis_text
from hometeams.report._format import (
    decimals,
    format_bounds,
    format_number,
    format_value,
    level_text,
)
from hometeams.report._html import report_html, write_report
from hometeams.report._labels import REPORT_TEXT, metric_label
from hometeams.report._plot_comparison import plot_comparison, plot_tradeoff
from hometeams.report._plot_organisation import plot_organisation
from hometeams.report._plot_runs import plot_distinct_staff, plot_utilisation
from hometeams.report._plot_style import PALETTE
from hometeams.report._reading import describe_difference, difference_kind, renamed
from hometeams.report._resources import FTE_HOURS_PER_WEEK, measured_text, resource_text
from hometeams.report._sections import HEADLINE_METRICS

__all__ = [
    "FTE_HOURS_PER_WEEK",
    "HEADLINE_METRICS",
    "LABELS",
    "PALETTE",
    "REPORT_TEXT",
    "analysis_dict",
    "analysis_text",
    "decimals",
    "describe_difference",
    "difference_kind",
    "format_bounds",
    "format_number",
    "format_value",
    "level_text",
    "measured_text",
    "metric_label",
    "plot_comparison",
    "plot_distinct_staff",
    "plot_organisation",
    "plot_tradeoff",
    "plot_utilisation",
    "renamed",
    "report_html",
    "resource_text",
    "write_report",
]
