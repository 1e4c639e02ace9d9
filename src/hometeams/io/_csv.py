"""Staff lists: the spreadsheet every home-care department already has, read as CSV.

A department's staff list has one row per person: an id, a profession, a position size
(*stillingsprosent*), perhaps competences, a zone and a unit. Saved as CSV it reads::

    id,profession,fte,competences,zone,unit,name
    kari,sykepleier,80 %,dementia;wound-care,north,district-1,Kari Nordmann
    ola,helsefagarbeider,0.5,,north,district-1,Ola Nordmann

Columns (the first row names them, in any order, case ignored):

``id`` (required)
    A unique staff id: letters, digits, ``_``, ``-`` or ``.``.
``profession`` (required)
    A profession id (``nurse``) or its Norwegian or English label (``sykepleier``,
    ``registered nurse``), case ignored.
``fte`` (required)
    The position size, either as a fraction of full time (``0.8``, ``1``) or as a percentage
    *with* a percent sign (``80 %``, ``80%``). A decimal comma (``0,8``, ``80,5 %``) is read
    too. A bare number above 1 (``80``) is refused as ambiguous: write ``80 %`` or ``0.8``.
``competences``
    Competence ids or labels separated by ``;`` (``dementia;sårstell``); empty for none.
``zone``, ``unit``, ``reports_to``, ``name``
    Optional; empty cells mean none.

Any other column is an error (a misspelt ``competances`` would otherwise be ignored) unless
``ignore_unknown_columns=True``. Errors name the file, the line and the column::

    staff.csv: line 4, column 'fte': must be > 0 and <= 1, got 1.2
"""

from __future__ import annotations

import csv
import difflib
import io
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TypeVar

import attrs

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.io._toml import read_text
from hometeams.model import (
    COMPETENCES,
    PROFESSIONS,
    Competence,
    Organisation,
    Profession,
    Staff,
    Team,
    Unit,
    Zone,
)

__all__ = ["organisation_from_staff_csv", "read_staff_csv"]

_REQUIRED = ("id", "profession", "fte")
_OPTIONAL = ("competences", "zone", "unit", "reports_to", "name")
_COLUMNS = _REQUIRED + _OPTIONAL
_PERCENT = re.compile(r"^(?P<number>[0-9]+(?:[.,][0-9]+)?)\s*(?:%|prosent|percent)$")
_FRACTION = re.compile(r"^[0-9]+(?:[.,][0-9]+)?$")


@attrs.frozen
class _Row:
    line: int
    staff: Staff


def _where(line: int, column: str) -> str:
    return f"line {line}, column {column!r}"


def parse_fte(text: str) -> float:
    """Read a position size: ``"0.8"``, ``"0,8"``, ``"80 %"`` or ``"80%"`` (all 0.8).

    Raises
    ------
    InvalidScenario
        For anything else, including a bare number above 1 such as ``"80"`` (ambiguous).

    Examples
    --------
    >>> parse_fte("80 %"), parse_fte("0,8"), parse_fte("1")
    (0.8, 0.8, 1.0)
    >>> parse_fte("80")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: ambiguous position size '80': write '80 %' for a percentage or 0.8 for a fraction of full time
    """  # noqa: E501 - a doctest's output line cannot be wrapped
    value = text.strip().replace("\u00a0", " ").lower()
    percent = _PERCENT.match(value)
    if percent:
        return float(percent["number"].replace(",", ".")) / 100.0
    if _FRACTION.match(value):
        number = float(value.replace(",", "."))
        if number > 1.0:
            raise InvalidScenario(
                f"ambiguous position size {text!r}: write '{text.strip()} %' for a percentage "
                f"or {number / 100:g} for a fraction of full time"
            )
        return number
    raise InvalidScenario(
        f"must be a position size such as 0.8 or '80 %', got {text!r}"
        if value
        else "must be a position size such as 0.8 or '80 %', got an empty cell"
    )


def _names(catalogue: Mapping[str, Profession] | Mapping[str, Competence]) -> dict[str, str]:
    """Every name an entry may be called by (id, labels, parts of labels), to its id."""
    names: dict[str, str] = {}
    for id_, item in catalogue.items():
        for label in (item.nb, item.en):
            for name in (label, *label.split("/")):
                names.setdefault(name.strip().casefold(), id_)
    for id_ in catalogue:  # ids win over labels
        names[id_.casefold()] = id_
    names.pop("", None)
    return names


