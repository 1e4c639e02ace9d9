"""Tests of the flow specification and the appointment rules."""

from __future__ import annotations

import pytest

from hometeams.errors import InvalidScenario
from hometeams.followup import (
    Candidate,
    ComplexNeedsUser,
    CoordinatingUnit,
    CoordinatorRole,
    FlowSpec,
    FollowUpProgramme,
    fill_up,
    spread_load,
)

ROLE = CoordinatorRole("siri", hours_per_week=4)
OLE = ComplexNeedsUser("ole", age=6, services=["gp"], coordinator="siri")
PROGRAMME = FollowUpProgramme("x", coordinators=[ROLE], users=[OLE])


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"reports_per_week": 0}, "reports_per_week"),
        ({"assessment_weeks": -1}, "assessment_weeks"),
        ({"assessors": 0}, "assessors"),
        ({"setup_weeks": float("inf")}, "setup_weeks"),
        ({"case_weeks": 0}, "case_weeks"),
        ({"review_weeks": 0}, "review_weeks"),
        ({"tenure_weeks": -5}, "tenure_weeks"),
        ({"recruitment_weeks": -1}, "recruitment_weeks"),
        ({"recruit_when_waiting": 0}, "recruit_when_waiting"),
        ({"recruit_when_waiting": 2}, "recruit_role"),
        ({"recruit_role": "kari"}, "recruit_role"),
        ({"appoint": "spread"}, "appoint"),
        ({"durations": "lognormal"}, "durations"),
        ({"horizon_weeks": 0}, "horizon_weeks"),
        ({"warmup_weeks": 52}, "warmup_weeks"),
        ({"profiles": ["ole"]}, "profiles[0]"),
        ({"programme": "x"}, "programme"),
    ],
)
def test_bad_fields_are_refused_by_name(kwargs: dict[str, object], path: str) -> None:
    """Every rule of the flow specification names its field."""
    fields: dict[str, object] = {
        "programme": PROGRAMME,
        "reports_per_week": 1.0,
        "horizon_weeks": 52,
    }
    fields.update(kwargs)
    programme = fields.pop("programme")
    with pytest.raises(InvalidScenario) as info:
        FlowSpec(programme, **fields)  # type: ignore[arg-type]
    assert info.value.path == path


def test_programme_without_users_needs_profiles() -> None:
    """New users copy a profile; with no users and no profiles the spec is refused."""
    empty = FollowUpProgramme("x", coordinators=[ROLE])
    with pytest.raises(InvalidScenario) as info:
        FlowSpec(empty, reports_per_week=1)
    assert info.value.path == "profiles"
    assert FlowSpec(empty, reports_per_week=1, profiles=[OLE]).new_user_profiles == (OLE,)


def test_assessors_come_from_the_unit_unless_given() -> None:
    """Parallel assessments: the argument, else the unit's capacity, else one."""
    with_unit = FollowUpProgramme(
        "x", coordinators=[ROLE], users=[OLE], unit=CoordinatingUnit("ke", capacity=3)
    )
    assert FlowSpec(PROGRAMME, reports_per_week=1).resolved_assessors == 1
    assert FlowSpec(with_unit, reports_per_week=1).resolved_assessors == 3
    assert FlowSpec(with_unit, reports_per_week=1, assessors=2).resolved_assessors == 2


def test_assessment_load_is_rate_times_mean_over_assessors() -> None:
    """One report a week taking two weeks, three assessors: load 2/3 per assessor."""
    spec = FlowSpec(PROGRAMME, reports_per_week=1, assessment_weeks=2, assessors=3)
    assert spec.assessment_load == pytest.approx(2 / 3)


CANDIDATES = [Candidate("a", 3, 4, 4.0), Candidate("b", 1, 2, 2.0), Candidate("c", 0, 1, 1.0)]


def test_spread_load_picks_the_least_used_share() -> None:
    """Shares in use 0.75, 0.5, 0: spreading picks the idle one."""
    assert spread_load(CANDIDATES) == 2


def test_fill_up_picks_the_most_used_share() -> None:
    """Filling up picks the 75 % full coordinator."""
    assert fill_up(CANDIDATES) == 0


def test_rules_break_ties_by_order() -> None:
    """Equal shares go to the first listed candidate under both rules."""
    tied = [Candidate("a", 1, 2, 2.0), Candidate("b", 2, 4, 4.0)]
    assert spread_load(tied) == 0
    assert fill_up(tied) == 0
