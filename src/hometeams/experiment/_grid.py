"""Parameter grids for sweeps: every combination of a few planning choices.

"How do waits change with one, two, three or four evening nurses, with an overflow threshold of
15 or 30 minutes?" is a grid: ``{"evening_staff": [1, 2, 3, 4], "threshold": [15, 30]}``, whose
eight combinations (the cartesian product, in the order the values are given, the last parameter
changing fastest) are the sweep's points. A list of dicts names the points one by one instead,
for grids that are not rectangular.

Parameter values become columns of the result tables, so they must be plain values: numbers,
strings, booleans or ``None``. Sweep over richer objects (rosters, policies) by name and look
them up in the ``build`` function.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeAlias

import numpy as np

from hometeams.errors import InvalidArgument

__all__ = ["RESERVED", "Scalar", "expand_grid"]

Scalar: TypeAlias = str | int | float | bool | None
"""A parameter value: it becomes a cell of a result table."""

RESERVED = frozenset(
    {
        "model",
        "baseline",
        "replication",
        "metric",
        "value",
        "mean",
        "difference",
        "low",
        "high",
        "half_width",
        "n",
    }
)
"""Column names of the result tables, which a parameter may not take."""


def _scalar(value: object, field: str) -> Scalar:
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or isinstance(value, str | int | float | bool):
        if isinstance(value, float) and math.isnan(value):
            raise InvalidArgument(f"{field}: must not be nan")
        return value
    raise InvalidArgument(
        f"{field}: must be a number, string, bool or None, got {value!r}; "
        "sweep over objects by name and look them up in build"
    )


def _name(name: object, field: str) -> str:
    if not isinstance(name, str) or not name.isidentifier():
        raise InvalidArgument(f"{field}: parameter names must be identifiers, got {name!r}")
    if name in RESERVED:
        raise InvalidArgument(
            f"{field}: parameter name {name!r} clashes with a result column; rename it"
        )
    return name


def _values(values: object, field: str) -> list[Scalar]:
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidArgument(f"{field}: must be a list of values, got {values!r}")
    out = [_scalar(v, f"{field}[{i}]") for i, v in enumerate(values)]
    if not out:
        raise InvalidArgument(f"{field}: must hold at least one value")
    return out


def expand_grid(
    grid: Mapping[str, Iterable[Scalar]] | Sequence[Mapping[str, Scalar]],
) -> tuple[tuple[str, ...], list[dict[str, Scalar]]]:
    """The parameter names and the points of ``grid``.

    Parameters
    ----------
    grid
        A dict of lists (every combination) or a list of dicts (these points).

    Returns
    -------
    tuple
        ``(names, points)``.

    Examples
    --------
    >>> from hometeams.experiment._grid import expand_grid
    >>> names, points = expand_grid({"evening_staff": [1, 2], "threshold": [15, 30]})
    >>> names, points[1]
    (('evening_staff', 'threshold'), {'evening_staff': 1, 'threshold': 30})
    >>> expand_grid([{"rate": 0.05}, {"rate": 0.1}])[1]
    [{'rate': 0.05}, {'rate': 0.1}]
    """
    raw: object = grid  # checked as any object: a user may pass anything
    if isinstance(raw, Mapping):
        if not raw:
            raise InvalidArgument("grid: must name at least one parameter")
        names = tuple(_name(name, f"grid[{name!r}]") for name in raw)
        columns = [_values(raw[name], f"grid[{name!r}]") for name in names]
        points = [dict(zip(names, combo, strict=True)) for combo in itertools.product(*columns)]
    elif isinstance(raw, Sequence) and not isinstance(raw, str | bytes):
        if not raw:
            raise InvalidArgument("grid: must hold at least one point")
        points = []
        names = ()
        for i, point in enumerate(raw):
            if not isinstance(point, Mapping) or not point:
                raise InvalidArgument(f"grid[{i}]: must be a non-empty dict of parameters")
            keys = tuple(_name(name, f"grid[{i}][{name!r}]") for name in point)
            if i == 0:
                names = keys
            elif set(keys) != set(names):
                raise InvalidArgument(
                    f"grid[{i}]: must set the same parameters as grid[0] {list(names)}, "
                    f"got {list(keys)}"
                )
            points.append({name: _scalar(point[name], f"grid[{i}][{name!r}]") for name in names})
    else:
        raise InvalidArgument(f"grid: must be a dict of lists or a list of dicts, got {grid!r}")
    seen: set[tuple[tuple[str, Scalar], ...]] = set()
    for i, point in enumerate(points):
        # The type is part of the key: 1, 1.0 and True are equal in Python but not as labels.
        key = tuple((type(point[name]).__name__, point[name]) for name in names)
        if key in seen:
            raise InvalidArgument(f"grid: point {i} {point} appears more than once")
        seen.add(key)
    return names, points
