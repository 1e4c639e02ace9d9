"""A small SimPy engine for the follow-up flow.

Picture the coordinating unit of a municipality of 15,000 on a Monday: three new reports of need
have come in since last week -- from a GP, a school nurse, a home-care primary contact. The unit
can assess two at a time. The first, a boy of seven, was assessed three weeks ago and is still
waiting for a coordinator: the physiotherapists who usually take children are full. A psychiatric
nurse who coordinated five adults has just taken a job elsewhere; her five users are back in the
queue, ahead of the new ones. In a fortnight a special-needs teacher finishes the coordinator
course and can take two users.

The engine plays that out week by week (time in weeks, as floats):

* reports arrive as a Poisson process; each new user copies the age, services and plan of a
  randomly drawn profile (:attr:`FlowSpec.new_user_profiles`);
* the coordinating unit assesses reports ``assessors`` at a time, first come first served;
* an assessed user waits for a coordinator with a free slot (room in both the time budget and the
  caseload cap); orphaned users go ahead of new ones; the appointment rule chooses among the
  candidates;
* the team is set up, then reviewed periodically while the user is in follow-up; a review falls
  due whether or not the user has a coordinator at the time, and is *held* only if they do;
* follow-up lasts an exponential time from appointment, whether or not the coordinator changes;
* each coordinator holds the role for an exponential tenure, then leaves: their users are
  orphaned and a replacement with the same role is recruited; with ``recruit_when_waiting`` the
  unit also recruits new coordinators when too many wait.

Randomness comes from one :class:`numpy.random.SeedSequence`, split into one stream per source
(reports, profiles, assessment, set-up, case length, tenure, recruitment, reviews) in a fixed
order. Each user's durations are drawn when their report arrives, so two runs with the same seed
and different appointment rules see the same reports, the same users and the same case lengths
(common random numbers).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterator
from typing import Any

import attrs
import simpy

from hometeams._random import Seed
from hometeams.errors import InvalidArgument
from hometeams.followup._flow.records import (
    FlowCoordinators,
    FlowResult,
    FlowSeries,
    FlowUsers,
    Reappointments,
)
from hometeams.followup._flow.spec import Candidate, FlowSpec, check_choice
from hometeams.followup._flow.state import (
    NEW,
    ORPHANED,
    STREAMS,
    CoordinatorState,
    Ids,
    Process,
    UserState,
    streams,
)
from hometeams.followup._model.programme import FollowUpProgramme
from hometeams.followup._model.roles import CoordinatorRole
from hometeams.followup._model.users import ComplexNeedsUser

__all__ = ["STREAMS", "simulate_flow"]


class _Flow:
    """The state of one run, shared by its processes."""

    def __init__(self, spec: FlowSpec, seed: Seed) -> None:
        self.env = simpy.Environment()
        self.spec = spec
        self.rng = streams(seed)
        self.assessors = simpy.Resource(self.env, capacity=spec.resolved_assessors)
        self.coordinators: dict[str, CoordinatorState] = {}
        self.users: dict[str, UserState] = {}
        self.queue: list[tuple[int, int, str]] = []
        self.seq = 0
        self.growing = 0
        self.in_followup = 0
        self.active_coordinators = 0
        self.waiting_assessment = 0
        self.waiting_new = 0
        self.orphaned = 0
        self.reappointments: list[list[Any]] = []
        self.series: list[tuple[float, int, int, int, int, int]] = []
        programme = spec.programme
        self.staff_ids = Ids({r.staff for r in programme.coordinators})
        self.user_ids = Ids({u.id for u in programme.users})

    # -- random draws --------------------------------------------------------------------------

    def _duration(self, stream: str, mean: float) -> float:
        if mean == 0 or self.spec.durations == "fixed":
            return mean
        return self.rng[stream].exponential(mean)

    def _review_weeks(self, profile: ComplexNeedsUser) -> float | None:
        return profile.plan.review_weeks if profile.plan is not None else self.spec.review_weeks

    # -- set-up --------------------------------------------------------------------------------

    def start(self) -> None:
        programme = self.spec.programme
        for role in programme.coordinators:
            self._add_coordinator(role.staff, role, base=role.staff, replaces="")
        for user in programme.users:
            if user.coordinator is None:
                continue
            state = UserState(
                user.id,
                user,
                initial=True,
                case_weeks=self.rng["case"].exponential(self.spec.case_weeks),
                review_weeks=self._review_weeks(user),
            )
            self.users[user.id] = state
            coordinator = self.coordinators[user.coordinator]
            self._assign(state, coordinator)
            state.set_up = 0.0
            self.env.process(self._case(state))
            if state.review_weeks is not None:
                first = self.rng["reviews"].uniform(state.review_weeks)
                self.env.process(self._reviews(state, first=first))
        self.env.process(self._reports())
        self.env.process(self._sample())

    def _add_coordinator(
        self, staff: str, role: CoordinatorRole, *, base: str, replaces: str
    ) -> None:
        slots = role.slots(hours_per_user=self.spec.programme.hours_per_user)
        person = CoordinatorState(
            staff, role, slots, joined=self.env.now, base=base, replaces=replaces
        )
        self.coordinators[staff] = person
        self.active_coordinators += 1
        if self.spec.tenure_weeks is not None:
            self.env.process(self._tenure(person))

    # -- processes -----------------------------------------------------------------------------

    def _reports(self) -> Process:
        profiles = self.spec.new_user_profiles
        while True:
            yield self.env.timeout(self.rng["reports"].exponential(1 / self.spec.reports_per_week))
            profile = profiles[self.rng["profiles"].index(len(profiles))]
            user = UserState(
                self.user_ids.fresh("report", first=1),
                profile,
                initial=False,
                case_weeks=self.rng["case"].exponential(self.spec.case_weeks),
                review_weeks=self._review_weeks(profile),
                assess_weeks=self._duration("assessment", self.spec.assessment_weeks),
                setup_weeks=self._duration("setup", self.spec.setup_weeks),
                reported=self.env.now,
            )
            self.users[user.id] = user
            self.env.process(self._journey(user))

    def _journey(self, user: UserState) -> Process:
        self.waiting_assessment += 1
        with self.assessors.request() as request:
            yield request
            self.waiting_assessment -= 1
            user.assessment_start = self.env.now
            yield self.env.timeout(user.assess_weeks)
        user.assessed = self.env.now
        user.appointment = self.env.event()
        self._enqueue(user, NEW)
        self._try_appoint()
        self._grow()
        yield user.appointment
        self.env.process(self._case(user))
        yield self.env.timeout(user.setup_weeks)
        if not math.isnan(user.exited):
            return
        user.set_up = self.env.now
        if user.review_weeks is not None:
            self.env.process(self._reviews(user, first=user.review_weeks))

    def _case(self, user: UserState) -> Process:
        yield self.env.timeout(user.case_weeks)
        user.exited = self.env.now
        self.in_followup -= 1
        if user.coordinator is not None:
            del self.coordinators[user.coordinator].users[user.id]
            user.coordinator = None
        elif user.waiting:
            user.waiting = False
            self.orphaned -= 1
            user.orphan_weeks += self.env.now - user.orphan_since
            user.orphan_since = math.nan
            self.reappointments[user.orphan_row][4] = self.env.now
        self._try_appoint()

    def _reviews(self, user: UserState, *, first: float) -> Process:
        assert user.review_weeks is not None
        wait = first
        while True:
            yield self.env.timeout(wait)
            if not math.isnan(user.exited):
                return
            user.reviews_due += 1
            user.reviews_held += user.coordinator is not None
            wait = user.review_weeks

    def _tenure(self, person: CoordinatorState) -> Process:
        assert self.spec.tenure_weeks is not None
        yield self.env.timeout(self.rng["tenure"].exponential(self.spec.tenure_weeks))
        person.left = self.env.now
        self.active_coordinators -= 1
        for user_id in list(person.users):
            user = self.users[user_id]
            user.coordinator = None
            user.orphan_since = self.env.now
            user.orphanings += 1
            user.orphan_row = len(self.reappointments)
            self.reappointments.append([user.id, person.id, self.env.now, math.nan, math.nan])
            self.orphaned += 1
            self._enqueue(user, ORPHANED)
        person.users.clear()
        self.env.process(
            self._recruit(person.role, base=person.base, replaces=person.id, grow=False)
        )
        self._try_appoint()

    def _recruit(self, role: CoordinatorRole, *, base: str, replaces: str, grow: bool) -> Process:
        # Replacements of "kari" are "kari.2", "kari.3"...; recruits of "new" are "new.1"...
        yield self.env.timeout(self._duration("recruitment", self.spec.recruitment_weeks))
        staff = self.staff_ids.fresh(base, first=1 if grow else 2)
        self._add_coordinator(staff, role, base=base, replaces=replaces)
        if grow:
            self.growing -= 1
        self._try_appoint()
        self._grow()

    def _sample(self) -> Process:
        while True:
            self._snapshot()
            yield self.env.timeout(1.0)

    def _snapshot(self) -> None:
        self.series.append(
            (
                float(self.env.now),
                self.in_followup,
                self.waiting_assessment,
                self.waiting_new,
                self.orphaned,
                self.active_coordinators,
            )
        )

    # -- appointment ---------------------------------------------------------------------------

    def _enqueue(self, user: UserState, priority: int) -> None:
        user.waiting = True
        self.waiting_new += priority == NEW
        heapq.heappush(self.queue, (priority, self.seq, user.id))
        self.seq += 1

    def _grow(self) -> None:
        threshold, role = self.spec.recruit_when_waiting, self.spec.recruit_role
        if threshold is None or role is None or self.growing or self.waiting_new < threshold:
            return
        self.growing += 1
        self.env.process(self._recruit(role, base=role.staff, replaces="", grow=True))

    def _candidates(self) -> list[CoordinatorState]:
        return [c for c in self.coordinators.values() if c.active and len(c.users) < c.slots]

    def _try_appoint(self) -> None:
        while self.queue:
            priority, _, user_id = self.queue[0]
            user = self.users[user_id]
            if not user.waiting:
                heapq.heappop(self.queue)  # left the programme while waiting
                continue
            candidates = self._candidates()
            if not candidates:
                return
            view = [
                Candidate(c.id, len(c.users), c.slots, c.role.hours_per_week) for c in candidates
            ]
            choice = check_choice(self.spec.appoint(view), len(view))
            heapq.heappop(self.queue)
            user.waiting = False
            if priority == NEW:
                self.waiting_new -= 1
            self._assign(user, candidates[choice])

    def _assign(self, user: UserState, person: CoordinatorState) -> None:
        person.users[user.id] = None
        person.peak = max(person.peak, len(person.users))
        person.served += 1
        user.coordinator = person.id
        if not user.first_coordinator:
            user.first_coordinator = person.id
        if math.isnan(user.appointed):
            user.appointed = self.env.now
            self.in_followup += 1
            if user.appointment is not None:
                user.appointment.succeed()
        else:
            user.orphan_weeks += self.env.now - user.orphan_since
            user.orphan_since = math.nan
            self.orphaned -= 1
            self.reappointments[user.orphan_row][3] = self.env.now

    # -- result --------------------------------------------------------------------------------

    def result(self) -> FlowResult:
        now = self.env.now
        if self.series[-1][0] < now:  # events at the horizon itself are not run
            self._snapshot()
        users = list(self.users.values())
        for user in users:  # close open orphan spells at the horizon
            if not math.isnan(user.orphan_since):
                user.orphan_weeks += now - user.orphan_since
        return FlowResult(
            spec=self.spec,
            users=FlowUsers(
                user=[u.id for u in users],
                initial=[u.initial for u in users],
                reported=[u.reported for u in users],
                assessment_start=[u.assessment_start for u in users],
                assessed=[u.assessed for u in users],
                appointed=[u.appointed for u in users],
                set_up=[u.set_up for u in users],
                exited=[u.exited for u in users],
                coordinator=[u.first_coordinator for u in users],
                orphanings=[u.orphanings for u in users],
                orphan_weeks=[u.orphan_weeks for u in users],
                reviews_due=[u.reviews_due for u in users],
                reviews_held=[u.reviews_held for u in users],
            ),
            reappointments=Reappointments(*_transpose(self.reappointments, 5)),
            coordinators=FlowCoordinators(
                staff=[c.id for c in self.coordinators.values()],
                joined=[c.joined for c in self.coordinators.values()],
                left=[c.left for c in self.coordinators.values()],
                hours_per_week=[c.role.hours_per_week for c in self.coordinators.values()],
                slots=[c.slots for c in self.coordinators.values()],
                peak_caseload=[c.peak for c in self.coordinators.values()],
                users_served=[c.served for c in self.coordinators.values()],
                replaces=[c.replaces for c in self.coordinators.values()],
            ),
            series=FlowSeries(*_transpose(self.series, 6)),
            final=self._final(users),
        )

    def _final(self, users: list[UserState]) -> FollowUpProgramme:
        programme = self.spec.programme
        roles = [attrs.evolve(c.role, staff=c.id) for c in self.coordinators.values() if c.active]
        kept = []
        for user in users:
            if not user.in_followup:
                continue
            base = user.profile
            kept.append(
                ComplexNeedsUser(
                    user.id,
                    age=base.age,
                    services=base.services,
                    coordinator=user.coordinator,
                    primary_contact=base.primary_contact if user.initial else None,
                    gp=base.gp if user.initial else None,
                    plan=base.plan,
                )
            )
        outside = [u for u in programme.users if u.coordinator is None]
        return FollowUpProgramme(
            f"{programme.name} after {self.spec.horizon_weeks:g} weeks",
            coordinators=roles,
            users=[*kept, *outside],
            unit=programme.unit,
            hours_per_user=programme.hours_per_user,
        )


def _transpose(rows: list[Any], width: int) -> Iterator[list[Any]]:
    if not rows:
        return iter([[] for _ in range(width)])
    return (list(col) for col in zip(*rows, strict=True))


def simulate_flow(spec: FlowSpec, *, seed: Seed = None) -> FlowResult:
    """Simulate the follow-up flow over ``spec.horizon_weeks`` weeks.

    Parameters
    ----------
    spec
        The flow to simulate.
    seed
        An integer, a :class:`numpy.random.SeedSequence` or ``None``; one stream per source of
        randomness is derived from it by name, without advancing a SeedSequence passed in.
        ``None`` takes fresh entropy. The same seed gives identical results.

    Returns
    -------
    FlowResult
        The tables of users, re-appointments, coordinators and weekly counts, and the
        programme at the horizon.

    Examples
    --------
    Ten coordinators who can each hold two users, 50 users in follow-up, one report a week:

    >>> from hometeams.followup import (ComplexNeedsUser, CoordinatorRole, FlowSpec,
    ...                                 FollowUpProgramme)
    >>> roles = [CoordinatorRole(f"c{i}", hours_per_week=2) for i in range(10)]
    >>> users = [ComplexNeedsUser(f"u{i}", age=40, services=["gp", "nav"],
    ...                           coordinator=f"c{i % 10}") for i in range(20)]
    >>> spec = FlowSpec(FollowUpProgramme("x", coordinators=roles, users=users),
    ...                 reports_per_week=1.0, horizon_weeks=52)
    >>> result = simulate_flow(spec, seed=1)
    >>> int(result.series.active_teams[0]), len(result.series)
    (20, 53)
    >>> import numpy as np
    >>> np.array_equal(simulate_flow(spec, seed=1).users.appointed, result.users.appointed,
    ...                equal_nan=True)
    True
    """
    if not isinstance(spec, FlowSpec):
        raise InvalidArgument(f"spec: must be a FlowSpec, got {spec!r}")
    flow = _Flow(spec, seed)
    flow.start()
    flow.env.run(until=spec.horizon_weeks)
    return flow.result()
