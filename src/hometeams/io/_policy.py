"""Organisation models (policies) as a scenario file writes them.

In a file, a model's policy is a small table with a ``kind`` and that kind's parameters::

    policy = { kind = "overflow", threshold = "30 min", order = ["lowest-care-level", "nearest"] }

or just the kind when every parameter has its default (``policy = "pooled"``). The kinds are
the simulator's policies (:mod:`hometeams.sim`):

============================  ===================================================================
``"fixed-teams"``             only the job's owning team
``"pooled"``                  anyone on duty with the required competences
``"overflow"``                the owning team first, anyone after ``threshold``
``"chained"``                 ``primary`` line, then ``secondary`` line, then (``fallback``) anyone
``"continuity-first"``        the primary contact and known staff, the ``then`` policy after
                              ``tolerance``
============================  ===================================================================

``order`` lists ordering rules by name -- ``preferred-first`` (every policy's default),
``nearest``, ``earliest-free``, ``lowest-care-level``, ``known-staff-first`` -- applied in turn
to break ties among free staff. ``chained`` takes ``primary`` and ``secondary`` as tables from
staff id to competences: ``primary = { kari = ["dementia"], ola = ["medication"] }``.

Examples
--------
>>> policy_from_data({"kind": "overflow", "threshold": "30 min", "order": ["nearest"]})
Overflow(threshold=30.0, order=(nearest,))
>>> policy_to_data(Overflow(threshold=30.0, order=(nearest,)))
{'kind': 'overflow', 'threshold': '30 min', 'order': ['nearest']}
>>> policy_from_data({"kind": "overflow", "treshold": 30})
Traceback (most recent call last):
...
hometeams.errors.InvalidScenario: unknown key 'treshold' for kind 'overflow'; did you mean
'threshold'?
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from hometeams._checks import check_id
from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.io._codec import Form, Schema
from hometeams.io._units import MINUTES_SCHEMA, format_minutes, parse_minutes
from hometeams.sim import (
    Chained,
    ContinuityFirst,
    FixedTeams,
    OrderingRule,
    Overflow,
    Policy,
    Pooled,
    earliest_free,
    known_staff_first,
    lowest_care_level,
    nearest,
    preferred_first,
)

__all__ = [
    "DEFAULT_ORDER",
    "ORDERING_RULES",
    "POLICY",
    "POLICY_KEYS",
    "POLICY_KINDS",
    "argument_error",
    "policy_from_data",
    "policy_kind",
    "policy_schema",
    "policy_to_data",
    "suggest",
]

ORDERING_RULES: Mapping[str, OrderingRule] = MappingProxyType(
    {
        "preferred-first": preferred_first,
        "nearest": nearest,
        "earliest-free": earliest_free,
        "lowest-care-level": lowest_care_level,
        "known-staff-first": known_staff_first,
    }
)
"""The ordering rules a file may name, by their names in files."""

DEFAULT_ORDER: tuple[OrderingRule, ...] = (preferred_first,)
"""Every built-in policy's order when a file gives none."""

_CLASSES: Mapping[str, type] = MappingProxyType(
    {
        "fixed-teams": FixedTeams,
        "pooled": Pooled,
        "overflow": Overflow,
        "chained": Chained,
        "continuity-first": ContinuityFirst,
    }
)
POLICY_KINDS: tuple[str, ...] = tuple(_CLASSES)
"""The policy kinds a file may name."""

POLICY_KEYS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "fixed-teams": ("kind", "order"),
        "pooled": ("kind", "order"),
        "overflow": ("kind", "threshold", "order"),
        "chained": ("kind", "primary", "secondary", "fallback", "order"),
        "continuity-first": ("kind", "tolerance", "then", "order"),
    }
)
"""The keys each kind's table may have; ``threshold`` and ``tolerance`` are required."""

_REQUIRED = {"overflow": "threshold", "continuity-first": "tolerance"}


