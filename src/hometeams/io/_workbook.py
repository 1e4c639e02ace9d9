"""A district from a planner's workbook: staff, users, visits, rota and travel, as a scenario.

A planner keeps the district in spreadsheets: the staff list from the personnel system, the
users and their service decisions (*vedtak*) from the patient-record system, the rota
(*turnus*) from the rota system. :func:`read_workbook` reads them -- one ``.xlsx`` workbook or a
folder of CSV files, sheets and columns in English or Norwegian -- and returns a checked
:class:`~hometeams.scenario.Scenario`. The sheets:

``staff`` (``ansatte``)
    ``id``, ``profession`` (``yrke``), ``fte`` (``stilling``: ``0.8`` or ``80 %``),
    ``competences`` (``kompetanse``, ``;``-separated), ``zone`` (``sone``), ``unit``
    (``enhet``), ``reports_to`` (``rapporterer_til``), ``name`` (``navn``) -- as a staff list
    (:func:`~hometeams.io.read_staff_csv`). Every zone with staff becomes a geographic team of
    that name, of everyone whose home zone it is.
``users`` (``brukere``)
    ``id``, ``zone`` (``sone``), ``needs`` (``behov``), ``team`` (empty: the team of the
    user's zone, if it has one), ``primary_contact`` (``primærkontakt``, a staff id).
``visits`` (``besøk``)
    One row per visit plan: ``user`` (``bruker``), ``days`` (``dager``: ``mon-fri``,
    ``man;ons;fre``, ``all`` / ``alle``; empty for every day), ``time`` (``tid``: ``08:00``,
    or ``08:00;20:00`` for two visits) or ``from`` (``fra``), ``to`` (``til``: the visit is on
    time if started by then; 60 minutes after the start if empty), ``minutes`` (``minutter``:
    the mean duration), ``sd`` (its standard deviation: a log-normal duration; empty or 0 for a
    fixed one), ``required`` / ``preferred`` (``krav`` / ``ønsket``: competences), ``staff``
    (``antall``: 1, or 2 for a two-person visit).
``roster`` (``turnus``)
    ``staff`` (``ansatt``), then one column per day of the cycle -- ``mon1`` ... ``sun1``,
    ``mon2`` ... for a multi-week rota, or ``man1`` ... ``søn6`` -- each cell a shift code:
    ``D`` day, ``A`` or ``K`` evening (*aften*, *kveld*), ``N`` night, empty or ``-`` off.
``shifts`` (``vakter``, optional)
    ``code`` (``kode``), ``start``, ``end`` (``slutt``): times for the codes, replacing the
    default 07-15, 15-23 and 23-07, or new codes such as ``L`` for a long day.
``travel`` (``reisetid``, optional)
    Either a zone-by-zone matrix of minutes (first column ``zone`` / ``sone``, then one
    column per zone; an empty cell takes its mirror's value), or zone coordinates -- ``x`` and
    ``y`` in kilometres on a map grid, or ``lat`` and ``lon`` in degrees -- from which the
    minutes are estimated at a stated ``speed`` in km/h along the straight line.

An error names the file, the sheet, the row and the column::

    distrikt.xlsx: turnus[row 5].ansatt: unknown staff id 'kary'; did you mean 'kari'?
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from hometeams._parse import clock_minutes
from hometeams._time import DAY, WEEK
from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.io._columns import (
    Row,
    check_id_cell,
    clock_text,
    parse_days,
    parse_number,
    parse_times,
    rows,
    unknown,
)
from hometeams.io._csv import _names, _own, _resolve, _staff
from hometeams.io._rota import read_roster, read_shifts
from hometeams.io._sheets import Sheet, read_sheets, sheet_error
from hometeams.io._travel_sheet import read_travel
from hometeams.model import (
    COMPETENCES,
    PROFESSIONS,
    Competence,
    Organisation,
    Profession,
    Staff,
    Team,
    Unit,
    User,
    Zone,
)
from hometeams.scenario import Demand, Fixed, LogNormal, Scenario, TravelMatrix, VisitPlan

__all__ = ["read_workbook"]

_WEEKS = 4
"""A scenario runs at least four weeks, and whole cycles of the rota."""


# -- staff and users -------------------------------------------------------------------------


def _read_staff(
    sheet: Sheet,
    *,
    professions: Mapping[str, str],
    competences: Mapping[str, str],
    ignore_unknown: bool,
) -> list[tuple[Row, Staff]]:
    out: list[tuple[Row, Staff]] = []
    first: dict[str, int] = {}
    for row in rows(sheet, ignore_unknown=ignore_unknown):
        check_id_cell(row, "id", row["id"])
        try:
            person = _staff(
                row.cells, professions=professions, competences=competences, separator=";"
            )
        except InvalidScenario as err:
            raise row.error(err.path.split(".")[0].split("[")[0] or "id", err.rule) from None
        if person.id in first:
            raise row.error(
                "id", f"duplicate staff id {person.id!r}, first in row {first[person.id]}"
            )
        first[person.id] = row.number
        out.append((row, person))
    return out


def _split(text: str, competences: Mapping[str, str], row: Row, key: str) -> list[str]:
    try:
        return [
            _resolve(part, competences, kind="competence")
            for part in text.split(";")
            if part.strip()
        ]
    except InvalidScenario as err:
        raise row.error(key, err.rule) from None


def _read_users(
    sheet: Sheet, *, staff: Sequence[str], competences: Mapping[str, str], ignore_unknown: bool
) -> list[tuple[Row, User]]:
    """The users as written; a user's team is filled in by :func:`_organisation`."""
    out: list[tuple[Row, User]] = []
    first: dict[str, int] = {}
    for row in rows(sheet, ignore_unknown=ignore_unknown):
        id_ = check_id_cell(row, "id", row["id"])
        if id_ in first:
            raise row.error("id", f"duplicate user id {id_!r}, first in row {first[id_]}")
        first[id_] = row.number
        contact = row["primary_contact"] or None
        if contact is not None and contact not in staff:
            raise unknown(row, "primary_contact", contact, staff, "staff id")
        user = User(
            id_,
            zone=check_id_cell(row, "zone", row["zone"]),
            needs=_split(row["needs"], competences, row, "needs"),
            team=check_id_cell(row, "team", row["team"]) if row["team"] else None,
            primary_contact=contact,
        )
        out.append((row, user))
    return out


