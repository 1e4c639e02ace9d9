"""Writing tidy result rows: CSV files, JSON values and pandas DataFrames.

Results leave the library as *tidy* tables -- one row per observation, one column per variable
-- which a planner opens in a spreadsheet or hands to pandas. Missing values (a metric without an
interval) are empty cells in CSV and ``null`` in JSON. Nothing is overwritten unless asked: an
existing file is an error that names it.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeAlias

from hometeams.errors import InvalidArgument, InvalidScenario

__all__ = [
    "Row",
    "check_writable",
    "from_json_number",
    "json_number",
    "to_frame",
    "write_csv",
]

Row: TypeAlias = Mapping[str, object]


def check_writable(paths: Iterable[Path], *, overwrite: bool) -> None:
    """Refuse to replace an existing file unless ``overwrite`` is true."""
    if overwrite:
        return
    for path in paths:
        if path.exists():
            raise InvalidArgument(f"path: {str(path)!r} exists; pass overwrite=True to replace it")


def _cell(value: object) -> object:
    if isinstance(value, float) and math.isnan(value):
        return ""
    return value


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Row]) -> Path:
    """Write ``rows`` under a header of ``columns``; ``nan`` becomes an empty cell."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(_cell(row[name]) for name in columns)
    return path


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


def to_frame(columns: Sequence[str], rows: Iterable[Row]) -> Any:
    """The rows as a pandas DataFrame (needs the ``frame`` extra)."""
    try:
        import pandas as pd  # noqa: PLC0415 - optional dependency
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("to_pandas needs pandas: pip install 'hometeams[frame]'") from err
    return pd.DataFrame([[row[name] for name in columns] for row in rows], columns=list(columns))
