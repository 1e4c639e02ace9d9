"""Unplanned jobs: arrival processes and safety alarms.

Beside the planned visits come jobs nobody planned -- a relative calls, the GP asks for a blood
test -- more of them in the morning and on Mondays. An :class:`ArrivalProcess` is a
non-homogeneous Poisson process whose rate (jobs per hour) is a base rate times an hour-of-day
profile times a weekday profile; it is realised exactly, hour by hour (a Poisson count for each
hour, placed uniformly in it). :class:`Alarms` are the same kind of process for safety-alarm calls
(*trygghetsalarm*), which need someone within half an hour.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import attrs

from hometeams._parse import check_id, check_nonnegative
from hometeams._time import DAY, HOUR
from hometeams._types import CompetenceId, Minutes, TeamId, UserId
from hometeams.errors import InvalidScenario
from hometeams.scenario._durations import DurationDistribution, Fixed, as_duration
from hometeams.scenario._jobs import check_job, preferred_field, required_field

__all__ = ["Alarms", "ArrivalProcess"]


def _profile(values: Iterable[float] | None, *, field: str, size: int) -> tuple[float, ...] | None:
    if values is None:
        return None
    items = tuple(values)
    if len(items) != size:
        raise InvalidScenario(f"must have {size} values, got {len(items)}", path=field)
    for i, value in enumerate(items):
        check_nonnegative(value, field=f"{field}[{i}]")
    return tuple(float(v) for v in items)


def _by_hour(values: Iterable[float] | None) -> tuple[float, ...] | None:
    return _profile(values, field="by_hour", size=24)


def _by_weekday(values: Iterable[float] | None) -> tuple[float, ...] | None:
    return _profile(values, field="by_weekday", size=7)


def _users(values: Iterable[UserId] | str) -> tuple[UserId, ...]:
    items = (values,) if isinstance(values, str) else tuple(values)
    for i, item in enumerate(items):
        check_id(item, field=f"users[{i}]")
    return items


class _Rated:
    """The rate profile shared by arrival processes and alarms."""

    rate: float
    by_hour: tuple[float, ...] | None
    by_weekday: tuple[float, ...] | None

    def rate_at(self, t: Minutes) -> float:
        """Jobs per hour at time ``t`` (minutes since Monday 00:00 of week 1).

        Examples
        --------
        >>> ArrivalProcess(2.0, by_weekday=[2, 1, 1, 1, 1, 0, 0], duration=30).rate_at(60.0)
        4.0
        """
        day = math.floor(t / DAY)
        hour = math.floor((t - day * DAY) / HOUR)
        h = 1.0 if self.by_hour is None else self.by_hour[hour]
        w = 1.0 if self.by_weekday is None else self.by_weekday[day % 7]
        return self.rate * h * w

    def expected(self, start: Minutes, end: Minutes) -> float:
        """Expected number of jobs in ``[start, end)``: the integral of the rate.

        Examples
        --------
        >>> ArrivalProcess(2.0, duration=30).expected(0.0, 90.0)
        3.0
        """
        total = 0.0
        t = start
        while t < end:
            edge = min(end, (math.floor(t / HOUR) + 1) * HOUR)
            total += self.rate_at(t) * (edge - t) / HOUR
            t = edge
        return total


def _check_rated(obj: _Rated, *, name: str) -> None:
    check_nonnegative(obj.rate, field="rate")
    check_id(name, field="name")


@attrs.frozen
class ArrivalProcess(_Rated):
    """Unplanned jobs arriving at random: a Poisson process whose rate varies by hour and day.

    The rate at time ``t`` is ``rate * by_hour[hour of t] * by_weekday[weekday of t]`` jobs per
    hour; the profiles default to all ones. Each job is for a user drawn uniformly from ``users``
    (default: every user of the organisation) at their zone.

    Parameters
    ----------
    rate
        Base rate, jobs per hour.
    by_hour
        24 non-negative multipliers for the hours 00-23.
    by_weekday
        7 non-negative multipliers, Monday first.
    users
        User ids to draw from; empty for all users.
    duration, window, required, preferred, n_staff, team
        As for :class:`VisitPlan`.
    name
        Names the source in the realised jobs and its random stream; unique within a scenario.

    Examples
    --------
    >>> day_only = [0.0] * 8 + [1.0] * 8 + [0.0] * 8
    >>> calls = ArrivalProcess(1.5, by_hour=day_only, duration=30, window=240)
    >>> calls.expected(0.0, 1440.0)
    12.0
    """

    rate: float
    by_hour: tuple[float, ...] | None = attrs.field(default=None, converter=_by_hour, kw_only=True)
    by_weekday: tuple[float, ...] | None = attrs.field(
        default=None, converter=_by_weekday, kw_only=True
    )
    users: tuple[UserId, ...] = attrs.field(default=(), converter=_users, kw_only=True)
    duration: DurationDistribution = attrs.field(converter=as_duration, kw_only=True)
    window: Minutes = attrs.field(default=120.0, kw_only=True)
    required: frozenset[CompetenceId] = attrs.field(
        default=frozenset(), converter=required_field, kw_only=True
    )
    preferred: frozenset[CompetenceId] = attrs.field(
        default=frozenset(), converter=preferred_field, kw_only=True
    )
    n_staff: int = attrs.field(default=1, kw_only=True)
    team: TeamId | None = attrs.field(default=None, kw_only=True)
    name: str = attrs.field(default="arrival", kw_only=True)

    def __attrs_post_init__(self) -> None:
        _check_rated(self, name=self.name)
        check_job(self)
        object.__setattr__(self, "rate", float(self.rate))


@attrs.frozen
class Alarms(_Rated):
    """Safety-alarm calls (*trygghetsalarm*): urgent Poisson jobs with a short window.

    The same rate profile as :class:`ArrivalProcess`; the default window is 30 minutes and the
    default duration 20 minutes. Jobs are of kind ``"alarm"``.

    Examples
    --------
    >>> alarms = Alarms(0.25)
    >>> alarms.window, alarms.duration.mean, alarms.expected(0.0, 1440.0)
    (30.0, 20.0, 6.0)
    """

    rate: float
    by_hour: tuple[float, ...] | None = attrs.field(default=None, converter=_by_hour, kw_only=True)
    by_weekday: tuple[float, ...] | None = attrs.field(
        default=None, converter=_by_weekday, kw_only=True
    )
    users: tuple[UserId, ...] = attrs.field(default=(), converter=_users, kw_only=True)
    duration: DurationDistribution = attrs.field(
        default=Fixed(20.0), converter=as_duration, kw_only=True
    )
    window: Minutes = attrs.field(default=30.0, kw_only=True)
    required: frozenset[CompetenceId] = attrs.field(
        default=frozenset(), converter=required_field, kw_only=True
    )
    preferred: frozenset[CompetenceId] = attrs.field(
        default=frozenset(), converter=preferred_field, kw_only=True
    )
    n_staff: int = attrs.field(default=1, kw_only=True)
    team: TeamId | None = attrs.field(default=None, kw_only=True)
    name: str = attrs.field(default="alarm", kw_only=True)

    def __attrs_post_init__(self) -> None:
        _check_rated(self, name=self.name)
        check_job(self)
        object.__setattr__(self, "rate", float(self.rate))
