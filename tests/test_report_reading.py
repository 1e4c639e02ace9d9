"""Tests of the relevance judgement and of renaming models for a report (``report._reading``)."""

from __future__ import annotations

import pytest

from hometeams.errors import InvalidArgument
from hometeams.experiment import Comparison
from hometeams.report._reading import describe_difference, difference_kind, renamed


def _pair(base: list[float], other: list[float], metric: str = "on_time_share") -> Comparison:
    return Comparison(
        ["fixed", "pooled"], [metric], [[[v] for v in base], [[v] for v in other]],
        baseline="fixed",
    )  # fmt: skip


# Differences 0.0004, 0.0005, 0.0006 of on-time share: mean 0.05 pp, interval well above zero
TINY_BUT_CLEAR = _pair([0.99, 0.98, 0.97], [0.9904, 0.9805, 0.9706])
# Differences 0.04, 0.05, 0.06: mean 5 pp, clear and far outside the 1-point band
LARGE = _pair([0.80, 0.81, 0.82], [0.84, 0.86, 0.88])
# Differences -0.001, 0.001, 0.0: unclear, the whole interval within +-1 point
TIGHT_UNCLEAR = _pair([0.90, 0.91, 0.92], [0.899, 0.911, 0.92])
# Differences -0.03, 0.05, 0.01: unclear and wide
WIDE_UNCLEAR = _pair([0.90, 0.91, 0.92], [0.87, 0.96, 0.93])


@pytest.mark.parametrize(
    ("comparison", "kind"),
    [
        (TINY_BUT_CLEAR, "negligible"),
        (LARGE, "higher"),
        (TIGHT_UNCLEAR, "negligible"),
        (WIDE_UNCLEAR, "unclear"),
    ],
)
def test_the_default_band_of_one_percentage_point(comparison: Comparison, kind: str) -> None:
    """Clear but under 1 pp, or an interval inside +-1 pp, is no practical difference."""
    assert difference_kind(comparison, "pooled", "on_time_share") == kind


def test_a_band_of_zero_restores_the_plain_judgement() -> None:
    """With the band off, a clear difference is higher or lower however small."""
    off = {"on_time_share": 0.0}
    assert difference_kind(TINY_BUT_CLEAR, "pooled", "on_time_share", relevance=off) == "higher"
    assert difference_kind(TIGHT_UNCLEAR, "pooled", "on_time_share", relevance=off) == "unclear"


def test_a_wider_band_swallows_a_large_difference() -> None:
    """A band of 10 pp makes a 5 pp improvement no practical difference."""
    wide = {"on_time_share": 0.10}
    assert difference_kind(LARGE, "pooled", "on_time_share", relevance=wide) == "negligible"


def test_a_metric_without_a_band_is_judged_by_its_interval() -> None:
    """Overtime hours have no default band: a clear 0.05-hour difference is still higher."""
    overtime = _pair([10.0, 11.0, 12.0], [10.04, 11.05, 12.06], metric="overtime_hours")
    assert difference_kind(overtime, "pooled", "overtime_hours") == "higher"


def test_the_sentence_says_no_practical_difference_and_the_band() -> None:
    """The sentence names the band and does not call the difference better or worse."""
    sentence = describe_difference(TINY_BUT_CLEAR, "pooled", "on_time_share")
    assert sentence.startswith("No practical difference in on-time share between pooled and fixed")
    assert sentence.endswith("within ±1.0 percentage points.")
    assert "better" not in sentence
    assert "worse" not in sentence
    norsk = describe_difference(TINY_BUT_CLEAR, "pooled", "on_time_share", lang="nb")
    assert norsk.startswith("Ingen praktisk forskjell i andel i tide mellom pooled og fixed")
    assert norsk.endswith("innenfor ±1,0 prosentpoeng.")


def test_a_large_difference_is_still_better() -> None:
    """Outside the band the sentence ends with the verdict, as before."""
    assert describe_difference(LARGE, "pooled", "on_time_share").endswith("— better.")


def test_utilisation_is_neither_better_nor_worse() -> None:
    """Utilisation counts travel as work: 5 points higher is said, not judged."""
    more = _pair([0.60, 0.61, 0.62], [0.64, 0.66, 0.68], metric="utilisation")
    sentence = describe_difference(more, "pooled", "utilisation")
    assert difference_kind(more, "pooled", "utilisation") == "higher"
    assert sentence.startswith("Utilisation is higher with pooled than with fixed: +5.0")
    assert sentence.endswith(")."), sentence
    assert "better" not in sentence
    assert "worse" not in sentence


def test_renamed_keeps_values_and_moves_the_baseline() -> None:
    """Renaming changes only the names; the baseline follows its model."""
    again = renamed(LARGE, {"fixed": "faste team"})
    assert again.models == ("faste team", "pooled")
    assert again.baseline == "faste team"
    assert again.difference("pooled", "on_time_share") == LARGE.difference(
        "pooled", "on_time_share"
    )
    assert renamed(LARGE, None) is LARGE


def test_renamed_refuses_two_models_of_one_name() -> None:
    """Two models shown under one name would be confused: refused, naming the names."""
    with pytest.raises(InvalidArgument, match="names: the models must keep different names"):
        renamed(LARGE, {"pooled": "fixed"})
