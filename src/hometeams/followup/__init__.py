"""Structured interdisciplinary follow-up teams around users with complex needs.

A follow-up team (*oppfølgingsteam*) is not a home-care team: it is built around **one** user
with major and complex needs -- a child with a brain injury, a woman with mental illness and
children in school, an old man with cognitive failure after a stroke -- and led by a
**coordinator** who holds the role beside an ordinary position. Around the user are an
**individual plan**, the GP, relatives and whichever services they need: home care, school,
child welfare, NAV, the hospital (seeds 002 and 003; domain.md §6). A municipal **coordinating
unit** receives reports of need, has them assessed and appoints coordinators.

Municipalities ask: do we have enough coordinators? How is the load spread? Who loses their
coordinator if one leaves? How long do people wait? What do the meetings cost? This package
answers with

* a **model** -- :class:`Service`, :class:`CoordinatorRole`, :class:`IndividualPlan`,
  :class:`ComplexNeedsUser`, :class:`FollowUpTeam`, :class:`CoordinatingUnit`, and the
  :class:`FollowUpProgramme` that holds them (optionally on an
  :class:`~hometeams.model.Organisation`);
* **analyses** on the user-coordinator-actor graph (:func:`followup_graph`): caseloads against
  the 2023 survey (:func:`caseload_distribution`, :func:`compare_with_survey`),
  :func:`capacity`, :func:`concentration`, :func:`actors_per_coordinator`,
  :func:`services_by_age` and :func:`coverage_by_age`;
* a **flow simulation** (:func:`simulate_flow`, SimPy): reports, assessment, appointment,
  set-up, reviews, coordinator turnover, and :func:`waiting_times` per step;
* **meetings**: :func:`common_slot_probability` of finding a slot for ``n`` people within ``k``
  weeks, and :func:`meeting_hours` of a responsibility group against a core team.

Examples
--------
>>> from hometeams.followup import (ComplexNeedsUser, CoordinatorRole, FollowUpProgramme,
...                                 caseload_distribution, concentration)
>>> programme = FollowUpProgramme(
...     "Kinn",
...     coordinators=[CoordinatorRole("siri", hours_per_week=3),
...                   CoordinatorRole("per", hours_per_week=8)],
...     users=[ComplexNeedsUser("ole", age=6, services=["gp", "kindergarten"], coordinator="siri"),
...            ComplexNeedsUser("jan", age=55, services=["gp", "home-care"], coordinator="per"),
...            ComplexNeedsUser("eva", age=43, services=["nav"], coordinator="per")])
>>> caseload_distribution(programme).counts
(1, 1, 0, 0)
>>> concentration(programme).worst
('per',)
"""

from __future__ import annotations

from hometeams.followup._actors import (
    SERVICE_SURVEY_2023,
    ActorReach,
    ServiceRange,
    ServicesByAge,
    actors_per_coordinator,
    services_by_age,
)
from hometeams.followup._bands import Band
from hometeams.followup._calendars import BookedAhead, Calendar, Independent, Rota
from hometeams.followup._capacity import CapacityReport, CoordinatorLoad, capacity
from hometeams.followup._caseload import (
    SURVEY_2023,
    SURVEY_BINS,
    CaseloadDistribution,
    CaseloadSurvey,
    SurveyComparison,
    caseload_distribution,
    compare_with_survey,
)
from hometeams.followup._concentration import ConcentrationRisk, concentration
from hometeams.followup._coverage import (
    AGE_GROUPS,
    NATIONAL_COORDINATOR_SHARE,
    AgeCoverage,
    coverage_by_age,
)
from hometeams.followup._flow_engine import simulate_flow
from hometeams.followup._flow_records import (
    FlowCoordinators,
    FlowResult,
    FlowSeries,
    FlowUsers,
    Reappointments,
    StepWait,
    waiting_times,
)
from hometeams.followup._flow_spec import AppointmentRule, Candidate, FlowSpec, fill_up, spread_load
from hometeams.followup._graph import followup_graph
from hometeams.followup._meeting_hours import MeetingPlan, MeetingSeries, meeting_hours
from hometeams.followup._meetings import (
    SlotProbability,
    common_slot_probability,
    weeks_to_common_slot,
)
from hometeams.followup._programme import FollowUpProgramme
from hometeams.followup._roles import (
    FULL_TIME_HOURS,
    CoordinatingUnit,
    CoordinatorRole,
    IndividualPlan,
)
from hometeams.followup._services import Sector, Service
from hometeams.followup._users import ComplexNeedsUser, FollowUpTeam

__all__ = [
    "AGE_GROUPS",
    "FULL_TIME_HOURS",
    "NATIONAL_COORDINATOR_SHARE",
    "SERVICE_SURVEY_2023",
    "SURVEY_2023",
    "SURVEY_BINS",
    "ActorReach",
    "AgeCoverage",
    "AppointmentRule",
    "Band",
    "BookedAhead",
    "Calendar",
    "Candidate",
    "CapacityReport",
    "CaseloadDistribution",
    "CaseloadSurvey",
    "ComplexNeedsUser",
    "ConcentrationRisk",
    "CoordinatingUnit",
    "CoordinatorLoad",
    "CoordinatorRole",
    "FlowCoordinators",
    "FlowResult",
    "FlowSeries",
    "FlowSpec",
    "FlowUsers",
    "FollowUpProgramme",
    "FollowUpTeam",
    "Independent",
    "IndividualPlan",
    "MeetingPlan",
    "MeetingSeries",
    "Reappointments",
    "Rota",
    "Sector",
    "Service",
    "ServiceRange",
    "ServicesByAge",
    "SlotProbability",
    "StepWait",
    "SurveyComparison",
    "actors_per_coordinator",
    "capacity",
    "caseload_distribution",
    "common_slot_probability",
    "compare_with_survey",
    "concentration",
    "coverage_by_age",
    "fill_up",
    "followup_graph",
    "meeting_hours",
    "services_by_age",
    "simulate_flow",
    "spread_load",
    "waiting_times",
    "weeks_to_common_slot",
]
