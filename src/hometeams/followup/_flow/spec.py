"""The follow-up flow to simulate: reports of need, assessment, appointment, set-up, turnover.

The process the national guide describes and the pilot municipalities built (seed 003 L627,
figure 4; domain.md §6): a need is **identified and reported** to the coordinating unit (one way
in, seed 003 L1048); the unit has it **assessed** across disciplines ("What matters to you?");
a **coordinator is appointed** -- by the unit, from the services involved, as far as someone has
room (seed 003 L1698-1714); the **team is set up** and meets; the plan is **reviewed**
periodically; the user leaves the programme when the need is met. Meanwhile coordinators
**leave** and must be replaced, and their users wait again for a new one (seed 003 L1522).

:class:`FlowSpec` holds that process's parameters. Time is in **weeks**: the follow-up process
runs over years, unlike the minutes of a home-care evening in :mod:`hometeams.sim`.

Every default below is an **assumption** -- the sources give no durations, only the hints
cited -- and is meant to be replaced with a municipality's own figures:

* ``assessment_weeks`` = 2: mean time the unit takes to assess one report (assumption);
* ``setup_weeks`` = 4: appointment to the team's first meeting (assumption; see
  :func:`~hometeams.followup.weeks_to_common_slot`);
* ``case_weeks`` = 156: mean length of follow-up (assumption; "many cases run for many years",
  seed 002 L1487-1488);
* ``review_weeks`` = 26: between reviews (assumption; the old groups met twice a year, seed 002
  L1412);
* ``tenure_weeks`` = 156: mean time a coordinator keeps the role (assumption; "frequent
  replacement of coordinators", seed 003 L1522);
* ``recruitment_weeks`` = 8: to find and train a new coordinator (assumption).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import attrs

from hometeams._types import StaffId
from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.followup._model.checks import check_optional_count, check_positive
from hometeams.followup._model.programme import FollowUpProgramme
from hometeams.followup._model.roles import CoordinatorRole
from hometeams.followup._model.users import ComplexNeedsUser

__all__ = ["AppointmentRule", "Candidate", "FlowSpec", "fill_up", "spread_load"]

DURATION_KINDS = ("exponential", "fixed")


@attrs.frozen
class Candidate:
    """A coordinator with room for one more user, as an appointment rule sees them.

    Attributes
    ----------
    staff
        The coordinator.
    caseload
        Users they coordinate now.
    slots
        Users their role can hold (always more than ``caseload`` for a candidate).
    hours_per_week
        Their role's weekly budget.

    Examples
    --------
    >>> c = Candidate("siri", caseload=1, slots=4, hours_per_week=4.0)
    >>> c.caseload / c.slots
    0.25
    """

    staff: StaffId
    caseload: int
    slots: int
    hours_per_week: float


class AppointmentRule(Protocol):
    """Chooses a coordinator for the next waiting user: returns an index into ``candidates``.

    Any callable with this shape will do -- no subclassing.

    Examples
    --------
    A unit that always asks the coordinator with the largest time budget:

    >>> def most_hours(candidates):
    ...     return max(range(len(candidates)), key=lambda i: candidates[i].hours_per_week)
    >>> most_hours([Candidate("a", 0, 2, 2.0), Candidate("b", 3, 8, 8.0)])
    1
    """

    def __call__(self, candidates: Sequence[Candidate], /) -> int: ...


def spread_load(candidates: Sequence[Candidate], /) -> int:
    """Appoint the candidate with the lowest share of their slots in use (ties: listed first).

    Examples
    --------
    >>> spread_load([Candidate("a", 3, 4, 4.0), Candidate("b", 1, 2, 2.0)])
    1
    """
    return min(range(len(candidates)), key=lambda i: candidates[i].caseload / candidates[i].slots)


def fill_up(candidates: Sequence[Candidate], /) -> int:
    """Appoint the candidate with the highest share of their slots in use (ties: listed first).

    This concentrates users on experienced coordinators until they are full -- the practice that
    makes many users vulnerable when one coordinator leaves.

    Examples
    --------
    >>> fill_up([Candidate("a", 3, 4, 4.0), Candidate("b", 1, 2, 2.0)])
    0
    """
    return min(range(len(candidates)), key=lambda i: -candidates[i].caseload / candidates[i].slots)


def _optional_positive(value: object, *, field: str) -> None:
    if value is not None:
        check_positive(value, field=field)


def _profiles(values: Sequence[ComplexNeedsUser] | None) -> tuple[ComplexNeedsUser, ...] | None:
    return None if values is None else tuple(values)


@attrs.frozen
class FlowSpec:
    """Parameters of the follow-up flow (all durations in weeks; see the module for defaults).

    Parameters
    ----------
    programme
        The programme at the start: its coordinators, and its coordinated users, whose teams
        are running. Users without a coordinator are outside the flow and stay as they are.
    reports_per_week
        Rate of reports of need (a Poisson process).
    assessment_weeks
        Mean time to assess one report.
    assessors
        Reports the coordinating unit can assess at the same time; ``None`` takes the
        programme unit's ``capacity`` (1 without a unit).
    setup_weeks
        Mean time from appointment to the team's first meeting.
    case_weeks
        Mean duration of follow-up from appointment (exponential).
    review_weeks
        Weeks between reviews for users without an individual plan (users with a plan follow
        its ``review_weeks``); ``None``: only users with a plan are reviewed.
    tenure_weeks
        Mean time a coordinator holds the role (exponential); ``None``: nobody leaves.
    recruitment_weeks
        Mean time to recruit a coordinator, to replace one who left or to grow.
    recruit_when_waiting
        Start recruiting one more coordinator (with ``recruit_role``) whenever this many new
        users wait for appointment and no such recruitment is under way; ``None``: never grow.
    recruit_role
        The role of recruits; its staff id is the prefix of their ids (``"new"`` gives
        ``"new.1"``, ``"new.2"``...).
    appoint
        The appointment rule (:func:`spread_load` by default, or :func:`fill_up`, or any
        callable taking the candidates and returning an index).
    durations
        ``"exponential"`` or ``"fixed"``: the distribution of assessment, set-up and
        recruitment times around their means. Case length and tenure are always exponential.
    horizon_weeks
        Length of the run.
    warmup_weeks
        Weeks at the start that :func:`~hometeams.followup.waiting_times` leaves out.
    profiles
        Users whose age, services and plan new reports copy (drawn uniformly); ``None`` takes
        the programme's users.

    Examples
    --------
    >>> from hometeams.followup import ComplexNeedsUser, CoordinatorRole, FollowUpProgramme
    >>> p = FollowUpProgramme("x", coordinators=[CoordinatorRole("siri", hours_per_week=4)],
    ...     users=[ComplexNeedsUser("ole", age=6, services=["gp"], coordinator="siri")])
    >>> spec = FlowSpec(p, reports_per_week=0.5, horizon_weeks=52)
    >>> spec.resolved_assessors, spec.appoint is spread_load
    (1, True)
    >>> FlowSpec(p, reports_per_week=-1)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: reports_per_week: must be a finite number > 0, got -1
    """

    programme: FollowUpProgramme
    reports_per_week: float = attrs.field(kw_only=True)
    assessment_weeks: float = attrs.field(default=2.0, kw_only=True)
    assessors: int | None = attrs.field(default=None, kw_only=True)
    setup_weeks: float = attrs.field(default=4.0, kw_only=True)
    case_weeks: float = attrs.field(default=156.0, kw_only=True)
    review_weeks: float | None = attrs.field(default=26.0, kw_only=True)
    tenure_weeks: float | None = attrs.field(default=156.0, kw_only=True)
    recruitment_weeks: float = attrs.field(default=8.0, kw_only=True)
    recruit_when_waiting: int | None = attrs.field(default=None, kw_only=True)
    recruit_role: CoordinatorRole | None = attrs.field(default=None, kw_only=True)
    appoint: Callable[[Sequence[Candidate]], int] = attrs.field(default=spread_load, kw_only=True)
    durations: str = attrs.field(default="exponential", kw_only=True)
    horizon_weeks: float = attrs.field(default=130.0, kw_only=True)
    warmup_weeks: float = attrs.field(default=0.0, kw_only=True)
    profiles: tuple[ComplexNeedsUser, ...] | None = attrs.field(
        default=None, converter=_profiles, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.programme, FollowUpProgramme):
            raise InvalidScenario(
                f"must be a FollowUpProgramme, got {self.programme!r}", path="programme"
            )
        check_positive(self.reports_per_week, field="reports_per_week")
        check_positive(self.assessment_weeks, field="assessment_weeks", allow_zero=True)
        check_optional_count(self.assessors, field="assessors")
        check_positive(self.setup_weeks, field="setup_weeks", allow_zero=True)
        check_positive(self.case_weeks, field="case_weeks")
        _optional_positive(self.review_weeks, field="review_weeks")
        _optional_positive(self.tenure_weeks, field="tenure_weeks")
        check_positive(self.recruitment_weeks, field="recruitment_weeks", allow_zero=True)
        check_optional_count(self.recruit_when_waiting, field="recruit_when_waiting")
        if self.recruit_role is not None and not isinstance(self.recruit_role, CoordinatorRole):
            raise InvalidScenario(
                f"must be a CoordinatorRole, got {self.recruit_role!r}", path="recruit_role"
            )
        if self.recruit_when_waiting is not None and self.recruit_role is None:
            raise InvalidScenario(
                "must be given when recruit_when_waiting is set: whom to recruit?",
                path="recruit_role",
            )
        if not callable(self.appoint):
            raise InvalidScenario(f"must be callable, got {self.appoint!r}", path="appoint")
        if self.durations not in DURATION_KINDS:
            raise InvalidScenario(
                f"must be one of {', '.join(DURATION_KINDS)}, got {self.durations!r}",
                path="durations",
            )
        check_positive(self.horizon_weeks, field="horizon_weeks")
        check_positive(self.warmup_weeks, field="warmup_weeks", allow_zero=True)
        if self.warmup_weeks >= self.horizon_weeks:
            raise InvalidScenario(
                f"must be < horizon_weeks ({self.horizon_weeks:g}), got {self.warmup_weeks!r}",
                path="warmup_weeks",
            )
        if self.profiles is not None:
            for i, profile in enumerate(self.profiles):
                if not isinstance(profile, ComplexNeedsUser):
                    raise InvalidScenario(
                        f"must be a ComplexNeedsUser, got {profile!r}", path=f"profiles[{i}]"
                    )
        if not self.new_user_profiles:
            raise InvalidScenario(
                "the programme has no users to copy new users' age and services from; "
                "pass profiles=",
                path="profiles",
            )

    @property
    def resolved_assessors(self) -> int:
        """Parallel assessments: ``assessors``, else the unit's capacity, else 1."""
        if self.assessors is not None:
            return self.assessors
        return 1 if self.programme.unit is None else self.programme.unit.capacity

    @property
    def assessment_load(self) -> float:
        """Offered load per assessor: ``reports_per_week * assessment_weeks / assessors``.

        At 1 or more the assessment queue has no steady state: it grows for as long as the
        simulation runs.
        """
        return self.reports_per_week * self.assessment_weeks / self.resolved_assessors

    @property
    def new_user_profiles(self) -> tuple[ComplexNeedsUser, ...]:
        """The users new reports copy their age, services and plan from."""
        return self.programme.users if self.profiles is None else self.profiles


def check_choice(choice: object, candidates: int) -> int:
    """Check an appointment rule's answer."""
    if isinstance(choice, bool) or not isinstance(choice, int) or not 0 <= choice < candidates:
        raise InvalidArgument(
            f"appoint: must return an index from 0 to {candidates - 1}, got {choice!r}"
        )
    return choice