def _organisation(
    name: str,
    staff: list[tuple[Row, Staff]],
    users: list[tuple[Row, User]],
    *,
    travel_zones: frozenset[str],
    professions: Mapping[str, Profession],
    competences: Mapping[str, Competence],
) -> Organisation:
    people = [person for _, person in staff]
    team_ids = sorted({s.zone for s in people if s.zone is not None})
    teams = [
        Team(
            zone,
            name=zone,
            category="geographic",
            members=[s.id for s in people if s.zone == zone],
            zones=[zone],
        )
        for zone in team_ids
    ]
    made: list[User] = []
    for row, user in users:
        team = user.team
        if team is None and user.zone in team_ids:
            team = user.zone
        if team is not None and team not in team_ids:
            raise row.error(
                "team",
                f"unknown team {team!r}; the teams are the staff's zones: "
                f"{', '.join(team_ids) or 'none'}",
            )
        made.append(attrs.evolve(user, team=team))
    zones = sorted(
        {s.zone for s in people if s.zone is not None} | {u.zone for u in made} | travel_zones
    )
    units = sorted({s.unit for s in people if s.unit is not None})
    try:
        return Organisation(
            name,
            staff=people,
            teams=teams,
            zones=[Zone(z) for z in zones],
            units=[Unit(u) for u in units],
            users=made,
            professions=_own((s.profession for s in people), professions, PROFESSIONS),
            competences=_own(
                [c for s in people for c in s.competences] + [c for u in made for c in u.needs],
                competences,
                COMPETENCES,
            ),
        )
    except InvalidScenario as err:
        match = re.match(r"^(staff|users)\[(\d+)\]\.?(\w*)", err.path)
        if match is None:
            raise
        found = staff if match[1] == "staff" else users
        raise found[int(match[2])][0].error(match[3] or "id", err.rule) from None


# -- visits ----------------------------------------------------------------------------------


