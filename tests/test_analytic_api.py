"""Tests for the public face of hometeams.analytic and the pooling explanation page."""

from __future__ import annotations

import doctest
import inspect
from pathlib import Path

import attrs
import pytest

from hometeams import analytic

DOCS = Path(__file__).resolve().parents[1] / "docs" / "explanation" / "pooling.md"

DOCUMENTED = [
    "Demand",
    "MMcQueue",
    "PoissonStaffing",
    "PoolingComparison",
    "PoolingKind",
    "StaffingWaste",
    "UnitStaffing",
    "compare_pooling",
    "erlang_b",
    "erlang_c",
    "min_servers",
    "mmc",
    "newsvendor_staff",
    "poisson_min_staff",
    "poisson_staffing",
    "square_root_staffing",
    "staffing_waste",
]


def test_all_is_sorted_and_matches_the_documented_names() -> None:
    """``__all__`` is sorted and lists exactly the documented public names."""
    assert analytic.__all__ == sorted(analytic.__all__)
    assert analytic.__all__ == DOCUMENTED


@pytest.mark.parametrize("name", DOCUMENTED)
def test_every_public_name_exists(name: str) -> None:
    """Every name in ``__all__`` can be imported from the package."""
    assert hasattr(analytic, name)


@pytest.mark.parametrize(
    "name", [n for n in DOCUMENTED if inspect.isfunction(getattr(analytic, n))]
)
def test_every_public_function_has_a_doctested_example(name: str) -> None:
    """Every public function's docstring has an Examples section with runnable examples."""
    doc = inspect.getdoc(getattr(analytic, name)) or ""
    assert "Examples\n--------" in doc
    assert ">>> " in doc


@pytest.mark.parametrize("name", [n for n in DOCUMENTED if inspect.isclass(getattr(analytic, n))])
def test_records_are_frozen_attrs_classes(name: str) -> None:
    """Every public result type is a frozen attrs record."""
    cls = getattr(analytic, name)
    assert attrs.has(cls)
    assert cls.__setattr__ is not object.__setattr__


def test_public_functions_take_options_by_keyword_only() -> None:
    """No public function takes more than two positional parameters."""
    for name in DOCUMENTED:
        obj = getattr(analytic, name)
        if inspect.isfunction(obj):
            params = inspect.signature(obj).parameters.values()
            positional = [p for p in params if p.kind is p.POSITIONAL_OR_KEYWORD]
            assert len(positional) <= 2, name


def test_pooling_explanation_page_examples_run() -> None:
    """Every example on docs/explanation/pooling.md runs and prints what the page says."""
    text = DOCS.read_text(encoding="utf-8")
    unfenced = "\n".join("" if line.startswith("```") else line for line in text.splitlines())
    test = doctest.DocTestParser().get_doctest(unfenced, {}, DOCS.name, str(DOCS), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 10
    assert result.failed == 0
