"""Tests for hometeams.scenario._audit: load over capacity, rosters over contract, teams."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument
from hometeams.model import Organisation, Staff, Team, User, Zone
from hometeams.scenario import (
    ContractLine,
    Demand,
    Finding,
    Roster,
    Scenario,
    Shift,
    VisitPlan,
    audit,
    contract_table,
)
from hometeams.scenario._scenario import Coverage, time_label
from sim_strategies import scenarios

ZONES = [Zone("n"), Zone("s")]
USERS = [User(f"n{i}", zone="n", team="north") for i in range(11)] + [User("s0", zone="s")]
KARI = Staff("kari", profession="nurse", zone="n", competences=["medication"])
OLA = Staff("ola", profession="health-worker", zone="n", fte=0.75)
PER = Staff("per", profession="nurse", zone="s", competences=["medication"])
TEAMS = [Team("north", members=["kari", "ola"], zones=["n"]), Team("south", members=["per"])]


NO_DEMAND = Demand()


def _scenario(pattern: dict[str, dict[str, str]], demand: Demand = NO_DEMAND) -> Scenario:
    org = Organisation("x", zones=ZONES, staff=[KARI, OLA, PER], teams=TEAMS, users=USERS)
    return Scenario(org, Roster.weekly(pattern), demand=demand)


def _evening_visits(n: int) -> Demand:
    return Demand(
        visits=[VisitPlan(f"n{i}", days="mon", times="16:00", duration=48) for i in range(n)]
    )


def _kinds(found: tuple[Finding, ...]) -> list[tuple[str, str, str]]:
    return [(f.kind, f.severity, f.path) for f in found]


def test_load_equal_to_capacity_is_no_finding() -> None:
    """10 visits of 48 minutes against one 480-minute evening: full, but not over."""
    s = _scenario({"kari": {"mon": "evening"}}, _evening_visits(10))
    assert audit(s) == ()


def test_overload_is_an_error_naming_the_day_period_and_amount() -> None:
    """11 x 48 = 528 minutes against 480 rostered: 48 minutes (10 %) over on Monday evening."""
    s = _scenario({"kari": {"mon": "evening"}}, _evening_visits(11))
    [finding] = audit(s)
    assert (finding.kind, finding.severity, finding.path) == ("capacity", "error", "roster")
    numbers = dict(finding.numbers)
    assert (numbers["weekday"], numbers["period"]) == ("Monday", "evening")
    assert (numbers["load_minutes"], numbers["rostered_minutes"]) == (528, 480)
    assert numbers["excess_minutes"] == 48
    # 528 / 480 = 1.1 busy; P(Poisson(1.1) <= 2) = 0.900 (e^-1.1 (1 + 1.1 + 0.605) = 0.9004).
    assert numbers["staff_need"] == 2
    assert finding.message.startswith("Monday evening: 528 staff-minutes of work")
    assert "48 minutes (10%) more than everyone on shift can do" in finding.message


def test_overload_in_one_zone_only_is_a_warning_for_that_zone() -> None:
    """Zone n has 528 minutes and Kari's 480; Per's 480 in zone s make the district 960."""
    s = _scenario({"kari": {"mon": "evening"}, "per": {"mon": "evening"}}, _evening_visits(11))
    [finding] = audit(s)
    assert _kinds((finding,)) == [("capacity", "warning", "organisation.zones.n")]
    numbers = dict(finding.numbers)
    assert (numbers["zone"], numbers["excess_minutes"]) == ("n", 48)


def test_district_overload_names_the_zones_that_fall_short() -> None:
    """An overloaded district's error names each zone over its own staff's minutes, by how much.

    Zone n: 528 against Kari's 480 (48 over); zone s: 500 against Per's 480 (20 over); the
    district 1028 against 960: 68 over.
    """
    demand = _evening_visits(11)
    demand = Demand(
        visits=[*demand.visits, VisitPlan("s0", days="mon", times="16:00", duration=500)]
    )
    s = _scenario({"kari": {"mon": "evening"}, "per": {"mon": "evening"}}, demand)
    [finding] = audit(s)
    assert _kinds((finding,)) == [("capacity", "error", "roster")]
    numbers = dict(finding.numbers)
    assert (numbers["excess_minutes"], numbers["excess_minutes.n"]) == (68, 48)
    assert numbers["excess_minutes.s"] == 20
    assert finding.message.endswith("; minutes over by zone: n 48, s 20")


def test_a_roster_over_contract_is_a_warning() -> None:
    """A 0.75 position is 0.75 x 37.5 = 28.125 h; five 8-hour days are 40 h: 11.875 h over."""
    s = _scenario({"ola": {"weekdays": "day"}})
    assert contract_table(s) == (
        ContractLine("ola", fte=0.75, rostered_hours=40.0, contract_hours=28.125),
    )
    [finding] = audit(s)
    assert _kinds((finding,)) == [("contract", "warning", "organisation.staff.ola.fte")]
    assert dict(finding.numbers)["over_hours"] == 11.875
    assert "rostered 40 hours a week against a 75 % position of 28.125 hours" in finding.message


def test_a_little_over_contract_is_info() -> None:
    """Five 8-hour days on a full-time position: 40 h, 2.5 h (6.7 %) over 37.5 h."""
    s = _scenario({"kari": {"weekdays": "day"}})
    assert _kinds(audit(s)) == [("contract", "info", "organisation.staff.kari.fte")]
    assert _kinds(audit(s, tolerance=0.05)) == [
        ("contract", "warning", "organisation.staff.kari.fte")
    ]


def test_contract_hours_are_averaged_over_the_cycle() -> None:
    """Five days one week and two the next: (40 + 16) / 2 = 28 h, under Ola's 28.125 h."""
    org = Organisation("x", zones=ZONES, staff=[KARI, OLA, PER], teams=TEAMS, users=USERS)
    roster = Roster.rotation([{"ola": {"weekdays": "day"}}, {"ola": {"weekend": "day"}}])
    s = Scenario(org, roster)
    assert [line.rostered_hours for line in contract_table(s)] == [28.0]
    assert audit(s) == ()


