"""How large a difference must be to matter in practice: a relevance band per metric.

Twenty replications can tell 99.96 % of visits on time from 100.00 % -- the interval of the
difference excludes zero -- but no user or leader would notice four visits in ten thousand. A
comparison report therefore calls a difference better or worse only when it is *clear* (its
interval excludes zero) and *relevant* (its mean is at least the metric's band away from
zero). Inside the band it says "no practical difference".

The defaults, in each metric's own unit (a share as a fraction: ``0.01`` is one percentage
point), and why:

* on time, late and competence match, 1 percentage point: one visit in a hundred, about one
  user's week of evening visits in a district of fifty users; less than the month-to-month
  variation planners see in their own figures;
* unserved share, 0.1 percentage point: one visit in a thousand left undone is already worth a
  leader's attention (a missed medication round);
* mean and 90th-percentile delay, 5 minutes: visits are agreed within a window of usually 15
  to 30 minutes, and a few minutes' shift inside it is not felt by the user;
* utilisation, idle, face-to-face, travel and absence shares, 2 percentage points: about ten
  minutes of an eight-hour shift;
* travel per visit, 1 minute;
* distinct staff per 14 days, 0.5 person: half a face per fortnight;
* the continuity indices (UPC, COC, SECON, MMCI, HHI) and the known-provider share, 0.02 on
  their 0-1 scale: about one visit in fifty by the usual provider.

Volumes -- hours, jobs, users -- have no default band: what is much depends on the size of the
district and the length of the run. Any band can be set (or set to 0, which turns it off) in a
scenario file's ``[report.relevance]`` table or the report's ``relevance=`` argument.
"""

from __future__ import annotations

import math
import types
from collections.abc import Mapping

from hometeams.errors import InvalidArgument

__all__ = ["RELEVANCE", "relevance_bands"]

_SERVICE_SHARES = ("on_time_share", "late_share", "competence_match", "moved_visits_share")
_TIME_SHARES = ("utilisation", "idle_share", "face_to_face_share", "travel_share", "absent_share")
_INDICES = ("mean_upc", "mean_coc", "mean_secon", "mean_mmci", "mean_hhi", "mean_known_provider")

RELEVANCE: Mapping[str, float] = types.MappingProxyType(
    {
        **dict.fromkeys(_SERVICE_SHARES, 0.01),
        "unserved_share": 0.001,
        "mean_delay": 5.0,
        "p90_delay": 5.0,
        "plan_deviation": 5.0,
        **dict.fromkeys(_TIME_SHARES, 0.02),
        "travel_per_visit": 1.0,
        "mean_distinct_staff_14d": 0.5,
        **dict.fromkeys(_INDICES, 0.02),
    }
)
"""The default practical-relevance band of each metric, in the metric's own unit."""


def relevance_bands(given: Mapping[str, float] | None = None) -> Mapping[str, float]:
    """The defaults of :data:`RELEVANCE` with ``given`` bands in their place.

    Parameters
    ----------
    given
        Bands by metric name, each a finite number >= 0 in the metric's unit; ``0`` turns a
        metric's band off. Names outside the catalogue are allowed (a runner's own metrics).

    Raises
    ------
    InvalidArgument
        Naming the metric and the value that is not a finite number >= 0.

    Examples
    --------
    >>> bands = relevance_bands({"mean_delay": 10, "on_time_share": 0})
    >>> bands["mean_delay"], bands["on_time_share"], bands["idle_share"]
    (10.0, 0.0, 0.02)
    >>> relevance_bands({"mean_delay": -1})
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: relevance.mean_delay: must be a finite number >= 0, got -1
    """
    out = dict(RELEVANCE)
    if given is None:
        return types.MappingProxyType(out)
    if not isinstance(given, Mapping):
        raise InvalidArgument(f"relevance: must be a mapping of metric name to band, got {given!r}")
    for name, band in given.items():
        ok = isinstance(band, int | float) and not isinstance(band, bool)
        if not isinstance(name, str) or not ok or not math.isfinite(band) or band < 0:
            raise InvalidArgument(f"relevance.{name}: must be a finite number >= 0, got {band!r}")
        out[name] = float(band)
    return types.MappingProxyType(out)
