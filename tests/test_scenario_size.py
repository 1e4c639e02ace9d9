"""Tests for ``hometeams.scenario._size``: the size of a run, estimated before it is realised."""

from __future__ import annotations

import math
import time

import attrs
import pytest

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.io import loads_scenario
from hometeams.scenario import (
    Alarms,
    ArrivalProcess,
    Demand,
    Limits,
    Scenario,
    check_replications,
    check_size,
    estimate_size,
    realise,
)
from scenario_files import BASE, replace_once

WEEK = 7 * 1440.0


@pytest.fixture(scope="module")
def base() -> Scenario:
    return loads_scenario(BASE).scenario


def test_estimate_counts_visits_arrivals_and_shifts_by_hand(base: Scenario) -> None:
    """BASE over 2 weeks: 2*7 + 1*2 visits and 0.2*8*7 arrivals a week; 5+7+7 shifts a week."""
    size = estimate_size(base)
    per_week = 2 * 7 + 1 * 2 + 0.2 * 8 * 7
    assert size.jobs == pytest.approx(2 * per_week)
    assert size.shifts == pytest.approx((14 + 1) * (5 + 7 + 7) / 7)
    assert dict(size.sources) == pytest.approx(
        {"demand.visits": 2 * 16.0, "demand.arrivals[0].rate": 2 * 11.2}
    )


def test_estimate_is_close_to_a_realisation(base: Scenario) -> None:
    """The visits are exact and the whole estimate within a few sd of one realisation."""
    realised = realise(base, seed=3)
    size = estimate_size(base)
    sd = math.sqrt(2 * 11.2)  # the arrivals are Poisson
    assert abs(len(realised.jobs) - size.jobs) < 5 * sd
    assert len(realised.shifts) <= size.shifts


def test_estimate_of_a_huge_horizon_is_immediate(base: Scenario) -> None:
    """A horizon of 1e300 minutes is estimated without a loop over its days."""
    started = time.perf_counter()
    size = estimate_size(attrs.evolve(base, horizon=1e300))
    assert time.perf_counter() - started < 1.0  # generous: the work is a few multiplications
    assert size.jobs > 1e290


@pytest.mark.parametrize(
    ("horizon", "shown"),
    [(10_000 * WEEK, "10,000 weeks"), (99_999_999_999 * WEEK, "1e+11 weeks"), (1e300, "weeks")],
)
def test_a_long_horizon_is_refused_naming_the_field_and_the_limit(
    base: Scenario,
    horizon: float,
    shown: str,
) -> None:
    """``horizon = "10000 weeks"`` and beyond: the horizon, its length and 520 weeks."""
    with pytest.raises(InvalidScenario, match=r"^horizon: ") as caught:
        check_size(attrs.evolve(base, horizon=horizon))
    assert shown in caught.value.rule
    assert "limit of 520 weeks" in caught.value.rule
    assert len(str(caught.value)) < 300


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ("rate = 0.2", "rate = 1e9", "demand.arrivals[0].rate"),
        ("rate = 0.2", "rate = 1e5", "demand.arrivals[0].rate"),
        (
            "by_hour = [0, 0, 0, 0, 0, 0, 0, 0, 1,",
            "by_hour = [1e308, 0, 0, 0, 0, 0, 0, 0, 1,",
            "demand.arrivals[0].by_hour",
        ),
    ],
)
def test_a_huge_rate_is_refused_naming_the_source(old: str, new: str, path: str) -> None:
    """Rates of 1e9 and 1e5 an hour, and an hourly factor of 1e308, name their own field."""
    scenario = loads_scenario(replace_once(BASE, old, new)).scenario
    with pytest.raises(InvalidScenario) as caught:
        check_size(scenario)
    assert caught.value.path == path
    assert "jobs a replication" in caught.value.rule
    assert "limit of 1,000,000" in caught.value.rule


