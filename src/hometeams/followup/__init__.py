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

The package has the main library's shape: the model (``_model``), the analyses
(``_analyses``), the meetings (``_meetings``) and the flow simulation (``_flow``) are private
sub-packages, and this module is their one public face. ``__all__`` holds what a planner
builds or calls; the results those calls return and the building blocks behind the defaults
(``CapacityReport``, ``FlowResult``, ``Band``, ``SURVEY_BINS``, ...) are importable from here
too, for annotations and for reading, and documented on the same reference page.

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

from hometeams.followup._analyses.actors import SERVICE_SURVEY_2023 as SERVICE_SURVEY_2023
from hometeams.followup._analyses.actors import ActorReach as ActorReach
from hometeams.followup._analyses.actors import ServiceRange as ServiceRange
from hometeams.followup._analyses.actors import ServicesByAge as ServicesByAge
from hometeams.followup._analyses.actors import actors_per_coordinator, services_by_age
from hometeams.followup._analyses.capacity import CapacityReport as CapacityReport
from hometeams.followup._analyses.capacity import CoordinatorLoad as CoordinatorLoad
from hometeams.followup._analyses.capacity import capacity
from hometeams.followup._analyses.caseload import (
    SURVEY_2023,
    caseload_distribution,
    compare_with_survey,
)
from hometeams.followup._analyses.caseload import SURVEY_BINS as SURVEY_BINS
from hometeams.followup._analyses.caseload import CaseloadDistribution as CaseloadDistribution
from hometeams.followup._analyses.caseload import CaseloadSurvey as CaseloadSurvey
from hometeams.followup._analyses.caseload import SurveyComparison as SurveyComparison
from hometeams.followup._analyses.concentration import ConcentrationRisk as ConcentrationRisk
from hometeams.followup._analyses.concentration import concentration
from hometeams.followup._analyses.coverage import AGE_GROUPS as AGE_GROUPS
from hometeams.followup._analyses.coverage import (
    NATIONAL_COORDINATOR_SHARE as NATIONAL_COORDINATOR_SHARE,
)
from hometeams.followup._analyses.coverage import AgeCoverage as AgeCoverage
from hometeams.followup._analyses.coverage import coverage_by_age
from hometeams.followup._analyses.graph import followup_graph
from hometeams.followup._flow.engine import simulate_flow
from hometeams.followup._flow.records import FlowCoordinators as FlowCoordinators
from hometeams.followup._flow.records import FlowResult as FlowResult
from hometeams.followup._flow.records import FlowSeries as FlowSeries
from hometeams.followup._flow.records import FlowUsers as FlowUsers
from hometeams.followup._flow.records import Reappointments as Reappointments
from hometeams.followup._flow.records import StepWait as StepWait
from hometeams.followup._flow.records import waiting_times
from hometeams.followup._flow.spec import AppointmentRule as AppointmentRule
from hometeams.followup._flow.spec import Candidate as Candidate
from hometeams.followup._flow.spec import FlowSpec, fill_up, spread_load
from hometeams.followup._meetings.calendars import BookedAhead, Independent, Rota
from hometeams.followup._meetings.calendars import Calendar as Calendar
from hometeams.followup._meetings.hours import MeetingPlan, MeetingSeries, meeting_hours
from hometeams.followup._meetings.slots import SlotProbability as SlotProbability
from hometeams.followup._meetings.slots import common_slot_probability, weeks_to_common_slot
from hometeams.followup._model.bands import Band as Band
from hometeams.followup._model.programme import FollowUpProgramme
from hometeams.followup._model.roles import FULL_TIME_HOURS as FULL_TIME_HOURS
from hometeams.followup._model.roles import CoordinatingUnit, CoordinatorRole, IndividualPlan
from hometeams.followup._model.services import Sector as Sector
from hometeams.followup._model.services import Service
from hometeams.followup._model.users import ComplexNeedsUser, FollowUpTeam

# What a planner builds or calls; the results and building blocks imported above with
# ``as`` are public too (re-exported for type checkers) but kept out of ``*`` and this list.
__all__ = [
    "SURVEY_2023",
    "BookedAhead",
    "ComplexNeedsUser",
    "CoordinatingUnit",
    "CoordinatorRole",
    "FlowSpec",
    "FollowUpProgramme",
    "FollowUpTeam",
    "Independent",
    "IndividualPlan",
    "MeetingPlan",
    "MeetingSeries",
    "Rota",
    "Service",
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
