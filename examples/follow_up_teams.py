"""Follow-up teams in a municipality that grows from 50 to over 100 active teams.

Senja reported that its number of active follow-up teams doubled "from 50 in the first quarter of
2021 to over 100 in the autumn of 2023" (SINTEF final evaluation 2024, seed 003 L1206). This
script plays out a municipality like that over 130 weeks:

* 19 coordinators -- physiotherapists, special-needs teachers, nurses and specialist nurses --
  hold the role beside their ordinary positions; at the start their caseloads look like the
  2023 survey (seed 003 L1690-1692);
* 50 users have a follow-up team; 130 more users with extensive needs have none: 70 under 67,
  and 60 older home-care users who have a primary contact instead (seed 002 L163-166);
* about one report of need a week reaches the coordinating unit, which assesses three at a time;
  whenever three new users wait for a coordinator the unit recruits one more (3 hours a week,
  up to 3 users); coordinators stay three years on average and are then replaced.

It prints the caseload figures against the survey, the concentration risk, coverage, the
waiting time at each step and what the meetings cost. Every duration is an assumption (see
:class:`hometeams.followup.FlowSpec`); replace them with your municipality's own figures.

Run it with ``python examples/follow_up_teams.py``.
"""

from __future__ import annotations

import numpy as np

from hometeams.followup import (
    ComplexNeedsUser,
    CoordinatingUnit,
    CoordinatorRole,
    FlowSpec,
    FollowUpProgramme,
    IndividualPlan,
    MeetingPlan,
    capacity,
    caseload_distribution,
    common_slot_probability,
    compare_with_survey,
    concentration,
    coverage_by_age,
    meeting_hours,
    services_by_age,
    simulate_flow,
    waiting_times,
)
from hometeams.model import Organisation, Staff, Unit

SEED = 2021
HORIZON_WEEKS = 130  # first quarter 2021 to autumn 2023

# (number of coordinators, profession, hours a week, caseload cap, users at the start)
COORDINATOR_GROUPS = (
    (7, "physiotherapist", 1.5, 1, [1] * 7),
    (4, "pedagogue", 2.5, 2, [2] * 4),
    (5, "nurse", 5.0, 5, [3, 3, 3, 4, 4]),
    (3, "specialist-nurse", 8.0, 8, [6, 6, 6]),
)

# Age range and services of typical users (cases A-I, seed 002 L492-639; seed 003 L1455-1465).
PROFILES = {
    "child": (
        (2, 10),
        [
            "gp",
            "physiotherapy",
            "occupational-therapy",
            "kindergarten",
            "educational-psychology",
            "relatives",
        ],
    ),
    "youth": (
        (11, 17),
        ["gp", "school", "educational-psychology", "mental-health", "child-welfare", "relatives"],
    ),
    "adult": ((18, 49), ["gp", "mental-health", "nav", "relatives"]),
    "older adult": (
        (50, 66),
        ["gp", "home-care", "physiotherapy", "occupational-therapy", "nav", "relatives"],
    ),
    "elderly": ((67, 95), ["gp", "home-care", "physiotherapy", "specialist-health"]),
}
# Profiles of the 50 coordinated users: nearly half children and young people, few elderly
# (seed 003 L1694: only 14 % of coordinators coordinated an older person).
COORDINATED_MIX = (
    ["child"] * 14 + ["youth"] * 9 + ["adult"] * 14 + ["older adult"] * 10 + ["elderly"] * 3
)


def build_organisation() -> Organisation:
    """Coordinators and home-care primary contacts as staff of one municipality."""
    staff = []
    for g, (count, profession, _hours, _cap, _loads) in enumerate(COORDINATOR_GROUPS):
        staff += [
            Staff(f"k{g}-{i}", profession=profession, fte=0.8, unit="helse") for i in range(count)
        ]
    staff += [Staff(f"pk-{i}", profession="nurse", unit="helse") for i in range(12)]
    staff += [Staff("ke-leader", profession="case-officer", unit="helse")]
    return Organisation(
        "Senja-like municipality",
        staff=staff,
        units=[Unit("helse", name="Helse og omsorg", leader="ke-leader")],
    )


def _user(
    uid: str,
    kind: str,
    rng: np.random.Generator,
    *,
    coordinator: str | None = None,
    primary_contact: str | None = None,
) -> ComplexNeedsUser:
    (low, high), services = PROFILES[kind]
    plan = IndividualPlan(review_weeks=26) if kind in ("child", "youth") else None
    return ComplexNeedsUser(
        uid,
        age=int(rng.integers(low, high + 1)),
        services=services,
        coordinator=coordinator,
        primary_contact=primary_contact,
        plan=plan,
    )


