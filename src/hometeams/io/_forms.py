"""Forms of fields a planner writes in a friendlier way: the reading hook and the JSON Schema.

A scenario file says ``horizon = "4 weeks"``, ``times = ["08:00"]``, ``days = "weekdays"``,
``duration = { kind = "lognormal", mean = 30, sd = 10 }`` and ``policy = "pooled"``. For each
such form this module holds, side by side, the hook that reads it (a ``cattrs`` structure hook,
used by :mod:`hometeams.io._layout`) and the JSON Schema that describes it (used by
:mod:`hometeams.io._schema`), so that what the reader accepts and what the published schema
says cannot drift apart. Fields read by their plain type (a number, a list of strings) need no
form.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from hometeams.errors import InvalidScenario
from hometeams.io._convert import WEEKDAY_NAMES
from hometeams.io._planning import PLANNERS, PLANNING_KINDS, planning_from_data
from hometeams.io._policy import ORDERING_RULES, POLICY_KEYS, POLICY_KINDS, policy_from_data
from hometeams.io._units import DURATION_PATTERN, parse_minutes
from hometeams.metrics import METRICS
from hometeams.model import Period
from hometeams.scenario import Empirical, Exponential, Fixed, LogNormal
from hometeams.scenario._parse import clock_minutes

__all__ = [
    "CLOCK",
    "CLOCK_VALUE",
    "DAYS",
    "DURATION_KINDS",
    "MEANS",
    "MINUTES",
    "MINUTES_SCHEMA",
    "NUMBER",
    "ORGANISATION",
    "PERIOD",
    "POLICY",
    "RELEVANCE",
    "SHARED_SCHEMAS",
    "TIMES",
    "WEEKS",
    "Form",
    "Hook",
    "Schema",
]

Hook = Callable[[Any, Any], Any]
Schema = Mapping[str, Any]


@attrs.frozen
class Form:
    """How a field is written in a file: the hook that reads it and its JSON Schema."""

    hook: Hook
    schema: Schema


def _passthrough(value: object, _: object) -> object:
    """Hand the value to the class's own converter, which knows the friendly forms."""
    return value


def _minutes(value: object, _: object) -> float:
    return parse_minutes(value, field="")


def _clock(value: object, _: object) -> float:
    return clock_minutes(value, field="")


