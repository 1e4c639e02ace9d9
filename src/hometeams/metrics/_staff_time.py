"""Staff-time metrics from the shift rows: how the rostered minutes were spent.

Kari's Tuesday evening shift is 480 rostered minutes: 250 at users' homes (busy), 90 in the car
(travel), 140 waiting for the next call (idle, *ledig gang*); she then stays 20 minutes past the
end of the shift to finish a visit (overtime). Her utilisation is (250 + 90) / 480, her idle
share 140 / 480 -- the two add up to one -- and her face-to-face share, the share of the time
paid for that was spent with users, is 250 / (480 + 20).

Per is rostered the same evening but is off sick. His shift is in the roster (``rostered_hours``)
and in the absence figures (``absent_hours``, ``absent_share``), but in neither the numerator nor
the denominator of utilisation, idle share or face-to-face share: those describe how the time of
the staff who came to work was used. Absence shows up instead as fewer staff on shift -- more
delay, more unserved visits -- and in the absence figures.

Her 90 minutes in the car are her travel (``travel_hours`` 1.5); with the 250 minutes at
users' homes, her travel share is 90 / (250 + 90): a quarter of the time she worked went on the
road. Utilisation counts travel as use of the shift, so a model that adds driving raises
utilisation without adding a minute with users -- travel and face-to-face share show that.
Minutes after the shift count too: overtime is either on site (``overtime_busy``) or travel.

Sums over no shifts are 0 hours; ratios without a denominator are ``nan``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from hometeams._time import HOUR
from hometeams.metrics._continuity import ratio
from hometeams.records import ShiftRecords

__all__ = ["staff_time_metrics", "travel_per_visit"]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


def staff_time_metrics(
    shifts: ShiftRecords, group: IntArray, n_groups: int
) -> dict[str, FloatArray]:
    """Hours and shares of staff time per group.

    Returns
    -------
    dict
        ``rostered_hours``, ``staff_hours``, ``utilisation``, ``idle_share``,
        ``face_to_face_share``, ``travel_hours``, ``travel_share``, ``overtime_hours``,
        ``absent_hours``, ``absent_share``.
    """
    present = ~shifts.absent
    worked = group[present]

    def total(values: FloatArray) -> FloatArray:
        return np.bincount(worked, weights=values[present], minlength=n_groups).astype(np.float64)

    rostered_all = np.bincount(group, weights=shifts.rostered, minlength=n_groups)
    rostered = total(shifts.rostered)
    busy, travel, idle = total(shifts.busy), total(shifts.travel), total(shifts.idle)
    overtime = total(shifts.overtime)
    on_site = busy + total(shifts.overtime_busy)  # time with users, in the shift or after it
    on_road = travel + overtime - total(shifts.overtime_busy)  # the rest of overtime is travel
    absent = np.bincount(group[~present], weights=shifts.rostered[~present], minlength=n_groups)
    return {
        "rostered_hours": rostered_all / HOUR,
        "staff_hours": (rostered + overtime) / HOUR,
        "utilisation": ratio(busy + travel, rostered),
        "idle_share": ratio(idle, rostered),
        "face_to_face_share": ratio(on_site, rostered + overtime),
        "travel_hours": on_road / HOUR,
        "travel_share": ratio(on_road, on_site + on_road),
        "overtime_hours": overtime / HOUR,
        "absent_hours": absent / HOUR,
        "absent_share": ratio(absent, rostered_all),
    }


def travel_per_visit(
    travel_hours: FloatArray, served: FloatArray, staff_hours: FloatArray
) -> FloatArray:
    """Travel minutes per served job, per group; ``nan`` without a served job or time worked.

    The travel is the staff's (both staff of a two-person visit drive), from the group's
    shifts; the jobs are the group's. A group with served jobs but no shift worked -- the
    unowned jobs of a pooled model, grouped by team -- has no figure rather than zero.

    Examples
    --------
    >>> travel_per_visit(np.array([4.5, 0.0]), np.array([5.0, 3.0]), np.array([24.5, 0.0]))
    array([54., nan])
    """
    per_visit = ratio(travel_hours * HOUR, served)
    return np.where(staff_hours > 0, per_visit, np.nan)
