"""Tests for hometeams.scenario._jobs: the fields every job description shares."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidScenario
from hometeams.scenario._jobs import check_job, days_field, required_field, times_field


@given(st.lists(st.integers(0, 1439), min_size=1, max_size=6))
def test_times_are_sorted_and_distinct(minutes: list[int]) -> None:
    """times_field returns the distinct clock minutes in increasing order."""
    assert times_field(minutes) == tuple(sorted(set(map(float, minutes))))


def test_days_and_competences() -> None:
    """days_field reads shortcuts; required_field reads a bare string as one id."""
    assert days_field("weekdays") == {0, 1, 2, 3, 4}
    assert required_field("dementia") == {"dementia"}


@attrs.define
class _Job:
    window: float = 10
    n_staff: int = 1
    required: frozenset[str] = frozenset()
    preferred: frozenset[str] = frozenset()
    team: str | None = None


def test_check_job_stores_window_as_float_and_checks_fields() -> None:
    """check_job turns an int window into a float and refuses bad n_staff, window and team."""
    job = _Job(window=10)
    check_job(job)
    assert isinstance(job.window, float)
    for bad, path in (
        (_Job(n_staff=0), "n_staff"),
        (_Job(window=-1), "window"),
        (_Job(team=""), "team"),
    ):
        with pytest.raises(InvalidScenario) as info:
            check_job(bad)
        assert info.value.path == path
