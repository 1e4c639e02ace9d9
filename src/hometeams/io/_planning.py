"""Work-list planning as a scenario file writes it.

In a file, a model's planning is a small table with a ``kind`` and its parameters::

    planning = { kind = "daily-lists", planner = "pyvrp", release_after = "45 min" }

or just the kind (``planning = "fixed-lists"``). Left out, a model has no lists: every job is
dispatched when it becomes ready, as before lists existed, so every older file keeps its
meaning. The kinds are the simulator's plannings (:mod:`hometeams.sim`):

=================  =================================================================
``"none"``         no work lists (the default)
``"fixed-lists"``  weekly list templates, walked again every week
``"daily-lists"``  lists planned afresh every day
=================  =================================================================

``planner`` is ``"built-in"`` (the default) or ``"pyvrp"`` (needs the ``route`` extra), or a
table ``{ kind = "built-in", passes = 10 }``; ``release_after`` is how far behind its planned
start a visit may fall before it goes to the dispatcher (default 60 minutes).

Examples
--------
>>> planning_from_data({"kind": "daily-lists", "release_after": "45 min"})
DailyLists(planner=BuiltIn(passes=10), release_after=45.0)
>>> planning_to_data(FixedLists())
'fixed-lists'
>>> planning_from_data({"kind": "daily-list"})
Traceback (most recent call last):
...
hometeams.errors.InvalidScenario: kind: unknown planning kind 'daily-list'; did you mean
'daily-lists'?
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.io._codec import Form, Schema
from hometeams.io._policy import argument_error, suggest
from hometeams.io._units import MINUTES_SCHEMA, format_minutes, parse_minutes
from hometeams.sim import BuiltIn, DailyLists, FixedLists, NoLists, Planner, Planning, PyVRP

__all__ = [
    "PLANNERS",
    "PLANNING",
    "PLANNING_KINDS",
    "planning_from_data",
    "planning_kind",
    "planning_schema",
    "planning_to_data",
]

_CLASSES: Mapping[str, type] = MappingProxyType(
    {"none": NoLists, "fixed-lists": FixedLists, "daily-lists": DailyLists}
)
PLANNING_KINDS: tuple[str, ...] = tuple(_CLASSES)
"""The planning kinds a file may name."""

PLANNERS: tuple[str, ...] = ("built-in", "pyvrp")
"""The planners a file may name."""

_KEYS = ("kind", "planner", "release_after")
_PLANNER_KEYS = {
    "built-in": ("kind", "passes"),
    "pyvrp": ("kind", "iterations", "seed", "time_limit"),
}
_DEFAULT_RELEASE = DailyLists().release_after


def _kind_of(value: object, *, known: tuple[str, ...], what: str) -> tuple[str, Mapping[str, Any]]:
    if isinstance(value, str):
        value = {"kind": value}
    if not isinstance(value, Mapping):
        raise InvalidScenario(
            f"must be a {what} kind like {known[0]!r} or a table with a kind, got {value!r}"
        )
    kind = value.get("kind")
    if kind is None:
        raise InvalidScenario(f"required key is missing; one of {', '.join(known)}", path="kind")
    if not isinstance(kind, str) or kind not in known:
        raise InvalidScenario(
            f"unknown {what} kind {kind!r}{suggest(str(kind), known)}", path="kind"
        )
    return kind, value


def _whole(value: object, *, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidScenario(f"must be a whole number >= 0, got {value!r}", path=field)
    return value


def _seconds(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise InvalidScenario(f"must be a number of seconds > 0, got {value!r}", path="time_limit")
    return float(value)


def _planner(value: object) -> Planner:
    kind, table = _kind_of(value, known=PLANNERS, what="planner")
    keys = _PLANNER_KEYS[kind]
    for key in table:
        if key not in keys:
            hint = suggest(key, tuple(k for k in keys if k != "kind"))
            raise InvalidScenario(f"unknown key {key!r} for planner {kind!r}{hint}")
    args: dict[str, Any] = {
        key: _whole(table[key], field=key)
        for key in keys[1:]
        if key in table and key != "time_limit"
    }
    if "time_limit" in table:
        args["time_limit"] = _seconds(table["time_limit"])
    if kind == "built-in":
        return BuiltIn(**args)
    if importlib.util.find_spec("pyvrp") is None:  # say so now, not in the middle of a run
        raise InvalidScenario(
            'the pyvrp planner needs the PyVRP library: pip install "hometeams[route]"',
            path="kind",
        )
    planner: Planner = PyVRP(**args)
    return planner


def planning_from_data(value: object) -> Planning:
    """Build a planning from a file's ``planning`` value: a kind's name or a table.

    Raises
    ------
    InvalidScenario
        With a path within the planning (``kind``, ``planner.passes``, ``release_after``).

    Examples
    --------
    >>> planning_from_data("none")
    NoLists()
    >>> planning_from_data({"kind": "fixed-lists", "planner": {"kind": "built-in", "passes": 3}})
    FixedLists(planner=BuiltIn(passes=3), release_after=60.0)
    """
    kind, table = _kind_of(value, known=PLANNING_KINDS, what="planning")
    keys = ("kind",) if kind == "none" else _KEYS
    for key in table:
        if key not in keys:
            hint = suggest(key, tuple(k for k in keys if k != "kind") or ("kind",))
            raise InvalidScenario(f"unknown key {key!r} for planning {kind!r}{hint}")
    if kind == "none":
        return NoLists()
    args: dict[str, Any] = {}
    if "planner" in table:
        try:
            args["planner"] = _planner(table["planner"])
        except InvalidScenario as err:
            raise err.within("planner") from None
    if "release_after" in table:
        args["release_after"] = parse_minutes(table["release_after"], field="release_after")
    try:
        planning: Planning = _CLASSES[kind](**args)
    except InvalidArgument as err:
        raise argument_error(err) from None
    return planning


def planning_kind(planning: object) -> str | None:
    """The file name of a built-in planning's kind, or ``None`` for another value.

    Examples
    --------
    >>> planning_kind(DailyLists()), planning_kind(object())
    ('daily-lists', None)
    """
    for kind, cls in _CLASSES.items():
        if type(planning) is cls:
            return kind
    return None


def _planner_data(planner: object, *, field: str) -> str | dict[str, object]:
    if type(planner) is BuiltIn:
        if planner == BuiltIn():
            return "built-in"
        return {"kind": "built-in", "passes": planner.passes}
    if type(planner).__name__ == "PyVRP":
        fields = {k: getattr(planner, k) for k in _PLANNER_KEYS["pyvrp"][1:]}
        defaults = {k: getattr(type(planner)(), k) for k in fields}
        own = {k: v for k, v in fields.items() if v != defaults[k]}
        return {"kind": "pyvrp", **own} if own else "pyvrp"
    raise InvalidArgument(
        f"{field}: only the built-in planners ({', '.join(PLANNERS)}) can be written to a "
        f"file, got {planner!r}"
    )


def planning_to_data(planning: object, *, field: str = "planning") -> str | dict[str, object]:
    """A built-in planning as a file writes it: the kind alone when everything is default.

    Raises
    ------
    InvalidArgument
        For a planning or planner of one's own, which a file cannot describe.

    Examples
    --------
    >>> planning_to_data(DailyLists(release_after=30))
    {'kind': 'daily-lists', 'release_after': '30 min'}
    """
    kind = planning_kind(planning)
    if kind is None:
        raise InvalidArgument(
            f"{field}: only the built-in plannings ({', '.join(PLANNING_KINDS)}) can be "
            f"written to a file, got {planning!r}"
        )
    out: dict[str, object] = {"kind": kind}
    if kind != "none":
        planner = _planner_data(planning.planner, field=f"{field}.planner")  # type: ignore[attr-defined]
        if planner != "built-in":
            out["planner"] = planner
        release = planning.release_after  # type: ignore[attr-defined]
        if release != _DEFAULT_RELEASE:
            out["release_after"] = format_minutes(release)
    return kind if len(out) == 1 else out


# -- the JSON Schema and the form ----------------------------------------------------------------


def planning_schema() -> Schema:
    """The schema of a planning (``#/$defs/planning``): a kind, or a table with its parameters."""
    planner = {
        "description": "Who plans the lists: built-in (default) or pyvrp (the route extra).",
        "anyOf": [
            {"enum": list(PLANNERS)},
            {
                "type": "object",
                "properties": {
                    "kind": {"enum": list(PLANNERS)},
                    "passes": {"type": "integer", "minimum": 0},
                    "iterations": {"type": "integer", "minimum": 0},
                    "seed": {"type": "integer", "minimum": 0},
                    "time_limit": {"type": "number", "exclusiveMinimum": 0},
                },
                "required": ["kind"],
                "additionalProperties": False,
            },
        ],
    }
    return {
        "description": "How planned visits go on work lists: none (default: every job is "
        "dispatched when ready), fixed-lists (weekly templates) or daily-lists.",
        "anyOf": [
            {"enum": list(PLANNING_KINDS)},
            {
                "type": "object",
                "properties": {
                    "kind": {"enum": list(PLANNING_KINDS)},
                    "planner": planner,
                    "release_after": {
                        **MINUTES_SCHEMA,
                        "description": "How far behind its planned start a visit may fall "
                        "before it goes to the dispatcher (default 60 minutes).",
                    },
                },
                "required": ["kind"],
                "additionalProperties": False,
            },
        ],
    }


def _read(value: object, _: object) -> Planning:
    return planning_from_data(value)


PLANNING = Form(read=_read, write=planning_to_data, schema={"$ref": "#/$defs/planning"})
"""Work-list planning: a kind or a table."""
