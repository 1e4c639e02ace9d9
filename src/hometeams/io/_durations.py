"""Duration distributions as a scenario file writes them: read, written and described here.

A visit's duration is a number of minutes (a fixed duration) or a table with a ``kind`` and the
distribution's parameters::

    duration = 30
    duration = { kind = "lognormal", mean = 30, sd = 10 }
    duration = { kind = "empirical", values = [20, 25, 40] }

Writing gives the number for a fixed duration and the table otherwise, so that a file read and
written again is the same. Only the built-in distributions (:data:`DURATION_KINDS`) can be
written.

Examples
--------
>>> from hometeams.io._convert import make_converter
>>> from hometeams.scenario import Exponential, Fixed
>>> read = DURATION.hook(make_converter())
>>> read(30, None), read({"kind": "exponential", "mean": 20}, None)
(Fixed(minutes=30.0), Exponential(mean=20.0))
>>> DURATION.write(Fixed(30.0)), DURATION.write(Exponential(mean=20.0))
(30.0, {'kind': 'exponential', 'mean': 20.0})
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import cattrs

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.io._codec import Form, Hook, Schema, fields_data
from hometeams.io._convert import class_hook
from hometeams.io._units import NUMBER
from hometeams.scenario import Empirical, Exponential, Fixed, LogNormal

__all__ = ["DURATION", "DURATION_FORMS", "DURATION_KINDS", "duration_schema"]

DURATION_KINDS: Mapping[str, type] = MappingProxyType(
    {"fixed": Fixed, "exponential": Exponential, "lognormal": LogNormal, "empirical": Empirical}
)
"""The duration distributions a file may name, by ``kind``."""

DURATION_FORMS: Mapping[type, Mapping[str, Form]] = MappingProxyType(
    {
        Fixed: {"minutes": NUMBER},
        Exponential: {"mean": NUMBER},
        LogNormal: {"mean": NUMBER, "sd": NUMBER},
    }
)
"""The forms of the distributions' parameters (numbers kept as written, for the messages)."""


def _read(conv: cattrs.Converter) -> Hook:
    hooks: dict[str, Hook] = {
        kind: class_hook(
            cls, conv, **{name: f.read for name, f in DURATION_FORMS.get(cls, {}).items() if f.read}
        )
        for kind, cls in DURATION_KINDS.items()
    }
    kinds = ", ".join(DURATION_KINDS)

    def hook(value: object, _: object) -> object:
        if isinstance(value, int | float) and not isinstance(value, bool):
            try:
                return Fixed(value)
            except InvalidScenario as err:
                raise InvalidScenario(err.rule) from None
        if not isinstance(value, Mapping):
            raise InvalidScenario(
                f"must be a number of minutes or a table with a kind ({kinds}), got {value!r}"
            )
        if "kind" not in value:
            raise InvalidScenario(f"required key is missing; one of {kinds}", path="kind")
        kind = value["kind"]
        if not isinstance(kind, str) or kind not in hooks:
            raise InvalidScenario(f"must be one of {kinds}, got {kind!r}", path="kind")
        rest = {k: v for k, v in value.items() if k != "kind"}
        return hooks[kind](rest, DURATION_KINDS[kind])

    return hook


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _write(value: object) -> Any:
    if isinstance(value, Fixed):
        return value.minutes
    if isinstance(value, Exponential | LogNormal | Empirical):
        return {"kind": type(value).kind, **fields_data(value, {}, _plain)}
    raise InvalidArgument(
        "duration: only the built-in distributions (Fixed, Exponential, LogNormal, Empirical) "
        f"can be written to a file, got {value!r}"
    )


def duration_schema() -> Schema:
    """The schema of a duration (``#/$defs/duration``): a number or a distribution's table."""
    return {
        "description": "A duration distribution in minutes: a number (fixed), or a table with "
        f"a kind ({', '.join(DURATION_KINDS)}) and its parameters.",
        "anyOf": [
            {"type": "number", "exclusiveMinimum": 0},
            *({"$ref": f"#/$defs/{cls.__name__}"} for cls in DURATION_KINDS.values()),
        ],
    }


DURATION = Form(read_with=_read, write=_write, schema={"$ref": "#/$defs/duration"})
"""A duration: minutes (fixed) or a table with a kind and its parameters."""
