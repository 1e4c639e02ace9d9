"""Field checks for the follow-up value objects; each raises ``InvalidScenario`` naming the field.

Ids follow the organisation model's rule (:mod:`hometeams.model`), so that a coordinator's staff
id here is the same string as in an :class:`~hometeams.model.Organisation`.
"""

from __future__ import annotations

import math

from hometeams._checks import check_id, check_optional_id
from hometeams.errors import InvalidScenario

__all__ = [
    "check_count",
    "check_id",
    "check_optional_count",
    "check_optional_id",
    "check_positive",
]


def _is_number(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float) and math.isfinite(value)


def check_positive(value: object, *, field: str, allow_zero: bool = False) -> None:
    """Require a finite number > 0 (or >= 0 with ``allow_zero``)."""
    ok = _is_number(value) and (value >= 0 if allow_zero else value > 0)  # type: ignore[operator]
    if not ok:
        rule = ">= 0" if allow_zero else "> 0"
        raise InvalidScenario(f"must be a finite number {rule}, got {value!r}", path=field)


def check_count(value: object, *, field: str, minimum: int = 1) -> None:
    """Require an integer >= ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InvalidScenario(f"must be an integer >= {minimum}, got {value!r}", path=field)


def check_optional_count(value: object, *, field: str, minimum: int = 1) -> None:
    """Like :func:`check_count`, allowing ``None``."""
    if value is not None:
        check_count(value, field=field, minimum=minimum)
