"""The coordinator role, the coordinating unit and the individual plan.

Every follow-up team has a **coordinator** as its leader, who secures the coordination of the
services, continuity and progress (seed 002 L52-54). Coordinating is a *role*, not a position: a
physiotherapist, a psychiatric nurse or a special-needs teacher takes it on beside their ordinary
work (seed 002 L86, cases A-I in L492-639), which is why "almost one coordinator in three" says
they lack the time and training for it (seed 003 L1718). A :class:`CoordinatorRole` therefore
carries a time budget in hours a week and, optionally, a cap on the number of users.

The municipal **coordinating unit** (*koordinerende enhet*, KE) receives reports of need,
ensures an interdisciplinary assessment, recruits, trains and supports coordinators (seed 003
table 5, L1038-1042). Its capacity to assess reports is the first queue in the follow-up flow
(:func:`~hometeams.followup.simulate_flow`).

The **individual plan** (*individuell plan*, IP) sums up goals, measures, responsibilities and the
times for evaluation (seed 002 L80-81); the user owns it (seed 003 L1194).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import attrs

from hometeams._types import StaffId, UnitId
from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.followup._model.checks import (
    check_count,
    check_id,
    check_optional_count,
    check_optional_id,
    check_positive,
)
from hometeams.followup._model.services import Service

__all__ = ["FULL_TIME_HOURS", "CoordinatingUnit", "CoordinatorRole", "IndividualPlan"]

FULL_TIME_HOURS = 37.5
"""Hours a week in a full-time position. Assumption: the usual ordinary working week in
Norwegian municipal collective agreements for day positions (not from the seeds). A coordinator
role cannot take more hours than the position it is held beside."""


def _optional_service(value: Service | str | None) -> Service | None:
    if value is None:
        return None
    try:
        return Service(value)
    except ValueError:
        raise InvalidScenario(
            f"must be a Service value such as 'home-care', got {value!r}", path="service"
        ) from None


@attrs.frozen
class CoordinatorRole:
    """A staff member's coordinator role: the time it may take and how many users it may hold.

    Parameters
    ----------
    staff
        The staff id of the person holding the role.
    hours_per_week
        Hours a week set aside for coordinating, in ``(0, 37.5]``.
    max_caseload
        The most users the person may coordinate; ``None`` leaves only the time budget.
    service
        The service of the person's ordinary position (e.g. home care, school), if known.

    Examples
    --------
    >>> role = CoordinatorRole("kari", hours_per_week=3.0, max_caseload=2, service="home-care")
    >>> role.slots(hours_per_user=1.0), role.slots(hours_per_user=2.0)
    (2, 1)
    >>> CoordinatorRole("ola", hours_per_week=0)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: hours_per_week: must be a finite number > 0, got 0
    """

    staff: StaffId
    hours_per_week: float = attrs.field(kw_only=True)
    max_caseload: int | None = attrs.field(default=None, kw_only=True)
    service: Service | None = attrs.field(default=None, converter=_optional_service, kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_id(self.staff, field="staff")
        check_positive(self.hours_per_week, field="hours_per_week")
        if self.hours_per_week > FULL_TIME_HOURS:
            raise InvalidScenario(
                f"must be <= {FULL_TIME_HOURS:g} (a full-time week), got {self.hours_per_week!r}",
                path="hours_per_week",
            )
        check_optional_count(self.max_caseload, field="max_caseload")

    def slots(self, *, hours_per_user: float) -> int:
        """How many users the role can hold: its hours' worth, capped by ``max_caseload``.

        Parameters
        ----------
        hours_per_user
            Coordinating hours a week one user takes.
        """
        if (
            isinstance(hours_per_user, bool)
            or not isinstance(hours_per_user, int | float)
            or not math.isfinite(hours_per_user)
            or hours_per_user <= 0
        ):
            raise InvalidArgument(
                f"hours_per_user: must be a finite number > 0, got {hours_per_user!r}"
            )
        # A tiny tolerance keeps 3.0 / 1.5 from flooring to 1 through rounding.
        by_hours = int(self.hours_per_week / hours_per_user + 1e-9)
        return by_hours if self.max_caseload is None else min(by_hours, self.max_caseload)


def _goals(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        return (values,)
    return tuple(values)


@attrs.frozen
class IndividualPlan:
    """A user's individual plan: goals and how often the plan is evaluated.

    Parameters
    ----------
    goals
        The user's goals in their own words ("What matters to you?", seed 002 L30).
    review_weeks
        Weeks between evaluations of the plan. The default of 26 (twice a year) is an
        assumption: the old responsibility groups met twice a year (seed 002 L1412), and the
        evaluation found one to three meetings a year (seed 003 L1483).
    digital
        Whether it is kept in a digital planning tool (e.g. Samspill, seed 002 L920).

    Examples
    --------
    >>> IndividualPlan(goals=["go to football matches"], review_weeks=13).review_weeks
    13
    >>> IndividualPlan(goals=[""])
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: goals[0]: must be a non-empty string, got ''
    """

    goals: tuple[str, ...] = attrs.field(default=(), converter=_goals, kw_only=True)
    review_weeks: float = attrs.field(default=26.0, kw_only=True)
    digital: bool = attrs.field(default=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        for i, goal in enumerate(self.goals):
            if not isinstance(goal, str) or not goal.strip():
                raise InvalidScenario(
                    f"must be a non-empty string, got {goal!r}", path=f"goals[{i}]"
                )
        check_positive(self.review_weeks, field="review_weeks")


def _staff_ids(values: Iterable[StaffId]) -> tuple[StaffId, ...]:
    if isinstance(values, str):
        return (values,)
    return tuple(values)


@attrs.frozen
class CoordinatingUnit:
    """The municipality's coordinating unit (*koordinerende enhet*, KE).

    Parameters
    ----------
    id
        An id for the unit.
    name
        Display name, e.g. ``"Koordinerende eining"``.
    members
        Staff ids of its members; Kinn's unit is made of 20 % positions from many services
        (seed 003 table 4, L1020).
    unit
        The organisational unit it belongs to, if it is modelled.
    capacity
        How many reports it can assess at the same time (the servers of the assessment queue).

    Examples
    --------
    >>> ke = CoordinatingUnit("ke", name="Koordinerende enhet", members=["anne", "per"],
    ...                       capacity=2)
    >>> ke.capacity, ke.members
    (2, ('anne', 'per'))
    """

    id: str
    name: str = attrs.field(default="", kw_only=True)
    members: tuple[StaffId, ...] = attrs.field(default=(), converter=_staff_ids, kw_only=True)
    unit: UnitId | None = attrs.field(default=None, kw_only=True)
    capacity: int = attrs.field(default=1, kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_id(self.id)
        seen: set[str] = set()
        for i, member in enumerate(self.members):
            check_id(member, field=f"members[{i}]")
            if member in seen:
                raise InvalidScenario(f"staff {member!r} is listed twice", path=f"members[{i}]")
            seen.add(member)
        check_optional_id(self.unit, field="unit")
        check_count(self.capacity, field="capacity")
