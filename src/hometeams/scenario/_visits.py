"""Visit plans: the recurring visits a user's service decision (*vedtak*) calls for.

Mrs Hansen gets help with medication at 08:00 and 20:00 every day, a shower on Tuesdays and
wound care on Mondays and Thursdays: three :class:`VisitPlan` rows. Each names the weekdays, the
planned start times, the duration distribution, the window after the planned start within
which the visit is on time (``due = ready + window``), the competences the staff sent must hold
(required, hard) and should hold (preferred, soft), whether it takes two staff
(*dobbeltbemanning*) and, optionally, an owning team other than the user's.
"""

from __future__ import annotations

import attrs

from hometeams._parse import check_id
from hometeams._types import CompetenceId, Minutes, TeamId, UserId
from hometeams.model import ALL_DAYS
from hometeams.scenario._durations import DurationDistribution, as_duration
from hometeams.scenario._jobs import (
    check_job,
    days_field,
    preferred_field,
    required_field,
    times_field,
)

__all__ = ["VisitPlan"]


@attrs.frozen
class VisitPlan:
    """Recurring visits to one user, from their service decision (*vedtak*).

    Parameters
    ----------
    user
        The organisation's user id.
    days
        Weekdays of the visits (names, numbers, ``"daily"``, ``"weekdays"``, ``"weekend"``).
    times
        Planned start(s) each of those days, ``"HH:MM"`` or minutes after midnight.
    duration
        A duration distribution, or a number of minutes.
    window
        Minutes after the planned start within which the visit is on time.
    required, preferred
        Competence ids the staff must / should hold.
    n_staff
        1, or 2 for a two-person visit.
    team
        Owning team, overriding the user's team.

    Examples
    --------
    >>> plan = VisitPlan("u1", days="daily", times=["08:00", "20:00"], duration=20,
    ...                  required=["medication"])
    >>> plan.times, plan.duration.mean, plan.window
    ((480.0, 1200.0), 20.0, 60.0)
    """

    user: UserId
    days: frozenset[int] = attrs.field(default=ALL_DAYS, converter=days_field, kw_only=True)
    times: tuple[Minutes, ...] = attrs.field(converter=times_field, kw_only=True)
    duration: DurationDistribution = attrs.field(converter=as_duration, kw_only=True)
    window: Minutes = attrs.field(default=60.0, kw_only=True)
    required: frozenset[CompetenceId] = attrs.field(
        default=frozenset(), converter=required_field, kw_only=True
    )
    preferred: frozenset[CompetenceId] = attrs.field(
        default=frozenset(), converter=preferred_field, kw_only=True
    )
    n_staff: int = attrs.field(default=1, kw_only=True)
    team: TeamId | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_id(self.user, field="user")
        check_job(self)

    def per_week(self) -> int:
        """Visits per week."""
        return len(self.days) * len(self.times)
