"""Validators shared by the value objects; each raises ``InvalidScenario`` naming the field."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from hometeams.errors import InvalidArgument, InvalidScenario, shorten

# Letters include æ, ø and å: planners name zones "sør" and staff "bjørg".
_ID = re.compile(r"^[^\W_][\w.\-]*$")


def items_of(values: object, kind: type | tuple[type, ...], *, field: str) -> tuple[Any, ...]:
    """``values`` as a tuple, each item an instance of ``kind``; else ``InvalidArgument``.

    A string, a mapping or a number where a list belongs is refused whole (a string is not a
    list of its letters); an item of the wrong type is named by its index.

    Examples
    --------
    >>> items_of(["a"], str, field="staff")
    ('a',)
    >>> items_of("kari", str, field="members")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: members: must be a list, got 'kari'
    """
    if isinstance(values, str | bytes | Mapping) or not isinstance(values, Iterable):
        raise InvalidArgument(f"{field}: must be a list, got {shorten(values)}")
    items = tuple(values)
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = " or ".join(k.__name__ for k in kinds)
    for i, item in enumerate(items):
        if not isinstance(item, kinds) or isinstance(item, bool):
            raise InvalidArgument(
                f"{field}[{i}]: must be of type {names}, got {type(item).__name__} {shorten(item)}"
            )
    return items


def check_id(value: object, *, field: str = "id") -> None:
    """Reject ids that are not non-empty strings of letters, digits, ``_``, ``-`` and ``.``."""
    if not isinstance(value, str) or not _ID.match(value):
        raise InvalidScenario(
            "must be a non-empty string of letters, digits, '_', '-' or '.', "
            f"starting with a letter or digit, got {value!r}",
            path=field,
        )


def check_ids(values: Iterable[object], *, field: str) -> None:
    """Check every id in ``values``, naming its position in ``field``."""
    for i, value in enumerate(values):
        check_id(value, field=f"{field}[{i}]")


def check_fraction(value: object, *, field: str, upper: float = 1.0) -> None:
    """Require a finite number in ``(0, upper]``."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not 0.0 < value <= upper
    ):
        raise InvalidScenario(f"must be > 0 and <= {upper:g}, got {value!r}", path=field)


def check_optional_id(value: object, *, field: str) -> None:
    """Like :func:`check_id`, allowing ``None``."""
    if value is not None:
        check_id(value, field=field)
