"""Each organisation model's defining behaviour, on tiny workloads worked out by hand.

Staff are on a 07:00-15:00 shift (420-900) unless said otherwise; ``job`` rows are due 30
minutes after they are ready.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import pytest

from hometeams.errors import InvalidArgument
from hometeams.model import User
from hometeams.sim import (
    Chained,
    ContinuityFirst,
    FixedTeams,
    Overflow,
    Pooled,
    Tier,
    View,
    earliest_free,
    known_staff_first,
    lowest_care_level,
    nearest,
    preferred_first,
    run,
)
from test_sim_engine import columns, job, organisation, realisation, shift

TWO_TEAMS = {"a": ["anne"], "b": ["bo"]}


def _two_teams() -> tuple[object, object]:
    """Anne (team a) is busy 470-530 with user ua; ua's second visit comes at 480; Bo is free."""
    org = organisation(
        {"anne": [], "bo": []},
        teams=TWO_TEAMS,
        users=[User("ua", zone="z", team="a"), User("ub", zone="z", team="b")],
    )
    r = realisation(
        [job(470, 60, user="ua"), job(480, 10, user="ua", due=600)],
        [shift("anne"), shift("bo")],
    )
    return org, r


def test_pooled_sends_anyone_free() -> None:
    """Pooled: Bo, free, takes team a's visit at once."""
    org, r = _two_teams()
    assert columns(run(r, org, Pooled()), "staff", "start") == [["anne", "bo"], [470.0, 480.0]]


def test_fixed_teams_wait_for_their_own_staff() -> None:
    """Fixed teams: the visit waits for Anne (free at 530) although Bo is free."""
    org, r = _two_teams()
    staff, start = columns(run(r, org, FixedTeams()), "staff", "start")
    assert staff == ["anne", "anne"]
    assert start == [470.0, 530.0]


def test_overflow_goes_to_the_pool_after_the_threshold() -> None:
    """Overflow(threshold) waits that long for the owning team, then lets the pool take the job."""
    # the visit waits 30 minutes for team a, then Bo takes it at 510; with a threshold of 100 Anne
    # is free first (530).
    org, r = _two_teams()
    assert columns(run(r, org, Overflow(30)), "staff", "start") == [
        ["anne", "bo"],
        [470.0, 510.0],
    ]
    assert columns(run(r, org, Overflow(100)), "staff", "start") == [
        ["anne", "anne"],
        [470.0, 530.0],
    ]


def test_overflow_with_zero_threshold_is_pooled_after_own_team() -> None:
    """Overflow(0) prefers the owning team when it is free, else anyone at once."""
    org, r = _two_teams()
    assert columns(run(r, org, Overflow(0)), "staff")[0] == ["anne", "bo"]
    org2 = organisation(
        {"bo": [], "anne": []}, teams=TWO_TEAMS, users=[User("ua", zone="z", team="a")]
    )
    r2 = realisation([job(480, 10, user="ua")], [shift("anne"), shift("bo")])
    # Bo is listed first in the organisation, but the owning team's Anne is preferred
    assert columns(run(r2, org2, Overflow(0)), "staff")[0] == ["anne"]
    assert columns(run(r2, org2, Pooled()), "staff")[0] == ["bo"]


def test_idle_team_members_take_pool_work() -> None:
    """Under overflow, idle staff take unowned and overflowing work in first-come order."""
    # a visit with no owning team goes to any free staff member, and Bo, freed at 500, takes team
    # a's visit that has waited past the threshold before his own team's later visit.
    org = organisation(
        {"anne": [], "bo": []},
        teams=TWO_TEAMS,
        users=[User("ua", zone="z", team="a"), User("ub", zone="z", team="b")],
    )
    r = realisation(
        [
            job(470, 100, user="ua"),  # anne busy to 570
            job(470, 30, user="ub"),  # bo busy to 500
            job(475, 10, user="ua", due=900),  # team a's, overflows at 485
            job(490, 10, user="ub", due=900),  # bo's own team
            job(495, 5, user="nobody", due=900),  # no owning team: pool work
        ],
        [shift("anne"), shift("bo")],
    )
    staff, start = columns(run(r, org, Overflow(10)), "staff", "start")
    # 500: bo takes job 2 (ready first, overflowed); 510: job 3 (his own); 520: job 4
    assert staff == ["anne", "bo", "bo", "bo", "bo"]
    assert start == [470.0, 470.0, 500.0, 510.0, 520.0]


