"""Tests of the METRICS catalogue: complete, well-formed and matching the summary columns."""

from __future__ import annotations

import math

import pytest

from hometeams.metrics import METRICS, MetricInfo

UNITS = {"share", "index", "minutes", "hours", "jobs", "users", "staff"}
# The names the brief and the experiment engineer rely on (issue 4, design.md "Metrics").
REQUIRED = {
    "utilisation", "idle_share", "face_to_face_share", "mean_delay", "p90_delay",
    "on_time_share", "unserved", "unserved_share", "overtime_hours", "competence_match",
    "mean_distinct_staff_14d", "mean_upc", "mean_coc", "mean_secon", "staff_hours", "jobs",
    "absent_share",
}  # fmt: skip


def test_required_names_present() -> None:
    """Every metric the design names is in the catalogue under its agreed name."""
    assert set(METRICS) >= REQUIRED


@pytest.mark.parametrize("name", list(METRICS))
def test_entries_well_formed(name: str) -> None:
    """Each entry names itself, has a known family and unit, two labels and a description."""
    info = METRICS[name]
    assert isinstance(info, MetricInfo)
    assert info.name == name
    assert info.family in {"service", "staff time", "continuity"}
    assert info.unit in UNITS
    assert info.higher_is_better in {True, False, None}
    assert info.label_nb.strip()
    assert info.label_en.strip()
    assert info.description.strip()


def test_direction_of_key_metrics() -> None:
    """Idle time, delay, unserved jobs and many faces are bad; continuity and match are good."""
    worse = ["idle_share", "mean_delay", "unserved_share", "mean_distinct_staff_14d"]
    better = ["on_time_share", "competence_match", "mean_coc", "face_to_face_share"]
    assert all(METRICS[n].higher_is_better is False for n in worse)
    assert all(METRICS[n].higher_is_better is True for n in better)
    assert METRICS["jobs"].higher_is_better is None


def test_catalogue_is_read_only() -> None:
    """The catalogue cannot be changed by a caller."""
    with pytest.raises(TypeError):
        METRICS["new"] = METRICS["jobs"]  # type: ignore[index]


@pytest.mark.parametrize("name", list(METRICS))
def test_every_metric_has_the_range_of_its_unit(name: str) -> None:
    """Shares and indices lie in [0, 1]; minutes, hours and counts in [0, inf)."""
    info = METRICS[name]
    expected = (0.0, 1.0) if info.unit in {"share", "index"} else (0.0, math.inf)
    assert info.bounds == expected


def test_ranges_by_name() -> None:
    """A few metrics by hand: shares and continuity indices to 1, hours and delays open."""
    assert METRICS["unserved_share"].bounds == (0.0, 1.0)
    assert METRICS["mean_coc"].bounds == (0.0, 1.0)
    assert METRICS["overtime_hours"].bounds == (0.0, math.inf)
    assert METRICS["p90_delay"].bounds == (0.0, math.inf)
    assert METRICS["mean_distinct_staff_14d"].bounds == (0.0, math.inf)
