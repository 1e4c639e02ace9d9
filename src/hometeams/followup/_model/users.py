"""Users with complex needs and the follow-up team around each of them.

A follow-up team is built around *one* user with major and complex needs (seed 002 L18-25). Its
composition follows what matters to the user at any time, with "a smaller core of fixed team
members" and others drawn in as needed -- a speech therapist, a nutritionist, a psychologist
(seed 002 L74-78). The user's GP always carries the medical responsibility (seed 002 L35-37),
whether or not they come to meetings.

Many users with extensive needs, especially older home-care users, have no coordinator but a
*primary contact* (*primærkontakt*) in home care instead (seed 003 L1438); in Kinn the
primary contact of older users simply becomes their coordinator (seed 003 L842).
:class:`ComplexNeedsUser` holds both, so that coverage can be counted
(:func:`~hometeams.followup.coverage_by_age`).
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from hometeams._types import StaffId, UserId
from hometeams.errors import InvalidScenario
from hometeams.followup._model.checks import check_id, check_optional_id
from hometeams.followup._model.roles import IndividualPlan
from hometeams.followup._model.services import Service, services_of
from hometeams.model import User

__all__ = ["ComplexNeedsUser", "FollowUpTeam"]


def _services(values: Iterable[Service | str]) -> frozenset[Service]:
    return services_of(values)


def _core(values: Iterable[Service | str]) -> frozenset[Service]:
    return services_of(values, field="core")


def _wider(values: Iterable[Service | str]) -> frozenset[Service]:
    return services_of(values, field="wider")


def _check_age(age: object) -> None:
    if isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= 130:
        raise InvalidScenario(f"must be an integer from 0 to 130, got {age!r}", path="age")


@attrs.frozen
class ComplexNeedsUser:
    """A user with major and complex needs, and who follows them up.

    Parameters
    ----------
    id
        Unique user id (the same as in an :class:`~hometeams.model.Organisation` if they are a
        home-care user there).
    age
        Age in years.
    services
        The services and actors involved (at least one), e.g. ``{"gp", "home-care", "nav"}``.
    coordinator
        The staff id of their coordinator, or ``None`` if they have none.
    primary_contact
        Their primary contact in home care, a staff id, if any.
    gp
        An id for their GP (*fastlege*), if known; two users with the same GP share that actor.
        Naming a GP requires ``"gp"`` among the services.
    plan
        Their individual plan, or ``None`` if they have none (four of the nine case teams
        had one, seed 002 L1435-1436).

    Examples
    --------
    >>> bjorg = ComplexNeedsUser("bjorg", age=74, services=["gp", "home-care", "physiotherapy",
    ...                          "occupational-therapy", "specialist-health"],
    ...                          coordinator="siri", gp="dr-lund")
    >>> bjorg.service_count, bjorg.has_coordinator
    (5, True)
    >>> ComplexNeedsUser("x", age=40, services=["nav"], gp="dr-lund")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: gp: naming a GP needs 'gp' among the services, got ['nav']
    """

    id: UserId
    age: int = attrs.field(kw_only=True)
    services: frozenset[Service] = attrs.field(converter=_services, kw_only=True)
    coordinator: StaffId | None = attrs.field(default=None, kw_only=True)
    primary_contact: StaffId | None = attrs.field(default=None, kw_only=True)
    gp: str | None = attrs.field(default=None, kw_only=True)
    plan: IndividualPlan | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_id(self.id)
        _check_age(self.age)
        if not self.services:
            raise InvalidScenario(
                "must name at least one service; a user with complex needs has several",
                path="services",
            )
        check_optional_id(self.coordinator, field="coordinator")
        check_optional_id(self.primary_contact, field="primary_contact")
        check_optional_id(self.gp, field="gp")
        if self.gp is not None and Service.GP not in self.services:
            listed = sorted(s.value for s in self.services)
            raise InvalidScenario(
                f"naming a GP needs 'gp' among the services, got {listed}", path="gp"
            )
        if self.plan is not None and not isinstance(self.plan, IndividualPlan):
            raise InvalidScenario(f"must be an IndividualPlan, got {self.plan!r}", path="plan")

    @classmethod
    def from_user(
        cls,
        user: User,
        *,
        services: Iterable[Service | str] = (Service.HOME_CARE,),
        coordinator: StaffId | None = None,
        gp: str | None = None,
        plan: IndividualPlan | None = None,
    ) -> ComplexNeedsUser:
        """The follow-up view of a home-care user from the organisation model.

        The id, age and primary contact come from ``user``; its age must be known.

        Examples
        --------
        >>> from hometeams.model import User
        >>> u = User("u7", zone="north", primary_contact="kari", age=82)
        >>> ComplexNeedsUser.from_user(u, services=["home-care", "gp"]).primary_contact
        'kari'
        """
        if user.age is None:
            raise InvalidScenario(
                f"user {user.id!r} has no age; coverage by age needs one", path="age"
            )
        return cls(
            user.id,
            age=user.age,
            services=services,
            coordinator=coordinator,
            primary_contact=user.primary_contact,
            gp=gp,
            plan=plan,
        )

    @property
    def has_coordinator(self) -> bool:
        """Whether the user has a coordinator."""
        return self.coordinator is not None

    @property
    def service_count(self) -> int:
        """Number of services involved, counting the GP and not relatives (seed 003 L1455)."""
        return sum(1 for s in self.services if s.is_service)


@attrs.frozen
class FollowUpTeam:
    """The team around one user: its coordinator, a small core and a wider group.

    The core meets often; the wider group is drawn in as needed and, in the arrangement the
    case study recommends, meets once or twice a year in a larger meeting (seed 002 L1425-1428,
    L1632; seed 003 L2113).

    Parameters
    ----------
    user
        The user the team is built around.
    coordinator
        The staff id of the coordinator who leads it (every team has one, seed 002 L53).
    core
        Services in the core team (each sends one person).
    wider
        Services in the wider group only. Core and wider must not overlap.

    Examples
    --------
    >>> team = FollowUpTeam("ole", coordinator="siri", core=["gp", "kindergarten", "relatives"],
    ...                     wider=["nav", "specialist-health"])
    >>> team.attendees(), team.attendees(wider=True)
    (5, 7)
    """

    user: UserId
    coordinator: StaffId = attrs.field(kw_only=True)
    core: frozenset[Service] = attrs.field(converter=_core, kw_only=True)
    wider: frozenset[Service] = attrs.field(default=frozenset(), converter=_wider, kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_id(self.user, field="user")
        check_id(self.coordinator, field="coordinator")
        both = self.core & self.wider
        if both:
            listed = sorted(s.value for s in both)
            raise InvalidScenario(
                f"services cannot be both core and wider, got {listed} in both", path="wider"
            )

    @classmethod
    def around(
        cls, user: ComplexNeedsUser, *, core: Iterable[Service | str] | None = None
    ) -> FollowUpTeam:
        """The team around ``user``: ``core`` services in the core, the rest in the wider group.

        With ``core=None`` every service is in the core, as in the old responsibility group
        where everyone met (seed 002 L1411-1413).

        Examples
        --------
        >>> u = ComplexNeedsUser("jan", age=55, services=["gp", "home-care", "physiotherapy",
        ...                      "speech-therapy"], coordinator="per")
        >>> t = FollowUpTeam.around(u, core=["physiotherapy", "home-care"])
        >>> sorted(s.value for s in t.wider)
        ['gp', 'speech-therapy']
        """
        if user.coordinator is None:
            raise InvalidScenario(
                f"user {user.id!r} has no coordinator; every follow-up team is led by one",
                path="coordinator",
            )
        chosen = user.services if core is None else services_of(core, field="core")
        return cls(user.id, coordinator=user.coordinator, core=chosen, wider=user.services - chosen)

    def attendees(self, *, wider: bool = False) -> int:
        """People at a meeting: coordinator, user and one per service (plus the wider group)."""
        return 2 + len(self.core) + (len(self.wider) if wider else 0)