def test_chained_tries_primary_then_secondary_then_anyone() -> None:
    """Chained sends the primary line, else the secondary line, else (fallback) anyone."""
    # a dementia visit goes to the primary line (Anne), else the secondary (Bo), else (fallback)
    # anyone qualified (Cai).
    org = organisation({"anne": ["dementia"], "bo": ["dementia"], "cai": ["dementia"]})
    policy = Chained(
        primary={"anne": ["dementia"], "bo": [], "cai": []}, secondary={"bo": ["dementia"]}
    )

    def sent(busy: Sequence[str], fallback: bool = True) -> str:
        rows = [job(470, 100, user=f"x{s}") for s in busy]
        # the earlier visits are each taken by their own named staff (one staff per user)
        jobs = [*rows, job(480, 10, preferred=["dementia"])]
        shifts = [shift(s, 460.0 if s in busy else 475.0) for s in ("anne", "bo", "cai")]
        r = realisation(jobs, shifts)
        chosen = attrs.evolve(policy, fallback=fallback)
        return str(columns(run(r, org, chosen), "staff")[0][-1])

    assert sent([]) == "anne"
    assert sent(["anne"]) == "bo"
    assert sent(["anne", "bo"]) == "cai"
    # without the fallback the visit waits for the lines: Anne, free again at 570
    assert sent(["anne", "bo"], fallback=False) == "anne"


def test_chained_without_fallback_waits_for_the_lines() -> None:
    """Chained(fallback=False) waits for the primary or secondary line."""
    # with both lines busy until 570, Cai (free) is not sent; the visit waits and Anne takes it at
    # 570.
    org = organisation({"anne": ["dementia"], "bo": ["dementia"], "cai": ["dementia"]})
    policy = Chained(primary={"anne": ["dementia"]}, secondary={"bo": ["dementia"]}, fallback=False)
    r = realisation(
        [job(470, 100), job(470, 100), job(480, 10, preferred=["dementia"], due=900)],
        [shift("anne", 460.0), shift("bo", 460.0), shift("cai", 475.0)],
    )
    staff, start = columns(run(r, org, policy), "staff", "start")
    assert staff == ["anne", "bo", "anne"]
    assert start == [470.0, 470.0, 570.0]


def test_chained_default_primary_is_what_staff_hold() -> None:
    """Chained(): staff holding the job's preferred competences first, before others."""
    org = organisation({"ola": [], "kari": ["dementia"]})
    r = realisation([job(480, 10, preferred=["dementia"])], [shift("ola"), shift("kari")])
    assert columns(run(r, org, Chained(order=())), "staff")[0] == ["kari"]
    assert columns(run(r, org, Pooled(order=())), "staff")[0] == ["ola"]


def _continuity_case(contact_busy_until: float) -> tuple[object, object]:
    org = organisation({"anne": [], "bo": []}, users=[User("u", zone="z", primary_contact="bo")])
    r = realisation(
        [job(470, contact_busy_until - 470, user="other"), job(480, 10, user="u", due=900)],
        [shift("anne", 475.0), shift("bo", 460.0)],
    )
    return org, r


def test_continuity_first_waits_for_the_primary_contact_within_tolerance() -> None:
    """ContinuityFirst waits for the primary contact within its tolerance."""
    # Bo, the user's primary contact, is busy until 500: the visit waits 20 minutes for him
    # (tolerance 30) although Anne is free.
    org, r = _continuity_case(500.0)
    staff, start = columns(run(r, org, ContinuityFirst(tolerance=30)), "staff", "start")
    assert (staff[1], start[1]) == ("bo", 500.0)


def test_continuity_first_gives_up_after_the_tolerance() -> None:
    """ContinuityFirst gives up after the tolerance: Bo is busy to 600, Anne goes at 510."""
    org, r = _continuity_case(600.0)
    staff, start = columns(run(r, org, ContinuityFirst(tolerance=30)), "staff", "start")
    assert (staff[1], start[1]) == ("anne", 510.0)


