"""One name and one order per concept in the public signatures (docs/explanation/design.md, Names).

* A parameter that takes an :class:`~hometeams.model.Organisation` is called ``org``. The fields
  of a record (``Scenario.organisation``, ``ModelSpec.organisation``) are nouns and keep the word.
* ``seed`` seeds reproducible streams: ``int | numpy.random.SeedSequence | None``. ``rng`` is
  drawn from directly (Scientific Python SPEC 7): ``numpy.random.Generator | int | None``. A
  parameter typed with a ``SeedSequence`` is a ``seed``, one typed with a ``Generator`` an ``rng``.
* A writer takes the object first, then the path: ``write_organisation(org, path)``,
  ``write_report(comparison, path)``.

The test walks the ``__all__`` of every public module and reads each signature with
:mod:`inspect`, so a new public name is checked the day it is exported.
"""

from __future__ import annotations

import importlib
import inspect
import re
import sys
import types
from collections.abc import Callable, Iterator
from typing import Any, Union, get_args, get_origin

import attrs
import numpy as np
import pytest

from hometeams.errors import InvalidArgument
from hometeams.model import Organisation
from hometeams.scenario import Seed

PUBLIC = (
    "hometeams.analytic",
    "hometeams.cases",
    "hometeams.experiment",
    "hometeams.followup",
    "hometeams.graph",
    "hometeams.io",
    "hometeams.metrics",
    "hometeams.model",
    "hometeams.records",
    "hometeams.report",
    "hometeams.scenario",
    "hometeams.sim",
    "hometeams.validation",
    "hometeams",  # last: its names are the packages' own, found under their homes first
)

SEED_PARTS = {int, np.integer, np.random.SeedSequence, type(None)}
RNG_PARTS = {np.random.Generator, int, type(None)}
# names an annotation may use without its module importing them at run time
EXTRA_NAMES = {"np": np, "Organisation": Organisation, "Seed": Seed}
WRITER = re.compile(r"^(write|save|to)_|^write$")

Entry = tuple[str, inspect.Signature, dict[str, Any], bool]


def _functions(cls: type) -> Iterator[tuple[str, Callable[..., Any]]]:
    """A public class's own public methods (the library's, not int's or object's)."""
    for name in dir(cls):
        if name.startswith("_"):
            continue
        attr = inspect.getattr_static(cls, name)
        if isinstance(attr, staticmethod | classmethod):
            attr = attr.__func__
        if inspect.isfunction(attr) and attr.__module__.startswith("hometeams"):
            yield name, attr


def _fields(cls: type) -> inspect.Signature:
    """An attrs class's fields as a signature, each with its declared type (not a converter's)."""
    return inspect.Signature(
        [
            inspect.Parameter(field.alias or field.name, inspect.Parameter.KEYWORD_ONLY,
                              annotation=field.type)
            for field in attrs.fields(cls)
            if field.init
        ]
    )  # fmt: skip


def public_signatures() -> Iterator[Entry]:
    """``(qualified name, signature, namespace, is a record's fields)`` of every public callable.

    A class's own signature is its fields when it is an attrs class: the record's nouns. The
    namespace is the module's, where the annotations are evaluated.
    """
    seen: set[int] = set()
    for module_name in PUBLIC:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if id(obj) in seen or isinstance(obj, types.ModuleType):
                continue
            seen.add(id(obj))
            where = f"{module_name}.{name}"
            if inspect.isclass(obj):
                home = vars(sys.modules[obj.__module__])
                if attrs.has(obj):
                    yield where, _fields(obj), home, True
                elif inspect.isfunction(vars(obj).get("__init__")):
                    yield where, inspect.signature(obj), home, False
                for method, function in _functions(obj):
                    signature = inspect.signature(function)
                    yield f"{where}.{method}", signature, function.__globals__, False
            elif inspect.isfunction(obj):
                yield where, inspect.signature(obj), obj.__globals__, False


def _annotation(home: dict[str, Any], parameter: inspect.Parameter) -> object:
    """The parameter's annotation as a type, evaluated where the function was written."""
    written = parameter.annotation
    if not isinstance(written, str):
        return written
    return eval(written, {**EXTRA_NAMES, **home})


def _parts(annotation: object) -> set[object]:
    """The members of a union (``X | None`` -> ``{X, NoneType}``), or the annotation itself."""
    if isinstance(annotation, types.UnionType) or get_origin(annotation) is Union:
        parts: set[object] = set()
        for arg in get_args(annotation):
            parts |= _parts(arg)
        return parts
    return {type(None) if annotation is None else annotation}


def _typed(home: dict[str, Any], parameter: inspect.Parameter) -> set[object]:
    """The parts of a parameter's annotation, evaluated only where the names concern the rules."""
    written = parameter.annotation
    concerned = parameter.name in {"seed", "rng", "org", "organisation"} or re.search(
        r"\b(Organisation|Seed|SeedSequence|Generator)\b", str(written)
    )
    if written is inspect.Parameter.empty or not concerned:
        return set()
    return _parts(_annotation(home, parameter))


SIGNATURES: list[Entry] = list(public_signatures())


