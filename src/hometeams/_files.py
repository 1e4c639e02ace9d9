"""Writing files without losing what a user wrote.

Every writer in hometeams -- records, metric tables, comparison results, organisation and
scenario files, reports, figures -- refuses to replace an existing file unless asked with
``overwrite=True``, and says so with one error, :class:`~hometeams.errors.InvalidArgument`,
naming the path. CSV files share one convention: a header row, and ``nan`` as an empty cell.

How a file is written:

* Without ``overwrite`` it is created *exclusively* (``O_CREAT | O_EXCL``): a file that appears
  between a check and the write is not replaced, and a symbolic link -- even a dangling one --
  is refused rather than followed, so a link cannot make hometeams create or truncate a file
  elsewhere.
* With ``overwrite`` it is written to a temporary file in the same folder and renamed into
  place: a reader never sees half a file, a failed write leaves the old one, and a symbolic
  link at the path is replaced by the file, never followed.
"""

from __future__ import annotations

import contextlib
import csv
import math
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from hometeams.errors import InvalidArgument

__all__ = [
    "check_object_and_path",
    "check_writable",
    "csv_cell",
    "opened_for_writing",
    "to_frame",
    "write_bytes",
    "write_csv",
    "write_text",
]

_UMASK = os.umask(0o022)
os.umask(_UMASK)  # read the process's umask (there is no other way), leaving it as it was


def _exists(path: Path) -> InvalidArgument:
    return InvalidArgument(f"path: {str(path)!r} exists; pass overwrite=True to replace it")


def check_object_and_path(value: object, kind: type, name: str, path: object) -> None:
    """Check a writer's arguments: the object to write first, then the path to write it to.

    Every public ``write_*`` function takes the object, then the path; called the other way
    round, the error says so instead of failing deep inside the writer.

    Examples
    --------
    >>> check_object_and_path("report.html", dict, "comparison", {})
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: comparison: must be a dict (the first argument; the path
    comes second), got str
    """
    if not isinstance(value, kind):
        raise InvalidArgument(
            f"{name}: must be a {kind.__name__} (the first argument; the path comes second), "
            f"got {type(value).__name__}"
        )
    if not isinstance(path, str | os.PathLike):
        raise InvalidArgument(f"path: must be a file name, got {type(path).__name__}")


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
        if os.path.lexists(path):  # a dangling symbolic link counts: it would be followed
            raise _exists(path)


@contextlib.contextmanager
def opened_for_writing(
    path: str | os.PathLike[str], *, overwrite: bool, binary: bool = False, newline: str = "\n"
) -> Iterator[IO[Any]]:
    """A new file at ``path`` to write to: created exclusively, or replaced by a rename.

    Without ``overwrite`` an existing path (a file, a folder, a symbolic link) is an
    :class:`~hometeams.errors.InvalidArgument`. If the ``with`` block raises, nothing is left
    behind: no half-written file, and with ``overwrite`` the old file unchanged.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
    >>> with opened_for_writing(path, overwrite=False) as fh:
    ...     _ = fh.write("first")
    >>> with opened_for_writing(path, overwrite=True) as fh:
    ...     _ = fh.write("second")
    >>> path.read_text()
    'second'
    """
    out = Path(path)
    encoding = None if binary else "utf-8"
    nl = None if binary else newline
    if overwrite:
        fd, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
        target = Path(name)
        fh: IO[Any] = os.fdopen(fd, "wb" if binary else "w", encoding=encoding, newline=nl)
    else:
        try:
            fh = out.open("xb" if binary else "x", encoding=encoding, newline=nl)
        except FileExistsError:
            raise _exists(out) from None
        target = out
    try:
        with fh:
            yield fh
        if overwrite:
            target.chmod(0o666 & ~_UMASK)  # as a file created in place would be
            target.replace(out)
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def write_text(path: str | os.PathLike[str], text: str, *, overwrite: bool = False) -> Path:
    """Write ``text`` to ``path``; without ``overwrite`` an existing file is an error.

    See the module's notes: exclusive creation, or a temporary file renamed into place.

    Examples
    --------
    >>> import os, pathlib, tempfile
    >>> here = pathlib.Path(tempfile.mkdtemp())
    >>> os.symlink(here / "elsewhere.txt", here / "link.txt")  # dangling
    >>> write_text(here / "link.txt", "x")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: path: '...link.txt' exists; pass overwrite=True to replace it
    >>> (here / "elsewhere.txt").exists()
    False
    """
    out = Path(path)
    with opened_for_writing(out, overwrite=overwrite) as fh:
        fh.write(text)
    return out


def write_bytes(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` (a workbook, a figure) to ``path`` as :func:`write_text` writes text.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = write_bytes(pathlib.Path(tempfile.mkdtemp()) / "b.bin", b"PK")
    >>> path.read_bytes()
    b'PK'
    """
    out = Path(path)
    with opened_for_writing(out, overwrite=overwrite, binary=True) as fh:
        fh.write(data)
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
    with opened_for_writing(out, overwrite=overwrite, newline="") as fh:
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