def build_programme(org: Organisation) -> FollowUpProgramme:
    """The programme at the start: 19 coordinators, 50 teams, 130 users without a team."""
    rng = np.random.default_rng(SEED)
    roles, owners = [], []
    for g, (count, _profession, hours, cap, loads) in enumerate(COORDINATOR_GROUPS):
        for i in range(count):
            roles.append(CoordinatorRole(f"k{g}-{i}", hours_per_week=hours, max_caseload=cap))
            owners += [f"k{g}-{i}"] * loads[i]
    kinds = list(COORDINATED_MIX)
    rng.shuffle(kinds)
    users = [
        _user(f"u{i:03d}", kind, rng, coordinator=owner)
        for i, (kind, owner) in enumerate(zip(kinds, owners, strict=True))
    ]
    # Users with extensive needs but no team: 70 under 67, 60 elderly with a primary contact.
    users += [_user(f"n{i:03d}", ["adult", "older adult"][i % 2], rng) for i in range(70)]
    users += [_user(f"h{i:03d}", "elderly", rng, primary_contact=f"pk-{i % 12}") for i in range(60)]
    return FollowUpProgramme(
        "Senja-like municipality",
        coordinators=roles,
        users=users,
        unit=CoordinatingUnit("ke", name="Koordinerende enhet", members=["ke-leader"], capacity=3),
        organisation=org,
        hours_per_user=1.0,
    )


def print_caseloads(title: str, programme: FollowUpProgramme) -> None:
    """The caseload distribution against the 2023 survey."""
    dist = caseload_distribution(programme)
    print(
        f"\n{title}: {dist.coordinators} coordinators with users, {dist.idle} idle, "
        f"mean caseload {dist.mean:.1f}"
    )
    print("  caseload  coordinators  share  survey  survey 95% range  within")
    for row in compare_with_survey(dist):
        print(
            f"  {row.bin.label:>8}  {row.observed:>12}  {row.observed_share:5.0%}  "
            f"{row.survey_share:6.0%}  {row.low:7.0%} - {row.high:4.0%}    "
            f"{'yes' if row.within else 'no'}"
        )


def print_concentration(title: str, programme: FollowUpProgramme) -> None:
    """Who loses their coordinator if one leaves."""
    risk = concentration(programme)
    print(
        f"{title}: worst case {', '.join(risk.worst)} leaving orphans {risk.worst_orphaned} of "
        f"{risk.coordinated} users ({risk.worst_share:.0%}); bus factor {risk.bus_factor}; "
        f"effective coordinators {risk.effective_coordinators:.1f}"
    )


def main() -> None:
    """Build the municipality, analyse it, simulate 130 weeks and print the figures."""
    org = build_organisation()
    programme = build_programme(org)
    print(f"Follow-up teams in a {programme.name}, {HORIZON_WEEKS} weeks from 2021")
    print(f"Active teams at the start: {len(programme.active_teams)}")

    print_caseloads("Caseloads at the start", programme)
    cap = capacity(programme)
    print(
        f"Capacity at the start: {cap.slots} slots, {cap.free} free, "
        f"{len(cap.overloaded)} overloaded, {cap.uncoordinated} users without a coordinator"
    )

    print("\nCoverage by age (users with a coordinator):")
    for group in coverage_by_age(programme):
        print(
            f"  {group.ages.label:>5}: {group.coordinator_share:4.0%} of {group.users} "
            f"(national 2018: {group.national_share:.0%}); primary contact only: "
            f"{group.primary_contact_only}"
        )
    print("Services per user against the 2023 user survey:")
    for services in services_by_age(programme):
        print(
            f"  {services.range.ages.label:>5}: median {services.median:.0f}, "
            f"{services.share_in_range:4.0%} in {services.range.low}-{services.range.high} "
            f"({services.range.statement})"
        )

    spec = FlowSpec(
        programme,
        reports_per_week=1.0,
        recruit_when_waiting=3,
        recruit_role=CoordinatorRole("new", hours_per_week=3.0, max_caseload=3),
        horizon_weeks=HORIZON_WEEKS,
    )
    result = simulate_flow(spec, seed=SEED)
    series = result.series
    print(
        f"\nActive teams: {series.active_teams[0]} at week 0, "
        f"{series.active_teams[-1]} at week {series.week[-1]:.0f} "
        f"(most: {series.active_teams.max()}); coordinators: {series.coordinators[0]} -> "
        f"{series.coordinators[-1]}"
    )

    print_caseloads(f"Caseloads at week {HORIZON_WEEKS}", result.final)
    print("\nConcentration risk:")
    print_concentration("  at the start", programme)
    print_concentration(f"  at week {HORIZON_WEEKS}", result.final)

    print("\nWaiting times (weeks):")
    print("  step               done  waiting    mean  median     p90")
    for w in waiting_times(result):
        print(
            f"  {w.step:<17} {w.completed:>6} {w.unfinished:>8} {w.mean:7.1f} {w.median:7.1f} "
            f"{w.p90:7.1f}"
        )
    users = result.users
    left = int(np.isfinite(result.coordinators.left).sum())
    due, held = int(users.reviews_due.sum()), int(users.reviews_held.sum())
    print(
        f"Coordinators who left: {left}; users orphaned: {len(result.reappointments)}; "
        f"reviews held: {held} of {due}"
    )

    print("\nMeetings:")
    for n in (5, 12, 20):
        p = common_slot_probability([0.6] * n, weeks=4).probability
        print(f"  {n:>2} people each free in 60% of slots: P(common slot within 4 weeks) = {p:.2f}")
    teams = int(series.active_teams[-1])
    old = meeting_hours(MeetingPlan.responsibility_group(), teams=teams)
    new = meeting_hours(MeetingPlan.core_team(), teams=teams)
    print(
        f"  person-hours a year for {teams} teams: responsibility groups {old:,.0f}, "
        f"core teams with one larger meeting {new:,.0f}"
    )


if __name__ == "__main__":
    main()