def name_problems(signatures: list[Entry] = SIGNATURES) -> list[str]:
    """Every parameter that breaks the rules of names, as ``where: parameter: why``."""
    bad = []
    for where, signature, home, record in signatures:
        for parameter in signature.parameters.values():
            parts = _typed(home, parameter)
            said = f"{where}: {parameter.name}: {parameter.annotation}"
            takes_org = Organisation in parts or parameter.name == "organisation"
            if takes_org and parameter.name != "org" and not record:
                bad.append(f"{said}: takes an Organisation, so must be named org")
            if parameter.name == "seed" and not parts <= SEED_PARTS:
                bad.append(f"{said}: a seed is an int, a numpy SeedSequence or None")
            if parameter.name == "rng" and not (
                np.random.Generator in parts and parts <= RNG_PARTS
            ):
                bad.append(f"{said}: an rng is a numpy Generator, an int or None")
            if np.random.Generator in parts and parameter.name != "rng":
                bad.append(f"{said}: takes a Generator, so must be named rng")
            if np.random.SeedSequence in parts and parameter.name != "seed":
                bad.append(f"{said}: takes a SeedSequence, so must be named seed")
    return bad


def _is_path(parameter: inspect.Parameter) -> bool:
    written = str(parameter.annotation)
    return parameter.name in {"path", "directory"} or bool(re.search(r"\bPath(Like)?\b", written))


def order_problems(signatures: list[Entry] = SIGNATURES) -> list[str]:
    """Every writer whose path is not its last positional parameter."""
    bad = []
    for where, signature, _, _ in signatures:
        if not WRITER.search(where.rsplit(".", 1)[-1]):
            continue
        positional = [
            p
            for p in signature.parameters.values()
            if p.kind in {p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD} and p.name != "self"
        ]
        paths = [i for i, p in enumerate(positional) if _is_path(p)]
        if paths and paths != [len(positional) - 1]:
            names = ", ".join(p.name for p in positional)
            bad.append(f"{where}({names}): the object first, then the path")
    return bad


def test_the_walk_reaches_the_signatures_the_rules_are_about() -> None:
    """The walk finds sim.run, write_report and the seeds and rngs, so the rules bite."""
    found = {where: signature for where, signature, _, _ in SIGNATURES}
    assert list(found["hometeams.sim.run"].parameters)[:2] == ["realisation", "org"]
    assert list(found["hometeams.report.write_report"].parameters)[:2] == ["comparison", "path"]
    assert "rng" in found["hometeams.report.plot_organisation"].parameters
    assert "seed" in found["hometeams.sim.simulate"].parameters
    assert "hometeams.io.write_organisation" in found
    assert "hometeams.experiment.Comparison.to_json" in found


def test_organisations_seeds_and_rngs_have_one_name_each() -> None:
    """An Organisation is taken as org; seed and rng each have the annotation of its rule."""
    assert name_problems() == []


def test_writers_take_the_object_then_the_path() -> None:
    """Every public write_*/save_*/to_* writer has the path as its last positional parameter."""
    assert order_problems() == []


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("def f(organisation: Organisation) -> None: ...", "must be named org"),
        ("def f(o: Organisation | None = None) -> None: ...", "must be named org"),
        ("def f(seed: np.random.Generator) -> None: ...", "a seed is an int"),
        ("def f(rng: np.random.SeedSequence) -> None: ...", "an rng is a numpy Generator"),
        ("def f(random_state: np.random.Generator) -> None: ...", "must be named rng"),
        ("def write_x(path: str, thing: int) -> None: ...", "the object first"),
    ],
)
def test_the_rules_catch_a_break(source: str, problem: str) -> None:
    """Each rule fails on a hand-written signature that breaks it."""
    namespace: dict[str, Any] = {"np": np, "Organisation": Organisation}
    exec(f"from __future__ import annotations\n{source}", namespace)
    function = namespace[source.split("(", maxsplit=1)[0].removeprefix("def ")]
    where = f"hometeams.fake.{function.__name__}"
    entry = [(where, inspect.signature(function), namespace, False)]
    found = name_problems(entry) + order_problems(entry)
    assert any(problem in line for line in found), found


@pytest.mark.parametrize(
    ("writer", "value", "name", "kind"),
    [
        ("hometeams.io:write_organisation", lambda: Organisation("Nord"), "org", "Organisation"),
        ("hometeams.io:write_scenario", "example_scenario", "file", "ScenarioFile"),
    ],
)
def test_a_writer_called_path_first_says_so(
    tmp_path: Any, writer: str, value: Any, name: str, kind: str
) -> None:
    """Called the other way round, a writer names its first argument and writes nothing."""
    module, _, attr = writer.partition(":")
    write = getattr(importlib.import_module(module), attr)
    io = importlib.import_module("hometeams.io")
    obj = getattr(io, value)() if isinstance(value, str) else value()
    path = tmp_path / "out.toml"
    rule = rf"^{name}: must be a {kind} \(the first argument; the path comes second\), got"
    with pytest.raises(InvalidArgument, match=rule):
        write(path, obj)
    with pytest.raises(InvalidArgument, match=r"^path: must be a file name, got int"):
        write(obj, 3)
    assert not path.exists()
    assert write(obj, path) == path
