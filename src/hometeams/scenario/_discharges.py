"""Hospital discharges and the episodes of visits they start.

"On a Friday four came home from hospital and you had to take all four; on Wednesday you had no
users" (domain.md §2, item 2). :class:`Discharges` draws the number discharged each day from a
negative binomial with a mean per weekday and a dispersion parameter -- overdispersed and
lumpy -- and each discharged person becomes a new user, living in a zone drawn by weight, who
gets an :class:`Episode`: visits at fixed times on each of the following days.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from hometeams._parse import (
    check_count,
    check_id,
    check_nonnegative,
    check_positive,
    clock_minutes,
)
from hometeams._time import HOUR
from hometeams._types import CompetenceId, Minutes, TeamId, ZoneId
from hometeams.errors import InvalidScenario
from hometeams.scenario._durations import DurationDistribution, as_duration
from hometeams.scenario._jobs import check_job, preferred_field, required_field, times_field

__all__ = ["Discharges", "Episode"]


@attrs.frozen
class Episode:
    """The visits a discharged user gets: at ``times`` on each of ``days`` days.

    Day 0 is the day of discharge; its visits before the discharge time are skipped (the user is
    not home yet).

    Examples
    --------
    >>> e = Episode(days=14, times=["09:00", "18:00"], duration=45, required=["rehabilitation"])
    >>> e.days, e.times
    (14, (540.0, 1080.0))
    """

    days: int = attrs.field(kw_only=True)
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

    def __attrs_post_init__(self) -> None:
        check_count(self.days, field="days", low=1)
        check_job(self)


def _means(values: Iterable[float] | float) -> tuple[float, ...]:
    if isinstance(values, int | float) and not isinstance(values, bool):
        items: tuple[float, ...] = (values,) * 7
    else:
        items = tuple(values)  # type: ignore[arg-type]
    if len(items) != 7:
        raise InvalidScenario(
            f"must be one number or 7 (Monday first), got {len(items)}", path="mean"
        )
    for i, value in enumerate(items):
        check_nonnegative(value, field=f"mean[{i}]")
    return tuple(float(v) for v in items)


def _time(value: object) -> Minutes:
    return clock_minutes(value, field="time")


def _zones(values: Iterable[ZoneId] | str) -> tuple[ZoneId, ...]:
    items = (values,) if isinstance(values, str) else tuple(values)
    for i, item in enumerate(items):
        check_id(item, field=f"zones[{i}]")
    return items


def _weights(values: Iterable[float] | None) -> tuple[float, ...] | None:
    return None if values is None else tuple(values)


@attrs.frozen
class Discharges:
    """Hospital discharges: a lumpy daily count, each bringing a new user home.

    The number discharged on a day is negative binomial with the weekday's ``mean`` and
    variance ``mean + mean**2 / dispersion`` -- overdispersed, so that some Fridays bring four
    and some Wednesdays none. ``dispersion=None`` gives Poisson counts (variance = mean).
    Each discharge at ``time`` creates a user (``"<name>-<n>"``, kept unique) living in a zone
    drawn from ``zones`` (weighted by ``zone_weights``; default all the organisation's zones,
    equally), who then gets the :class:`Episode` of visits. The jobs are of kind
    ``"discharge"`` and owned by ``team`` if given (else by the zone's team at dispatch).

    Parameters
    ----------
    mean
        Mean discharges per day: one number, or 7 (Monday first).
    dispersion
        Negative-binomial size parameter ``k > 0``; smaller is lumpier.
    time
        Clock time of arrival home.
    episode
        The visits each discharged user gets.
    zones, zone_weights
        Where new users live.
    team
        Owning team of the episode's jobs (e.g. a reablement team).
    name
        Names the source, the new users and its random stream.

    Examples
    --------
    >>> d = Discharges(mean=[0.5, 0.5, 0.2, 0.5, 1.5, 0.1, 0.1], dispersion=0.8,
    ...                episode=Episode(days=7, times=["10:00"], duration=45))
    >>> round(d.variance[4], 6)
    4.3125
    """

    mean: tuple[float, ...] = attrs.field(converter=_means)
    episode: Episode = attrs.field(kw_only=True)
    dispersion: float | None = attrs.field(default=None, kw_only=True)
    time: Minutes = attrs.field(default=13 * HOUR, converter=_time, kw_only=True)
    zones: tuple[ZoneId, ...] = attrs.field(default=(), converter=_zones, kw_only=True)
    zone_weights: tuple[float, ...] | None = attrs.field(
        default=None, converter=_weights, kw_only=True
    )
    team: TeamId | None = attrs.field(default=None, kw_only=True)
    name: str = attrs.field(default="discharge", kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_id(self.name, field="name")
        if self.dispersion is not None:
            check_positive(self.dispersion, field="dispersion")
            object.__setattr__(self, "dispersion", float(self.dispersion))
        if self.team is not None:
            check_id(self.team, field="team")
        if self.zone_weights is not None:
            if len(self.zone_weights) != len(self.zones):
                raise InvalidScenario(
                    f"must have one weight per zone ({len(self.zones)}), "
                    f"got {len(self.zone_weights)}",
                    path="zone_weights",
                )
            for i, weight in enumerate(self.zone_weights):
                check_nonnegative(weight, field=f"zone_weights[{i}]")
            if sum(self.zone_weights) <= 0:
                raise InvalidScenario("must not all be zero", path="zone_weights")

    @property
    def variance(self) -> tuple[float, ...]:
        """Variance of the daily count per weekday: ``mean + mean**2 / dispersion``."""
        k = self.dispersion
        return tuple(m if k is None else m + m * m / k for m in self.mean)
