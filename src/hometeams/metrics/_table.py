"""A small, frozen, columnar table of metrics: one row per group.

A planner asks for the evening figures of each team, or for one line per zone and day type. The
answer is a tidy table: the *key* columns name the group (``team = "north"``, ``period =
"evening"``), the other columns hold one value per group. The columns are read-only numpy
arrays, so a table can be passed around (to a report, to an experiment) without being copied or
changed under anyone's feet.
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import numpy as np
from numpy.typing import NDArray

from hometeams._files import write_csv
from hometeams.errors import InvalidArgument

__all__ = ["MetricTable"]


def _readonly_columns(columns: Mapping[str, Any]) -> Mapping[str, NDArray[Any]]:
    frozen: dict[str, NDArray[Any]] = {}
    for name, values in columns.items():
        arr = np.array(values)  # a copy: the table never shares memory with its input
        arr.setflags(write=False)
        frozen[str(name)] = arr
    return types.MappingProxyType(frozen)


def _names(by: Iterable[str]) -> tuple[str, ...]:
    return tuple(by)


def _plain(value: np.generic) -> object:
    """A numpy scalar as a plain Python value."""
    return value.item()


@attrs.frozen(eq=False, repr=False)
class MetricTable:
    """A tidy table: key columns naming each group, then one column per metric.

    Parameters
    ----------
    by
        Names of the key columns, in order (empty for a single whole-run row).
    columns
        Every column, keys first, as equal-length one-dimensional arrays; they are copied and
        made read-only.

    Examples
    --------
    >>> table = MetricTable(
    ...     by=("team",),
    ...     columns={"team": ["north", "south"], "utilisation": [0.75, 0.5]},
    ... )
    >>> len(table), table.metric_names
    (2, ('utilisation',))
    >>> table.as_dict()[("south",)]
    {'utilisation': 0.5}
    >>> next(table.rows())
    {'team': 'north', 'utilisation': 0.75}
    """

    by: tuple[str, ...] = attrs.field(converter=_names)
    columns: Mapping[str, NDArray[Any]] = attrs.field(converter=_readonly_columns)

    def __attrs_post_init__(self) -> None:
        for name in self.by:
            if name not in self.columns:
                raise InvalidArgument(
                    f"by: key column {name!r} is not among the columns {list(self.columns)}"
                )
        lengths = {name: col.shape for name, col in self.columns.items()}
        for name, col in self.columns.items():
            if col.ndim != 1:
                raise InvalidArgument(
                    f"columns.{name}: must be one-dimensional, got shape {col.shape}"
                )
        if len(set(lengths.values())) > 1:
            raise InvalidArgument(f"columns: must have equal lengths, got {lengths}")

    def __len__(self) -> int:
        return next(iter(self.columns.values())).shape[0] if self.columns else 0

    def __repr__(self) -> str:
        return f"MetricTable(by={self.by!r}, rows={len(self)}, columns={list(self.columns)!r})"

    @property
    def names(self) -> tuple[str, ...]:
        """Every column name, keys first."""
        return tuple(self.columns)

    @property
    def metric_names(self) -> tuple[str, ...]:
        """The names of the columns that are not keys."""
        return tuple(name for name in self.columns if name not in self.by)

    def column(self, name: str) -> NDArray[Any]:
        """One column as a read-only numpy array.

        Raises
        ------
        InvalidArgument
            If the table has no column ``name``.

        Examples
        --------
        >>> MetricTable(by=(), columns={"jobs": [12]}).column("jobs").tolist()
        [12]
        """
        try:
            return self.columns[name]
        except KeyError:
            raise InvalidArgument(
                f"name: unknown column {name!r}; the table has {list(self.columns)}"
            ) from None

    def rows(self) -> Iterator[dict[str, object]]:
        """Iterate over the rows as dicts of plain Python values."""
        cols = list(self.columns.items())
        for i in range(len(self)):
            yield {name: _plain(col[i]) for name, col in cols}

    def as_dict(self) -> dict[tuple[object, ...], dict[str, object]]:
        """The metric values keyed by the group: a tuple of key values (``()`` for one row).

        Raises
        ------
        InvalidArgument
            If two rows have the same key (the mapping would lose one of them).
        """
        out: dict[tuple[object, ...], dict[str, object]] = {}
        for row in self.rows():
            key = tuple(row.pop(name) for name in self.by)
            if key in out:
                raise InvalidArgument(f"by: the key {key!r} names more than one row")
            out[key] = row
        return out

    def to_csv(self, path: str | Path, *, overwrite: bool = False) -> Path:
        """Write the table to a CSV file with a header row; ``nan`` is written as an empty cell.

        Parameters
        ----------
        path
            Where to write.
        overwrite
            Replace an existing file; without it an existing file is an error.

        Returns
        -------
        Path
            The path written.
        """
        return write_csv(path, list(self.columns), self.rows(), overwrite=overwrite)

    def to_pandas(self) -> Any:
        """The table as a pandas DataFrame (needs the ``frame`` extra)."""
        try:
            import pandas as pd  # noqa: PLC0415 - optional dependency
        except ImportError as err:  # pragma: no cover - depends on the environment
            raise ImportError("to_pandas needs pandas: pip install 'hometeams[frame]'") from err
        return pd.DataFrame({name: np.array(col) for name, col in self.columns.items()})
