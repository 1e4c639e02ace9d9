"""Tests of the chance that a meeting of n people finds a common slot within k weeks."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument
from hometeams.followup import (
    BookedAhead,
    Calendar,
    Rota,
    common_slot_probability,
    weeks_to_common_slot,
)

probabilities = st.floats(0.0, 1.0, allow_nan=False)


def test_four_people_free_half_the_time_one_week() -> None:
    """1 - (1 - 1/16)**10 = 0.47554 for four people free in half of ten slots."""
    result = common_slot_probability([0.5] * 4, weeks=1)
    assert result.probability == pytest.approx(1 - (15 / 16) ** 10)
    assert result.probability == pytest.approx(0.47554, abs=1e-5)
    assert (result.method, result.samples, result.standard_error) == ("exact", 0, 0.0)


@given(st.lists(probabilities, min_size=1, max_size=6), st.integers(1, 8), st.integers(1, 12))
def test_exact_matches_the_closed_form(p: list[float], weeks: int, slots: int) -> None:
    """For independent people, P = 1 - (1 - prod p_i) ** (weeks * slots_per_week)."""
    expected = 1 - (1 - math.prod(p)) ** (weeks * slots)
    got = common_slot_probability(p, weeks=weeks, slots_per_week=slots).probability
    assert got == pytest.approx(expected, abs=1e-12)


def test_structured_calendars_hand_example() -> None:
    """GP booked 2 weeks, nurse on days 1 week in 3: 2/3 x (1 - 0.94**10) within 4 weeks.

    The nurse's day week falls in weeks 0 and 3 (phase 0), week 2 (phase 1) or week 1
    (phase 2); the GP is free only from week 2. In phases 0 and 1 there are ten slots where
    all four are free with probability 0.5 x 0.5 x 0.3 x 0.8 = 0.06; in phase 2 there are none.
    """
    team: list[Calendar | float] = [
        0.5,
        0.5,
        BookedAhead(2, p=0.3),
        Rota.day_weeks(1, cycle=3, p=0.8),
    ]
    got = common_slot_probability(team, weeks=4).probability
    assert got == pytest.approx(2 / 3 * (1 - 0.94**10))


def test_no_slot_while_the_gp_is_booked() -> None:
    """Within the weeks a GP is booked ahead there is no common slot at all."""
    assert common_slot_probability([1.0, BookedAhead(3, p=1.0)], weeks=3).probability == 0.0
    assert common_slot_probability([1.0, BookedAhead(3, p=1.0)], weeks=4).probability == 1.0


@pytest.mark.parametrize(
    "team",
    [
        [0.3, 0.4, 0.5],
        [0.6, 0.6, BookedAhead(1, p=0.4), Rota.day_weeks(1, cycle=3, slots_per_week=4, p=0.9)],
        [
            Rota.day_weeks(1, cycle=2, slots_per_week=4, p=0.5),
            Rota.day_weeks(2, cycle=3, slots_per_week=4, p=0.5),
            0.7,
        ],
    ],
)
def test_monte_carlo_agrees_with_exact(team: list[Calendar | float]) -> None:
    """The Monte Carlo estimate lies within 4 binomial standard errors of the exact value.

    With n samples the estimate's standard error is sqrt(p (1 - p) / n); a deviation beyond
    4 of them has probability below 1e-4 under the normal approximation (n = 20,000).
    """
    exact = common_slot_probability(team, weeks=2, slots_per_week=4).probability
    mc = common_slot_probability(team, weeks=2, slots_per_week=4, samples=20_000, rng=7)
    se = math.sqrt(exact * (1 - exact) / 20_000)
    assert abs(mc.probability - exact) <= 4 * se + 1e-12
    assert mc.method == "monte-carlo"
    assert mc.standard_error == pytest.approx(se, rel=0.1, abs=1e-4)


def test_monte_carlo_is_reproducible_with_a_seed() -> None:
    """The same seed gives the same estimate."""
    team: list[Calendar | float] = [0.5, Rota.day_weeks(1, cycle=3)]
    a = common_slot_probability(team, weeks=3, samples=500, rng=11)
    b = common_slot_probability(team, weeks=3, samples=500, rng=11)
    assert a == b


@given(st.lists(probabilities, min_size=1, max_size=5), probabilities, st.integers(1, 6))
def test_more_weeks_help_and_more_people_hurt(p: list[float], extra: float, weeks: int) -> None:
    """Looking a week further never lowers the chance; inviting one more never raises it."""
    base = common_slot_probability(p, weeks=weeks).probability
    assert common_slot_probability(p, weeks=weeks + 1).probability >= base - 1e-12
    assert common_slot_probability([*p, extra], weeks=weeks).probability <= base + 1e-12


def test_too_many_phase_combinations_need_samples() -> None:
    """An exact answer over too many rota phases is refused with advice to pass samples=."""
    team = [Rota.day_weeks(1, cycle=10)] * 5  # 100,000 combinations
    with pytest.raises(InvalidArgument, match="pass samples="):
        common_slot_probability(team, weeks=2)
    assert 0 <= common_slot_probability(team, weeks=2, samples=200, rng=1).probability <= 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"calendars": []}, "at least one"),
        ({"calendars": [0.5, 1.2]}, r"calendars\[1\]"),
        ({"calendars": [0.5, "gp"]}, r"calendars\[1\]"),
        ({"calendars": "0.5"}, "sequence"),
        ({"weeks": 0}, "weeks"),
        ({"slots_per_week": 0}, "slots_per_week"),
        ({"samples": 0}, "samples"),
    ],
)
def test_bad_arguments_are_refused_by_name(kwargs: dict[str, object], message: str) -> None:
    """Empty teams, bad probabilities, weeks, slots and samples name the argument."""
    fields: dict[str, object] = {"calendars": [0.5], "weeks": 1}
    fields.update(kwargs)
    calendars = fields.pop("calendars")
    with pytest.raises(InvalidArgument, match=message):
        common_slot_probability(calendars, **fields)  # type: ignore[arg-type]


def test_weeks_to_common_slot_hand_values() -> None:
    """Four people at 0.5: 85.6 % in 3 weeks, 92.4 % in 4, so 4 weeks for 90 %."""
    assert 1 - (15 / 16) ** 30 < 0.9 <= 1 - (15 / 16) ** 40
    assert weeks_to_common_slot([0.5] * 4) == 4
    assert weeks_to_common_slot([0.5] * 4, probability=0.8) == 3
    assert weeks_to_common_slot([1.0, BookedAhead(3, p=1.0)], probability=0.99) == 4
    assert weeks_to_common_slot([0.5] * 20, max_weeks=52) is None


def test_weeks_to_common_slot_refuses_bad_targets() -> None:
    """The target probability is in (0, 1) and max_weeks at least 1."""
    with pytest.raises(InvalidArgument, match="probability"):
        weeks_to_common_slot([0.5], probability=1.0)
    with pytest.raises(InvalidArgument, match="max_weeks"):
        weeks_to_common_slot([0.5], max_weeks=0)
