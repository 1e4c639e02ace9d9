"""The JSON Schema of scenario files, generated from the classes the reader builds.

Editors that understand JSON Schema (VS Code with *Even Better TOML*, IntelliJ, Helix through
Taplo) check a scenario file while a planner types it, complete its keys and show what each one
means. The schema is generated, not written by hand: its keys are the fields of the ``attrs``
classes the reader structures (so a field added to :class:`~hometeams.scenario.VisitPlan` is in
the schema at once), their types come from the fields' annotations, fields written in a form of
their own (``"4 weeks"``, ``"08:30"``, ``"weekdays"``) take the schema stored beside their
reading hook (:mod:`hometeams.io._forms`), and descriptions come from the classes'
docstrings. Every table refuses unknown keys, as the reader does.

The schema is a little more lenient than the reader where only the whole scenario can tell
(an unknown staff id, overlapping shifts, a floor the roster breaks): those checks need the
organisation, and ``hometeams check`` makes them.
"""

from __future__ import annotations

import enum
import functools
import inspect
import re
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from hometeams import __version__
from hometeams.io._convert import WEEKDAY_NAMES
from hometeams.io._forms import DURATION_KINDS, SHARED_SCHEMAS
from hometeams.io._layout import FORM_CLASSES, FORMS, Layout, RawModel
from hometeams.io._spec import ExperimentSettings, ReportSettings
from hometeams.model import (
    Competence,
    Membership,
    Organisation,
    Profession,
    Staff,
    Team,
    Unit,
    User,
    Zone,
)

