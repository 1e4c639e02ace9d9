"""The follow-up package's public face: __all__, docstrings, and the doctested docs pages."""

from __future__ import annotations

import doctest
import inspect
from pathlib import Path

import attrs
import pytest

from hometeams import followup

ROOT = Path(__file__).resolve().parents[1]
PAGES = [
    ROOT / "docs" / "how-to" / "follow-up-teams.md",
    ROOT / "docs" / "explanation" / "follow-up-teams.md",
]


def test_all_is_sorted_unique_and_importable() -> None:
    """__all__ is sorted (CONSTANTS, Classes, functions), has no duplicates, and resolves."""
    names = followup.__all__

    def kind(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert names == sorted(names, key=kind)
    assert len(set(names)) == len(names)
    for name in names:
        assert hasattr(followup, name), name


def test_every_public_class_and_function_has_an_example() -> None:
    """Every public class and function has a numpy-style docstring with an Examples section."""
    for name in followup.__all__:
        obj = getattr(followup, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            doc = inspect.getdoc(obj) or ""
            assert "Examples\n--------" in doc, name
            assert ">>>" in doc, name


def test_value_objects_and_results_are_frozen_attrs() -> None:
    """Every public attrs class is frozen: results and specifications cannot be changed."""
    for name in followup.__all__:
        obj = getattr(followup, name)
        if inspect.isclass(obj) and attrs.has(obj):
            assert obj.__setattr__ is not object.__setattr__, name


def test_public_functions_take_options_by_keyword() -> None:
    """No public function takes more than two positional parameters."""
    for name in followup.__all__:
        obj = getattr(followup, name)
        if inspect.isfunction(obj):
            params = inspect.signature(obj).parameters.values()
            positional = [
                p for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.POSITIONAL_ONLY)
            ]
            assert len(positional) <= 2, name


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_docs_page_examples_run(page: Path) -> None:
    """Every example on the follow-up docs pages runs and prints what the page says."""
    text = page.read_text(encoding="utf-8")
    unfenced = "\n".join("" if line.startswith("```") else line for line in text.splitlines())
    test = doctest.DocTestParser().get_doctest(unfenced, {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 5
    assert result.failed == 0
