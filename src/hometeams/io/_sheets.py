"""The sheets of a planner's workbook, read as rows of text: an ``.xlsx`` file or CSV files.

A district's data lives in spreadsheets exported from the patient-record and rota systems: a
staff list, a user list, the visits of the service decisions, the rota. Here one workbook
(``distrikt.xlsx``, read with openpyxl) or one folder of CSV files (``distrikt/ansatte.csv``,
``distrikt/besøk.csv``, ...) becomes a :class:`Sheet` per known sheet name, in English or
Norwegian, case ignored. Each sheet is its header and its rows as text, every row numbered as
the spreadsheet numbers it (the header is row 1), so that an error can say where to look::

    distrikt.xlsx: besøk[row 7].minutter: must be a number > 0, got 'tretti'

Cells become text the way a planner reads them: ``30``, ``0.8``, ``08:00`` for a time cell.
CSV files may be separated by commas or, as a Norwegian Excel saves them, semicolons.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import os
import warnings
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import attrs

from hometeams.errors import InvalidScenario
from hometeams.io._toml import read_text

__all__ = ["SHEETS", "Sheet", "read_sheets", "sheet_error"]

SHEETS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "staff": ("staff", "ansatte"),
        "users": ("users", "brukere"),
        "visits": ("visits", "besøk"),
        "roster": ("roster", "turnus"),
        "travel": ("travel", "reisetid"),
        "shifts": ("shifts", "vakter"),
    }
)
"""Each sheet's English and Norwegian name, by its English name."""

REQUIRED_SHEETS = ("staff", "users", "visits", "roster")

_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        **{name: kind for kind, names in SHEETS.items() for name in names},
        "besok": "visits",  # a file name typed without ø
    }
)


@attrs.frozen
class Sheet:
    """One sheet of a workbook: its header and numbered rows, all cells as text.

    Attributes
    ----------
    kind
        The English name (``visits``).
    name
        The name as written in the workbook (``Besøk``), used in messages.
    source
        The file named in messages (the workbook, or the sheet's CSV file).
    header
        The first row's cells.
    rows
        ``(row number, cells)`` for every row below the header that is not blank; row numbers
        are the spreadsheet's, so the first row under the header is row 2.
    """

    kind: str
    name: str
    source: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


def sheet_error(
    sheet: Sheet, rule: str, *, row: int | None = None, column: str = ""
) -> InvalidScenario:
    """An error located in ``sheet``: ``besøk[row 7].minutter: rule``.

    Examples
    --------
    >>> sheet = Sheet("visits", "besøk", "d.xlsx", ("bruker", "minutter"), ())
    >>> str(sheet_error(sheet, "must be > 0, got -5", row=7, column="minutter"))
    'd.xlsx: besøk[row 7].minutter: must be > 0, got -5'
    """
    path = sheet.name if row is None else f"{sheet.name}[row {row}]"
    if column:
        path = f"{path}.{column}"
    return InvalidScenario(rule, path=path, source=sheet.source)