def _visit(row: Row, competences: Mapping[str, str]) -> VisitPlan:
    key = "days"
    try:
        days = parse_days(row["days"])
        if row["time"] and row["from"]:
            key = "from"
            raise InvalidScenario(
                f"give the start in {row.written['time']!r} or {row.written['from']!r}, not both"
            )
        key = "time" if row["time"] or not row["from"] else "from"
        times = parse_times(row["time"] or row["from"])
        window = 60.0
        if row["to"]:
            if len(times) > 1:
                raise InvalidScenario(
                    f"one start time goes with an end time {row['to']!r}, got {len(times)}"
                )
            key = "to"
            window = (
                clock_minutes(clock_text(row["to"]), field="to")
                - clock_minutes(times[0], field="from")
            ) % DAY
            if window == 0:
                raise InvalidScenario(f"must differ from the start {times[0]}, got {row['to']!r}")
        key = "minutes"
        mean = parse_number(row["minutes"])
        key = "sd"
        sd = parse_number(row["sd"], strict=False) if row["sd"] else 0.0
        duration = LogNormal(mean=mean, sd=sd) if sd > 0 else Fixed(mean)
        key = "staff"
        n_staff = 1
        if row["staff"]:
            if row["staff"].strip() not in {"1", "2"}:
                raise InvalidScenario(f"must be 1 or 2 staff, got {row['staff']!r}")
            n_staff = int(row["staff"])
    except InvalidScenario as err:
        raise row.error(key, err.rule) from None
    return VisitPlan(
        row["user"],
        days=days,
        times=times,
        duration=duration,
        window=window,
        required=_split(row["required"], competences, row, "required"),
        preferred=_split(row["preferred"], competences, row, "preferred"),
        n_staff=n_staff,
    )


# -- the scenario ----------------------------------------------------------------------------


