"""Tests of the confidence intervals, paired differences and the stopping rule's test."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from hometeams.errors import InvalidArgument
from hometeams.experiment import Interval, Precision, paired_interval, t_interval

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
samples = st.lists(finite, min_size=2, max_size=30)


def test_t_interval_by_hand() -> None:
    """[9, 10, 11]: mean 10, s = 1, half-width t(0.975, 2)/sqrt(3) = 4.302653/1.732051."""
    iv = t_interval([9.0, 10.0, 11.0])
    assert iv.mean == 10.0
    assert iv.n == 3
    # t(0.975, 2) = 4.302653 from printed tables of Student's t.
    assert iv.half_width == pytest.approx(4.302653 / math.sqrt(3), abs=1e-6)
    assert iv.low == pytest.approx(10.0 - 2.484138, abs=1e-6)


def test_t_interval_matches_scipy_one_sample_t_test() -> None:
    """The interval equals the confidence interval scipy's one-sample t test reports."""
    data = np.random.default_rng(11).normal(5.0, 2.0, size=17)
    for level in (0.8, 0.95, 0.99):
        ref = stats.ttest_1samp(data, 0.0).confidence_interval(confidence_level=level)
        iv = t_interval(data, level=level)
        assert (iv.low, iv.high) == pytest.approx((ref.low, ref.high), rel=1e-12)


def test_paired_interval_by_hand() -> None:
    """Differences [2, 2, 1]: mean 5/3, s = sqrt(1/3), half-width 4.302653·s/sqrt(3)."""
    iv = paired_interval([12.0, 15.0, 11.0], [10.0, 13.0, 10.0])
    assert iv.mean == pytest.approx(5 / 3)
    assert iv.half_width == pytest.approx(4.302653 * math.sqrt(1 / 3) / math.sqrt(3), abs=1e-6)


def test_paired_interval_matches_scipy_related_t_test() -> None:
    """The paired interval equals scipy's paired (related-samples) t test interval."""
    rng = np.random.default_rng(12)
    a, b = rng.normal(10, 3, 12), rng.normal(9, 3, 12)
    ref = stats.ttest_rel(a, b).confidence_interval()
    iv = paired_interval(a, b)
    assert (iv.low, iv.high) == pytest.approx((ref.low, ref.high), rel=1e-12)


def test_nan_values_are_left_out() -> None:
    """A nan replication is dropped from the interval and from n."""
    assert t_interval([9.0, math.nan, 11.0, 10.0]) == t_interval([9.0, 11.0, 10.0])
    iv = paired_interval([1.0, math.nan, 3.0, 4.0], [0.0, 0.0, math.nan, 1.0])
    assert iv.n == 2
    assert iv.mean == 2.0


def test_fewer_than_two_values_give_no_bounds() -> None:
    """One value has a mean but no interval; none has neither, and n says so."""
    one = t_interval([4.0])
    assert (one.mean, one.n) == (4.0, 1)
    assert math.isnan(one.low)
    assert math.isnan(one.high)
    assert math.isnan(one.half_width)
    none = t_interval([math.nan, math.nan])
    assert none.n == 0
    assert math.isnan(none.mean)


def test_zero_variance_gives_a_point_interval() -> None:
    """Identical values give an interval of width zero at that value."""
    iv = t_interval([3.0, 3.0, 3.0])
    assert (iv.low, iv.mean, iv.high) == (3.0, 3.0, 3.0)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: t_interval([1.0, 2.0], level=1.0), "level: must be > 0 and < 1, got 1.0"),
        (lambda: t_interval([[1.0, 2.0]]), "values: must be one-dimensional"),
        (lambda: t_interval(["a", "b"]), "values: must be numbers"),
        (lambda: paired_interval([1.0, 2.0], [1.0]), "baseline: must have as many"),
    ],
)
def test_bad_arguments_are_named(call: object, message: str) -> None:
    """Bad values and levels raise InvalidArgument naming the argument."""
    with pytest.raises(InvalidArgument, match=message.replace("[", r"\[")):
        call()  # type: ignore[operator]


@given(samples, finite, st.floats(min_value=0.01, max_value=100))
def test_interval_is_equivariant_under_affine_maps(
    xs: list[float], shift: float, scale: float
) -> None:
    """Shifting and scaling the data shifts and scales the interval the same way."""
    a = t_interval(xs)
    b = t_interval([scale * x + shift for x in xs])
    tol = 1e-6 * (1 + abs(shift) + scale * max(abs(x) for x in xs))
    assert b.mean == pytest.approx(scale * a.mean + shift, abs=tol)
    assert b.half_width == pytest.approx(scale * a.half_width, abs=tol)


