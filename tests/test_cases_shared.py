"""The cases' shared helpers: argument checks, evenly spread times and fair rotas."""

from __future__ import annotations

import itertools
import math
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.cases._shared import (
    check_count,
    check_minutes,
    check_probability,
    horizon,
    rota,
    rota_lines,
    spread,
)
from hometeams.errors import InvalidArgument


@given(
    n=st.integers(1, 30),
    per_day=st.integers(1, 30),
    days=st.lists(st.integers(0, 6), min_size=1, max_size=7, unique=True),
)
def test_rota_staffs_every_day_exactly_and_shares_fairly(
    n: int, per_day: int, days: list[int]
) -> None:
    """Each listed day gets ``per_day`` different people, and shift counts differ by <= 1."""
    staff = [f"s{i}" for i in range(n)]
    if per_day > n:
        with pytest.raises(InvalidArgument, match="per_day"):
            rota(staff, per_day=per_day, days=days)
        return
    plan = rota(staff, per_day=per_day, days=days)
    on = Counter(day for person_days in plan.values() for day in person_days)
    assert on == dict.fromkeys(days, per_day)
    for person_days in plan.values():
        assert len(person_days) == len(set(person_days))  # nobody twice on a day
    counts = [len(plan.get(s, [])) for s in staff]
    assert max(counts) - min(counts) <= 1
    assert list(plan) == [s for s in staff if s in plan]


def test_rota_lines_carry_the_shift_and_team() -> None:
    """Every roster line names the shift and the team it is worked for."""
    lines = rota_lines(rota(["a", "b", "c"], per_day=2), shift="evening", team="rehab")
    assert {(line.shift, line.team) for line in lines} == {("evening", "rehab")}
    assert sum(len(line.days) for line in lines) == 14


@given(
    first=st.integers(0, 1000),
    length=st.integers(0, 400),
    n=st.integers(1, 60),
)
def test_spread_is_even_and_hits_both_ends(first: int, length: int, n: int) -> None:
    """Times are sorted, start at ``first``, end at ``last`` and are equally spaced."""
    last = first + length
    times = spread(first, last, n)
    assert len(times) == n
    assert times[0] == first
    if n > 1:
        assert math.isclose(times[-1], last)
        steps = [b - a for a, b in itertools.pairwise(times)]
        assert all(math.isclose(s, length / (n - 1), abs_tol=1e-9) for s in steps)


def test_spread_refuses_times_outside_a_day() -> None:
    """A last time before the first, or past midnight, is an error naming both."""
    with pytest.raises(InvalidArgument, match="first, last"):
        spread(900, 800, 3)
    with pytest.raises(InvalidArgument, match="first, last"):
        spread(900, 1440, 3)


def test_horizon_adds_the_warm_up_in_minutes() -> None:
    """Four measured weeks after two of warm-up end at six weeks, 60480 minutes."""
    assert horizon(4, warmup_weeks=2) == (6 * 7 * 1440.0, 2 * 7 * 1440.0)
    assert horizon(1) == (7 * 1440.0, 0.0)


@pytest.mark.parametrize(
    ("check", "value", "message"),
    [
        (check_count, 0, "weeks: must be an integer >= 1, got 0"),
        (check_count, True, "weeks: must be an integer >= 1, got True"),
        (check_count, 2.0, "weeks: must be an integer >= 1, got 2.0"),
        (check_minutes, -1, "weeks: must be a finite number of minutes >= 0, got -1"),
        (check_minutes, math.inf, "weeks: must be a finite number of minutes >= 0, got inf"),
        (check_probability, 1.0, "weeks: must be a probability >= 0 and < 1, got 1.0"),
        (check_probability, -0.1, "weeks: must be a probability >= 0 and < 1, got -0.1"),
    ],
)
def test_checks_name_the_argument_the_value_and_the_rule(
    check: object, value: object, message: str
) -> None:
    """A bad argument raises InvalidArgument with name, rule and value."""
    with pytest.raises(InvalidArgument) as err:
        check("weeks", value)  # type: ignore[operator]
    assert str(err.value) == message