def _number(value: object, _: object) -> float:
    """A number kept as written (``-5`` stays ``-5``), so a refusal quotes the planner's value."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        shown = f"the string {value!r}" if isinstance(value, str) else repr(value)
        raise InvalidScenario(f"must be a number, got {shown}")
    return value


def _table(value: object, _: object) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidScenario(f"must be a table, got {value!r}")
    return value


# -- JSON Schema fragments ------------------------------------------------------------------

_DURATION_STRING = {"type": "string", "pattern": DURATION_PATTERN}
MINUTES_SCHEMA: Schema = {
    "description": 'A length of time: minutes, or a string like "4 weeks", "2 days", '
    '"3 hours", "90 min".',
    "anyOf": [{"type": "number", "minimum": 0}, _DURATION_STRING],
}
_CLOCK_SCHEMA: Schema = {
    "description": 'A clock time "HH:MM", or minutes after midnight.',
    "anyOf": [
        {"type": "string", "pattern": r"^\s*([01]?[0-9]|2[0-3]):[0-5][0-9]\s*$"},
        {"type": "number", "minimum": 0, "exclusiveMaximum": 1440},
    ],
}
_DAY = {
    "anyOf": [
        {"enum": list(WEEKDAY_NAMES)},
        {"type": "integer", "minimum": 0, "maximum": 6},
    ]
}
_DAYS_SCHEMA: Schema = {
    "description": 'Weekdays: "daily", "weekdays", "weekend", a day "mon" ... "sun", or a list '
    "of days (0 = Monday ... 6 = Sunday).",
    "anyOf": [
        {"enum": ["daily", "weekdays", "weekend", *WEEKDAY_NAMES]},
        {"type": "integer", "minimum": 0, "maximum": 6},
        {"type": "array", "items": _DAY, "minItems": 1},
    ],
}
_TIMES_SCHEMA: Schema = {
    "description": 'Planned start(s): a clock time "HH:MM" or a list of them.',
    "anyOf": [_CLOCK_SCHEMA, {"type": "array", "items": _CLOCK_SCHEMA, "minItems": 1}],
}
_WEEKS_SCHEMA: Schema = {
    "description": "Weeks of the roster's cycle (0-based) the line applies to; every week if "
    "left out.",
    "anyOf": [
        {"type": "integer", "minimum": 0},
        {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 1},
    ],
}
_MEANS_SCHEMA: Schema = {
    "description": "Mean discharges per day: one number, or 7 (Monday first).",
    "anyOf": [
        {"type": "number", "minimum": 0},
        {
            "type": "array",
            "items": {"type": "number", "minimum": 0},
            "minItems": 7,
            "maxItems": 7,
        },
    ],
}
_PERIOD_SCHEMA: Schema = {"enum": [p.value for p in Period]}

# -- durations -----------------------------------------------------------------------------

DURATION_KINDS: Mapping[str, type] = MappingProxyType(
    {"fixed": Fixed, "exponential": Exponential, "lognormal": LogNormal, "empirical": Empirical}
)
"""The duration distributions a file may name, by ``kind``."""


def _duration_schema() -> Schema:
    return {
        "description": "A duration distribution in minutes: a number (fixed), or a table with "
        f"a kind ({', '.join(DURATION_KINDS)}) and its parameters.",
        "anyOf": [
            {"type": "number", "exclusiveMinimum": 0},
            *({"$ref": f"#/$defs/{cls.__name__}"} for cls in DURATION_KINDS.values()),
        ],
    }


# -- policies ------------------------------------------------------------------------------


def _policy(value: object, _: object) -> object:
    return policy_from_data(value)


def _policy_schema() -> Schema:
    kinds = []
    for kind in POLICY_KINDS:
        keys = POLICY_KEYS[kind]
        properties: dict[str, Any] = {"kind": {"const": kind}}
        for key in keys[1:]:
            properties[key] = _POLICY_PARAMETERS[key]
        required = ["kind"] + [k for k in ("threshold", "tolerance") if k in keys]
        kinds.append(
            {
                "type": "object",
                "properties": properties,
                "required": required,
                "additionalProperties": False,
            }
        )
    return {
        "description": "The organisation model: a policy kind, or a table with its kind and "
        "parameters.",
        "anyOf": [{"enum": list(POLICY_KINDS)}, *kinds],
    }


def _planning(value: object, _: object) -> object:
    return planning_from_data(value)


def _planning_schema() -> Schema:
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


_LINES_SCHEMA = {
    "type": "object",
    "description": "Staff id to competence(s).",
    "additionalProperties": {
        "anyOf": [
            {"type": "string"},
            {"type": "array", "items": {"type": "string"}, "minItems": 1},
        ]
    },
}
_POLICY_PARAMETERS: Mapping[str, Schema] = MappingProxyType(
    {
        "order": {
            "description": "Ordering rules, applied in turn to break ties among free staff.",
            "type": "array",
            "items": {"enum": list(ORDERING_RULES)},
        },
        "threshold": {
            **MINUTES_SCHEMA,
            "description": "How long a job waits for its own team before anyone may take it.",
        },
        "tolerance": {
            **MINUTES_SCHEMA,
            "description": "How long a job may wait for a familiar face.",
        },
        "primary": {**_LINES_SCHEMA, "description": "Each staff member's primary competences."},
        "secondary": {
            **_LINES_SCHEMA,
            "description": "Each staff member's secondary competences.",
        },
        "fallback": {
            "type": "boolean",
            "description": "Whether staff outside both lines may take the job as a last resort.",
        },
        "then": {
            "$ref": "#/$defs/policy",
            "description": "The policy after the tolerance (default pooled).",
        },
    }
)


_ORGANISATION_SCHEMA: Schema = {
    "anyOf": [
        {"$ref": "#/$defs/OrganisationRef"},
        {"$ref": "#/$defs/Organisation"},
    ],
}

# -- the forms ----------------------------------------------------------------------------------

MINUTES = Form(_minutes, {"$ref": "#/$defs/minutes"})
"""A length of time: minutes or ``"4 weeks"``."""
CLOCK = Form(_passthrough, {"$ref": "#/$defs/clock"})
"""A clock time, read by the class's own converter."""
CLOCK_VALUE = Form(_clock, {"$ref": "#/$defs/clock"})
"""A clock time, read here (for classes without a converter of their own)."""
DAYS = Form(_passthrough, {"$ref": "#/$defs/days"})
"""Weekdays: a shortcut, a day or a list of days."""
TIMES = Form(_passthrough, {"$ref": "#/$defs/times"})
"""Planned start times."""
NUMBER = Form(_number, {"type": "number"})
"""A number, kept as written so that a refusal quotes it."""
WEEKS = Form(_passthrough, _WEEKS_SCHEMA)
"""Weeks of a roster's cycle."""
MEANS = Form(_passthrough, _MEANS_SCHEMA)
"""Mean discharges per day: one number or seven."""
PERIOD = Form(_passthrough, _PERIOD_SCHEMA)
"""A period of the day."""
POLICY = Form(_policy, {"$ref": "#/$defs/policy"})
"""An organisation model: a kind or a table."""
PLANNING = Form(_planning, {"$ref": "#/$defs/planning"})
"""Work-list planning: a kind or a table."""
ORGANISATION = Form(_table, _ORGANISATION_SCHEMA)
"""An organisation: its tables, a file or an example (resolved after reading)."""
RELEVANCE = Form(
    _table,
    {
        "type": "object",
        "propertyNames": {"enum": list(METRICS)},
        "additionalProperties": {"type": "number", "minimum": 0},
    },
)
"""Relevance bands by metric: a table of numbers (checked by the settings themselves)."""

SHARED_SCHEMAS: Mapping[str, Callable[[], Schema]] = MappingProxyType(
    {
        "minutes": lambda: MINUTES_SCHEMA,
        "clock": lambda: _CLOCK_SCHEMA,
        "days": lambda: _DAYS_SCHEMA,
        "times": lambda: _TIMES_SCHEMA,
        "duration": _duration_schema,
        "policy": _policy_schema,
        "planning": _planning_schema,
    }
)
"""Schemas that many fields refer to (``#/$defs/minutes``), by name."""