@given(samples)
def test_interval_is_symmetric_and_contains_the_mean(xs: list[float]) -> None:
    """The bounds are symmetric around the mean and contain it."""
    iv = t_interval(xs)
    assert iv.low <= iv.mean <= iv.high
    assert iv.mean - iv.low == pytest.approx(iv.high - iv.mean, abs=1e-6 * (1 + abs(iv.mean)))


@given(samples)
def test_paired_interval_of_a_sample_with_itself_is_zero(xs: list[float]) -> None:
    """A model compared with itself differs by exactly zero, with a zero-width interval."""
    iv = paired_interval(xs, xs)
    assert (iv.low, iv.mean, iv.high) == (0.0, 0.0, 0.0)


def test_coverage_of_95_percent_intervals() -> None:
    """2,000 normal experiments of 10 replications: the t interval covers the true mean ~95 %."""
    rng = np.random.default_rng(2024)
    experiments, n, true_mean = 2000, 10, 3.0
    data = rng.normal(true_mean, 2.0, size=(experiments, n))
    covered = sum(t_interval(row).contains(true_mean) for row in data)
    # The number covered is Binomial(2000, 0.95) if the interval is exact (it is, for normal
    # data), so the share lies within 0.95 ± 3·sqrt(0.95·0.05/2000) = ± 0.0146 except with
    # probability ~0.3 %; the seed is fixed, so the test is deterministic.
    assert abs(covered / experiments - 0.95) <= 3 * math.sqrt(0.95 * 0.05 / experiments)


def test_coverage_of_paired_intervals() -> None:
    """2,000 paired experiments with a shared component: the true difference is covered ~95 %."""
    rng = np.random.default_rng(2025)
    experiments, n = 2000, 8
    common = rng.normal(0.0, 5.0, size=(experiments, n))
    a = 10.0 + common + rng.normal(0.0, 0.5, size=(experiments, n))
    b = 12.0 + common + rng.normal(0.0, 0.5, size=(experiments, n))
    covered = sum(paired_interval(b[e], a[e]).contains(2.0) for e in range(experiments))
    # Differences are exactly normal (the common part cancels), so coverage is Binomial(2000,
    # 0.95)/2000: within 0.95 ± 3·sqrt(0.95·0.05/2000) except with probability ~0.3 %.
    assert abs(covered / experiments - 0.95) <= 3 * math.sqrt(0.95 * 0.05 / experiments)


def test_precision_absolute_and_relative() -> None:
    """An absolute target compares the half-width; a relative one, the half-width / |mean|."""
    iv = Interval(-20.0, -21.0, -19.0, n=10)
    assert Precision(1.0).met_by(iv)
    assert not Precision(0.99).met_by(iv)
    assert Precision(0.05, relative=True).met_by(iv)  # 1 <= 0.05 * 20
    assert not Precision(0.04, relative=True).met_by(iv)


def test_precision_is_never_met_without_bounds() -> None:
    """An interval from fewer than two replications never meets a target."""
    assert not Precision(1e9).met_by(Interval(1.0, math.nan, math.nan, n=1))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"target": 0}, "precision.target: must be a finite number > 0, got 0"),
        ({"target": math.inf}, "precision.target"),
        ({"target": 1, "batch": 0}, "precision.batch: must be an integer >= 1, got 0"),
        ({"target": 1, "metrics": "wait"}, "precision.metrics: must be a list of names"),
        ({"target": 1, "metrics": []}, "precision.metrics: must be a non-empty list"),
    ],
)
def test_precision_rejects_bad_fields(kwargs: dict[str, object], message: str) -> None:
    """A stopping rule with an impossible target, batch or metric list is refused by name."""
    with pytest.raises(InvalidArgument, match=message):
        Precision(**kwargs)  # type: ignore[arg-type]


# -- an interval cut at the range of its quantity ----------------------------------------------

T_975_4 = 2.776445  # Student t, 97.5 % quantile, 4 degrees of freedom (printed tables)


def test_within_cuts_a_share_at_zero_by_hand() -> None:
    """[0, 0, 0, 0, 0.0015]: mean 0.0003, s.e. 0.0003; the t low is below 0, the cut low is 0."""
    # s^2 = (4 * 0.0003^2 + 0.0012^2) / 4 = 4.5e-7, so s.e. = sqrt(4.5e-7 / 5) = 0.0003.
    iv = t_interval([0.0, 0.0, 0.0, 0.0, 0.0015])
    assert iv.low == pytest.approx(0.0003 - T_975_4 * 0.0003, abs=1e-9)
    assert iv.low < 0.0
    cut = iv.within(0.0, 1.0)
    assert cut.low == 0.0
    assert math.copysign(1.0, cut.low) == 1.0  # not -0.0, which would print as "-0"
    assert cut.high == iv.high == pytest.approx(0.0003 + T_975_4 * 0.0003, abs=1e-9)
    assert (cut.mean, cut.n, cut.level) == (iv.mean, 5, 0.95)
    assert cut.half_width == iv.half_width == pytest.approx(T_975_4 * 0.0003, abs=1e-9)