def _resolve(value: str, names: Mapping[str, str], *, kind: str) -> str:
    found = names.get(value.strip().casefold())
    if found is not None:
        return found
    close = difflib.get_close_matches(value.strip().casefold(), list(names), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise InvalidScenario(f"unknown {kind} {value!r}{hint}")


def _header(row: list[str], *, source: str, ignore_unknown_columns: bool) -> dict[str, int]:
    columns: dict[str, int] = {}
    for i, cell in enumerate(row):
        name = cell.strip().lower()
        if name in columns:
            raise InvalidScenario(f"column {name!r} appears twice", path="line 1", source=source)
        if name not in _COLUMNS and not ignore_unknown_columns:
            close = difflib.get_close_matches(name, _COLUMNS, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(_COLUMNS)}"
            raise InvalidScenario(
                f"unknown column {cell!r}; {hint} (or pass ignore_unknown_columns=True to skip it)",
                path="line 1",
                source=source,
            )
        columns[name] = i
    missing = [name for name in _REQUIRED if name not in columns]
    if missing:
        raise InvalidScenario(
            f"missing required column(s) {', '.join(map(repr, missing))}; the first row must "
            f"name the columns, e.g. {','.join(_COLUMNS)}",
            path="line 1",
            source=source,
        )
    return columns


def _staff(
    cells: Mapping[str, str],
    *,
    professions: Mapping[str, str],
    competences: Mapping[str, str],
    separator: str,
) -> Staff:
    """Build one staff member; an error's path is the offending column."""
    try:
        column = "profession"
        profession = _resolve(cells["profession"], professions, kind="profession")
        column = "fte"
        fte = parse_fte(cells["fte"])
        column = "competences"
        held = [
            _resolve(part, competences, kind="competence")
            for part in cells.get("competences", "").split(separator)
            if part.strip()
        ]
    except InvalidScenario as err:
        raise err.within(column) from None

    def optional(name: str) -> str | None:
        return cells.get(name, "").strip() or None

    return Staff(
        cells["id"].strip(),
        profession=profession,
        competences=held,
        fte=fte,
        zone=optional("zone"),
        unit=optional("unit"),
        reports_to=optional("reports_to"),
        name=cells.get("name", "").strip(),
    )


def _rows(
    path: str | os.PathLike[str],
    *,
    professions: Mapping[str, Profession],
    competences: Mapping[str, Competence],
    delimiter: str,
    separator: str,
    ignore_unknown_columns: bool,
) -> list[_Row]:
    if delimiter == separator:
        raise InvalidArgument(
            f"separator: must differ from delimiter, got {separator!r} for both; competences "
            "are split on the separator inside one cell"
        )
    source = str(path)
    reader = csv.reader(io.StringIO(read_text(path), newline=""), delimiter=delimiter, strict=True)
    profession_names, competence_names = _names(professions), _names(competences)
    columns: dict[str, int] | None = None
    rows: list[_Row] = []
    first_line: dict[str, int] = {}
    line = 1
    try:
        for record in reader:
            if not any(cell.strip() for cell in record):  # a blank line
                line = reader.line_num + 1
                continue
            if columns is None:
                columns = _header(
                    record, source=source, ignore_unknown_columns=ignore_unknown_columns
                )
                line = reader.line_num + 1
                continue
            if len(record) != len(columns):
                raise InvalidScenario(
                    f"expected {len(columns)} cells like the first row, got {len(record)}",
                    path=f"line {line}",
                    source=source,
                )
            cells = {name: record[i] for name, i in columns.items()}
            try:
                person = _staff(
                    cells,
                    professions=profession_names,
                    competences=competence_names,
                    separator=separator,
                )
            except InvalidScenario as err:
                column = err.path.split(".")[0].split("[")[0] or "id"
                raise InvalidScenario(err.rule, path=_where(line, column), source=source) from None
            if person.id in first_line:
                raise InvalidScenario(
                    f"duplicate id {person.id!r}, first on line {first_line[person.id]}",
                    path=_where(line, "id"),
                    source=source,
                )
            first_line[person.id] = line
            rows.append(_Row(line, person))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InvalidScenario(f"not valid CSV: {exc}", path=f"line {line}", source=source) from None
    if columns is None:
        raise InvalidScenario(
            "the file is empty; the first row must name the columns", source=source
        )
    return rows


def read_staff_csv(
    path: str | os.PathLike[str],
    *,
    professions: Mapping[str, Profession] = PROFESSIONS,
    competences: Mapping[str, Competence] = COMPETENCES,
    delimiter: str = ",",
    separator: str = ";",
    ignore_unknown_columns: bool = False,
) -> tuple[Staff, ...]:
    r"""Read a staff list from a CSV file (see the module docstring for the columns).

    Parameters
    ----------
    path
        The CSV file (UTF-8).
    professions, competences
        What the ``profession`` and ``competences`` cells may name, by id or label; the
        catalogues by default. Pass e.g. ``{**PROFESSIONS, "x": Profession("x", ...)}`` to
        allow your own.
    delimiter
        The cell delimiter.
    separator
        What separates competences within one cell.
    ignore_unknown_columns
        Skip columns other than the known ones instead of refusing the file.

    Returns
    -------
    tuple of Staff
        In file order, with profession and competence labels resolved to ids.

    Raises
    ------
    InvalidScenario
        Naming the file, the line and the column, for a bad cell, a duplicate id, an unknown
        or missing column.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "staff.csv"
    >>> _ = path.write_text(
    ...     "id,profession,fte,competences,zone\n"
    ...     "kari,sykepleier,80 %,demensomsorg;wound-care,north\n"
    ...     "ola,Helsefagarbeider,0.5,,north\n", encoding="utf-8")
    >>> kari, ola = read_staff_csv(path)
    >>> kari.profession, kari.fte, sorted(kari.competences), ola.profession
    ('nurse', 0.8, ['dementia', 'wound-care'], 'health-worker')
    """
    rows = _rows(
        path,
        professions=professions,
        competences=competences,
        delimiter=delimiter,
        separator=separator,
        ignore_unknown_columns=ignore_unknown_columns,
    )
    return tuple(row.staff for row in rows)


_E = TypeVar("_E", Profession, Competence)


def _own(used: Iterable[str], given: Mapping[str, _E], catalogue: Mapping[str, _E]) -> list[_E]:
    """The entries used that are not the catalogue's own: the organisation must carry them."""
    return [given[id_] for id_ in sorted(set(used)) if catalogue.get(id_) != given[id_]]


def organisation_from_staff_csv(
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    professions: Mapping[str, Profession] = PROFESSIONS,
    competences: Mapping[str, Competence] = COMPETENCES,
    delimiter: str = ",",
    separator: str = ";",
    ignore_unknown_columns: bool = False,
) -> Organisation:
    r"""A first organisation from a staff list: one geographic team per zone.

    Every zone named in the ``zone`` column becomes a zone and a geographic team of everyone
    whose home zone it is (with their whole position); every unit named becomes a unit without
    a leader. Staff without a zone belong to no team. Professions and competences of your own
    (not in the catalogues) are carried into the organisation. Write the result with
    :func:`write_organisation` and edit it from there: add leaders, specialist teams, users.

    Parameters
    ----------
    path
        The CSV file; see :func:`read_staff_csv` for the other parameters.
    name
        The organisation's name; the file name without extension by default.

    Raises
    ------
    InvalidScenario
        As :func:`read_staff_csv`, and for a ``reports_to`` naming nobody in the list or a
        reporting cycle, again with line and column.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "district.csv"
    >>> _ = path.write_text(
    ...     "id,profession,fte,zone\n"
    ...     "kari,nurse,0.8,north\nola,health-worker,50 %,north\nper,nurse,1,south\n",
    ...     encoding="utf-8")
    >>> org = organisation_from_staff_csv(path)
    >>> org.name, [z.id for z in org.zones], org.team_fte("north")
    ('district', ['north', 'south'], 1.3)
    """
    rows = _rows(
        path,
        professions=professions,
        competences=competences,
        delimiter=delimiter,
        separator=separator,
        ignore_unknown_columns=ignore_unknown_columns,
    )
    staff = [row.staff for row in rows]
    zone_ids = sorted({s.zone for s in staff if s.zone is not None})
    unit_ids = sorted({s.unit for s in staff if s.unit is not None})
    teams = [
        Team(
            zone,
            name=zone,
            category="geographic",
            members=[s.id for s in staff if s.zone == zone],
            zones=[zone],
        )
        for zone in zone_ids
    ]
    try:
        return Organisation(
            name if name is not None else Path(path).stem,
            staff=staff,
            teams=teams,
            zones=[Zone(zone) for zone in zone_ids],
            units=[Unit(unit) for unit in unit_ids],
            professions=_own((s.profession for s in staff), professions, PROFESSIONS),
            competences=_own((c for s in staff for c in s.competences), competences, COMPETENCES),
        )
    except InvalidScenario as err:
        match = re.match(r"^staff\[(\d+)\]\.(\w+)", err.path)
        if match is None:
            raise
        line = rows[int(match[1])].line
        raise InvalidScenario(err.rule, path=_where(line, match[2]), source=str(path)) from None
