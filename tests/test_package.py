"""The top-level face of ``hometeams``: ``import hometeams as ht`` and its lazy names."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

import hometeams

PAGE = Path(__file__).resolve().parents[1] / "docs" / "reference" / "hometeams.md"


def _documented() -> list[str]:
    return re.findall(r"^\| `(\w+)` \|", PAGE.read_text(encoding="utf-8"), flags=re.M)


def test_all_matches_the_reference_page() -> None:
    """``hometeams.__all__`` is exactly the table of ``docs/reference/hometeams.md``, in order."""
    assert list(hometeams.__all__) == _documented()


def test_all_is_sorted() -> None:
    """``__all__`` is sorted, as ruff's RUF022 sorts it."""
    assert list(hometeams.__all__) == sorted(hometeams.__all__)


def test_import_loads_no_heavy_dependency() -> None:
    """``import hometeams`` loads no numpy, scipy or SimPy; the first ``ht.Pooled`` does."""
    code = (
        "import sys; import hometeams as ht\n"
        "heavy = ('numpy', 'scipy', 'simpy', 'networkx', 'matplotlib')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "print(ht.Pooled.__module__, 'simpy' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.splitlines() == ["[]", "hometeams.sim._policies True"]


@pytest.mark.parametrize("name", [n for n in hometeams.__all__ if n != "__version__"])
def test_every_name_is_its_home_packages_object(name: str) -> None:
    """``ht.X`` is the very object of its home package (or the sub-package itself)."""
    home = hometeams._LAZY[name]
    value = getattr(hometeams, name)
    if home:
        assert value is getattr(importlib.import_module(home), name)
    else:
        assert value is importlib.import_module(f"hometeams.{name}")


def test_dir_lists_the_lazy_names() -> None:
    """``dir(hometeams)`` offers every name of ``__all__`` before it is first used."""
    assert set(hometeams.__all__) <= set(dir(hometeams))


def test_an_unknown_name_is_an_attribute_error() -> None:
    """A name the package does not offer raises ``AttributeError`` naming it."""
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = hometeams.no_such_name  # type: ignore[attr-defined]