def test_a_visit_outside_every_shift_is_told_from_one_nobody_able_can_take() -> None:
    """03:00 has nobody on shift (outside-shift); at 20:00 only Ola, without medication, is."""
    demand = Demand(
        visits=[
            VisitPlan("n0", days="mon", times="03:00", duration=10),
            VisitPlan("n1", days="mon", times="20:00", duration=10, required=["medication"]),
        ]
    )
    s = _scenario({"kari": {"mon": "day"}, "ola": {"mon": "evening"}}, demand)
    found = s.findings()
    assert _kinds(found) == [
        ("outside-shift", "error", "demand.visits[0].times"),
        ("coverage", "error", "demand.visits[1].times"),
    ]
    assert "03:00 on Monday" in found[0].message
    assert "20:00 on Monday" in found[1].message


def test_fixed_teams_add_visits_the_owning_team_cannot_make() -> None:
    """At 20:00 only Per (team south) is on shift with medication; user n0 belongs to north."""
    demand = Demand(
        visits=[VisitPlan("n0", days="mon", times="20:00", duration=10, required=["medication"])]
    )
    s = _scenario({"kari": {"mon": "day"}, "per": {"mon": "evening"}}, demand)
    assert audit(s) == ()
    [finding] = audit(s, fixed_teams=True)
    assert _kinds((finding,)) == [("coverage", "warning", "demand.visits[0].times")]
    assert "only team 'north'" in finding.message
    assert "20:00 on Monday" in finding.message


def test_finding_data_and_severity_rule() -> None:
    """``data()`` has the five keys; an unknown severity names the field, value and rule."""
    finding = Finding("roster", "m", kind="capacity", severity="error", numbers={"a": 1})
    assert finding.data() == {
        "kind": "capacity",
        "severity": "error",
        "path": "roster",
        "message": "m",
        "numbers": {"a": 1},
    }
    assert Finding("p", "m").severity == "warning"
    with pytest.raises(InvalidArgument, match="severity: must be one of error, warning, info"):
        Finding("p", "m", severity="fatal")  # type: ignore[arg-type]


def _district(evening_minutes: float) -> Scenario:
    """45 staff and 120 users in three zones of 15 staff and 40 users each.

    Per zone: ten on weekday day shifts and five on weekday evenings; every user has a 60-minute
    visit at 09:00 and one of ``evening_minutes`` at 17:00 on weekdays. One day worker in z0,
    ``hw-44``, is a 0.75-FTE health worker rostered four long days (07:00-18:00, 11 hours)
    Monday to Thursday instead: 44 hours a week.
    """
    zones = [Zone(f"z{z}") for z in range(3)]
    staff, pattern = [], {}
    for z in range(3):
        for i in range(15):
            person = f"z{z}-{i:02d}"
            staff.append(Staff(person, profession="nurse", zone=f"z{z}"))
            pattern[person] = {"weekdays": "day" if i < 10 else "evening"}
    staff[0] = Staff("hw-44", profession="health-worker", fte=0.75, zone="z0")
    del pattern["z0-00"]
    pattern["hw-44"] = {"mon": "long", "tue": "long", "wed": "long", "thu": "long"}
    users = [User(f"u{z}-{j:02d}", zone=f"z{z}") for z in range(3) for j in range(40)]
    visits = [
        VisitPlan(u.id, days="weekdays", times=time, duration=minutes)
        for u in users
        for time, minutes in (("09:00", 60), ("17:00", evening_minutes))
    ]
    org = Organisation("district", zones=zones, staff=staff, users=users)
    roster = Roster.weekly(pattern, shifts=[Shift("long", start="07:00", end="18:00")])
    return Scenario(org, roster, demand=Demand(visits=visits))


