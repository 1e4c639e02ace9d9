"""Tests of the experiment package's public face (its how-to guides are doctested from docs/)."""

from __future__ import annotations

import inspect
from pathlib import Path

import hometeams.experiment

DOCS = Path(__file__).resolve().parents[1] / "docs" / "how-to"


def test_all_is_sorted_and_importable() -> None:
    """__all__ is sorted (isort style: CONSTANTS, Classes, functions) and every name exists."""
    names = hometeams.experiment.__all__

    def kind(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert names == sorted(names, key=kind)
    for name in names:
        assert hasattr(hometeams.experiment, name), name


def test_public_functions_and_classes_have_examples() -> None:
    """Every public function and class has a docstring with a doctested Examples section."""
    for name in hometeams.experiment.__all__:
        obj = getattr(hometeams.experiment, name)
        if not (inspect.isfunction(obj) or inspect.isclass(obj)):
            continue  # constants and type aliases
        if name == "Runner":
            continue  # a Protocol: its example is every runner's
        assert ">>>" in (obj.__doc__ or ""), name
