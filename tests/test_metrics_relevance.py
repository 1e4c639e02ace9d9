"""Tests of the practical-relevance bands: defaults, overrides and refusals."""

from __future__ import annotations

import math

import pytest

from hometeams.errors import InvalidArgument
from hometeams.metrics import METRICS, RELEVANCE, relevance_bands


def test_defaults_name_catalogue_metrics_with_a_direction() -> None:
    """Every default band belongs to a catalogue metric with a direction, but utilisation.

    Utilisation rises with travel as much as with work, so it has no direction; a difference
    under its band is still no practical difference.
    """
    for name, band in RELEVANCE.items():
        assert name in METRICS, name
        assert (METRICS[name].higher_is_better is not None) != (name == "utilisation"), name
        assert band > 0, name


def test_volumes_have_no_default_band() -> None:
    """Hours and counts depend on the district's size, so they get no band by default."""
    for name in ("rostered_hours", "staff_hours", "overtime_hours", "travel_hours", "jobs"):
        assert name not in RELEVANCE


def test_documented_defaults() -> None:
    """The bands the module docstring justifies: 1 pp on time, 5 min delay, 2 pp idle share."""
    assert RELEVANCE["on_time_share"] == 0.01
    assert RELEVANCE["unserved_share"] == 0.001
    assert RELEVANCE["mean_delay"] == 5.0
    assert RELEVANCE["idle_share"] == 0.02
    assert RELEVANCE["mean_distinct_staff_14d"] == 0.5


def test_given_bands_replace_defaults_and_add_new_metrics() -> None:
    """A given band replaces the default, 0 turns it off, and a runner's own metric is allowed."""
    bands = relevance_bands({"mean_delay": 10, "on_time_share": 0, "wait": 2.5})
    assert bands["mean_delay"] == 10.0
    assert bands["on_time_share"] == 0.0
    assert bands["wait"] == 2.5
    assert bands["idle_share"] == RELEVANCE["idle_share"]


@pytest.mark.parametrize("band", [-0.5, math.nan, math.inf, True, "1 pp"])
def test_bad_band_refused(band: object) -> None:
    """A band that is not a finite number >= 0 is refused, naming the metric."""
    with pytest.raises(InvalidArgument, match=r"relevance\.mean_delay: must be a finite"):
        relevance_bands({"mean_delay": band})  # type: ignore[dict-item]
