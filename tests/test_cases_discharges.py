"""Lumpy discharges: the weekday arithmetic, its exact distribution, and the simulated models.

Expected values: independent Monte Carlo draws of the negative binomial, the closed form of a
sum of Poisson counts, and arithmetic on the documented assumptions, not the code's output.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from hometeams.cases import DISCHARGE_MEANS, TeamRunner, discharges_analytic, lumpy_discharges
from hometeams.errors import InvalidArgument
from hometeams.experiment import Comparison, ExperimentSettings, compare

means_7 = st.lists(st.floats(0.0, 3.0, allow_nan=False), min_size=7, max_size=7)


@settings(max_examples=25, deadline=None)
@given(means=means_7)
def test_users_due_in_the_morning_are_the_nine_days_before(means: list[float]) -> None:
    """Nine days back cover each weekday once plus yesterday and the day before again."""
    a = discharges_analytic(means=means)
    total = math.fsum(means)
    for day in range(7):
        expected = total + means[(day - 1) % 7] + means[(day - 2) % 7]
        assert a.morning[day] == pytest.approx(expected)


@settings(max_examples=15, deadline=None)
@given(means=means_7, staff=st.integers(1, 4))
def test_poisson_discharges_overload_as_one_poisson_count(means: list[float], staff: int) -> None:
    """Without overdispersion the users due are a Poisson count: P(N > reach) in closed form."""
    a = discharges_analytic(means=means, dispersion=None, staff=staff)
    assert a.reach == staff * 3  # starts at 0, 45 and 90 minutes within a 120-minute window
    for day in range(7):
        expected = stats.poisson.sf(a.reach, a.morning[day])
        assert a.overload[day] == pytest.approx(expected, abs=1e-9)


def test_negative_binomial_overload_matches_independent_draws() -> None:
    """Exact convolution against 200,000 simulated fortnights: within 4 binomial sds."""
    a = discharges_analytic()
    rng = np.random.default_rng(20240)
    m = np.tile(DISCHARGE_MEANS, 2)
    counts = rng.negative_binomial(1.0, 1.0 / (1.0 + m), size=(200_000, 14))
    for day in range(7):
        due = counts[:, [7 + day - j for j in range(1, 10)]].sum(axis=1)
        p = float((due > a.reach).mean())
        assert a.overload[day] == pytest.approx(p, abs=4 * math.sqrt(p * (1 - p) / 200_000))
        assert a.morning[day] == pytest.approx(float(due.mean()), rel=0.02)


def test_four_on_a_friday_none_on_a_wednesday() -> None:
    """With k = 1 the counts are geometric: P(Fri >= 4) = (1.6/2.6)^4, P(Wed = 0) = 1/1.2."""
    a = discharges_analytic()
    fri, wed = a.means[4], a.means[2]
    assert (fri / (1 + fri)) ** 4 == pytest.approx(0.1434, abs=1e-4)
    assert 1 / (1 + wed) == pytest.approx(5 / 6)
    assert a.variances[4] == pytest.approx(1.6 + 1.6**2)


def test_mean_need_is_a_bit_over_one_staff() -> None:
    """4.2 discharges a week x 19 visits (none on the first morning) / 7 x 45 min / 480."""
    a = discharges_analytic()
    assert a.mean_need == pytest.approx(4.2 * 19 / 7 * 45 / 480)
    assert a.idle_share == pytest.approx(1 - a.mean_need / 2)


def test_models_share_one_scenario_and_differ_in_policy() -> None:
    """The same people, rota and discharges; fixed rota, pooled, overflow after an hour."""
    models = lumpy_discharges(weeks=1)
    assert [m.name for m in models] == ["fixed rota", "pooled", "overflow"]
    assert len({id(m.scenario) for m in models}) == 1
    assert models[2].policy.threshold == 60.0
    (source,) = models[0].scenario.demand.discharges
    assert (source.team, source.mean, source.dispersion) == ("reablement", DISCHARGE_MEANS, 1.0)


def test_bad_options_are_refused_by_name() -> None:
    """Six means, a negative dispersion or zero staff are errors naming the option."""
    with pytest.raises(InvalidArgument, match="means: must be 7"):
        lumpy_discharges(means=[1.0] * 6)
    with pytest.raises(InvalidArgument, match="dispersion"):
        discharges_analytic(dispersion=-1)
    with pytest.raises(InvalidArgument, match="staff"):
        discharges_analytic(staff=0)


@pytest.fixture(scope="module")
def result() -> Comparison:
    """Eight replications of two measured weeks (after two of warm-up)."""
    metrics = ["on_time_share", "competence_match", "mean_distinct_staff_14d"]
    return compare(
        lumpy_discharges(weeks=2),
        ExperimentSettings(replications=8, seed=976, metrics=[f"reablement_{m}" for m in metrics]),
        executor="serial",
        runner=TeamRunner(["reablement"], metrics=metrics),
        progress=False,
    )


def test_pooling_absorbs_the_lumps_the_fixed_rota_cannot(result: Comparison) -> None:
    """Pooled, more of the discharged users' visits are on time than under the fixed rota.

    A fixed team of two cannot start more than six morning visits in the window, which
    happens on a quarter to a half of mornings; pooled, the district's spare hands take them.

    The paired differences are skewed (a heavy Friday makes a rare fortnight very bad for the
    fixed team, a quiet one leaves both at 100 %), so a t interval is the wrong tool: a sign
    test over the replications that differ asks whether pooled is better more often than not.
    """
    diff = result.sample("pooled", "reablement_on_time_share") - result.sample(
        "fixed rota", "reablement_on_time_share"
    )
    changed = diff[diff != 0]
    assert len(changed) >= 5
    test = stats.binomtest(int((changed > 0).sum()), len(changed), 0.5, alternative="greater")
    assert test.pvalue < 0.05


def test_the_fixed_team_brings_its_competence_and_few_faces(result: Comparison) -> None:
    """Only the team's four (all rehabilitation-trained) serve under the fixed rota."""
    assert (result.sample("fixed rota", "reablement_competence_match") == 1).all()
    assert (result.sample("fixed rota", "reablement_mean_distinct_staff_14d") <= 4).all()
    assert result.difference("pooled", "reablement_competence_match").high < 0
    assert result.difference("pooled", "reablement_mean_distinct_staff_14d").low > 0