def test_a_45_staff_district_within_capacity_has_only_its_contract_finding() -> None:
    """A 45-staff district within capacity has one warning: the long-day health worker.

    40 x 40 = 1600 evening minutes a zone against 5 x 480 = 2400: no capacity finding; hw-44's
    44 hours against 28.125 (15.875 over) is the one warning.
    """
    found = [f for f in audit(_district(40)) if f.severity != "info"]
    assert _kinds(tuple(found)) == [("contract", "warning", "organisation.staff.hw-44.fte")]
    assert dict(found[0].numbers)["over_hours"] == 15.875


def test_an_overloaded_45_staff_district_is_flagged_where_and_by_how_much() -> None:
    """An overloaded 45-staff district gets an error for each evening, naming zone and amount.

    70-minute evening visits: 40 x 70 = 2800 a zone, 8400 in all, against 3 x 2400 = 7200.
    Friday evening: 1200 over, 400 in each zone. Monday to Thursday, hw-44's long day adds
    18:00 - 15:00 = 180 evening minutes to z0: 1020 over in all, 220 in z0.
    """
    capacity = {
        dict(f.numbers)["weekday"]: dict(f.numbers)
        for f in audit(_district(70))
        if f.kind == "capacity"
    }
    assert sorted(capacity) == sorted(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
    friday = capacity["Friday"]
    assert (friday["period"], friday["load_minutes"], friday["rostered_minutes"]) == (
        "evening", 8400, 7200
    )  # fmt: skip
    assert [friday[f"excess_minutes.z{z}"] for z in range(3)] == [400, 400, 400]
    monday = capacity["Monday"]
    assert (monday["excess_minutes"], monday["excess_minutes.z0"]) == (1020, 220)


@settings(max_examples=60, deadline=None)
@given(scenario=scenarios(), data=st.data())
def test_coverage_by_merged_stretches_is_the_pass_over_every_shift(
    scenario: Scenario, data: st.DataObject
) -> None:
    """:class:`Coverage` answers as a plain pass over every shift of the cycle would.

    The plain check: a visit time is covered if some shift ``[start, end)`` of the staff (in
    the cycle, the one before or the one after) meets the window ``[ready, ready + window]``.
    """
    cover = Coverage(scenario)
    everyone = sorted(scenario.roster.staff)
    drawn = data.draw(st.lists(st.sampled_from(everyone), unique=True)) if everyone else []
    staff = frozenset(drawn)
    lines = data.draw(
        st.none() | st.frozensets(st.integers(0, max(len(scenario.roster.lines) - 1, 0)))
    )
    cycle = scenario.roster.cycle
    length = 7 * cycle * 1440.0
    shifts = [
        (c.start + k * length, c.end + k * length)
        for c in scenario.cycle
        if c.staff in staff and (lines is None or c.line in lines)
        for k in (-1, 0, 1)
    ]
    for visit in scenario.demand.visits:
        plain = [
            time_label(t, 7 * week + day, cycle)
            for week in range(cycle)
            for day in sorted(visit.days)
            for t in visit.times
            if not any(
                a <= (7 * week + day) * 1440.0 + t + visit.window
                and (7 * week + day) * 1440.0 + t < b
                for a, b in shifts
            )
        ]
        assert cover.uncovered(visit, staff, lines=lines) == plain


def test_a_visit_due_as_the_only_shift_ends_is_not_covered() -> None:
    """Kari's day shift is [07:00, 15:00): a visit at 15:00 sharp, no window, finds nobody.

    One at 14:59 does, and so does one at 06:30 with an hour's window (its window meets 07:00).
    """
    org = Organisation(
        "x", zones=ZONES, staff=[KARI], users=[User(f"n{i}", zone="n") for i in range(3)]
    )
    roster = Roster.weekly(
        {"kari": {"mon": "day"}}, shifts=[Shift("day", start="07:00", end="15:00")]
    )
    visits = [
        VisitPlan("n0", days="mon", times="15:00", duration=10, window=0),
        VisitPlan("n1", days="mon", times="14:59", duration=10, window=0),
        VisitPlan("n2", days="mon", times="06:30", duration=10, window=60),
    ]
    s = Scenario(org, roster, demand=Demand(visits=visits))
    cover = Coverage(s)
    kari = frozenset({"kari"})
    assert [len(cover.uncovered(v, kari)) for v in visits] == [1, 0, 0]
