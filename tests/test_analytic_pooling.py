"""Tests for hometeams.analytic.compare_pooling: separate units against a merged one."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hometeams.analytic import (
    PoolingComparison,
    compare_pooling,
    min_servers,
    poisson_min_staff,
)
from hometeams.errors import InvalidArgument

unit_loads_st = st.lists(st.floats(0.05, 20.0), min_size=1, max_size=5)


def test_coordinators_as_caseload_merge_to_three() -> None:
    """Two districts with caseload 1.5 each: 2 + 2 separately, 3 merged, nobody idle."""
    cmp = compare_pooling([1.5, 1.5], kind="caseload")
    assert isinstance(cmp, PoolingComparison)
    assert [unit.staff for unit in cmp.separate] == [2, 2]
    assert cmp.separate_staff == 4
    assert cmp.merged.staff == 3
    assert cmp.staff_saved == 1
    assert cmp.separate_idle == pytest.approx(1.0)
    assert cmp.merged.idle == 0.0
    assert cmp.merged.meets_target
    assert not cmp.unstable_if_merged_to_summed_need


def test_coordinators_as_a_queue_cannot_merge_to_three() -> None:
    """The same need as an unscheduled queue: three is unstable, any finite wait needs four."""
    cmp = compare_pooling([1.5, 1.5], kind="queue", max_mean_wait=1.5)
    assert cmp.separate_staff == 4
    assert cmp.merged.staff == 4
    assert cmp.staff_saved == 0
    assert cmp.unstable_if_merged_to_summed_need
    summed = cmp.merged_to_summed_need
    assert (summed.staff, summed.stable, summed.meets_target) == (3, False, False)
    assert summed.mean_wait == math.inf
    assert summed.wait_probability == 1.0
    assert cmp.separate[0].mean_wait == pytest.approx(0.642857 / 0.5, abs=1e-6)
    assert cmp.merged.wait_probability == pytest.approx(0.509434, abs=1e-6)
    assert cmp.merged.mean_wait < cmp.separate[0].mean_wait  # the gain is in waiting, not heads


def test_any_finite_wait_target_needs_four_merged_coordinators() -> None:
    """However lax the waiting target, a merged queue of load 3 needs at least four."""
    for target in (1.0, 10.0, 1e6):
        assert compare_pooling([1.5, 1.5], kind="queue", max_mean_wait=target).merged.staff >= 4


def test_evening_pooled_with_home_nursing_absorbs_the_fraction() -> None:
    """Rehabilitation 1.4 and home nursing 4.6, floor two each: 2 + 5 separately, 6 merged."""
    cmp = compare_pooling([1.4, 4.6], floor=2)
    assert [unit.staff for unit in cmp.separate] == [2, 5]
    assert cmp.merged.staff == 6
    assert cmp.separate[0].idle_share == pytest.approx(0.3)
    assert cmp.separate_idle == pytest.approx(1.0)
    assert cmp.merged.idle == pytest.approx(0.0)
    assert cmp.summed_need == pytest.approx(6.0)


def test_floor_applies_to_every_unit_and_to_the_merged_unit() -> None:
    """With a floor of two, even tiny units staff two, and so does a tiny merged unit."""
    cmp = compare_pooling([0.3, 0.4], floor=2)
    assert [unit.staff for unit in cmp.separate] == [2, 2]
    assert cmp.merged.staff == 2
    assert cmp.merged_to_summed_need.staff == 2


def test_poisson_kind_reports_shortfall_against_coverage() -> None:
    """For fluctuating need, staff meet the coverage target; the summed-need roster misses it."""
    cmp = compare_pooling([1.4, 4.6], kind="poisson", coverage=0.9)
    assert [unit.staff for unit in cmp.separate] == [3, 7]
    assert cmp.merged.staff == poisson_min_staff(6.0, coverage=0.9) == 9
    assert cmp.staff_saved == 1
    assert cmp.separate[0].shortfall == pytest.approx(0.071927, abs=1e-6)
    assert not cmp.merged_to_summed_need.meets_target
    assert cmp.merged_to_summed_need.stable  # unmet need is lost, not queued
    assert cmp.merged.wait_probability is None


def test_queue_waits_use_the_service_rate_time_unit() -> None:
    """Waits are in the unit of 1 / service_rate: hours with visits of 1/2 hour."""
    hours = compare_pooling([1.5, 1.5], kind="queue", max_mean_wait=0.75, service_rate=2.0)
    visits = compare_pooling([1.5, 1.5], kind="queue", max_mean_wait=1.5)
    assert hours.merged.staff == visits.merged.staff
    assert hours.merged.mean_wait == pytest.approx(visits.merged.mean_wait / 2)


@settings(deadline=None)
@given(loads=unit_loads_st, floor=st.integers(0, 3))
def test_merging_never_needs_more_staff_for_caseload(loads: list[float], floor: int) -> None:
    """Merged schedulable caseload never needs more staff than the separate units together."""
    cmp = compare_pooling(loads, floor=floor)
    assert cmp.merged.staff <= cmp.separate_staff
    assert cmp.merged.idle <= cmp.separate_idle + 1e-9


@settings(deadline=None)
@given(loads=unit_loads_st, wait=st.floats(0.01, 0.9))
def test_merging_never_needs_more_staff_for_a_queue(loads: list[float], wait: float) -> None:
    """A merged M/M/c queue meets the same wait-probability target with no more staff."""
    cmp = compare_pooling(loads, kind="queue", max_wait_probability=wait)
    assert cmp.merged.staff <= cmp.separate_staff
    assert cmp.merged.staff == min_servers(math.fsum(loads), 1.0, max_wait_probability=wait)


@given(loads=unit_loads_st)
def test_unstable_flag_is_set_exactly_when_the_summed_need_is_whole(loads: list[float]) -> None:
    """Merging a queue down to ceil(sum of loads) is unstable exactly when that sum is whole."""
    cmp = compare_pooling(loads, kind="queue", max_wait_probability=0.5)
    total = math.fsum(loads)
    whole = abs(total - round(total)) <= 1e-9 * max(1.0, total)
    assert cmp.unstable_if_merged_to_summed_need == whole


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"loads": []}, "loads: must be a non-empty sequence of numbers"),
        ({"loads": [1.0, -2.0]}, r"loads\[1\]: must be finite and >= 0, got -2.0"),
        ({"kind": "mixed"}, "kind: must be 'caseload', 'poisson' or 'queue', got 'mixed'"),
        ({"kind": "poisson"}, "coverage: must be given with kind='poisson'"),
        ({"coverage": 0.9}, "coverage: only used with kind='poisson'"),
        ({"max_mean_wait": 1.0}, "max_mean_wait: only used with kind='queue'"),
        ({"kind": "queue"}, "give at least one target"),
        ({"kind": "queue", "within": 1.0}, "service_level: must be given together with within"),
        (
            {"kind": "queue", "max_mean_wait": 1.0, "service_rate": 0.0},
            "service_rate: must be finite and > 0",
        ),
        ({"floor": 1.5}, "floor: must be an integer >= 0, got 1.5"),
    ],
)
def test_bad_arguments_are_named(kwargs: dict[str, object], message: str) -> None:
    """Bad loads, kinds, floors or targets that do not fit the kind raise InvalidArgument."""
    args: dict[str, object] = {"loads": [1.5, 1.5]} | kwargs
    loads = args.pop("loads")
    with pytest.raises(InvalidArgument, match=message):
        compare_pooling(loads, **args)  # type: ignore[arg-type]
