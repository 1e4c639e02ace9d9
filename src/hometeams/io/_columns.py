"""The columns of a planner's workbook, in English or Norwegian, and the cells they hold.

Each sheet has named columns -- ``minutes`` or ``minutter``, case ignored -- and every cell is
text a planner typed: ``80 %`` for a position size, ``mon-fri`` or ``man;ons;fre`` for days,
``08:00;20:00`` for two visits a day, ``45,5`` with a decimal comma. :func:`header` finds the
columns of a sheet (refusing a column it does not know, with a suggestion) and :class:`Row`
hands out a row's cells by English column name and locates errors at the cell::

    distrikt.xlsx: besøk[row 7].minutter: must be a number > 0, got 'tretti'
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType

import attrs

from hometeams.errors import InvalidScenario
from hometeams.io._sheets import Sheet, sheet_error

__all__ = [
    "COLUMNS",
    "DAYS",
    "Row",
    "check_id_cell",
    "clock_text",
    "column_key",
    "header",
    "parse_days",
    "parse_number",
    "parse_times",
    "rows",
    "unknown",
]

COLUMNS: Mapping[str, tuple[tuple[str, ...], ...]] = MappingProxyType(
    {
        "staff": (
            ("id",),
            ("profession", "yrke"),
            ("fte", "stilling"),
            ("competences", "kompetanse"),
            ("zone", "sone"),
            ("unit", "enhet"),
            ("reports_to", "rapporterer_til"),
            ("name", "navn"),
        ),
        "users": (
            ("id",),
            ("zone", "sone"),
            ("needs", "behov"),
            ("team",),
            ("primary_contact", "primærkontakt", "primaerkontakt", "primær_kontakt"),
        ),
        "visits": (
            ("user", "bruker"),
            ("days", "dager"),
            ("time", "tid"),
            ("from", "fra"),
            ("to", "til"),
            ("minutes", "minutter"),
            ("sd",),
            ("required", "krav"),
            ("preferred", "ønsket", "onsket"),
            ("staff", "antall"),
        ),
        "shifts": (("code", "kode"), ("start",), ("end", "slutt")),
    }
)
"""Each sheet's columns: the English name first, then the Norwegian one (and spellings
without æ, ø, å)."""

REQUIRED: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "staff": ("id", "profession", "fte"),
        "users": ("id", "zone"),
        "visits": ("user", "minutes"),
        "shifts": ("code", "start", "end"),
    }
)

DAYS: Mapping[str, int] = MappingProxyType(
    {
        **dict.fromkeys(("mon", "man", "monday", "mandag"), 0),
        **dict.fromkeys(("tue", "tir", "tuesday", "tirsdag"), 1),
        **dict.fromkeys(("wed", "ons", "wednesday", "onsdag"), 2),
        **dict.fromkeys(("thu", "tor", "thursday", "torsdag"), 3),
        **dict.fromkeys(("fri", "fre", "friday", "fredag"), 4),
        **dict.fromkeys(("sat", "lør", "lor", "saturday", "lørdag", "lordag"), 5),
        **dict.fromkeys(("sun", "søn", "son", "sunday", "søndag", "sondag"), 6),
    }
)
"""Weekday names in English and Norwegian, short and long, and their numbers (Monday = 0)."""

_SHORTCUTS: Mapping[str, frozenset[int]] = MappingProxyType(
    {
        **dict.fromkeys(("all", "alle", "daily", "daglig"), frozenset(range(7))),
        **dict.fromkeys(("weekdays", "hverdager"), frozenset(range(5))),
        **dict.fromkeys(("weekend", "helg"), frozenset((5, 6))),
    }
)
_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})$")


@attrs.frozen
class Row:
    """One row of a sheet, its cells by English column name.

    Attributes
    ----------
    sheet
        The sheet it is on.
    number
        Its row number in the spreadsheet.
    cells
        Text by English column name; a column the sheet lacks reads as empty.
    written
        The column names as the sheet writes them, by English name (for messages).
    """

    sheet: Sheet
    number: int
    cells: Mapping[str, str]
    written: Mapping[str, str]

    def __getitem__(self, key: str) -> str:
        return self.cells.get(key, "")

    def error(self, key: str, rule: str) -> InvalidScenario:
        """An error at this row's cell in column ``key``."""
        return sheet_error(self.sheet, rule, row=self.number, column=self.written.get(key, key))


def header(sheet: Sheet, *, ignore_unknown: bool) -> dict[str, int]:
    """The known columns of ``sheet`` (by English name) and their positions.

    Raises
    ------
    InvalidScenario
        For an unknown column (with the closest known name), one named twice, or a missing
        required one.
    """
    names = {name: spec[0] for spec in COLUMNS[sheet.kind] for name in spec}
    found: dict[str, int] = {}
    for i, cell in enumerate(sheet.header):
        key = names.get(column_key(cell))
        if key is None:
            if ignore_unknown:
                continue
            close = difflib.get_close_matches(column_key(cell), list(names), n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(names)}"
            raise sheet_error(
                sheet,
                f"unknown column {cell!r}; {hint} (--ignore-unknown, or ignore_unknown=True, "
                "skips it)",
                row=1,
            )
        if key in found:
            raise sheet_error(
                sheet, f"column {cell!r} appears twice (as {sheet.header[found[key]]!r})", row=1
            )
        found[key] = i
    missing = [key for key in REQUIRED[sheet.kind] if key not in found]
    if missing:
        wanted = ", ".join(
            f"{spec[0]!r} ({spec[1]!r})" if len(spec) > 1 else repr(spec[0])
            for spec in COLUMNS[sheet.kind]
            if spec[0] in missing
        )

        raise sheet_error(sheet, f"missing column(s) {wanted}", row=1)
    return found


