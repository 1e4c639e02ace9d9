"""Metrics of a simulation run: staff time, service, competence and continuity of care.

Everything here is computed from :class:`~hometeams.records.Records`, exactly as the design
defines it (the catalogue :data:`METRICS` states every definition):

* :func:`metrics` -- one replication's whole-run figures as a flat ``{name: value}`` mapping;
* :func:`summarise` -- the same figures per team, zone, period and day type, as a
  :class:`MetricTable`;
* :func:`continuity` -- UPC, COC, SECON, MMCI, HHI and known-provider share of one sequence
  of visits; :func:`continuity_by_user` and :func:`distinct_staff` per user from the records;
  :func:`expected_distinct_staff` -- the baseline of a randomly assigned pool;
* :data:`RELEVANCE` -- how large a difference in each metric must be to matter in practice.
"""

from __future__ import annotations

from hometeams.metrics._catalogue import METRICS, MetricInfo
from hometeams.metrics._continuity import Continuity, continuity, expected_distinct_staff
from hometeams.metrics._grouping import GROUP_KEYS
from hometeams.metrics._hourly import utilisation_by_hour
from hometeams.metrics._relevance import RELEVANCE, relevance_bands
from hometeams.metrics._summary import metrics, summarise
from hometeams.metrics._table import MetricTable
from hometeams.metrics._users import continuity_by_user, distinct_staff

__all__ = [
    "GROUP_KEYS",
    "METRICS",
    "RELEVANCE",
    "Continuity",
    "MetricInfo",
    "MetricTable",
    "continuity",
    "continuity_by_user",
    "distinct_staff",
    "expected_distinct_staff",
    "metrics",
    "relevance_bands",
    "summarise",
    "utilisation_by_hour",
]