def cell_text(value: object) -> str:
    """A cell's value as a planner reads it.

    Examples
    --------
    >>> cell_text(None), cell_text(30), cell_text(30.0), cell_text(0.8), cell_text(" D ")
    ('', '30', '30', '0.8', 'D')
    >>> cell_text(dt.time(8, 0)), cell_text(dt.datetime(1899, 12, 30, 20, 15))
    ('08:00', '20:15')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dt.datetime):
        return value.strftime("%H:%M") if value.date() <= dt.date(1900, 1, 1) else str(value)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _kind(name: str, *, source: str, ignore_unknown: bool) -> str | None:
    key = name.strip().casefold()
    if key in _ALIASES:
        return _ALIASES[key]
    if ignore_unknown:
        return None
    known = [n for names in SHEETS.values() for n in names]
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(known)}"
    raise InvalidScenario(
        f"unknown sheet {name!r}; {hint} (--ignore-unknown, or ignore_unknown=True, skips it)",
        source=source,
    )


def _table(kind: str, name: str, source: str, records: list[list[str]]) -> Sheet:
    """The header and the non-blank rows; row numbers count every record from 1.

    Columns without a header are left out, unless a row has a value there (an error).
    """
    numbered = [(i + 1, record) for i, record in enumerate(records)]
    numbered = [(n, r) for n, r in numbered if any(cell for cell in r)]
    if not numbered:
        return Sheet(kind, name, source, (), ())
    (_, header), *body = numbered
    keep = [i for i, cell in enumerate(header) if cell]
    sheet = Sheet(kind, name, source, tuple(header[i] for i in keep), ())
    rows = []
    for number, record in body:
        extra = [i for i, cell in enumerate(record) if cell and i not in keep]
        if extra:
            raise sheet_error(
                sheet,
                f"the cell {record[extra[0]]!r} is in a column without a header; name the column "
                "in row 1 or clear the cell",
                row=number,
            )
        padded = record + [""] * (len(header) - len(record))
        rows.append((number, tuple(padded[i] for i in keep)))
    return attrs.evolve(sheet, rows=tuple(rows))


def _workbook(path: Path, *, ignore_unknown: bool) -> dict[str, Sheet]:
    try:
        import openpyxl  # noqa: PLC0415 - only when a workbook is read
    except ImportError as err:  # pragma: no cover - a core dependency
        raise ImportError("reading workbooks needs openpyxl: pip install openpyxl") from err
    source = str(path)
    try:
        with warnings.catch_warnings():  # about features a workbook may have and we do not read
            warnings.simplefilter("ignore", UserWarning)
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InvalidScenario(
            f"cannot be read as an .xlsx workbook ({type(exc).__name__}: {exc})", source=source
        ) from None
    sheets: dict[str, Sheet] = {}
    try:
        for ws in book.worksheets:
            kind = _kind(ws.title, source=source, ignore_unknown=ignore_unknown)
            if kind is None:
                continue
            if kind in sheets:
                raise InvalidScenario(
                    f"sheets {sheets[kind].name!r} and {ws.title!r} are the same sheet "
                    f"({' / '.join(SHEETS[kind])}); keep one",
                    source=source,
                )
            records = [[cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
            sheets[kind] = _table(kind, ws.title, source, records)
    finally:
        book.close()
    return sheets


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def _folder(path: Path, *, ignore_unknown: bool) -> dict[str, Sheet]:
    sheets: dict[str, Sheet] = {}
    for file in sorted(path.iterdir()):
        if file.suffix.casefold() != ".csv":
            continue
        kind = _kind(file.stem, source=str(file), ignore_unknown=ignore_unknown)
        if kind is None:
            continue
        if kind in sheets:
            raise InvalidScenario(
                f"{sheets[kind].source} and {file.name} are the same sheet "
                f"({' / '.join(SHEETS[kind])}); keep one",
                source=str(path),
            )
        text = read_text(file).removeprefix("\ufeff")  # Excel's byte-order mark
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
        try:
            records = [[cell.strip() for cell in record] for record in reader]
        except csv.Error as exc:
            raise InvalidScenario(
                f"not valid CSV: {exc}",
                path=f"{file.stem}[row {reader.line_num}]",
                source=str(file),
            ) from None
        sheets[kind] = _table(kind, file.stem, str(file), records)
    return sheets


def read_sheets(path: str | os.PathLike[str], *, ignore_unknown: bool = False) -> dict[str, Sheet]:
    r"""The known sheets of a workbook (``.xlsx``) or a folder of CSV files, by English name.

    Parameters
    ----------
    path
        An ``.xlsx`` file, or a folder holding ``staff.csv`` / ``ansatte.csv`` and so on.
    ignore_unknown
        Skip sheets with other names instead of refusing the workbook.

    Raises
    ------
    OSError
        If the file or folder cannot be read.
    InvalidScenario
        For a file that is not a workbook, an unknown or doubled sheet, a missing required
        sheet, a sheet without a header or a cell outside the named columns.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("ansatte", "brukere", "turnus"):
    ...     _ = (folder / f"{name}.csv").write_text("id\n", encoding="utf-8")
    >>> _ = (folder / "Besøk.csv").write_text("bruker;minutter\nb1;30\n\nb2;45,5\n",
    ...                                       encoding="utf-8")
    >>> visits = read_sheets(folder)["visits"]
    >>> visits.name, visits.header, visits.rows
    ('Besøk', ('bruker', 'minutter'), ((2, ('b1', '30')), (4, ('b2', '45,5'))))
    """
    here = Path(path)
    if here.is_dir():
        sheets = _folder(here, ignore_unknown=ignore_unknown)
    elif here.suffix.casefold() in {".xlsx", ".xlsm"}:
        sheets = _workbook(here, ignore_unknown=ignore_unknown)
    elif not here.exists():
        raise FileNotFoundError(2, "No such file or directory", str(here))
    else:
        raise InvalidScenario(
            "must be an .xlsx workbook or a folder of CSV files (staff.csv, users.csv, ...), "
            f"got a {here.suffix or 'file without extension'} file",
            source=str(here),
        )
    missing = [kind for kind in REQUIRED_SHEETS if kind not in sheets]
    if missing:
        names = ", ".join(f"{SHEETS[k][0]!r} ({SHEETS[k][1]!r})" for k in missing)
        raise InvalidScenario(
            f"missing sheet(s) {names}; a workbook needs staff, users, visits and roster "
            "(hometeams template writes one to fill in)",
            source=str(here),
        )
    for sheet in sheets.values():
        if not sheet.header:
            raise sheet_error(sheet, "is empty; row 1 must name the columns")
    return sheets
