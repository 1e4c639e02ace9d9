"""The travel sheet (*reisetid*): minutes between zones, or where the zones are.

Between two visits a nurse drives from one zone to the next. The sheet gives either the
minutes, as a zone-by-zone matrix (rows from, columns to; an empty cell takes its mirror's
value, so the upper half is enough), or the zones' coordinates -- ``x`` and ``y`` in
kilometres on a map grid, or ``lat`` and ``lon`` in degrees -- from which
:func:`read_travel` estimates straight-line minutes at a stated speed.
"""

from __future__ import annotations

import math

from hometeams.errors import InvalidScenario
from hometeams.io._columns import Row, check_id_cell, parse_number
from hometeams.io._sheets import Sheet, sheet_error
from hometeams.scenario import Leg, TravelMatrix

__all__ = ["read_travel"]


def _distance(a: tuple[float, float], b: tuple[float, float], *, degrees: bool) -> float:
    if not degrees:
        return math.hypot(a[0] - b[0], a[1] - b[1])
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def read_travel(sheet: Sheet, *, speed: float | None) -> TravelMatrix:
    """The travel times of the sheet: a matrix of minutes, or coordinates at ``speed`` km/h.

    A matrix that reads the same both ways becomes a symmetric :class:`TravelMatrix` of its
    upper half; otherwise every direction is kept. Estimated minutes are rounded to 0.1.

    Raises
    ------
    InvalidScenario
        At the cell or the header: a zone named twice, zones across that are not the zones
        down, a cell that is not a number >= 0, an empty cell whose mirror is empty too, or
        coordinates without a speed.
    """
    head = [cell.strip().casefold() for cell in sheet.header]
    if head[0] not in {"zone", "sone"}:
        raise sheet_error(
            sheet, f"the first column must be 'zone' ('sone'), got {sheet.header[0]!r}", row=1
        )
    zones: list[str] = []
    for number, cells in sheet.rows:
        row = Row(sheet, number, {"zone": cells[0]}, {"zone": sheet.header[0]})
        zone = check_id_cell(row, "zone", cells[0])
        if zone in zones:
            raise row.error("zone", f"zone {zone!r} has a row already")
        zones.append(zone)
    coordinates = sorted(head[1:]) in (["x", "y"], ["lat", "lon"])
    if coordinates:
        if speed is None:
            raise sheet_error(
                sheet,
                "zone coordinates need a travel speed to estimate minutes: give it in km/h "
                "(hometeams import --speed 40)",
            )
        degrees = "lat" in head
        where: dict[str, tuple[float, float]] = {}
        for (number, cells), zone in zip(sheet.rows, zones, strict=True):
            point = []
            for axis in ("lat", "lon") if degrees else ("x", "y"):
                i = head.index(axis)
                try:
                    point.append(parse_number(cells[i], low=-math.inf))
                except InvalidScenario as err:
                    raise sheet_error(sheet, err.rule, row=number, column=sheet.header[i]) from None
            where[zone] = (point[0], point[1])
        legs = []
        for i, a in enumerate(zones):
            for b in zones[i + 1 :]:
                km = _distance(where[a], where[b], degrees=degrees)
                minutes = round(km / speed * 60, 1)
                if minutes > 0:
                    legs.append(Leg(a, b, minutes=minutes))
        return TravelMatrix(legs)
    columns = sheet.header[1:]
    if sorted(c.strip() for c in columns) != sorted(zones):
        raise sheet_error(
            sheet,
            "a travel matrix names the same zones across (row 1) as down (column 1), got "
            f"{', '.join(c.strip() for c in columns)} across and {', '.join(zones)} down; "
            "or give zone coordinates x and y (km) or lat and lon with a speed",
            row=1,
        )
    index = {c.strip(): i + 1 for i, c in enumerate(columns)}
    cell: dict[tuple[str, str], float | None] = {}
    for (number, cells), origin in zip(sheet.rows, zones, strict=True):
        for destination in zones:
            i = index[destination]
            if not cells[i].strip():
                cell[origin, destination] = None
                continue
            try:
                cell[origin, destination] = parse_number(cells[i], strict=False)
            except InvalidScenario as err:
                raise sheet_error(sheet, err.rule, row=number, column=sheet.header[i]) from None
    table: dict[tuple[str, str], float] = {}
    for (a, b), given in cell.items():
        value = given if given is not None else cell[b, a]
        if value is None:
            if a == b:
                value = 0.0
            else:
                number = sheet.rows[zones.index(a)][0]
                raise sheet_error(
                    sheet,
                    f"empty, and so is {b} to {a}; write the minutes from {a} to {b}",
                    row=number,
                    column=sheet.header[index[b]],
                )
        table[a, b] = value
    symmetric = all(math.isclose(table[a, b], table[b, a]) for a, b in table)
    legs = [
        Leg(a, b, minutes=minutes)
        for (a, b), minutes in table.items()
        if minutes > 0 and (not symmetric or zones.index(a) <= zones.index(b))
    ]
    return TravelMatrix(legs, symmetric=symmetric)