def test_continuity_first_prefers_staff_who_know_the_user() -> None:
    """ContinuityFirst prefers staff who served the user before."""
    # without a primary contact, the second visit goes to Bo, who made the first, although Anne
    # is listed first and free.
    org = organisation({"anne": [], "bo": []})
    r = realisation(
        [job(470, 10, user="x"), job(470, 20, user="u"), job(600, 10, user="u")],
        [shift("anne"), shift("bo")],
    )
    staff = columns(run(r, org, ContinuityFirst(tolerance=30)), "staff")[0]
    assert staff == ["anne", "bo", "bo"]
    assert columns(run(r, org, Pooled()), "staff")[0] == ["anne", "bo", "anne"]


def test_continuity_first_without_familiar_staff_does_not_wait() -> None:
    """A first visit to a user without a primary contact goes out at once."""
    org = organisation({"anne": []})
    r = realisation([job(480, 10)], [shift("anne")])
    assert columns(run(r, org, ContinuityFirst(tolerance=60)), "start")[0] == [480.0]


def test_nearest_sends_the_closest_nurse() -> None:
    """Anne is 20 minutes away, Bo 5: nearest sends Bo; without the rule Anne goes."""
    org = organisation({"anne": [], "bo": []}, zones=("a", "b", "c"))
    r = realisation([job(480, 10, zone="c")], [shift("anne", zone="a"), shift("bo", zone="b")])
    travel = {("a", "c"): 20.0, ("b", "c"): 5.0}
    assert columns(run(r, org, Pooled(order=(nearest,)), travel=travel), "staff")[0] == ["bo"]
    assert columns(run(r, org, Pooled(order=()), travel=travel), "staff")[0] == ["anne"]


def test_lowest_care_level_sends_the_health_worker() -> None:
    """A nurse (level 3) and a health worker (level 2) are free: the health worker goes."""
    org = organisation(
        {"nurse": [], "hw": []}, professions={"nurse": "nurse", "hw": "health-worker"}
    )
    r = realisation([job(480, 10)], [shift("nurse"), shift("hw")])
    assert columns(run(r, org, Pooled(order=(lowest_care_level,))), "staff")[0] == ["hw"]


def test_earliest_free_sends_whoever_waited_longest() -> None:
    """Anne is free since 500, Bo since 490: the 510 visit goes to Bo."""
    org = organisation({"anne": [], "bo": []})
    r = realisation([job(470, 30), job(470, 20), job(510, 10)], [shift("anne"), shift("bo")])
    staff = columns(run(r, org, Pooled(order=(earliest_free,))), "staff")[0]
    assert staff == ["anne", "bo", "bo"]
    assert columns(run(r, org, Pooled(order=())), "staff")[0] == ["anne", "bo", "anne"]


def test_known_staff_first_is_an_ordering_not_a_wait() -> None:
    """known_staff_first prefers familiar staff among the free ones but never waits for them."""
    # it picks Bo, who served the user, when he is free; when he is busy the visit goes to Anne
    # at once.
    org = organisation({"anne": [], "bo": []})
    r = realisation(
        [
            job(470, 10, user="x"),
            job(470, 10, user="u"),
            job(500, 10, user="u"),
            job(505, 10, user="u"),
        ],
        [shift("anne"), shift("bo")],
    )
    staff, start = columns(run(r, org, Pooled(order=(known_staff_first,))), "staff", "start")
    # 470: anne (x), bo (u); 500: both free, bo knows u; 505: bo busy to 510 -> anne now
    assert staff == ["anne", "bo", "bo", "anne"]
    assert start[3] == 505.0
    assert columns(run(r, org, Pooled(order=())), "staff")[0][2] == "anne"


def test_orderings_combine_lexicographically() -> None:
    """(lowest_care_level, nearest): among two health workers the nearer one goes."""
    org = organisation(
        {"nurse": [], "hw1": [], "hw2": []},
        professions={"nurse": "nurse", "hw1": "health-worker", "hw2": "health-worker"},
        zones=("a", "b"),
    )
    r = realisation(
        [job(480, 10, zone="b")],
        [shift("nurse", zone="b"), shift("hw1", zone="a"), shift("hw2", zone="b")],
    )
    policy = Pooled(order=(lowest_care_level, nearest))
    assert columns(run(r, org, policy, travel={("a", "b"): 10.0}), "staff")[0] == ["hw2"]


