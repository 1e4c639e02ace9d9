"""Tests for the whole-scenario checks and findings of hometeams.scenario._scenario."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hometeams.errors import InvalidScenario
from hometeams.model import Organisation, Staff, Team, Zone
from hometeams.scenario import (
    Absence,
    Absences,
    Alarms,
    ArrivalProcess,
    Demand,
    Discharges,
    Episode,
    Floor,
    Roster,
    RosterLine,
    Scenario,
    SickLeave,
    TravelMatrix,
    VisitPlan,
)
from sim_strategies import small_district

ORG = small_district()
ROSTER = Roster.weekly(
    {
        "kari": {"daily": "day"},
        "ola": {"daily": "evening"},
        "per": {"daily": "day"},
        "lise": {"weekdays": "day"},
    }
)


def base(**changes: object) -> Scenario:
    return Scenario(ORG, ROSTER, **changes)  # type: ignore[arg-type]


Case = tuple[Callable[[], object], str, tuple[str, ...]]

CASES: list[Case] = [
    (lambda: base(horizon=0), "horizon", ("> 0",)),
    (lambda: base(horizon=float("inf")), "horizon", ()),
    (lambda: base(warmup=-1), "warmup", ()),
    (lambda: base(horizon=100, warmup=100), "warmup", ("less than the horizon",)),
    (
        lambda: Scenario(ORG, Roster.weekly({"anne": {"mon": "day"}})),
        "roster.lines[0].staff",
        ("'anne'",),
    ),
    (
        lambda: Scenario(ORG, Roster([RosterLine("kari", shift="day", team="nights")])),
        "roster.lines[0].team",
        ("unknown team 'nights'",),
    ),
    (
        lambda: Scenario(ORG, Roster([RosterLine("kari", shift="day", team="south")])),
        "roster.lines[0].team",
        ("'kari' is not a member of team 'south'",),
    ),
    (
        lambda: Scenario(
            ORG,
            Roster(
                [RosterLine("kari", shift="day"), RosterLine("kari", shift="day", days="tue")],
            ),
        ),
        "roster.lines[1]",
        ("overlapping",),
    ),
    (lambda: base(floors=[Floor("nights", period="day", minimum=1)]), "floors[0].team", ()),
    (
        lambda: base(floors=[Floor("rehab", period="evening", minimum=1)]),
        "floors[0].period",
        ("does not work in the evening",),
    ),
    (
        lambda: base(floors=[Floor("north", period="evening", minimum=2)]),
        "floors[0]",
        ("'north'", "Monday", "evening", "1 staff", "floor of 2"),
    ),
    (
        lambda: base(demand=Demand(visits=[VisitPlan("u9", times="08:00", duration=20)])),
        "demand.visits[0].user",
        ("unknown user 'u9'",),
    ),
    (
        lambda: base(
            demand=Demand(
                visits=[
                    VisitPlan("u1", times="08:00", duration=20),
                    VisitPlan("u1", times="08:00", duration=20, preferred=["telepathy"]),
                ]
            )
        ),
        "demand.visits[1].preferred",
        ("unknown competence 'telepathy'",),
    ),
    (
        lambda: base(demand=Demand(visits=[VisitPlan("u1", times="8:00", duration=5, team="x")])),
        "demand.visits[0].team",
        (),
    ),
    (
        lambda: base(demand=Demand(arrivals=[ArrivalProcess(1, duration=5, users=["u1", "u7"])])),
        "demand.arrivals[0].users[1]",
        (),
    ),
    (
        lambda: base(demand=Demand(alarms=[Alarms(1, required=["telepathy"])])),
        "demand.alarms[0].required",
        (),
    ),
    (
        lambda: base(
            demand=Demand(
                discharges=[
                    Discharges(
                        1,
                        zones=["north", "east"],
                        episode=Episode(days=1, times="9:00", duration=5),
                    )
                ]
            )
        ),
        "demand.discharges[0].zones[1]",
        ("unknown zone 'east'",),
    ),
    (
        lambda: base(
            demand=Demand(
                discharges=[
                    Discharges(
                        1, episode=Episode(days=1, times="9:00", duration=5, required=["x-ray"])
                    )
                ]
            )
        ),
        "demand.discharges[0].episode.required",
        (),
    ),
    (
        lambda: base(
            demand=Demand(
                discharges=[
                    Discharges(1, team="x", episode=Episode(days=1, times="9:00", duration=5))
                ]
            )
        ),
        "demand.discharges[0].team",
        (),
    ),
    (
        lambda: base(absences=Absences(intervals=[Absence("kari"), Absence("anne")])),
        "absences.intervals[1].staff",
        (),
    ),
    (
        lambda: base(absences=Absences(sick_leave=SickLeave(0.1, staff=["anne"]))),
        "absences.sick_leave.staff[0]",
        (),
    ),
    (lambda: base(travel=TravelMatrix({("north", "east"): 5})), "travel.legs[0].destination", ()),
    (lambda: base(travel=TravelMatrix({("west", "north"): 5})), "travel.legs[0].origin", ()),
    (lambda: Scenario("org", ROSTER), "organisation", ()),  # type: ignore[arg-type]
    (lambda: Scenario(ORG, {"kari": "day"}), "roster", ()),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("build", "path", "words"), CASES)
def test_invalid_scenarios_name_the_field(
    build: Callable[[], object], path: str, words: tuple[str, ...]
) -> None:
    """Each rule a scenario enforces raises InvalidScenario with the path from the root."""
    with pytest.raises(InvalidScenario) as info:
        build()
    assert info.value.path == path
    for word in words:
        assert word in info.value.rule


def test_arrivals_need_users_to_draw_from() -> None:
    """An organisation without users cannot have arrivals drawn from 'all users'."""
    org = Organisation(
        "x",
        zones=[Zone("z")],
        staff=[Staff("a", profession="nurse")],
        teams=[Team("t", members=["a"])],
    )
    with pytest.raises(InvalidScenario) as info:
        Scenario(org, Roster([]), demand=Demand(arrivals=[ArrivalProcess(1, duration=5)]))
    assert info.value.path == "demand.arrivals[0].users"


def test_discharges_need_zones() -> None:
    """An organisation without zones cannot place discharged users anywhere."""
    org = Organisation(
        "x", staff=[Staff("a", profession="nurse")], teams=[Team("t", members=["a"])]
    )
    episode = Episode(days=1, times="09:00", duration=5)
    with pytest.raises(InvalidScenario) as info:
        Scenario(org, Roster([]), demand=Demand(discharges=[Discharges(1, episode=episode)]))
    assert info.value.path == "demand.discharges[0].zones"


def test_floor_met_is_accepted() -> None:
    """Day-shift floors of one on north (kari) and rehab on weekdays (lise) hold."""
    s = base(
        floors=[
            Floor("north", period="day", minimum=1),
            Floor("rehab", period="day", minimum=1, days="weekdays"),
        ]
    )
    assert len(s.floors) == 2


def test_findings_report_competence_nobody_rostered_holds() -> None:
    """Wound care is held only by kari; with kari off the roster, the visit is a finding."""
    roster = Roster.weekly({"ola": {"daily": "day"}, "per": {"daily": "day"}})
    demand = Demand(visits=[VisitPlan("u1", times="10:00", duration=20, required=["wound-care"])])
    findings = Scenario(ORG, roster, demand=demand).findings()
    assert [f.path for f in findings] == ["demand.visits[0].required"]
    assert "wound-care" in findings[0].message
    assert Scenario(ORG, ROSTER, demand=demand).findings() == ()


def test_findings_report_two_person_visit_with_one_holder() -> None:
    """A two-person wound-care visit when only kari holds wound care is a finding."""
    demand = Demand(
        alarms=[Alarms(0.1, required=["wound-care"], n_staff=2)],
    )
    findings = base(demand=demand).findings()
    assert [f.path for f in findings] == ["demand.alarms[0].n_staff"]


def test_findings_report_visit_times_nobody_is_on_shift_for() -> None:
    """A 03:00 visit with nobody on nights is a finding naming the time and the day."""
    demand = Demand(visits=[VisitPlan("u1", days="mon", times="03:00", duration=20, window=30)])
    findings = base(demand=demand).findings()
    assert [f.path for f in findings] == ["demand.visits[0].times"]
    assert "03:00 on Monday" in findings[0].message


def test_findings_see_the_night_shift_reaching_into_monday() -> None:
    """A Sunday night shift covers a Monday 03:00 visit of the next week: no finding."""
    roster = Roster.weekly({"ola": {"sun": "night"}})
    demand = Demand(visits=[VisitPlan("u1", days="mon", times="03:00", duration=20, window=0)])
    assert Scenario(ORG, roster, demand=demand).findings() == ()


def test_findings_for_episodes_and_arrivals() -> None:
    """Episode and arrival requirements are checked against the roster too."""
    demand = Demand(
        arrivals=[ArrivalProcess(1, duration=10, required=["rehabilitation"])],
        discharges=[
            Discharges(
                1, episode=Episode(days=2, times="10:00", duration=30, required=["dementia"])
            )
        ],
    )
    roster = Roster.weekly({"kari": {"daily": "day"}})
    paths = [f.path for f in Scenario(ORG, roster, demand=demand).findings()]
    assert paths == ["demand.arrivals[0].required", "demand.discharges[0].episode.required"]


def test_roster_check_builds_each_teams_members_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """2,000 roster lines in one team read ``Team.staff_ids`` a few times, not once per line."""
    n = 2000
    staff = [Staff(f"s{i}", profession="nurse") for i in range(n)]
    org = Organisation("big", staff=staff, teams=[Team("t", members=[s.id for s in staff])])
    roster = Roster([RosterLine(f"s{i}", shift="day", team="t", days="weekdays") for i in range(n)])
    calls = 0
    original = Team.staff_ids

    def counted(team: Team) -> tuple[str, ...]:
        nonlocal calls
        calls += 1
        return original.fget(team)  # type: ignore[attr-defined,no-any-return]

    monkeypatch.setattr(Team, "staff_ids", property(counted))
    scenario = Scenario(org, roster)
    assert len(scenario.roster.lines) == n
    assert calls <= 10