def read_workbook(
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    speed: float | None = None,
    ignore_unknown: bool = False,
    professions: Mapping[str, Profession] = PROFESSIONS,
    competences: Mapping[str, Competence] = COMPETENCES,
) -> Scenario:
    r"""A district's scenario from a workbook (``.xlsx``) or a folder of CSV files.

    The sheets, named in English or Norwegian (case ignored), and their columns:

    - ``staff`` (``ansatte``): ``id``, ``profession`` (``yrke``), ``fte`` (``stilling``:
      ``0.8`` or ``80 %``), ``competences`` (``kompetanse``, ``;``-separated), ``zone``
      (``sone``), ``unit`` (``enhet``), ``reports_to``, ``name`` (``navn``);
    - ``users`` (``brukere``): ``id``, ``zone``, ``needs`` (``behov``), ``team``,
      ``primary_contact`` (``primærkontakt``);
    - ``visits`` (``besøk``): ``user`` (``bruker``), ``days`` (``dager``: ``mon-fri``,
      ``man;ons;fre``, ``alle``), ``time`` (``tid``) or ``from`` / ``to`` (``fra`` / ``til``),
      ``minutes`` (``minutter``), ``sd``, ``required`` / ``preferred`` (``krav`` /
      ``ønsket``), ``staff`` (``antall``: 1 or 2);
    - ``roster`` (``turnus``): ``staff`` (``ansatt``) and a column per day of the cycle
      (``mon1`` ... ``sun6`` or ``man1`` ... ``søn6``) holding ``D``, ``A`` / ``K``, ``N`` or
      nothing;
    - ``shifts`` (``vakter``, optional): ``code`` (``kode``), ``start``, ``end`` (``slutt``);
    - ``travel`` (``reisetid``, optional): a zone-by-zone matrix of minutes, or zone
      coordinates (``x``, ``y`` in km or ``lat``, ``lon``) with a ``speed``.

    Every zone with staff becomes a geographic team of everyone whose home zone it is; a user
    without a ``team`` belongs to the team of their zone. The scenario runs four weeks, or
    whole cycles of a longer rota, with no warm-up and no policy: the district as it is, to
    compare organisation models on (``hometeams import`` writes it as a scenario file with two
    models). The how-to guide "Import a district from a spreadsheet" describes every cell.

    Parameters
    ----------
    path
        An ``.xlsx`` workbook or a folder of CSV files.
    name
        The organisation's and the scenario's name; the file name without extension by
        default.
    speed
        Travel speed in km/h, for a ``travel`` sheet of zone coordinates.
    ignore_unknown
        Skip sheets and columns it does not know instead of refusing the workbook.
    professions, competences
        What the ``profession`` and competence cells may name, by id or label (the catalogues
        by default), as for :func:`~hometeams.io.read_staff_csv`.

    Returns
    -------
    Scenario
        Its organisation holds the staff, one geographic team per zone, the zones and the
        users.

    Raises
    ------
    OSError
        If the workbook cannot be read.
    InvalidScenario
        Naming the file, the sheet, the row and the column of the first problem.
    InvalidArgument
        For a speed that is not a number > 0.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "nord"
    >>> folder.mkdir()
    >>> sheets = {
    ...     "ansatte": "id,yrke,stilling,kompetanse,sone\nkari,sykepleier,80 %,sårstell,nord\n",
    ...     "brukere": "id,sone,primærkontakt\nb1,nord,kari\n",
    ...     "besøk": "bruker,dager,tid,minutter,sd,krav\nb1,man-fre,08:00,30,10,sårstell\n",
    ...     "turnus": "ansatt,man1,tir1,ons1,tor1,fre1,lør1,søn1\nkari,D,D,D,D,D,,\n",
    ... }
    >>> for sheet, text in sheets.items():
    ...     _ = (folder / f"{sheet}.csv").write_text(text, encoding="utf-8")
    >>> scenario = read_workbook(folder)
    >>> scenario.name, [s.fte for s in scenario.organisation.staff]
    ('nord', [0.8])
    >>> plan = scenario.demand.visits[0]
    >>> sorted(plan.days), plan.times, plan.duration, sorted(plan.required)
    ([0, 1, 2, 3, 4], (480.0,), LogNormal(mean=30.0, sd=10.0), ['wound-care'])
    >>> _ = (folder / "besøk.csv").write_text("bruker,tid,minutter\nb1,08:00,tretti\n",
    ...                                       encoding="utf-8")
    >>> read_workbook(folder)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: ...besøk.csv: besøk[row 2].minutter: must be a number > 0, got 'tretti'
    """  # noqa: E501 - a doctest's output line cannot be wrapped
    if speed is not None and not (math.isfinite(speed) and speed > 0):
        raise InvalidArgument(f"speed: must be a number of km/h > 0, got {speed!r}")
    where = Path(path)
    sheets = read_sheets(where, ignore_unknown=ignore_unknown)
    profession_names, competence_names = _names(professions), _names(competences)
    staff = _read_staff(
        sheets["staff"],
        professions=profession_names,
        competences=competence_names,
        ignore_unknown=ignore_unknown,
    )
    staff_ids = [person.id for _, person in staff]
    users = _read_users(
        sheets["users"],
        staff=staff_ids,
        competences=competence_names,
        ignore_unknown=ignore_unknown,
    )
    travel = TravelMatrix()
    if "travel" in sheets:
        travel = read_travel(sheets["travel"], speed=speed)
    title = name if name is not None else where.stem
    org = _organisation(
        title,
        staff,
        users,
        travel_zones=travel.zones,
        professions=professions,
        competences=competences,
    )
    codes, shifts = read_shifts(sheets.get("shifts"), ignore_unknown=ignore_unknown)
    roster, origins = read_roster(
        sheets["roster"], staff=staff_ids, codes=codes, shifts=shifts, ignore_unknown=ignore_unknown
    )
    user_ids = [u.id for u in org.users]
    visit_rows = rows(sheets["visits"], ignore_unknown=ignore_unknown)
    if visit_rows and not {"time", "from"} & visit_rows[0].written.keys():
        raise sheet_error(
            sheets["visits"],
            "missing column 'time' ('tid') or 'from' ('fra'): when each visit starts",
            row=1,
        )
    visits = []
    for row in visit_rows:
        if row["user"] not in user_ids:
            raise unknown(row, "user", row["user"], user_ids, "user id")
        visits.append(_visit(row, competence_names))
    weeks = roster.cycle * math.ceil(_WEEKS / roster.cycle)
    try:
        return Scenario(
            org,
            roster,
            demand=Demand(visits=visits),
            travel=travel,
            horizon=weeks * WEEK,
            name=title,
        )
    except InvalidScenario as err:
        raise _locate(err, origins=origins, visits=visit_rows, source=str(where)) from None


_VISIT_FIELDS = {
    "times": "time",
    "window": "to",
    "duration": "minutes",
    "n_staff": "staff",
    "required": "required",
    "preferred": "preferred",
    "user": "user",
    "days": "days",
}


def _locate(
    err: InvalidScenario, *, origins: Sequence[tuple[Row, str]], visits: Sequence[Row], source: str
) -> InvalidScenario:
    """The scenario's error at the sheet, row and column it came from, where it is known."""
    line = re.match(r"^roster\.lines\[(\d+)\]", err.path)
    if line is not None:
        row, column = origins[int(line[1])]
        return row.error(column, err.rule)
    visit = re.match(r"^demand\.visits\[(\d+)\]\.?(\w*)", err.path)
    if visit is not None:
        row = visits[int(visit[1])]
        return row.error(_VISIT_FIELDS.get(visit[2], "user"), err.rule)
    return InvalidScenario(err.rule, path=err.path, source=source)