def test_preferred_first_is_the_default_order() -> None:
    """The default order sends the holder of the preferred competence; order=() does not."""
    org = organisation({"ola": [], "kari": ["dementia"]})
    r = realisation([job(480, 10, preferred=["dementia"])], [shift("ola"), shift("kari")])
    assert Pooled().order == (preferred_first,)
    assert columns(run(r, org, Pooled()), "staff")[0] == ["kari"]
    assert columns(run(r, org, Pooled(order=())), "staff")[0] == ["ola"]


def _handover_org() -> object:
    return organisation(
        {"rita": [], "nils": []},
        teams={"rehab": ["rita"], "north": ["nils"]},
        users=[User("u", zone="z", team="rehab")],
        team_options={
            "rehab": {"category": "specialist", "periods": ["day"], "days": range(5)},
            "north": {"category": "geographic", "zones": ["z"]},
        },
    )


def test_day_only_team_hands_evenings_and_weekends_to_the_zone() -> None:
    """A day-only weekday team hands its evening and weekend visits to the zone's team."""
    # the rehabilitation team keeps Monday 08:00, but Monday 16:00 and Saturday 08:00 go to the
    # zone's geographic team (recorded as the owning team).
    org = _handover_org()
    monday_day, monday_evening, saturday = 480.0, 960.0, 5 * 1440 + 480.0
    shifts = [
        shift("rita", 0.0, 7 * 1440.0, period="night"),
        shift("nils", 0.0, 7 * 1440.0, period="night"),
    ]
    r = realisation(
        [job(monday_day, 10), job(monday_evening, 10), job(saturday, 10)],
        shifts,
        horizon=7 * 1440.0,
    )
    records = run(r, org, FixedTeams())
    staff, team = columns(records, "staff", "team")
    assert team == ["rehab", "north", "north"]
    assert staff == ["rita", "nils", "nils"]


def test_a_night_patrol_covering_the_municipality_takes_night_visits() -> None:
    """At night a day-only team's visit goes to the night patrol (no zones: everywhere)."""
    org = organisation(
        {"rita": [], "nina": []},
        teams={"rehab": ["rita"], "patrol": ["nina"]},
        users=[User("u", zone="z", team="rehab")],
        team_options={
            "rehab": {"category": "specialist", "periods": ["day"]},
            "patrol": {"category": "night", "periods": ["night"]},
        },
    )
    r = realisation(
        [job(480.0, 10), job(1440.0 + 120.0, 10)],  # Monday 08:00 and Tuesday 02:00
        [shift("rita", 0.0, 2880.0), shift("nina", 0.0, 2880.0)],
        horizon=2880.0,
    )
    staff, team = columns(run(r, org, FixedTeams()), "staff", "team")
    assert team == ["rehab", "patrol"]
    assert staff == ["rita", "nina"]


def test_hand_over_follows_the_scenario_clock() -> None:
    """With the evening starting at 17:00, a 16:00 visit is still the day team's."""
    from hometeams._time import PeriodClock

    org = _handover_org()
    r = realisation([job(960.0, 10)], [shift("rita", 0.0, 1440.0), shift("nils", 0.0, 1440.0)])
    clock = PeriodClock(day=420.0, evening=1020.0, night=1380.0)
    assert columns(run(r, org, FixedTeams(), clock=clock), "team")[0] == ["rehab"]


def test_without_a_covering_zone_team_the_job_stays_with_its_owner() -> None:
    """Without a zone team to hand over to, a day-only team's weekend visit waits for it."""
    # Nils (another team) is on duty but does not take it; Rita is back on Monday, after the
    # horizon, so it ends unserved.
    org = organisation(
        {"rita": [], "nils": []},
        teams={"rehab": ["rita"], "other": ["nils"]},
        users=[User("u", zone="z", team="rehab")],
        team_options={"rehab": {"periods": ["day"], "days": range(5)}},
    )
    saturday = 5 * 1440 + 480.0
    r = realisation(
        [job(saturday, 10)],
        [shift("nils", 5 * 1440.0, 7 * 1440.0), shift("rita", 7 * 1440.0 + 420, 7 * 1440.0 + 900)],
        horizon=7 * 1440.0,
    )
    staff, team = columns(run(r, org, FixedTeams()), "staff", "team")
    assert (staff, team) == ([""], ["rehab"])


