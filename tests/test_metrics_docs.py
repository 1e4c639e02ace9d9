"""Tests that the metrics package's public face and its explanation page stay in step."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

import hometeams.metrics as metrics_pkg

PAGE = Path(__file__).resolve().parents[1] / "docs" / "explanation" / "continuity.md"
DOCUMENTED = [
    "GROUP_KEYS", "METRICS", "RELEVANCE", "Continuity", "MetricInfo", "MetricTable", "continuity",
    "continuity_by_user", "distinct_staff", "expected_distinct_staff", "metrics", "relevance_bands",
    "summarise", "utilisation_by_hour",
]  # fmt: skip


def test_all_is_the_documented_api() -> None:
    """__all__ lists exactly the documented names, constants first then sorted."""
    assert sorted(metrics_pkg.__all__) == sorted(DOCUMENTED)
    upper = [n for n in metrics_pkg.__all__ if n.isupper()]
    rest = [n for n in metrics_pkg.__all__ if not n.isupper()]
    assert metrics_pkg.__all__ == sorted(upper) + sorted(rest, key=lambda n: (n[0].islower(), n))


@pytest.mark.parametrize("name", [n for n in DOCUMENTED if not n.isupper()])
def test_public_names_have_examples(name: str) -> None:
    """Every public function and class has a docstring with a doctested Examples section."""
    doc = inspect.getdoc(getattr(metrics_pkg, name)) or ""
    assert "Examples\n--------" in doc
    assert ">>>" in doc


def test_explanation_page_cites_its_sources() -> None:
    """The page cites Bice & Boxerman 1977 and a source for each other index."""
    text = PAGE.read_text(encoding="utf-8")
    for source in ("Bice, T. W., & Boxerman, S. B. (1977)", "Breslau", "Steinwachs",
                   "Magill", "Herfindahl", "Hirschman"):  # fmt: skip
        assert source in text
    for row in ("AAAABBBB | 0.5 | 0.428571 | 0.857143", "ABABABAB | 0.5 | 0.428571 | 0 |"):
        assert row in text
