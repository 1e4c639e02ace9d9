"""Validators shared by the value objects; each raises ``InvalidScenario`` naming the field."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from hometeams.errors import InvalidScenario

# Letters include æ, ø and å: planners name zones "sør" and staff "bjørg".
_ID = re.compile(r"^[^\W_][\w.\-]*$")


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