def test_a_shift_for_a_team_counts_only_for_that_team() -> None:
    """A shift rostered for one team counts only for that team under fixed teams."""
    # Ola is in both teams but rostered for the memory team today: he does not take the zone
    # team's visit.
    org = organisation(
        {"ola": [], "kari": []},
        teams={"north": ["ola", "kari"], "memory": ["ola"]},
        users=[User("u", zone="z", team="north")],
    )
    r = realisation([job(480, 10, user="u")], [shift("ola", team="memory"), shift("kari", 600.0)])
    staff, start = columns(run(r, org, FixedTeams()), "staff", "start")
    assert (staff, start) == (["kari"], [600.0])


class NightNurseFirst:
    """A planner's own policy: Nina first; anyone after 20 minutes. No engine subclassing."""

    order = ()

    def plan(self, job: int, view: View) -> Sequence[Tier]:  # noqa: ARG002 - same for all
        """Nina, then anyone after 20 minutes."""
        return (Tier(staff=view.staff_mask(["nina"])), Tier(after=20))


def test_a_planner_can_write_a_policy_without_subclassing() -> None:
    """A plain class with ``order`` and ``plan`` is a policy."""
    # Nina (busy until 500) is waited for within 20 minutes; the next visit waits past 20 and goes
    # to Per.
    org = organisation({"per": [], "nina": []})
    r = realisation(
        [job(470, 30, user="a"), job(480, 10, due=900), job(485, 40, due=900)],
        [shift("per", 475.0), shift("nina", 460.0)],
    )
    staff, start = columns(run(r, org, NightNurseFirst()), "staff", "start")
    # 470 nina (the only one on duty; per starts 475). 480: waits for nina (tier 2 opens 500)
    # -> at 500 nina is free and tier 1 comes first: nina. 485: nina busy till 510; tier 2
    # opens at 505 -> per at 505.
    assert staff == ["nina", "nina", "per"]
    assert start == [470.0, 500.0, 505.0]


def test_a_planner_can_write_an_ordering_rule() -> None:
    """Any function (job, staff, view) -> number is an ordering rule: here, highest index."""
    org = organisation({"a": [], "b": [], "c": []})
    r = realisation([job(480, 10)], [shift("a"), shift("b"), shift("c")])

    def last_listed(job: int, staff: int, view: View) -> float:  # noqa: ARG001
        return -staff

    assert columns(run(r, org, Pooled(order=(last_listed,))), "staff")[0] == ["c"]


@pytest.mark.parametrize(
    ("build", "match"),
    [
        (lambda: Overflow(-1), "threshold"),
        (lambda: Overflow(float("inf")), "threshold"),
        (lambda: Overflow("30"), "threshold"),
        (lambda: ContinuityFirst(tolerance=-2), "tolerance"),
        (lambda: Pooled(order=("nearest",)), r"order\[0\]"),
        (lambda: Tier(after=-1), "after"),
    ],
)
def test_bad_policy_arguments_are_refused(build: object, match: str) -> None:
    """Bad policy arguments raise InvalidArgument naming the argument."""
    with pytest.raises(InvalidArgument, match=match):
        build()  # type: ignore[operator]


def test_policies_are_values() -> None:
    """Policies compare by value, hash, and evolve into variants."""
    assert Overflow(30) == Overflow(30.0)
    assert hash(FixedTeams()) == hash(FixedTeams())
    assert attrs.evolve(Overflow(30), threshold=60) == Overflow(60)
    assert repr(Pooled(order=(lowest_care_level, nearest))) == (
        "Pooled(order=(lowest_care_level, nearest))"
    )


@pytest.mark.parametrize(
    "rule", [nearest, earliest_free, lowest_care_level, known_staff_first, preferred_first]
)
def test_policies_with_builtin_rules_pickle(rule: object) -> None:
    """Policies with any built-in ordering rule survive pickling (process pools, Dask workers)."""
    import pickle

    for policy in (Pooled(order=(rule,)), Overflow(30, order=(rule,)), ContinuityFirst(60)):
        assert pickle.loads(pickle.dumps(policy)) == policy
    assert pickle.loads(pickle.dumps(rule)) is rule