def suggest(word: str, known: tuple[str, ...] | list[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest of ``known``, else the list of them.

    Examples
    --------
    >>> suggest("overflw", ["pooled", "overflow"])
    "; did you mean 'overflow'?"
    """
    close = difflib.get_close_matches(word, known, n=1)
    return f"; did you mean {close[0]!r}?" if close else f"; use one of {', '.join(known)}"


def argument_error(err: InvalidArgument) -> InvalidScenario:
    """An :class:`InvalidArgument` (``"threshold: must be ..."``) as a located InvalidScenario.

    Examples
    --------
    >>> str(argument_error(InvalidArgument("threshold: must be finite and >= 0, got -5")))
    'threshold: must be finite and >= 0, got -5'
    """
    field, sep, rule = str(err).partition(": ")
    if sep and field and " " not in field:
        return InvalidScenario(rule, path=field)
    return InvalidScenario(str(err))


def _order(value: object) -> tuple[OrderingRule, ...]:
    if not isinstance(value, list):
        raise InvalidScenario(f"must be a list of ordering rules, got {value!r}", path="order")
    rules = []
    for i, name in enumerate(value):
        if not isinstance(name, str) or name.replace("_", "-") not in ORDERING_RULES:
            hint = suggest(str(name).replace("_", "-"), list(ORDERING_RULES))
            raise InvalidScenario(f"unknown ordering rule {name!r}{hint}", path=f"order[{i}]")
        rules.append(ORDERING_RULES[name.replace("_", "-")])
    return tuple(rules)


def _lines(value: object, *, field: str) -> tuple[tuple[str, frozenset[str]], ...]:
    if not isinstance(value, Mapping):
        raise InvalidScenario(
            'must be a table from staff id to competences, like { kari = ["dementia"] }, '
            f"got {value!r}",
            path=field,
        )
    out = []
    for staff, competences in value.items():
        check_id(staff, field=f"{field}.{staff}")
        items = [competences] if isinstance(competences, str) else competences
        if not isinstance(items, list) or not items:
            raise InvalidScenario(
                f"must be a competence or a non-empty list of them, got {competences!r}",
                path=f"{field}.{staff}",
            )
        for j, item in enumerate(items):
            check_id(item, field=f"{field}.{staff}[{j}]")
        out.append((staff, frozenset(items)))
    return tuple(out)


def _boolean(value: object, *, field: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidScenario(f"must be true or false, got {value!r}", path=field)
    return value


def policy_from_data(value: object) -> Policy:
    """Build a policy from a file's ``policy`` value: a kind's name or a table.

    Raises
    ------
    InvalidScenario
        With a path within the policy (``threshold``, ``order[1]``, ``then.kind``).

    Examples
    --------
    >>> policy_from_data("fixed-teams")
    FixedTeams(order=(preferred_first,))
    >>> policy_from_data({"kind": "chained", "primary": {"kari": "dementia"}})
    ... # doctest: +NORMALIZE_WHITESPACE
    Chained(primary=(('kari', frozenset({'dementia'})),), secondary=None, fallback=True,
            order=(preferred_first,))
    """
    if isinstance(value, str):
        value = {"kind": value}
    if not isinstance(value, Mapping):
        raise InvalidScenario(
            f'must be a policy kind like "pooled" or a table with a kind, got {value!r}'
        )
    if "kind" not in value:
        raise InvalidScenario(
            f"required key is missing; one of {', '.join(POLICY_KINDS)}", path="kind"
        )
    kind = value["kind"]
    if not isinstance(kind, str) or kind not in _CLASSES:
        hint = suggest(kind, list(POLICY_KINDS)) if isinstance(kind, str) else ""
        raise InvalidScenario(f"unknown policy kind {kind!r}{hint}", path="kind")
    keys = POLICY_KEYS[kind]
    for key in value:
        if key not in keys:
            hint = suggest(key, [k for k in keys if k != "kind"])
            raise InvalidScenario(f"unknown key {key!r} for kind {kind!r}{hint}")
    required = _REQUIRED.get(kind)
    if required is not None and required not in value:
        raise InvalidScenario(f"required key is missing for kind {kind!r}", path=required)
    args: dict[str, Any] = {}
    if "order" in value:
        args["order"] = _order(value["order"])
    for key in ("threshold", "tolerance"):
        if key in value:
            args[key] = parse_minutes(value[key], field=key)
    for key in ("primary", "secondary"):
        if key in value:
            args[key] = _lines(value[key], field=key)
    if "fallback" in value:
        args["fallback"] = _boolean(value["fallback"], field="fallback")
    if "then" in value:
        try:
            args["then"] = policy_from_data(value["then"])
        except InvalidScenario as err:
            raise err.within("then") from None
    try:
        policy: Policy = _CLASSES[kind](**args)
    except InvalidArgument as err:
        raise argument_error(err) from None
    return policy


def policy_kind(policy: object) -> str | None:
    """The file name of a built-in policy's kind (``"pooled"``), or ``None`` for another value.

    Examples
    --------
    >>> policy_kind(Pooled()), policy_kind(object())
    ('pooled', None)
    """
    for kind, cls in _CLASSES.items():
        if type(policy) is cls:
            return kind
    return None


def _rule_name(rule: object, *, field: str) -> str:
    for name, known in ORDERING_RULES.items():
        if rule is known or rule == known:
            return name
    raise InvalidArgument(
        f"{field}: only the built-in ordering rules ({', '.join(ORDERING_RULES)}) can be "
        f"written to a file, got {rule!r}"
    )


def _lines_data(lines: tuple[tuple[str, frozenset[str]], ...]) -> dict[str, list[str]]:
    return {staff: sorted(competences) for staff, competences in lines}


_Writer = Callable[[Any], object]
_PARAMETERS: Mapping[str, tuple[tuple[str, object, _Writer], ...]] = MappingProxyType(
    {
        "fixed-teams": (),
        "pooled": (),
        "overflow": (("threshold", None, format_minutes),),
        "chained": (
            ("primary", None, _lines_data),
            ("secondary", None, _lines_data),
            ("fallback", True, bool),
        ),
        "continuity-first": (("tolerance", None, format_minutes),),
    }
)


def policy_to_data(policy: object, *, field: str = "policy") -> str | dict[str, object]:
    """A built-in policy as a file writes it: the kind alone when everything is default.

    Raises
    ------
    InvalidArgument
        For a policy or ordering rule of one's own, which a file cannot describe.

    Examples
    --------
    >>> policy_to_data(Pooled()), policy_to_data(ContinuityFirst(tolerance=45))
    ('pooled', {'kind': 'continuity-first', 'tolerance': '45 min'})
    """
    kind = policy_kind(policy)
    if kind is None:
        raise InvalidArgument(
            f"{field}: only the built-in policies ({', '.join(POLICY_KINDS)}) can be written "
            f"to a file, got {policy!r}"
        )
    out: dict[str, object] = {"kind": kind}
    for name, default, write in _PARAMETERS[kind]:
        value = getattr(policy, name)
        if value is not None and value != default:
            out[name] = write(value)
    if isinstance(policy, ContinuityFirst) and policy.then != Pooled():
        out["then"] = policy_to_data(policy.then, field=f"{field}.then")
    order: tuple[OrderingRule, ...] = policy.order  # type: ignore[attr-defined]
    if tuple(order) != DEFAULT_ORDER:
        out["order"] = [
            _rule_name(rule, field=f"{field}.order[{i}]") for i, rule in enumerate(order)
        ]
    return kind if len(out) == 1 else out


# -- the JSON Schema and the form ----------------------------------------------------------------

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


def policy_schema() -> Schema:
    """The schema of a policy (``#/$defs/policy``): a kind, or a table with its parameters."""
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


def _read(value: object, _: object) -> Policy:
    return policy_from_data(value)


POLICY = Form(read=_read, write=policy_to_data, schema={"$ref": "#/$defs/policy"})
"""An organisation model: a kind or a table."""
