"""Cancer coordinators merged into three or four: the demand, the rosters and the theory.

Expected values: the quote's 1.5 per district (seed 000 L999), the Erlang C values of
``reference-values.md`` (C(2, 1.5) = 0.642857, C(4, 3) = 0.509434) and queueing theory for a
critically loaded queue, not the code's output.
"""

from __future__ import annotations

from collections import Counter

import pytest

from hometeams.cases import coordinators_analytic, pooled_coordinators
from hometeams.errors import InvalidArgument
from hometeams.experiment import (
    Comparison,
    ExperimentSettings,
    Sweep,
    compare,
    paired_interval,
    sweep,
)
from hometeams.scenario import Fixed, LogNormal


def test_caseload_is_one_and_a_half_coordinators_per_district() -> None:
    """Each district plans 720 minutes a weekday (1.5 x 480), and every slot holds three."""
    scenario = pooled_coordinators()[0].scenario
    minutes: Counter[tuple[str, int]] = Counter()
    per_slot: Counter[tuple[int, float]] = Counter()
    for plan in scenario.demand.visits:
        district = scenario.organisation.users_by_id[plan.user].zone
        (day,) = plan.days
        (time,) = plan.times
        minutes[district, day] += plan.duration.mean
        per_slot[day, time] += 1
    assert set(minutes.values()) == {1.5 * 480}
    assert len(minutes) == 2 * 5
    assert set(per_slot.values()) == {3}  # the merged team's three are exactly filled


def test_requests_offer_one_and_a_half_coordinators_per_district() -> None:
    """Rate x standard time = 1.5 busy coordinators in office hours, weekdays only."""
    scenario = pooled_coordinators(work="queue")[0].scenario
    for source in scenario.demand.arrivals:
        assert isinstance(source.duration, Fixed)
        assert source.rate * source.duration.mean / 60 == pytest.approx(1.5)
        assert source.expected(0.0, 7 * 1440.0) == pytest.approx(5 * 8 * 3.0)
    variable = pooled_coordinators(work="queue", request_sd=10)[0].scenario
    assert isinstance(variable.demand.arrivals[0].duration, LogNormal)


def test_rosters_are_four_three_and_four() -> None:
    """Separate and merged 4 roster all four coordinators, merged 3 leaves one out."""
    sizes = [len(m.scenario.roster.staff) for m in pooled_coordinators()]
    assert sizes == [4, 3, 4]
    teams = [sorted(m.scenario.organisation.teams_by_id) for m in pooled_coordinators()]
    assert teams == [["east", "west"], ["merged"], ["merged"]]


def test_bad_options_are_refused_by_name() -> None:
    """Unknown work, a zero request time or zero weeks are errors naming the option."""
    with pytest.raises(InvalidArgument, match="work: must be 'caseload' or 'queue'"):
        pooled_coordinators(work="meetings")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="request_minutes: must be > 0"):
        pooled_coordinators(work="queue", request_minutes=0)
    with pytest.raises(InvalidArgument, match="weeks"):
        pooled_coordinators(weeks=0)


def test_analytic_answer_matches_the_reference_values() -> None:
    """Caseload: 4 apart, 3 merged, nobody idle. Queue: Wq = C / (c mu - lambda)."""
    a = coordinators_analytic()
    assert (a.caseload.separate_staff, a.caseload.merged.staff) == (4, 3)
    assert a.caseload.merged.idle == pytest.approx(0.0)
    assert a.queue.unstable_if_merged_to_summed_need
    assert a.queue.merged.staff == 4
    assert a.separate_wait == pytest.approx(0.642857 / (2 - 1.5) * 30, rel=1e-5)
    assert a.merged_wait == pytest.approx(0.509434 / (4 - 3) * 30, rel=1e-5)


@pytest.fixture(scope="module")
def caseload() -> Comparison:
    """Ten replications of two weeks of planned visits."""
    return compare(
        pooled_coordinators(weeks=2),
        ExperimentSettings(replications=10, seed=3),
        executor="serial",
        progress=False,
    )


def test_three_carry_the_schedulable_caseload(caseload: Comparison) -> None:
    """Three carry the planned caseload: the separate districts' idle quarter goes, on time.

    Planned load is 0.75 of four rostered coordinators, so separately about 0.25 is idle.
    """
    assert caseload.interval("separate", "idle_share").mean == pytest.approx(0.25, abs=0.02)
    assert caseload.difference("merged 3", "idle_share").high < -0.15
    assert caseload.interval("merged 3", "on_time_share").low > 0.98
    assert (caseload.sample("merged 3", "unserved") == 0).all()
    # A quarter fewer staff-hours: one of four coordinators, 8 h x 10 weekdays (+ overtime).
    assert caseload.difference("merged 3", "staff_hours").mean == pytest.approx(-80, abs=10)


@pytest.fixture(scope="module")
def queue() -> Sweep:
    """The request queue over two and four weeks, 16 replications on the same requests."""
    return sweep(
        lambda weeks: pooled_coordinators(work="queue", weeks=weeks),
        {"weeks": [2, 4]},
        ExperimentSettings(replications=16, seed=14, metrics=["mean_delay", "unserved"]),
        executor="serial",
        progress=False,
    )


def test_three_at_full_load_wait_ever_longer(queue: Sweep) -> None:
    """Merged to three at full load, the mean wait grows with the run; four wait least.

    Load 3 on 3 servers has no steady state: over [0, T] the mean wait grows like sqrt(T), so
    doubling the run raises it (paired interval above 0); three wait longer than two per
    district (load 0.75 each), and four -- the pooling gain -- wait less.
    """
    short, long = queue.comparison(weeks=2), queue.comparison(weeks=4)
    growth = paired_interval(
        long.sample("merged 3", "mean_delay"), short.sample("merged 3", "mean_delay")
    )
    assert growth.low > 0
    assert long.difference("merged 3", "mean_delay").low > 0
    assert long.difference("merged 4", "mean_delay").high < 0
