"""Tests of the public face of ``hometeams.graph`` and ``hometeams.report``."""

from __future__ import annotations

import inspect
from types import ModuleType

import pytest

import hometeams.graph
import hometeams.report


def _isort_key(name: str) -> tuple[int, str]:
    """Ruff's RUF022 order: CONSTANTS, then Classes, then functions."""
    if name.isupper():
        return (0, name)
    if name[:1].isupper():
        return (1, name)
    return (2, name)


@pytest.mark.parametrize("module", [hometeams.graph, hometeams.report])
def test_all_is_sorted_and_complete(module: ModuleType) -> None:
    """``__all__`` is sorted, every name resolves, and no public name is left out."""
    names = module.__all__
    assert names == sorted(names, key=_isort_key)
    assert all(hasattr(module, name) for name in names)
    public = {
        name
        for name, value in vars(module).items()
        if not name.startswith("_") and not inspect.ismodule(value) and name != "annotations"
    }
    assert public == set(names)


@pytest.mark.parametrize("module", [hometeams.graph, hometeams.report])
def test_every_public_function_and_class_has_an_example(module: ModuleType) -> None:
    """Numpy-style docstrings with a doctested Examples section on every function and class."""
    for name in module.__all__:
        value = getattr(module, name)
        if inspect.isfunction(value) or inspect.isclass(value):
            doc = inspect.getdoc(value) or ""
            assert "Examples\n--------" in doc, name
            assert ">>>" in doc, name
