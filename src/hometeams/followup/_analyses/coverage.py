"""Who has a coordinator? Coverage by age group, beside the national figures.

Register data show that few older users have a coordinator and an individual plan: in 2018, 40
per cent of users aged 0-66 with extensive needs had a coordinator, but only 6 per cent of those
aged 67 and over (seed 002 L163-166). Older home-care users usually have a *primary contact*
instead (seed 003 L1438); only 14 per cent of the surveyed coordinators coordinated an older
person (seed 003 L1694). :func:`coverage_by_age` splits a programme's users into those with a
coordinator, those with only a primary contact and those with neither, per age group.

The national shares are among users with *extensive* needs (*omfattende bistandsbehov*) in the
municipal register; a programme's users are whoever the planner lists as having complex needs,
so the comparison is a plausibility check, not a like-for-like test.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

import attrs

from hometeams.followup._model.bands import Band, check_partition
from hometeams.followup._model.programme import FollowUpProgramme

__all__ = ["AGE_GROUPS", "NATIONAL_COORDINATOR_SHARE", "AgeCoverage", "coverage_by_age"]

AGE_GROUPS: tuple[Band, ...] = (Band(0, 66), Band(67))
"""The register's age groups: 0-66 and 67 and over."""

NATIONAL_COORDINATOR_SHARE: Mapping[Band, float] = MappingProxyType(
    {Band(0, 66): 0.40, Band(67): 0.06}
)
"""Share of users with extensive needs who had a coordinator in 2018 (seed 002 L163-166)."""


@attrs.frozen
class AgeCoverage:
    """Coordinator coverage in one age group.

    Attributes
    ----------
    ages
        The age group.
    users
        Users in the group.
    coordinator
        Users with a coordinator.
    primary_contact_only
        Users with a primary contact and no coordinator.
    neither
        Users with neither.
    national_share
        The national share with a coordinator for this group, if published.

    Examples
    --------
    >>> old = AgeCoverage(Band(67), users=50, coordinator=3, primary_contact_only=40, neither=7,
    ...                   national_share=0.06)
    >>> old.coordinator_share
    0.06
    """

    ages: Band
    users: int
    coordinator: int
    primary_contact_only: int
    neither: int
    national_share: float | None

    @property
    def coordinator_share(self) -> float:
        """Share of the group with a coordinator (``nan`` for an empty group)."""
        return self.coordinator / self.users if self.users else float("nan")


def coverage_by_age(
    programme: FollowUpProgramme,
    *,
    groups: Sequence[Band] = AGE_GROUPS,
    national: Mapping[Band, float] = NATIONAL_COORDINATOR_SHARE,
) -> tuple[AgeCoverage, ...]:
    """Users with a coordinator, with only a primary contact, or with neither, by age group.

    Parameters
    ----------
    programme
        The follow-up programme.
    groups
        Age groups partitioning 0, 1, 2, ...; the register's 0-66 and 67+ by default.
    national
        Published shares with a coordinator, by age group; groups without one get ``None``.

    Returns
    -------
    tuple of AgeCoverage
        One per age group, youngest first.

    Examples
    --------
    >>> from hometeams.followup import ComplexNeedsUser, CoordinatorRole, FollowUpProgramme
    >>> p = FollowUpProgramme("x", coordinators=[CoordinatorRole("siri", hours_per_week=2)],
    ...     users=[ComplexNeedsUser("ole", age=6, services=["gp"], coordinator="siri"),
    ...            ComplexNeedsUser("ida", age=40, services=["nav"]),
    ...            ComplexNeedsUser("bjorg", age=74, services=["home-care"],
    ...                             primary_contact="kari")])
    >>> [(c.ages.label, c.users, c.coordinator, c.primary_contact_only, c.neither,
    ...   c.coordinator_share, c.national_share) for c in coverage_by_age(p)]
    [('0-66', 2, 1, 0, 1, 0.5, 0.4), ('67+', 1, 0, 1, 0, 0.0, 0.06)]
    """
    bands = check_partition(groups, name="groups", start=0)
    out = []
    for band in bands:
        members = [u for u in programme.users if band.contains(u.age)]
        with_coordinator = sum(1 for u in members if u.coordinator is not None)
        contact_only = sum(
            1 for u in members if u.coordinator is None and u.primary_contact is not None
        )
        out.append(
            AgeCoverage(
                ages=band,
                users=len(members),
                coordinator=with_coordinator,
                primary_contact_only=contact_only,
                neither=len(members) - with_coordinator - contact_only,
                national_share=national.get(band),
            )
        )
    return tuple(out)
