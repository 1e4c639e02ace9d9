"""The catalogue of metrics: what each figure means, its unit and which way is better.

The names are a contract: :func:`~hometeams.metrics.metrics` returns exactly these keys, in this
order, and :func:`~hometeams.metrics.summarise` has exactly these columns after the group keys.
A report labels its tables in Norwegian or English from here (the labels are the
``metric.<name>`` entries of the library's word table), and draws arrows (better/worse)
from ``higher_is_better`` -- ``None`` where a figure is a volume rather than a quality (how many
jobs, how many hours). The unit also fixes the range a figure can take
(:attr:`MetricInfo.bounds`): a share or an index lies between 0 and 1, a count or a number of
hours or minutes is never negative. A confidence interval of a metric's mean is shown cut at
that range: an unserved share of "0.03 % [0.00, 0.11]", not "[−0.05, 0.11]".

Three families:

* ``service`` -- from the jobs, grouped by ready time and owning team/zone;
* ``staff time`` -- from the shifts; absent shifts are in neither numerator nor denominator of
  utilisation, idle share and face-to-face share, and are reported apart;
* ``continuity`` -- from each user's served visits, within the group.
"""

from __future__ import annotations

import math
import types
from collections.abc import Mapping

import attrs

from hometeams._words import WORDS

__all__ = ["METRICS", "MetricInfo"]

_BOUNDS: Mapping[str, tuple[float, float]] = types.MappingProxyType(
    {
        "share": (0.0, 1.0),
        "index": (0.0, 1.0),
        "minutes": (0.0, math.inf),
        "hours": (0.0, math.inf),
        "jobs": (0.0, math.inf),
        "users": (0.0, math.inf),
        "staff": (0.0, math.inf),
    }
)
"""The range of values of each unit: the one place a metric's range is written."""


@attrs.frozen
class MetricInfo:
    """What one metric means.

    Attributes
    ----------
    name
        The key in :func:`~hometeams.metrics.metrics` and the column in a summary table.
    family
        ``"service"``, ``"staff time"`` or ``"continuity"``.
    unit
        ``"share"`` (0 to 1), ``"index"`` (0 to 1), ``"minutes"``, ``"hours"``, ``"jobs"``,
        ``"users"`` or ``"staff"``.
    higher_is_better
        ``True``/``False``, or ``None`` for a volume that is neither good nor bad.
    label_nb, label_en
        Short labels in Norwegian (bokmål) and English, from the library's word table
        (``metric.<name>`` in :mod:`hometeams._words`).
    description
        The definition, in English.

    Examples
    --------
    >>> info = METRICS["idle_share"]
    >>> info.label_nb, info.unit, info.higher_is_better
    ('Ledig gang', 'share', False)
    >>> info.bounds, METRICS["travel_hours"].bounds
    ((0.0, 1.0), (0.0, inf))
    """

    name: str
    family: str
    unit: str
    higher_is_better: bool | None
    label_nb: str
    label_en: str
    description: str

    @property
    def bounds(self) -> tuple[float, float]:
        """The smallest and largest value the metric can take, from its unit.

        ``(0.0, 1.0)`` for a share or an index, ``(0.0, inf)`` for minutes, hours and counts.
        """
        return _BOUNDS[self.unit]


_S, _T, _C = "service", "staff time", "continuity"


def _labels(name: str) -> tuple[str, str]:
    """The metric's labels in Norwegian and English: ``metric.<name>`` of the word table."""
    word = WORDS[f"metric.{name}"]
    return word.nb, word.en


