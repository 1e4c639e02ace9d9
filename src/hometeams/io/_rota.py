"""The rota sheet (*turnus*): one row per person, one column per day of the cycle.

A six-week rota is a grid of 42 day columns -- ``man1`` ... ``søn1``, ``man2`` ... ``søn6``
(or ``mon1`` ... ``sun6``) -- with a shift code in each cell: ``D`` for a day shift, ``K`` or
``A`` for an evening (*kveld*, *aften*), ``N`` for a night, nothing for a day off. A ``shifts``
(``vakter``) sheet gives codes other times than 07-15, 15-23 and 23-07, or adds codes of its
own (``L``, 07:30-19:30, a long day). :func:`read_roster` turns the grid into a
:class:`~hometeams.scenario.Roster`, one line per person, shift and week of the cycle.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from hometeams._parse import clock_minutes
from hometeams._time import DAY, PeriodClock
from hometeams.errors import InvalidScenario
from hometeams.io._columns import DAYS, Row, clock_text, rows, unknown
from hometeams.io._sheets import Sheet, sheet_error
from hometeams.scenario import Roster, RosterLine, Shift

__all__ = ["SHIFT_CODES", "read_roster", "read_shifts"]

SHIFT_CODES: Mapping[str, str] = {"D": "day", "A": "evening", "K": "evening", "N": "night"}
"""The shift codes every rota understands: day, evening (*aften* or *kveld*), night."""

_OFF = frozenset({"", "-"})
_NB_DAYS = ("man", "tir", "ons", "tor", "fre", "lør", "søn")
_DAY_COLUMN = re.compile(r"^(?P<day>[a-zæøå]+)(?P<week>\d*)$")


def read_shifts(sheet: Sheet | None, *, ignore_unknown: bool) -> tuple[dict[str, str], list[Shift]]:
    """Codes to shift names, and the shifts whose times differ from the clock's."""
    codes = dict(SHIFT_CODES)
    shifts: dict[str, tuple[Row, Shift]] = {}
    if sheet is None:
        return codes, []
    clock = PeriodClock()
    default = {
        "day": (clock.day, clock.evening),
        "evening": (clock.evening, clock.night % DAY),
        "night": (clock.night % DAY, clock.day),
    }
    for row in rows(sheet, ignore_unknown=ignore_unknown):
        code = row["code"].strip().upper()
        name = codes.get(code) or code.casefold()
        if not re.match(r"^[^\W_][\w.\-]*$", code):
            raise row.error("code", f"must be a shift code such as D, K or L, got {row['code']!r}")
        try:
            key = "start"
            start = clock_minutes(clock_text(row["start"]), field="start")
            key = "end"
            end = clock_minutes(clock_text(row["end"]), field="end")
            shift = Shift(name, start=start, end=end)
        except InvalidScenario as err:
            raise row.error(key, err.rule) from None
        if name in shifts and shifts[name][1] != shift:
            earlier = shifts[name][0]
            raise row.error(
                "code",
                f"{code!r} is the {name} shift, which row {earlier.number} gives other times",
            )
        codes[code] = name
        shifts[name] = (row, shift)
    return codes, [
        shift for _, shift in shifts.values() if default.get(shift.name) != (shift.start, shift.end)
    ]


def _day_columns(sheet: Sheet, *, ignore_unknown: bool) -> tuple[int, dict[int, tuple[int, int]]]:
    """The staff column and, per header position, (week, weekday) of the rota's days."""
    first = sheet.header[0].strip().casefold()
    if first not in {"staff", "ansatt", "id"}:
        raise sheet_error(
            sheet, f"the first column must be 'staff' ('ansatt'), got {sheet.header[0]!r}", row=1
        )
    days: dict[int, tuple[int, int]] = {}
    seen: dict[tuple[int, int], str] = {}
    for i, cell in enumerate(sheet.header[1:], start=1):
        match = _DAY_COLUMN.match(cell.strip().casefold())
        if match is None or match["day"] not in DAYS or match["week"] == "0":
            if ignore_unknown:
                continue
            raise sheet_error(
                sheet,
                f"unknown column {cell!r}; the columns after 'staff' are the days of the cycle: "
                "mon1 ... sun1, mon2 ... (or man1 ... søn1, man2 ...)",
                row=1,
            )
        key = (int(match["week"] or 1) - 1, DAYS[match["day"]])
        if key in seen:
            raise sheet_error(sheet, f"columns {seen[key]!r} and {cell!r} are the same day", row=1)
        seen[key] = cell
        days[i] = key
    cycle = max((week for week, _ in days.values()), default=-1) + 1
    if cycle == 0:
        raise sheet_error(sheet, "has no day columns (mon1 ... sun1, or man1 ... søn1)", row=1)
    norwegian = any(c.strip().casefold()[:3] in _NB_DAYS for c in sheet.header[1:])
    names = _NB_DAYS if norwegian else ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    for week in range(cycle):
        for day in range(7):
            if (week, day) not in seen:
                raise sheet_error(
                    sheet,
                    f"missing the column of {names[day]}{week + 1}; a {cycle}-week cycle needs a "
                    "column for every day of every week",
                    row=1,
                )
    return cycle, days


def read_roster(
    sheet: Sheet,
    *,
    staff: Sequence[str],
    codes: Mapping[str, str],
    shifts: Sequence[Shift],
    ignore_unknown: bool,
) -> tuple[Roster, list[tuple[Row, str]]]:
    """The roster of the rota sheet, and for each of its lines the row and column it began.

    ``staff`` are the known staff ids, ``codes`` the shift codes and their shift names, and
    ``shifts`` the roster's own shift times (both from :func:`read_shifts`).

    Raises
    ------
    InvalidScenario
        At the cell: an unknown staff id (with the closest known one), a person with two rows,
        an unknown shift code; at the header: a day column missing, doubled or unknown.
    """
    cycle, days = _day_columns(sheet, ignore_unknown=ignore_unknown)
    lines: list[RosterLine] = []
    origins: list[tuple[Row, str]] = []
    first: dict[str, int] = {}
    known = ", ".join(f"{code} ({name})" for code, name in codes.items())
    for number, cells in sheet.rows:
        written = {"staff": sheet.header[0], **{str(i): sheet.header[i] for i in days}}
        row = Row(sheet, number, {"staff": cells[0]}, written)
        person = cells[0]
        if person not in staff:
            raise unknown(row, "staff", person, staff, "staff id")
        if person in first:
            raise row.error("staff", f"{person!r} has a row already, row {first[person]}")
        first[person] = number
        worked: dict[tuple[str, int], list[int]] = {}
        where: dict[tuple[str, int], str] = {}
        for i, (week, day) in days.items():
            code = cells[i].strip().upper()
            if code in _OFF:
                continue
            if code not in codes:
                raise row.error(
                    str(i),
                    f"unknown shift code {cells[i]!r}; use {known}, or empty for a day off "
                    "(other codes go in the shifts sheet with their times)",
                )
            worked.setdefault((codes[code], week), []).append(day)
            where.setdefault((codes[code], week), str(i))
        for (name, week), on in worked.items():
            lines.append(
                RosterLine(person, shift=name, days=sorted(on), weeks=None if cycle == 1 else week)
            )
            origins.append((row, where[name, week]))
    return Roster(lines, shifts=shifts, cycle=cycle), origins