__all__ = ["DRAFT", "scenario_schema"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of the generated schema."""

_NAMES: Mapping[type, str] = {
    RawModel: "Model",
    ExperimentSettings: "Experiment",
    ReportSettings: "Report",
}
_ORGANISATION_CLASSES = (Organisation, Zone, Unit, Staff, User, Competence, Profession, Team)
_FREE_TEXT = frozenset({"name", "name_nb", "reason", "nb", "en"})

_TEAM_DAYS = {
    "description": "Weekdays the team works: mon ... sun (or 0 = Monday ... 6 = Sunday).",
    "type": "array",
    "items": {
        "anyOf": [
            {"enum": [*WEEKDAY_NAMES, "man", "tir", "ons", "tor", "fre", "lør", "søn"]},
            {"type": "integer", "minimum": 0, "maximum": 6},
        ]
    },
}
_MEMBER = {
    "description": 'A staff id (the whole position) or { staff = "...", share = 0.2 } (a share '
    "in FTE).",
    "anyOf": [{"type": "string", "minLength": 1}, {"$ref": "#/$defs/Membership"}],
}
_OWN: Mapping[type, Mapping[str, Mapping[str, Any]]] = {
    Team: {"days": _TEAM_DAYS, "members": {"type": "array", "items": _MEMBER}},
    ExperimentSettings: {
        "precision": {"$ref": "#/$defs/Precision"},
        "seed": {"type": "integer", "minimum": 0},
    },
    ReportSettings: {
        "cost_per_hour": {"type": "number", "exclusiveMinimum": 0},
        "hours_per_fte": {"type": "number", "exclusiveMinimum": 0, "default": 37.5},
    },
}
"""Fields of the organisation format and of the experiment with a form of their own."""

_SPECIAL_FIELDS: Mapping[str, Mapping[str, Any]] = {
    "duration": {"$ref": "#/$defs/duration"},
    "sick_leave": {
        "description": "Sick leave: the probability that a staff member is absent from a "
        "shift, or a table with the probability and the staff it applies to.",
        "anyOf": [{"type": "number", "minimum": 0, "maximum": 1}, {"$ref": "#/$defs/SickLeave"}],
    },
}


def _name(cls: type) -> str:
    return _NAMES.get(cls, cls.__name__)


_ROLE = re.compile(r":\w+:`~?(?:[\w.]*\.)?([^`]+)`")


def _clean(text: str) -> str:
    text = _ROLE.sub(r"\1", text)
    return " ".join(text.replace("``", "").split())


@functools.cache
def _parameter_docs(cls: type) -> Mapping[str, str]:
    """``{field: description}`` from the Parameters and Attributes sections of a docstring."""
    lines = (inspect.getdoc(cls) or "").splitlines()
    out: dict[str, str] = {}
    names: list[str] = []
    text: list[str] = []
    inside = False

    def flush() -> None:
        for name in names:
            out.setdefault(name, _clean(" ".join(text)))

    for i, line in enumerate(lines):
        heading = i + 1 < len(lines) and set(lines[i + 1].strip()) == {"-"}
        if heading:
            flush()
            names, text = [], []
            inside = line.strip() in ("Parameters", "Attributes")
        elif not inside or set(line.strip()) == {"-"}:
            continue
        elif line and not line[0].isspace():
            flush()
            names = [n.strip() for n in line.split(":")[0].split(",")]
            text = []
        elif line.strip():
            text.append(line.strip())
    flush()
    return out


def _summary(cls: type) -> str:
    doc = inspect.getdoc(cls) or ""
    return _clean(doc.split("\n\n")[0])


def _type_schema(hint: Any, *, where: str) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return _type_schema(rest[0], where=where)
    if origin in (tuple, frozenset, list) and args:
        item = _type_schema(args[0], where=where)
        out: dict[str, Any] = {"type": "array", "items": item}
        if origin is frozenset:
            out["uniqueItems"] = True
        return out
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        return {"type": "number"}
    if hint is str:
        return {"type": "string"}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"enum": [member.value for member in hint]}
    if isinstance(hint, type) and attrs.has(hint):
        return {"$ref": f"#/$defs/{_name(hint)}"}
    msg = f"no JSON Schema for {where}: {hint!r}; give it a Form in hometeams.io._layout"
    raise TypeError(msg)


def _field_schema(cls: type, field: attrs.Attribute[Any], hint: Any) -> dict[str, Any]:
    form = FORMS.get(cls, {}).get(field.name)
    own = _OWN.get(cls, {}).get(field.name)
    where = f"{cls.__name__}.{field.name}"
    if form is not None:
        schema = dict(form.schema)
    elif own is not None:
        schema = dict(own)
    elif field.name in _SPECIAL_FIELDS:
        schema = dict(_SPECIAL_FIELDS[field.name])
    else:
        schema = _type_schema(hint, where=where)
        if schema.get("type") == "string" and field.name not in _FREE_TEXT:
            schema["minLength"] = 1
        default = field.default
        if isinstance(default, bool | int | float | str) and not isinstance(default, enum.Enum):
            schema["default"] = default
    description = _parameter_docs(cls).get(field.name)
    if description:
        general = schema.pop("description", None)
        text = description if general is None else f"{description} {general}"
        schema = {"description": text, **schema}
    return schema


def _object_schema(cls: type, *, kind: str | None = None) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    if kind is not None:
        properties["kind"] = {"const": kind}
        required.append("kind")
    for field in attrs.fields(cls):
        properties[field.name] = _field_schema(cls, field, hints[field.name])
        if field.default is attrs.NOTHING:
            required.append(field.name)
    out: dict[str, Any] = {"type": "object"}
    summary = _summary(cls)
    if summary:
        out["description"] = summary
    out["properties"] = properties
    if required:
        out["required"] = required
    out["additionalProperties"] = False
    return out


_REFERENCE = {
    "description": "An organisation defined elsewhere: an organisation file (relative to this "
    "file) or a built-in example municipality.",
    "type": "object",
    "properties": {
        "file": {"type": "string", "minLength": 1, "description": "An organisation file."},
        "example": {
            "description": "A built-in case municipality: A ... E (or case-a ... case-e).",
            "type": "string",
            "pattern": "^(?:[A-Ea-e]|[Cc]ase[-_][A-Ea-e])(?:\\.toml)?$",
        },
    },
    "minProperties": 1,
    "maxProperties": 1,
    "additionalProperties": False,
}


@functools.cache
def _schema() -> Mapping[str, Any]:
    defs: dict[str, Any] = {}
    for cls in (*FORM_CLASSES[1:], Membership, *_ORGANISATION_CLASSES):
        kind = next((k for k, c in DURATION_KINDS.items() if c is cls), None)
        defs[_name(cls)] = _object_schema(cls, kind=kind)
    defs["OrganisationRef"] = _REFERENCE
    for name, make in SHARED_SCHEMAS.items():
        defs[name] = make()
    root = _object_schema(Layout)
    return types.MappingProxyType(
        {
            "$schema": DRAFT,
            "$id": "https://hometeams.readthedocs.io/reference/scenario.schema.json",
            "title": "hometeams scenario file",
            "description": "A home-care scenario and the organisation models to compare on it "
            f"(hometeams {__version__}). See the reference page 'Scenario files'.",
            **{k: v for k, v in root.items() if k != "description"},
            "$defs": dict(sorted(defs.items())),
        }
    )


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of scenario files.

    Returns
    -------
    dict
        A fresh copy, ready for :func:`json.dumps`. ``docs/reference/scenario.schema.json``
        is this schema.

    Examples
    --------
    >>> schema = scenario_schema()
    >>> schema["$schema"], schema["required"]
    ('https://json-schema.org/draft/2020-12/schema', ['organisation', 'roster', 'models'])
    >>> sorted(schema["$defs"]["VisitPlan"]["properties"])[:4]
    ['days', 'duration', 'n_staff', 'preferred']
    """
    import copy  # noqa: PLC0415 - only needed here

    return copy.deepcopy(dict(_schema()))
