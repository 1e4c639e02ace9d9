"""The library's import graph flows one way: no circle between modules, packages in layers.

Every ``import`` statement counts: at the top of a module, under ``if TYPE_CHECKING:`` and
inside a function. A type-only import still says that one module's meaning depends on
another's, and an import moved into a function to get round a circle is still a circle in the
design. Importing a package (``from hometeams.model import Staff``) is an edge to the package's
``__init__``; the parent packages Python imports on the way are not counted.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

import networkx as nx
import pytest

import hometeams

SOURCE = Path(hometeams.__file__).resolve().parent

LAYERS: tuple[tuple[str, ...], ...] = (
    ("_types", "_version", "errors"),
    ("_checks", "_files", "_random", "_time", "_words"),
    ("_parse",),
    ("analytic", "model", "records"),
    ("followup", "graph", "scenario"),
    ("metrics", "sim"),
    ("experiment", "validation"),
    ("cases", "io", "report"),
    ("cli",),
    ("__main__", ""),
)
"""The library's packages and top-level modules from the bottom up (``""`` is ``hometeams``
itself, whose names are imported lazily from the packages below). A package imports only from
the layers below its own, never from one beside it."""


def modules(root: Path) -> dict[str, Path]:
    """Every module under ``root`` (the folder of the ``hometeams`` package) by dotted name."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _targets(node: ast.Import | ast.ImportFrom, path: Path, root: Path) -> Iterator[str]:
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
        return
    module = node.module or ""
    if node.level:  # relative: resolve against the file's own package
        package = path.relative_to(root.parent).with_suffix("").parts[:-1]
        module = ".".join([*package[: len(package) - node.level + 1], *filter(None, [module])])
    for alias in node.names:
        yield f"{module}.{alias.name}"  # a sub-module, or a name in ``module``


def import_graph(root: Path = SOURCE) -> nx.DiGraph:
    """Module -> module it imports, each edge with the ``lines`` of its import statements."""
    known = modules(root)
    graph = nx.DiGraph()
    graph.add_nodes_from(known)
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for imported in _targets(node, path, root):
                target = imported
                while target and target not in known:  # a name in a module: the module
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph.add_edge(name, target)
                    graph.edges[name, target].setdefault("lines", []).append(node.lineno)
    return graph


def cycles(graph: nx.DiGraph) -> list[str]:
    """Each circle of imports as ``a -> b -> a``, with the import lines."""
    out = []
    for cycle in sorted(sorted(c) for c in nx.simple_cycles(graph)):
        steps = [
            f"{a} (line {graph.edges[a, b]['lines'][0]})"
            for a, b in zip(cycle, [*cycle[1:], cycle[0]], strict=True)
        ]
        out.append(" -> ".join([*steps, cycle[0]]))
    return out


def unit(module: str) -> str:
    """The package or top-level module of ``hometeams`` a module belongs to (``""``: the root)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def layering_errors(graph: nx.DiGraph, layers: tuple[tuple[str, ...], ...]) -> list[str]:
    """Imports that go sideways or up the ``layers``, and packages placed in no layer."""
    level: Mapping[str, int] = {name: i for i, layer in enumerate(layers) for name in layer}
    bad = sorted(
        f"{name!r} is in no layer" for name in {unit(m) for m in graph} if name not in level
    )
    for a, b in sorted(graph.edges):
        ua, ub = unit(a), unit(b)
        if ua != ub and ua in level and ub in level and level[ub] >= level[ua]:
            bad.append(f"{a} imports {b} (line {graph.edges[a, b]['lines'][0]})")
    return bad


def test_no_module_imports_itself_through_others() -> None:
    """No circle of imports between the library's modules."""
    found = cycles(import_graph())
    assert not found, "import cycles:\n" + "\n".join(found)


def test_packages_import_only_the_layers_below() -> None:
    """Each package imports only packages of lower layers, and every package has a layer."""
    bad = layering_errors(import_graph(), LAYERS)
    assert not bad, "\n".join(bad)


def _package(tmp_path: Path, files: Mapping[str, str]) -> Path:
    root = tmp_path / "hometeams"
    for name, code in {"__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(code, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"a.py": "from hometeams.b import x\n", "b.py": "def f():\n    from . import a\n"},
            ["hometeams.a (line 1) -> hometeams.b (line 2) -> hometeams.a"],
        ),
        (
            {
                "p/__init__.py": "from hometeams.p._one import x\n",
                "p/_one.py": (
                    "from typing import TYPE_CHECKING\n"
                    "if TYPE_CHECKING:\n"
                    "    from hometeams.p import y\n"
                ),
            },
            ["hometeams.p (line 1) -> hometeams.p._one (line 3) -> hometeams.p"],
        ),
        ({"a.py": "import hometeams.b\n", "b.py": "import math\n"}, []),
    ],
)
def test_the_check_finds_cycles_of_every_kind_of_import(
    tmp_path: Path, files: Mapping[str, str], expected: list[str]
) -> None:
    """Function-local, relative and ``TYPE_CHECKING`` imports close a circle as well."""
    assert cycles(import_graph(_package(tmp_path, files))) == expected


def test_the_check_finds_imports_up_or_across_the_layers(tmp_path: Path) -> None:
    """An import of a higher or equal layer is reported, and so is a package with no layer."""
    root = _package(
        tmp_path,
        {
            "low.py": "from hometeams.high import x\n",
            "high/__init__.py": "from hometeams import low, side\n",
            "side.py": "",
            "stray.py": "",
        },
    )
    layers = (("low",), ("high", "side"), ("",))
    assert layering_errors(import_graph(root), layers) == [
        "'stray' is in no layer",
        "hometeams.high imports hometeams.side (line 1)",
        "hometeams.low imports hometeams.high (line 1)",
    ]
