"""Tests for hometeams.scenario._durations: the duration distributions."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidScenario
from hometeams.scenario import DurationDistribution, Empirical, Exponential, Fixed, LogNormal
from hometeams.scenario._durations import as_duration

N = 20_000


def test_exponential_sample_mean_matches_configured_mean() -> None:
    """Exponential(20) samples average 20 within 4 standard errors (sd = mean = 20)."""
    x = Exponential(20).sample(np.random.default_rng(1), N)
    assert x.shape == (N,)
    assert abs(x.mean() - 20) <= 4 * 20 / math.sqrt(N)
    assert (x >= 0).all()


def test_lognormal_log_parameters_match_hand_computation() -> None:
    """LogNormal(mean=30, sd=10) has sigma^2 = ln(1 + 1/9), mu = ln 30 - sigma^2 / 2."""
    d = LogNormal(mean=30, sd=10)
    # ln(10/9) = 0.105360516; sqrt = 0.324592845; ln 30 = 3.401197382.
    assert d.sigma == pytest.approx(0.324592845, abs=1e-9)
    assert d.mu == pytest.approx(3.401197382 - 0.105360516 / 2, abs=1e-9)


def test_lognormal_sample_moments() -> None:
    """LogNormal samples have the configured mean, and their logs the configured mu (4 SE)."""
    d = LogNormal(mean=30, sd=10)
    x = d.sample(np.random.default_rng(2), N)
    assert abs(x.mean() - 30) <= 4 * 10 / math.sqrt(N)
    assert abs(np.log(x).mean() - d.mu) <= 4 * d.sigma / math.sqrt(N)


def test_lognormal_from_log_gives_mean_and_sd() -> None:
    """from_log(mu=0, sigma=1) has mean e^0.5 and sd e^0.5 * sqrt(e - 1)."""
    d = LogNormal.from_log(mu=0.0, sigma=1.0)
    assert d.mean == pytest.approx(math.exp(0.5), rel=1e-12)
    assert d.sd == pytest.approx(math.exp(0.5) * math.sqrt(math.e - 1), rel=1e-9)


@given(
    st.floats(min_value=1, max_value=500),
    st.floats(min_value=0, max_value=300),
)
def test_lognormal_round_trips_through_log_parameters(mean: float, sd: float) -> None:
    """LogNormal(mean, sd) -> (mu, sigma) -> from_log gives back mean and sd."""
    d = LogNormal(mean=mean, sd=sd)
    back = LogNormal.from_log(mu=d.mu, sigma=d.sigma)
    assert back.mean == pytest.approx(mean, rel=1e-9)
    assert back.sd == pytest.approx(sd, rel=1e-9, abs=1e-9)


def test_lognormal_with_zero_sd_is_fixed() -> None:
    """A zero sd gives every draw equal to the mean."""
    x = LogNormal(mean=12, sd=0).sample(np.random.default_rng(0), 5)
    assert np.allclose(x, 12.0)


def test_fixed_returns_copies_of_its_value() -> None:
    """Fixed(15) draws 15 every time and has mean 15."""
    d = Fixed(15)
    assert d.mean == 15.0
    assert d.sample(np.random.default_rng(0), 4).tolist() == [15.0] * 4


def test_empirical_mean_and_support() -> None:
    """Empirical draws only observed values; its mean is their (weighted) average."""
    assert Empirical([10, 20, 30, 40]).mean == 25.0
    assert Empirical([10, 20], weights=[3, 1]).mean == 12.5
    x = Empirical([10, 20, 30]).sample(np.random.default_rng(0), 100)
    assert set(x.tolist()) <= {10.0, 20.0, 30.0}


def test_empirical_weights_set_frequencies() -> None:
    """With weights 3:1 the share of the first value is 0.75 within 4 binomial SEs."""
    x = Empirical([10, 20], weights=[3, 1]).sample(np.random.default_rng(3), N)
    share = float((x == 10).mean())
    assert abs(share - 0.75) <= 4 * math.sqrt(0.75 * 0.25 / N)


def test_sample_of_zero_is_empty() -> None:
    """Drawing zero durations gives an empty array for every family."""
    rng = np.random.default_rng(0)
    for d in (Exponential(5), LogNormal(mean=5, sd=1), Fixed(5), Empirical([5])):
        assert d.sample(rng, 0).shape == (0,)


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda: Exponential(0), "mean"),
        (lambda: Exponential(float("nan")), "mean"),
        (lambda: Exponential(float("inf")), "mean"),
        (lambda: Exponential(True), "mean"),
        (lambda: LogNormal(mean=-1, sd=1), "mean"),
        (lambda: LogNormal(mean=10, sd=-1), "sd"),
        (lambda: LogNormal.from_log(mu=float("nan"), sigma=1), "mu"),
        (lambda: LogNormal.from_log(mu=1, sigma=-1), "sigma"),
        (lambda: Fixed(-3), "minutes"),
        (lambda: Empirical([]), "values"),
        (lambda: Empirical([5, 0]), "values[1]"),
        (lambda: Empirical([5, 6], weights=[1]), "weights"),
        (lambda: Empirical([5, 6], weights=[1, -1]), "weights[1]"),
        (lambda: Empirical([5, 6], weights=[0, 0]), "weights"),
        (lambda: as_duration(-5), "duration.minutes"),
        (lambda: as_duration("long"), "duration"),
    ],
)
def test_bad_durations_name_the_field(build: object, path: str) -> None:
    """Each impossible duration is refused with InvalidScenario naming its field."""
    with pytest.raises(InvalidScenario) as info:
        build()  # type: ignore[operator]
    assert info.value.path == path


def test_as_duration_accepts_numbers_and_custom_distributions() -> None:
    """A number becomes Fixed; any object with mean and sample is accepted unchanged."""

    class Uniform:
        mean = 15.0

        def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
            return rng.uniform(10, 20, n)

    custom = Uniform()
    assert as_duration(30) == Fixed(30)
    assert as_duration(custom) is custom
    assert isinstance(custom, DurationDistribution)


def test_error_message_names_value_and_rule() -> None:
    """The message says the field, the rule and the offending value."""
    with pytest.raises(InvalidScenario, match=r"^mean: must be a finite number > 0, got -5$"):
        Exponential(-5)


def test_lognormal_parameters_stay_finite_for_extreme_spread() -> None:
    """sd/mean = 1e200 gives sigma = sqrt(2 ln 1e199 + ...) ≈ 30.24, not an overflow."""
    import math

    sigma = LogNormal(mean=30, sd=1e200).sigma
    assert sigma == pytest.approx(math.sqrt(math.log1p(1e-400) + 2 * math.log(1e200 / 30)))


def test_lognormal_from_log_outside_float_range_is_refused_by_name() -> None:
    """Mu = 3, sigma = 30 has mean exp(453): refused naming sigma; tiny means survive."""
    with pytest.raises(InvalidScenario, match="sigma"):
        LogNormal.from_log(mu=3, sigma=30)
    assert LogNormal.from_log(mu=-40, sigma=0.1).mean == pytest.approx(math.exp(-40 + 0.005))