def test_within_cuts_a_share_near_one_at_one() -> None:
    """[1, 1, 1, 1, 0.99]: mean 0.998, s.e. 0.002; the t high is above 1, the cut high is 1."""
    # s^2 = (4 * 0.002^2 + 0.008^2) / 4 = 2e-5, so s.e. = sqrt(2e-5 / 5) = 0.002.
    iv = t_interval([1.0, 1.0, 1.0, 1.0, 0.99])
    assert iv.high == pytest.approx(0.998 + T_975_4 * 0.002, abs=1e-9)
    assert iv.high > 1.0
    cut = iv.within(0.0, 1.0)
    assert cut.high == 1.0
    assert cut.low == iv.low == pytest.approx(0.998 - T_975_4 * 0.002, abs=1e-9)
    assert cut.half_width == iv.half_width


def test_within_leaves_an_interval_inside_the_range_and_nan_bounds_alone() -> None:
    """An interval inside the range is unchanged; one without bounds keeps nan bounds."""
    iv = Interval(0.5, 0.4, 0.6, n=10)
    assert iv.within(0.0, 1.0) == iv
    assert iv.within(-math.inf, math.inf) == iv
    single = Interval(0.5, math.nan, math.nan, n=1).within(0.0, 1.0)
    assert math.isnan(single.low)
    assert math.isnan(single.high)
    assert math.isnan(single.half_width)


@given(samples, finite, st.floats(min_value=0.0, max_value=1e6), finite)
def test_within_keeps_every_value_of_the_range_the_t_interval_held(
    values: list[float], low: float, width: float, value: float
) -> None:
    """Coverage: a value in the range that the t interval holds, the cut interval holds too."""
    high = low + width
    iv = t_interval(values)
    cut = iv.within(low, high)
    assert cut.half_width == iv.half_width or math.isnan(iv.half_width)
    if low <= value <= high and iv.contains(value):
        assert cut.contains(value)
    if not math.isnan(cut.low) and low <= iv.mean <= high:
        assert low <= cut.low <= cut.high <= high


@pytest.mark.parametrize(("low", "high"), [(1.0, 0.0), (math.nan, 1.0), (0.0, math.nan)])
def test_within_rejects_a_range_that_is_not_one(low: float, high: float) -> None:
    """A range with low above high, or a nan end, is refused by name."""
    with pytest.raises(InvalidArgument, match="low, high: must be numbers with low <= high"):
        Interval(0.5, 0.4, 0.6, n=10).within(low, high)


def test_within_leaves_an_interval_whose_mean_is_out_of_the_range_alone() -> None:
    """Delays of -5, -3, -4 minutes (a runner's own measure) are not cut into [0.0, 0.0]."""
    iv = t_interval([-5.0, -3.0, -4.0])
    assert iv.within(0.0, math.inf) == iv
    assert iv.mean == -4.0


def test_interval_takes_a_half_width_equal_to_its_bounds_up_to_rounding() -> None:
    """(0.8 - 0.2) / 2 is 0.30000000000000004 in floating point: 0.3 is still half of it."""
    assert Interval(0.5, 0.2, 0.8, n=5, half_width=0.3).half_width == 0.3


def test_interval_refuses_a_half_width_narrower_than_its_bounds() -> None:
    """Cutting only narrows the bounds, so a half-width below half their width is an error."""
    assert Interval(0.3, 0.0, 1.1, n=5, half_width=0.8).half_width == 0.8
    with pytest.raises(InvalidArgument, match=r"half_width: must be at least .* \(0.5\), got 0.4"):
        Interval(0.5, 0.0, 1.0, n=5, half_width=0.4)


def test_stopping_rule_reads_the_t_half_width_of_a_cut_interval() -> None:
    """A cut interval meets a target exactly when its uncut t interval does."""
    iv = t_interval([0.0, 0.0, 0.0, 0.0, 0.0015])  # half-width 2.776445 * 0.0003 = 0.000833
    cut = iv.within(0.0, 1.0)  # [0, 0.001133]: half its width is only 0.000566
    for rule, met in [
        (Precision(0.0006), False),  # would be met by the cut bounds' width, is not
        (Precision(0.0009), True),
        (Precision(2.0, relative=True), False),  # 0.000833 > 2 * 0.0003
        (Precision(3.0, relative=True), True),
    ]:
        assert rule.met_by(iv) is met
        assert rule.met_by(cut) is met
