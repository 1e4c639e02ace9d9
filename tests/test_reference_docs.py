"""Tests that the reference documentation covers every public module and name."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import hometeams

REFERENCE = Path(__file__).resolve().parents[1] / "docs" / "reference"


def _public_modules() -> list[str]:
    """Public modules and subpackages of hometeams (no leading underscore, not the CLI)."""
    return sorted(
        f"hometeams.{info.name}"
        for info in pkgutil.iter_modules(hometeams.__path__)
        if not info.name.startswith("_") and info.name != "cli"
    )


def _documented() -> set[str]:
    found = set()
    for page in REFERENCE.glob("*.md"):
        found.update(re.findall(r"^::: (hometeams[\w.]*)\s*$", page.read_text(), flags=re.M))
    return found


def test_every_public_module_has_a_reference_page() -> None:
    """Each public module is rendered by a ::: directive on some reference page."""
    missing = set(_public_modules()) - _documented()
    assert not missing, f"no reference page for {sorted(missing)}"


@pytest.mark.parametrize("name", _public_modules())
def test_all_is_sorted_and_resolves(name: str) -> None:
    """A public module's __all__ is sorted (constants, classes, functions) and every name exists."""
    module = importlib.import_module(name)
    exported = list(getattr(module, "__all__", []))
    assert exported, f"{name} has no __all__"

    def kind(n: str) -> tuple[int, str]:
        return (0 if n.isupper() else 1 if n[:1].isupper() else 2, n)

    assert exported == sorted(exported, key=kind) or exported == sorted(exported), name
    for attr in exported:
        assert hasattr(module, attr), f"{name}.{attr}"
