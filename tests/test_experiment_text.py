"""Tests of the plain-text results table."""

from __future__ import annotations

import math

import pytest

from hometeams.errors import InvalidArgument
from hometeams.experiment import Interval
from hometeams.experiment._text import format_table

BASE = Interval(11.0, 8.5, 13.5, n=3)
OTHER = Interval(9.25, 8.0, 10.5, n=3)
DIFF = Interval(-1.75, -2.5, -1.0, n=3)


def test_columns_are_aligned() -> None:
    """Every column starts at the same position on every line."""
    rows = [("wait", "fixed", BASE, None), ("wait", "pooled teams", OTHER, DIFF)]
    lines = format_table(rows, baseline="fixed", level=0.95).splitlines()
    header = lines[0]
    assert lines[2].index("3") == header.index("n")
    assert lines[2].index("-1.75") == header.index("difference from fixed")
    assert lines[2].index("[-2.5, -1]") == header.rindex("95 % CI")


def test_metric_is_named_once_per_block() -> None:
    """The metric name appears on the first line of its block only."""
    rows = [("wait", "a", BASE, None), ("wait", "b", OTHER, DIFF), ("idle", "a", BASE, None)]
    lines = format_table(rows, baseline="a", level=0.95).splitlines()
    assert [line.split()[0] for line in lines[1:]] == ["wait", "b", "idle"]


def test_differences_are_signed_and_missing_values_dashed() -> None:
    """Differences carry a sign; an interval without bounds is shown as a dash."""
    single = Interval(4.0, math.nan, math.nan, n=1)
    rows = [("wait", "a", single, None), ("wait", "b", single, Interval(0.5, 0.25, 0.75, n=3))]
    text = format_table(rows, baseline="a", level=0.9)
    assert "90 % CI" in text
    assert "+0.5" in text
    assert "[+0.25, +0.75]" in text
    assert text.splitlines()[1].split() == ["wait", "a", "1", "4", "–"]


def test_norwegian_uses_commas_and_semicolons() -> None:
    """In Norwegian decimals take a comma, so interval bounds are separated by a semicolon."""
    text = format_table([("vent", "a", OTHER, None)], baseline="a", level=0.975, lang="nb")
    assert text.splitlines()[0].split()[:5] == ["indikator", "modell", "n", "snitt", "97,5"]
    assert text.splitlines()[1].split()[3:] == ["9,25", "[8;", "10,5]"]


def test_unknown_language_is_refused() -> None:
    """Only English and Norwegian tables exist."""
    with pytest.raises(InvalidArgument, match=r"lang: must be one of \['en', 'nb'\], got 'de'"):
        format_table([("w", "a", BASE, None)], baseline="a", level=0.95, lang="de")
