"""Tests of integer bands and partitions (caseload bins, age groups)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.followup import Band
from hometeams.followup._model.bands import check_partition


def test_labels_read_like_the_survey() -> None:
    """Single values, closed ranges and open-ended bands have the survey's labels."""
    assert [Band(1, 1).label, Band(3, 5).label, Band(6).label] == ["1", "3-5", "6+"]


@pytest.mark.parametrize(("low", "high", "path"), [(-1, 3, "low"), (2, 1, "high"), (1.5, 2, "low")])
def test_bad_bounds_are_refused_by_field(low: object, high: object, path: str) -> None:
    """Negative, reversed or fractional bounds are refused, naming the field."""
    with pytest.raises(InvalidScenario) as info:
        Band(low, high)  # type: ignore[arg-type]
    assert info.value.path == path


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        ([], "at least one"),
        ([Band(0, 5), Band(7)], "bands[1]: must start at 6"),
        ([Band(0, 5), Band(3)], "bands[1]: must start at 6"),
        ([Band(0, 5)], "last band must be open"),
        ([Band(0), Band(3)], "bands[1]: must start at nothing"),
        ([Band(1)], "bands[0]: must start at 0"),
    ],
)
def test_gaps_overlaps_and_closed_ends_are_refused(bands: list[Band], message: str) -> None:
    """A partition must start at the start value and continue without gap or overlap."""
    with pytest.raises(InvalidArgument, match=message.replace("[", r"\[").replace("]", r"\]")):
        check_partition(bands, name="bands", start=0)


@given(st.lists(st.integers(1, 5), min_size=0, max_size=5), st.integers(0, 200))
def test_every_value_falls_in_exactly_one_band(widths: list[int], value: int) -> None:
    """In a partition from 0, every non-negative value is in exactly one band."""
    bands, low = [], 0
    for width in widths:
        bands.append(Band(low, low + width - 1))
        low += width
    bands.append(Band(low))
    checked = check_partition(bands, name="bands", start=0)
    assert sum(b.contains(value) for b in checked) == 1
