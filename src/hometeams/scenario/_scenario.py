"""A scenario: an organisation, its roster, its demand and absences, and an organisation model.

Think of one district over four weeks: the staff and teams of the organisation, the rota they
work, the visits their users' service decisions call for, the calls and discharges that come on
top, the sick leave, the driving between zones -- and the organisation model (*policy*) that
decides who goes where. A :class:`Scenario` holds all of it, checked as a whole: every staff
member, team, user, zone and competence it names must exist in the organisation, nobody is
rostered on two overlapping shifts, and every staffing floor holds.

Decision on floors: a roster that breaks a staffing floor is *refused* (the scenario cannot be
built), with the team, day, period, rostered count and floor in the message; floors describe the
roster the planner intends, so breaking one is a mistake in the description. (Absences that take
a team below its floor on the day are a result, seen in the records.)

Needs the roster cannot meet -- a visit requiring a competence that nobody on the roster holds --
are not errors but :meth:`Scenario.findings`: a planner may want to see what goes unserved.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Literal

import attrs

from hometeams._time import WEEK, PeriodClock
from hometeams._types import Minutes
from hometeams.errors import InvalidArgument
from hometeams.model import Organisation
from hometeams.scenario._absence import Absences
from hometeams.scenario._cycle import CycleShift, cycle_shifts
from hometeams.scenario._demand import Demand
from hometeams.scenario._roster import Floor, Roster
from hometeams.scenario._travel import TravelMatrix
from hometeams.scenario._validate import findings, validate

__all__ = ["SEVERITIES", "Finding", "Scenario", "Severity"]


Severity = Literal["error", "warning", "info"]
"""How much a finding matters: ``error`` (the scenario asks for what the roster cannot do),
``warning`` (likely a mistake, or a problem under some organisation models), ``info``."""

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
"""The severities, most serious first."""

Number = float | int | str
"""A value among a finding's numbers: a count, minutes, hours, a share, or where (a zone, a
weekday, a period)."""


def _numbers(
    values: Mapping[str, Number] | Iterable[tuple[str, Number]],
) -> tuple[tuple[str, Number], ...]:
    items = values.items() if isinstance(values, Mapping) else values
    return tuple((str(key), value) for key, value in items)


def _severity(value: Severity) -> Severity:
    if value not in SEVERITIES:
        raise InvalidArgument(f"severity: must be one of {', '.join(SEVERITIES)}, got {value!r}")
    return value


@attrs.frozen
class Finding:
    """Something a planner should know about a valid scenario, located by field path.

    Parameters
    ----------
    path
        The field the finding is about, from the scenario's root
        (``demand.visits[2].required``, ``organisation.staff.kari.fte``, ``roster``).
    message
        One sentence a planner can act on.
    kind
        What sort of finding: ``capacity``, ``contract``, ``coverage``, ``outside-shift``,
        ``competence``, ``two-person``, ``no-team`` (``""`` if not given).
    severity
        ``error``, ``warning`` (the default) or ``info``.
    numbers
        The numbers behind the message, by name (minutes, hours, counts, and where: zone,
        weekday, period); a mapping or pairs, kept in order.

    Examples
    --------
    >>> str(Finding("demand.visits[2].required", "no rostered staff holds 'wound-care'"))
    "demand.visits[2].required: no rostered staff holds 'wound-care'"
    >>> f = Finding("organisation.staff.kari.fte", "rostered 40 h a week against 28.1 h",
    ...             kind="contract", numbers={"rostered_hours": 40.0, "contract_hours": 28.125})
    >>> f.data()["numbers"]
    {'rostered_hours': 40.0, 'contract_hours': 28.125}
    """

    path: str
    message: str
    kind: str = attrs.field(default="", kw_only=True)
    severity: Severity = attrs.field(default="warning", converter=_severity, kw_only=True)
    numbers: tuple[tuple[str, Number], ...] = attrs.field(
        default=(), converter=_numbers, kw_only=True
    )

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"

    def data(self) -> dict[str, object]:
        """The finding as plain data: ``kind``, ``severity``, ``path``, ``message``, ``numbers``."""
        return {
            "kind": self.kind,
            "severity": self.severity,
            "path": self.path,
            "message": self.message,
            "numbers": dict(self.numbers),
        }


def _floors(values: Iterable[Floor]) -> tuple[Floor, ...]:
    return tuple(values)


@attrs.frozen
class Scenario:
    """An organisation with its roster, demand, absences, travel and organisation model.

    Parameters
    ----------
    organisation
        The :class:`~hometeams.model.Organisation`.
    roster
        The :class:`Roster`.
    demand
        The :class:`Demand`.
    absences
        The :class:`Absences`.
    travel
        The :class:`TravelMatrix` (default: no travel time).
    policy
        Only the default :func:`hometeams.sim.simulate` uses when it is given no policy (``None``
        means pooled). A comparison's models carry their own
        (:class:`hometeams.experiment.Model`), and a scenario file's scenario has none. It does
        not affect :func:`realise`.
    horizon
        Length of the run in minutes (default one week).
    warmup
        Minutes at the start left out of the metrics.
    clock
        Where the day, evening and night periods begin; gives the times of the roster's
        ``day``, ``evening`` and ``night`` shifts.
    floors
        Staffing :class:`Floor` values the roster must meet.
    name
        A name for reports.

    Raises
    ------
    InvalidScenario
        With the path from the scenario's root, e.g. ``roster.lines[3].staff``,
        ``demand.visits[4].user`` or ``floors[0]``.

    Examples
    --------
    A district with two staff, one user and two visits a day, over two weeks:

    >>> from hometeams.model import Organisation, Staff, Team, User, Zone
    >>> from hometeams.scenario import (Demand, LogNormal, Roster, Scenario, VisitPlan,
    ...                                 realise)
    >>> org = Organisation(
    ...     "District 1", zones=[Zone("north")],
    ...     staff=[Staff("kari", profession="nurse", competences=["medication"], zone="north"),
    ...            Staff("ola", profession="health-worker", zone="north")],
    ...     teams=[Team("north", category="geographic", members=["kari", "ola"])],
    ...     users=[User("u1", zone="north", team="north")])
    >>> scenario = Scenario(
    ...     org,
    ...     Roster.weekly({"kari": {"daily": "day"}, "ola": {"daily": "evening"}}),
    ...     demand=Demand(visits=[VisitPlan("u1", days="daily", times=["08:00", "20:00"],
    ...                                     duration=LogNormal(mean=30, sd=10))]),
    ...     horizon=14 * 1440)
    >>> realised = realise(scenario, seed=1)
    >>> len(realised.jobs), len(realised.shifts)
    (28, 28)

    Every name must resolve:

    >>> Scenario(org, Roster.weekly({"per": {"daily": "day"}}))
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: roster.lines[0].staff: unknown staff member 'per'
    """

    organisation: Organisation
    roster: Roster
    demand: Demand = attrs.field(default=Demand(), kw_only=True)
    absences: Absences = attrs.field(default=Absences(), kw_only=True)
    travel: TravelMatrix = attrs.field(default=TravelMatrix(), kw_only=True)
    policy: object = attrs.field(default=None, kw_only=True)
    horizon: Minutes = attrs.field(default=WEEK, kw_only=True)
    warmup: Minutes = attrs.field(default=0.0, kw_only=True)
    clock: PeriodClock = attrs.field(default=PeriodClock(), kw_only=True)
    floors: tuple[Floor, ...] = attrs.field(default=(), converter=_floors, kw_only=True)
    name: str = attrs.field(default="", kw_only=True)

    def __attrs_post_init__(self) -> None:
        validate(self)

    @functools.cached_property
    def cycle(self) -> tuple[CycleShift, ...]:
        """Every shift of one cycle of the roster, with clock times (see ``_cycle``)."""
        return tuple(cycle_shifts(self.roster, self.clock))

    def findings(self) -> tuple[Finding, ...]:
        """What the roster cannot meet: competences or two-person visits nobody can staff.

        Examples
        --------
        >>> from hometeams.model import Organisation, Staff, Team, User, Zone
        >>> from hometeams.scenario import Demand, Roster, VisitPlan
        >>> org = Organisation("x", staff=[Staff("kari", profession="nurse")],
        ...                    teams=[Team("t", members=["kari"])], users=[User("u", zone="z")],
        ...                    zones=[Zone("z")])
        >>> s = Scenario(org, Roster.weekly({"kari": {"daily": "day"}}),
        ...              demand=Demand(visits=[VisitPlan("u", times="09:00", duration=30,
        ...                                              required=["wound-care"])]))
        >>> [str(f) for f in s.findings()]
        ["demand.visits[0].required: no rostered staff member holds all of 'wound-care'; ..."]
        """
        return findings(self)