def column_key(name: str) -> str:
    """A column name as looked up: case ignored, spaces and hyphens read as ``_``.

    Examples
    --------
    >>> column_key(" Primær kontakt"), column_key("reports-to")
    ('primær_kontakt', 'reports_to')
    """
    return re.sub(r"[\s\-]+", "_", name.strip().casefold())


def rows(sheet: Sheet, *, ignore_unknown: bool) -> list[Row]:
    """The rows of ``sheet`` with their cells by English column name (see :func:`header`)."""
    columns = header(sheet, ignore_unknown=ignore_unknown)
    written = {key: sheet.header[i] for key, i in columns.items()}
    return [
        Row(sheet, number, {key: cells[i] for key, i in columns.items()}, written)
        for number, cells in sheet.rows
    ]


def parse_number(text: str, *, low: float = 0.0, strict: bool = True) -> float:
    """A number written with a decimal point or comma, above ``low`` (or at it, if not strict).

    Examples
    --------
    >>> parse_number("45,5"), parse_number("30")
    (45.5, 30.0)
    >>> parse_number("tretti")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: must be a number > 0, got 'tretti'
    """
    bound = f"> {low:g}" if strict else f">= {low:g}"
    try:
        value = float(text.strip().replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < low or (strict and value == low):
        shown = repr(text) if text.strip() else "an empty cell"
        raise InvalidScenario(f"must be a number {bound}, got {shown}")
    return value


def parse_days(text: str) -> frozenset[int]:
    """Weekdays from ``mon-fri``, ``man;ons;fre``, ``all`` / ``alle``, ``helg``, ...

    Days are separated by ``;`` or ``,``; a range ``fre-man`` runs over the weekend. An empty
    cell means every day.

    Examples
    --------
    >>> sorted(parse_days("mon-fri")), sorted(parse_days("man;ons;fre")), len(parse_days("alle"))
    ([0, 1, 2, 3, 4], [0, 2, 4], 7)
    >>> sorted(parse_days("fre-man")), sorted(parse_days("Helg"))
    ([0, 4, 5, 6], [5, 6])
    >>> parse_days("mon-fredag;xyz")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: unknown day 'xyz' in 'mon-fredag;xyz'; write days as mon-fri, man;ons;fre or all / alle
    """  # noqa: E501 - a doctest's output line cannot be wrapped
    if not text.strip():
        return frozenset(range(7))
    out: set[int] = set()
    for part in re.split(r"[;,]", text):
        item = part.strip().casefold()
        if not item:
            continue
        if item in _SHORTCUTS:
            out |= _SHORTCUTS[item]
            continue
        ends = [end.strip() for end in item.split("-")]
        for end in ends:
            if end not in DAYS or len(ends) > 2:
                bad = end if end not in DAYS else item
                raise InvalidScenario(
                    f"unknown day {bad!r} in {text!r}; write days as mon-fri, man;ons;fre or "
                    "all / alle"
                )
        first, last = DAYS[ends[0]], DAYS[ends[-1]]
        out.update((first + k) % 7 for k in range((last - first) % 7 + 1))
    if not out:
        raise InvalidScenario(f"must name at least one day, got {text!r}")
    return frozenset(out)


def clock_text(text: str) -> str:
    """A clock time as ``HH:MM``; ``8:00`` and the Norwegian ``08.00`` are read too.

    Examples
    --------
    >>> clock_text("8:00"), clock_text("20.15")
    ('08:00', '20:15')
    """
    match = _CLOCK.match(text.strip())
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        shown = repr(text) if text.strip() else "an empty cell"
        raise InvalidScenario(f"must be a clock time such as 08:00, got {shown}")
    return f"{int(match[1]):02d}:{match[2]}"


def parse_times(text: str) -> tuple[str, ...]:
    """Clock times separated by ``;`` or ``,``: ``08:00;20:00``.

    Examples
    --------
    >>> parse_times("08:00; 20.00")
    ('08:00', '20:00')
    """
    items = [part for part in re.split(r"[;,]", text) if part.strip()]
    if not items:
        raise InvalidScenario("must be a clock time such as 08:00, got an empty cell")
    return tuple(clock_text(part) for part in items)


def check_id_cell(row: Row, key: str, value: str) -> str:
    """The id in ``row``'s cell ``key``, or an error at that cell."""
    if not re.match(r"^[^\W_][\w.\-]*$", value):
        shown = repr(value) if value else "an empty cell"
        raise row.error(key, f"must be an id of letters, digits, '_', '-' or '.', got {shown}")
    return value


def unknown(row: Row, key: str, value: str, known: Sequence[str], kind: str) -> InvalidScenario:
    """An error at ``row``'s cell ``key``: an unknown ``kind``, with the closest known one."""
    if not value.strip():
        return row.error(key, f"must be a {kind}, got an empty cell")
    close = difflib.get_close_matches(value, list(known), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return row.error(key, f"unknown {kind} {value!r}{hint}")
