"""Tests of the per-group service figures: the grouped quantile and the job counts."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from hometeams.metrics._service import grouped_quantile


@given(
    st.lists(st.tuples(st.integers(0, 4), st.floats(-1e6, 1e6)), max_size=60),
    st.sampled_from([0.0, 0.1, 0.5, 0.9, 1.0]),
)
def test_grouped_quantile_is_numpy_percentile(pairs: list[tuple[int, float]], q: float) -> None:
    """Each group's quantile equals numpy.quantile of that group's values; empty groups nan."""
    group = np.array([g for g, _ in pairs], dtype=np.int64)
    values = np.array([v for _, v in pairs], dtype=np.float64)
    got = grouped_quantile(values, group, 5, q)
    for g in range(5):
        mine = values[group == g]
        if mine.size:
            assert np.isclose(got[g], np.quantile(mine, q), rtol=1e-12, atol=1e-9)
        else:
            assert np.isnan(got[g])


def test_grouped_quantile_by_hand() -> None:
    """p90 of 0, 10, 20, 30, 50 is 42: position 3.6 lies 0.6 of the way from 30 to 50."""
    values = np.array([30.0, 0.0, 50.0, 10.0, 20.0])
    assert grouped_quantile(values, np.zeros(5, dtype=np.int64), 1, 0.9).tolist() == [42.0]