_ENTRIES = (
    (_S, "jobs", "jobs", None,
     "Jobs that became ready after the warm-up (a two-person visit is one job)."),
    (_S, "served", "jobs", None, "Jobs started within the horizon (on time or late)."),
    (_S, "unserved", "jobs", False, "Jobs never started within the horizon."),
    (_S, "unserved_share", "share", False, "unserved / jobs."),
    (_S, "on_time_share", "share", True,
     ("Jobs started by their due time / all jobs (unserved jobs count as not on time), so "
     "on_time_share + late_share + unserved_share = 1.")),
    (_S, "late_share", "share", False, "Jobs started after their due time / all jobs."),
    (_S, "mean_delay", "minutes", False, "Mean of start - ready over served jobs."),
    (_S, "p90_delay", "minutes", False,
     "90th percentile of start - ready over served jobs (linear interpolation, as numpy)."),
    (_S, "competence_match", "share", True,
     ("Among served jobs that had preferred competences: the share where all of them were met. "
     "Jobs without preferences and unserved jobs are left out of the denominator.")),
    (_S, "plan_deviation", "minutes", False,
     ("Mean |start - planned start| over the served visits that were on a work list, in "
     "minutes; nan without lists.")),
    (_S, "moved_visits_share", "share", False,
     ("Share of the visits on a work list not done by the staff member they were planned for "
     "(a list handed over, a visit released to the dispatcher); nan without lists.")),
    (_T, "rostered_hours", "hours", None,
     "Rostered hours of every shift, including absent ones: the roster as planned."),
    (_T, "staff_hours", "hours", None,
     "Rostered hours of the shifts worked (not absent) plus overtime."),
    (_T, "utilisation", "share", None,
     ("(busy + travel) / rostered, over shifts worked (absent shifts excluded). Neither better "
     "nor worse by itself: it rises with travel as much as with work, so read it beside the "
     "idle share and the travel share.")),
    (_T, "idle_share", "share", False,
     "idle / rostered, over shifts worked (absent shifts excluded)."),
    (_T, "face_to_face_share", "share", True,
     ("(busy + overtime on site) / (rostered + overtime), over shifts worked: the share of "
     "paid time spent with users, counting the end of a visit that runs past the shift.")),
    (_T, "travel_hours", "hours", False,
     ("Total travel of the staff over the measured period, in hours: travel within shifts plus "
     "the part of overtime not on site.")),
    (_T, "travel_share", "share", False,
     ("travel / (busy + travel), over shifts worked, overtime included: the share of the time "
     "working (not idle) spent on the road.")),
    (_T, "travel_per_visit", "minutes", False,
     ("Travel minutes of the staff (travel_hours) per served job; both staff of a two-person "
     "visit travel. nan where the group has no time worked.")),
    (_T, "overtime_hours", "hours", False,
     "Minutes worked past the end of shifts over the measured period, in hours."),
    (_T, "absent_hours", "hours", False,
     "Rostered hours of shifts the staff member was absent from."),
    (_T, "absent_share", "share", False, "absent rostered minutes / all rostered minutes."),
    (_C, "users", "users", None, "Users with at least one served visit in the group."),
    (_C, "continuity_users", "users", None,
     ("Users with at least two served visits in the group: the users the mean indices are "
     "averaged over.")),
    (_C, "mean_distinct_staff_14d", "staff", False,
     ("Mean over user-fortnights with a served visit of the number of distinct staff met (both "
     "staff of a two-person visit); fortnights start at the warm-up's end and only whole "
     "fortnights within the horizon count.")),
    (_C, "mean_upc", "index", True, "max n_i / N, averaged over continuity_users."),
    (_C, "mean_coc", "index", True,
     "(sum n_i^2 - N) / (N (N - 1)), averaged over continuity_users."),
    (_C, "mean_secon", "index", True,
     ("Share of consecutive visit pairs by the same staff member, averaged over "
     "continuity_users.")),
    (_C, "mean_mmci", "index", True,
     "(1 - M / (N + 0.1)) / (1 - 1 / (N + 0.1)), averaged over continuity_users."),
    (_C, "mean_hhi", "index", True, "sum (n_i / N)^2, averaged over continuity_users."),
    (_C, "mean_known_provider", "share", True,
     "Share of visits 2..N by a staff member already seen, averaged over continuity_users."),
)  # fmt: skip

METRICS: Mapping[str, MetricInfo] = types.MappingProxyType(
    {
        name: MetricInfo(name, family, unit, better, *_labels(name), text)
        for family, name, unit, better, text in _ENTRIES
    }
)
"""Every metric, by name, in the order of a summary table's columns."""
