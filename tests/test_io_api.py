"""The public face of ``hometeams.io`` and ``hometeams.cli``."""

from __future__ import annotations

import inspect
from types import ModuleType

import pytest

import hometeams.cli
import hometeams.io


def _kind(name: str) -> tuple[int, str]:
    """Ruff's RUF022 order: constants, then classes, then functions."""
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)


@pytest.mark.parametrize("module", [hometeams.io, hometeams.cli])
def test_all_is_sorted_and_complete(module: ModuleType) -> None:
    """``__all__`` is sorted, every name resolves, and no public name is left out."""
    names = list(module.__all__)
    assert names == sorted(names, key=_kind)
    public = {
        name
        for name, value in vars(module).items()
        if not name.startswith("_") and not inspect.ismodule(value) and name != "annotations"
    }
    assert public == set(names)


@pytest.mark.parametrize("module", [hometeams.io, hometeams.cli])
def test_every_public_function_has_a_doctested_example(module: ModuleType) -> None:
    """Every exported function has a numpy-style docstring with a doctested Examples section."""
    for name in module.__all__:
        value = getattr(module, name)
        if inspect.isfunction(value):
            doc = inspect.getdoc(value) or ""
            assert "Examples\n--------" in doc, name
            assert ">>>" in doc, name


def test_functions_take_keyword_only_options() -> None:
    """Arguments after the first one or two are keyword-only (the library's API style)."""
    for name in hometeams.io.__all__:
        value = getattr(hometeams.io, name)
        if inspect.isfunction(value):
            params = list(inspect.signature(value).parameters.values())
            positional = [p for p in params if p.kind is p.POSITIONAL_OR_KEYWORD]
            assert len(positional) <= 2, name
