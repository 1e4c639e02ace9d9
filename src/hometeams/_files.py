"""Writing files without losing what a user wrote.

Every writer in hometeams -- records, metric tables, comparison results, organisation and
scenario files, reports -- refuses to replace an existing file unless asked with
``overwrite=True``, and says so with one error, :class:`~hometeams.errors.InvalidArgument`,
naming the path. CSV files share one convention: a header row, and ``nan`` as an empty cell.
"""

from __future__ import annotations

import csv
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from hometeams.errors import InvalidArgument

__all__ = ["check_writable", "csv_cell", "to_frame", "write_bytes", "write_csv", "write_text"]


def _exists(path: Path) -> InvalidArgument:
    return InvalidArgument(f"path: {str(path)!r} exists; pass overwrite=True to replace it")


def check_writable(paths: Iterable[str | os.PathLike[str]], *, overwrite: bool) -> None:
    """Refuse, before anything is written, if any of ``paths`` exists and ``overwrite`` is false.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> here = pathlib.Path(tempfile.mkdtemp())
    >>> check_writable([here / "new.csv"], overwrite=False)
    >>> check_writable([here], overwrite=False)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: path: '...' exists; pass overwrite=True to replace it
    """
    if overwrite:
        return
    for path in map(Path, paths):
        if path.exists():
            raise _exists(path)


def write_text(path: str | os.PathLike[str], text: str, *, overwrite: bool = False) -> Path:
    """Write ``text`` to ``path``; without ``overwrite`` an existing file is an error.

    The file is created exclusively when not overwriting, so a file that appears between a check
    and the write is not replaced either.
    """
    out = Path(path)
    try:
        with out.open("w" if overwrite else "x", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except FileExistsError:
        raise _exists(out) from None
    return out


def write_bytes(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` (a workbook) to ``path``; without ``overwrite`` an existing file is an error.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = write_bytes(pathlib.Path(tempfile.mkdtemp()) / "b.bin", b"PK")
    >>> write_bytes(path, b"PK")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: path: '...' exists; pass overwrite=True to replace it
    """
    out = Path(path)
    try:
        with out.open("wb" if overwrite else "xb") as fh:
            fh.write(data)
    except FileExistsError:
        raise _exists(out) from None
    return out


def csv_cell(value: object) -> object:
    """A value as a CSV cell: numpy scalars become Python values and ``nan`` an empty cell."""
    item = value.item() if hasattr(value, "item") else value
    if isinstance(item, float) and math.isnan(item):
        return ""
    return item


def write_csv(
    path: str | os.PathLike[str],
    columns: Sequence[str],
    rows: Iterable[Sequence[object] | Mapping[str, object]],
    *,
    overwrite: bool = False,
) -> Path:
    """Write ``rows`` (sequences in column order, or mappings by column) under a header.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = write_csv(pathlib.Path(tempfile.mkdtemp()) / "t.csv", ["a", "b"],
    ...                  [[1, float("nan")], {"a": 2, "b": 0.5}])
    >>> path.read_text().splitlines()
    ['a,b', '1,', '2,0.5']
    """
    out = Path(path)
    try:
        fh = out.open("w" if overwrite else "x", newline="", encoding="utf-8")
    except FileExistsError:
        raise _exists(out) from None
    with fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        for row in rows:
            cells = [row[c] for c in columns] if isinstance(row, Mapping) else row
            writer.writerow([csv_cell(v) for v in cells])
    return out


def to_frame(
    columns: Sequence[str], rows: Iterable[Sequence[object] | Mapping[str, object]]
) -> Any:
    """The rows as a pandas DataFrame (needs the ``frame`` extra)."""
    try:
        import pandas as pd  # noqa: PLC0415 - optional dependency
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("this needs pandas: pip install 'hometeams[frame]'") from err
    data = [[row[c] for c in columns] if isinstance(row, Mapping) else list(row) for row in rows]
    return pd.DataFrame(data, columns=list(columns))
