"""Writing tidy result rows: CSV files, JSON values and pandas DataFrames.

Results leave the library as *tidy* tables -- one row per observation, one column per variable
-- which a planner opens in a spreadsheet or hands to pandas. Missing values (a metric without an
interval) are empty cells in CSV and ``null`` in JSON. Nothing is overwritten unless asked: an
existing file is an error that names it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TypeAlias

from hometeams._files import check_writable, to_frame, write_csv
from hometeams.errors import InvalidScenario

__all__ = [
    "Row",
    "check_writable",
    "from_json_number",
    "json_number",
    "to_frame",
    "write_csv",
]

Row: TypeAlias = Mapping[str, object]


def json_number(value: float) -> float | str | None:
    """A float for strict JSON: ``nan`` becomes ``null``, infinities the strings ``"inf"``."""
    if math.isnan(value):
        return None
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return value


def from_json_number(value: object, *, path: str, source: str) -> float:
    """Undo :func:`json_number`, naming the field if the value is not a number."""
    if value is None:
        return math.nan
    if value in ("inf", "-inf"):
        return float(str(value))
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidScenario(f"must be a number or null, got {value!r}", path=path, source=source)
    return float(value)
