"""An empty workbook to fill in: the sheets :func:`~hometeams.io.read_workbook` reads.

A planner who starts from nothing gets the sheets, their headers and one example row each, in
Norwegian (``ansatte``, ``brukere``, ``besøk``, ``turnus``, ``vakter``, ``reisetid``) or in
English, as one ``.xlsx`` workbook or as a folder of CSV files. Replace the example rows with
the district's own and import it with ``hometeams import``.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from hometeams._files import check_writable, write_bytes, write_csv
from hometeams.errors import InvalidArgument

__all__ = ["TEMPLATES", "write_template"]

_Table = tuple[tuple[str, ...], tuple[str, ...]]

TEMPLATES: Mapping[str, Mapping[str, _Table]] = MappingProxyType(
    {
        "nb": MappingProxyType(
            {
                "ansatte": (
                    ("id", "yrke", "stilling", "kompetanse", "sone", "enhet", "navn"),
                    ("kari", "sykepleier", "80 %", "sårstell;legemiddelhåndtering", "nord",
                     "distrikt-1", "Kari Nordmann"),
                ),
                "brukere": (
                    ("id", "sone", "behov", "team", "primærkontakt"),
                    ("b1", "nord", "sårstell", "nord", "kari"),
                ),
                "besøk": (
                    ("bruker", "dager", "tid", "fra", "til", "minutter", "sd", "krav", "ønsket",
                     "antall"),
                    ("b1", "man-fre", "08:00", "", "", "30", "10", "legemiddelhåndtering",
                     "sårstell", "1"),
                ),
                "turnus": (
                    ("ansatt", "man1", "tir1", "ons1", "tor1", "fre1", "lør1", "søn1"),
                    ("kari", "D", "D", "D", "D", "D", "", ""),
                ),
                "vakter": (("kode", "start", "slutt"), ("D", "07:00", "15:00")),
                "reisetid": (("sone", "nord"), ("nord", "0")),
            }
        ),
        "en": MappingProxyType(
            {
                "staff": (
                    ("id", "profession", "fte", "competences", "zone", "unit", "name"),
                    ("kari", "nurse", "80 %", "wound-care;medication", "north", "district-1",
                     "Kari Nordmann"),
                ),
                "users": (
                    ("id", "zone", "needs", "team", "primary_contact"),
                    ("u1", "north", "wound-care", "north", "kari"),
                ),
                "visits": (
                    ("user", "days", "time", "from", "to", "minutes", "sd", "required",
                     "preferred", "staff"),
                    ("u1", "mon-fri", "08:00", "", "", "30", "10", "medication", "wound-care",
                     "1"),
                ),
                "roster": (
                    ("staff", "mon1", "tue1", "wed1", "thu1", "fri1", "sat1", "sun1"),
                    ("kari", "D", "D", "D", "D", "D", "", ""),
                ),
                "shifts": (("code", "start", "end"), ("D", "07:00", "15:00")),
                "travel": (("zone", "north"), ("north", "0")),
            }
        ),
    }
)  # fmt: skip
"""The sheets of the template by language: for each, its header and one example row."""


def _workbook(path: Path, tables: Mapping[str, _Table], *, overwrite: bool) -> Path:
    try:
        import openpyxl  # noqa: PLC0415 - only when a workbook is written
        from openpyxl.styles import Font  # noqa: PLC0415
    except ImportError as err:  # pragma: no cover - a core dependency
        raise ImportError("writing workbooks needs openpyxl: pip install openpyxl") from err
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, (header, example) in tables.items():
        sheet = book.create_sheet(name)
        sheet.append(list(header))
        sheet.append([_cell(value) for value in example])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for column, value in zip(sheet.iter_cols(min_row=1, max_row=2), header, strict=True):
            width = max(len(value), *(len(str(c.value or "")) for c in column))
            sheet.column_dimensions[column[0].column_letter].width = width + 2
        sheet.freeze_panes = "A2"
    data = io.BytesIO()
    book.save(data)
    return write_bytes(path, data.getvalue(), overwrite=overwrite)


def _cell(value: str) -> object:
    """Whole numbers as numbers, everything else as text (so ``08:00`` stays ``08:00``)."""
    return int(value) if value.isdigit() else value


def write_template(
    path: str | os.PathLike[str], *, lang: str = "en", overwrite: bool = False
) -> Path:
    """Write an empty workbook to fill in: every sheet, its header and one example row.

    Parameters
    ----------
    path
        An ``.xlsx`` file, or a folder for one CSV file per sheet (created if need be).
    lang
        ``"nb"`` for Norwegian sheet and column names, ``"en"`` for English.
    overwrite
        Replace existing files; without it an existing file is an error.

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    InvalidArgument
        For an unknown language, a file that is not ``.xlsx``, or an existing file without
        ``overwrite``.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from hometeams.io import read_workbook
    >>> here = pathlib.Path(tempfile.mkdtemp())
    >>> path = write_template(here / "mal.xlsx", lang="nb")
    >>> scenario = read_workbook(path)
    >>> [s.id for s in scenario.organisation.staff], len(scenario.demand.visits)
    (['kari'], 1)
    >>> folder = write_template(here / "template", lang="en")
    >>> sorted(p.name for p in folder.iterdir())
    ['roster.csv', 'shifts.csv', 'staff.csv', 'travel.csv', 'users.csv', 'visits.csv']
    """
    if lang not in TEMPLATES:
        raise InvalidArgument(f"lang: must be one of {', '.join(TEMPLATES)}, got {lang!r}")
    tables = TEMPLATES[lang]
    out = Path(path)
    if out.suffix.casefold() == ".xlsx":
        return _workbook(out, tables, overwrite=overwrite)
    if out.suffix:
        raise InvalidArgument(
            f"path: must be an .xlsx file or a folder for CSV files, got {str(out)!r}"
        )
    files = [out / f"{name}.csv" for name in tables]
    check_writable(files, overwrite=overwrite)
    out.mkdir(parents=True, exist_ok=True)
    for file, (header, example) in zip(files, tables.values(), strict=True):
        write_csv(file, header, [example], overwrite=overwrite)
    return out