def test_by_weekday_of_1e308_is_refused_naming_by_weekday(base: Scenario) -> None:
    """A weekday factor of 1e308 is the profile's fault, not the rate's."""
    alarms = Alarms(0.1, by_weekday=[1e308, 1, 1, 1, 1, 1, 1])
    scenario = attrs.evolve(base, demand=attrs.evolve(base.demand, alarms=[alarms]))
    with pytest.raises(InvalidScenario) as caught:
        check_size(scenario)
    assert caught.value.path == "demand.alarms[0].by_weekday"


def test_a_horizon_that_multiplies_a_normal_week_is_the_horizons_fault(base: Scenario) -> None:
    """54.4 jobs in two weeks against a limit of 50: the horizon is named, not a source."""
    with pytest.raises(InvalidScenario, match=r"^horizon: about 27 jobs a week") as caught:
        check_size(base, limits=Limits(jobs=50))
    assert "limit of 50" in caught.value.rule


def test_raised_limits_let_a_large_run_through(base: Scenario) -> None:
    """A planner who means 1,000 weeks raises the horizon limit and it passes."""
    long = attrs.evolve(base, horizon=1000 * WEEK)
    with pytest.raises(InvalidScenario):
        check_size(long)
    assert check_size(long, limits=Limits(horizon=1000 * WEEK)).horizon == 1000 * WEEK


def test_too_many_shifts_name_the_roster(base: Scenario) -> None:
    """About 40.7 shifts against a limit of 10 is the roster's."""
    with pytest.raises(InvalidScenario, match=r"^roster: an estimated 41 shifts"):
        check_size(base, limits=Limits(shifts=10))


def test_memory_beyond_the_limit_is_refused(base: Scenario) -> None:
    """33,600 arrivals in two weeks, some 66 MB at 2 kB each, do not fit in a limit of 1 MB."""
    arrivals = ArrivalProcess(100.0, duration=20, name="busy")
    busy = attrs.evolve(base, demand=Demand(arrivals=[arrivals]))  # 100 * 24 * 14 = 33,600 jobs
    with pytest.raises(InvalidScenario, match=r"MB a replication"):
        check_size(busy, limits=Limits(memory=1))


@pytest.mark.parametrize("value", [0, -1, math.nan, math.inf, "5", True])
def test_limits_refuse_values_below_one_and_non_numbers(value: object) -> None:
    """Every limit is a finite number >= 1; the message names the field."""
    with pytest.raises(InvalidArgument, match=r"^jobs: must be a finite number >= 1"):
        Limits(jobs=value)  # type: ignore[arg-type]


def test_check_size_refuses_a_limits_of_the_wrong_type(base: Scenario) -> None:
    """``limits={"jobs": 5}`` is an error naming ``limits``."""
    with pytest.raises(InvalidArgument, match=r"^limits: must be a Limits"):
        check_size(base, limits={"jobs": 5})  # type: ignore[arg-type]


def test_check_replications_bounds_them() -> None:
    """10,000 pass by default, 10,001 do not, and a raised limit lets a billion through."""
    assert check_replications(10_000) == 10_000
    with pytest.raises(InvalidArgument, match=r"^replications: must be at most the limit"):
        check_replications(10_001)
    assert check_replications(10**9, limits=Limits(replications=10**9)) == 10**9


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "by_hour = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]",
            "by_hour = [" + ", ".join(["1e308"] * 24) + "]",
        ),
        ("rate = 0.2", "rate = 1e308\nby_weekday = [1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1]"),
    ],
)
def test_profiles_that_overflow_are_refused_not_crashed(old: str, new: str) -> None:
    """Sums of 1e308s overflow to inf, which the limit refuses (no OverflowError)."""
    scenario = loads_scenario(replace_once(BASE, old, new)).scenario
    with pytest.raises(InvalidScenario, match=r"more than 1e308 jobs"):
        check_size(scenario)


def test_a_zero_rate_has_no_jobs_whatever_its_profile() -> None:
    """Rate 0 beside an hourly factor of 1e308: 0 * inf is no jobs, not nan."""
    text = replace_once(BASE, "rate = 0.2", "rate = 0")
    text = replace_once(text, "by_hour = [0, 0,", "by_hour = [1e308, 1e308,")
    size = check_size(loads_scenario(text).scenario)
    assert dict(size.sources)["demand.arrivals[0].by_hour"] == 0.0
