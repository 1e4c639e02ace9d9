"""Every package uses only the public API of the library's other packages.

The command line and the report are clients of the library like a planner's script; the other
packages build on each other the same way. What several packages share below their public
faces lives at the top of the library (``hometeams._checks``, ``hometeams._parse``,
``hometeams._time``, ...).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import hometeams

SOURCE = Path(hometeams.__file__).resolve().parent
PACKAGES = tuple(
    sorted(p.name for p in SOURCE.iterdir() if p.is_dir() and (p / "__init__.py").exists())
)


def _imports(path: Path, root: Path) -> list[tuple[int, str, list[str]]]:
    """Every ``import``/``from ... import`` in a file: line, absolute module, names imported."""
    package = path.relative_to(root.parent).with_suffix("").parts[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the file's own package
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.append((node.lineno, module, [alias.name for alias in node.names]))
    return found


def private_imports(path: Path, own: str, *, root: Path = SOURCE) -> list[str]:
    """The imports in ``path`` of a private module or name of a ``hometeams`` package not ``own``.

    ``hometeams.io._units`` and ``from hometeams.io import _x`` are private to ``io``; the
    package's own modules (``hometeams.cli._common`` for ``cli``) are its to use. Modules at
    the top of the library (``hometeams._files``, ``hometeams._time``) are the shared
    internals every package builds on, not another package's, and are allowed; ``root`` is
    the folder of the ``hometeams`` package.
    """
    bad = []
    for line, module, names in _imports(path, root):
        parts = module.split(".")
        if parts[0] != "hometeams" or len(parts) < 2 or parts[1] == own:
            continue
        if parts[1].startswith("_"):
            continue  # hometeams._files, hometeams.__version__: the library's shared top
        if any(part.startswith("_") for part in parts[2:]):
            bad.append(f"{path.name}:{line}: {module}")
        else:
            hidden = [n for n in names if n.startswith("_") and not n.startswith("__")]
            bad += [f"{path.name}:{line}: {module}.{n}" for n in hidden]
    return bad


def test_every_package_is_checked() -> None:
    """The walk finds the library's packages, the command line and the report among them."""
    assert {"cli", "report", "io", "sim", "scenario", "model", "followup"} <= set(PACKAGES)


@pytest.mark.parametrize("own", PACKAGES)
def test_only_public_names_of_other_packages_are_imported(own: str) -> None:
    """No module of a package imports another package's private module or name."""
    bad = [
        found
        for path in sorted((SOURCE / own).rglob("*.py"))
        for found in private_imports(path, own)
    ]
    assert not bad, "private imports:\n" + "\n".join(bad)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("from hometeams.io._units import parse_minutes", ["x.py:1: hometeams.io._units"]),
        ("import hometeams.experiment._engine", ["x.py:1: hometeams.experiment._engine"]),
        ("from hometeams.io import _units", ["x.py:1: hometeams.io._units"]),
        (
            "def f():\n    from hometeams.report._format import x",
            ["x.py:2: hometeams.report._format"],
        ),
        ("from hometeams.io import parse_minutes", []),
        ("from hometeams.cli._common import EXIT_OK", []),
        ("from hometeams._files import write_text", []),
        ("from hometeams import __version__", []),
        ("from ._common import EXIT_OK", []),
        ("from .._files import write_text", []),
        ("from ..io import _units", ["x.py:1: hometeams.io._units"]),
    ],
)
def test_the_check_finds_private_imports(tmp_path: Path, code: str, expected: list[str]) -> None:
    """The check flags absolute, relative and nested imports of another package's privates."""
    folder = tmp_path / "hometeams" / "cli"
    folder.mkdir(parents=True)
    path = folder / "x.py"
    path.write_text(code + "\n", encoding="utf-8")
    assert private_imports(path, "cli", root=tmp_path / "hometeams") == expected
