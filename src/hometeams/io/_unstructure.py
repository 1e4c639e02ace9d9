"""A scenario file's objects as plain data, in the canonical form a file is written in.

The inverse of reading: every value becomes what a planner would write -- ``"4 weeks"`` for a
horizon, ``"08:00"`` for a visit time, ``"weekdays"`` for Monday to Friday, a bare number for a
fixed duration, ``"pooled"`` for a policy with nothing but defaults -- and every field left at
its default is left out. Reading the result gives back equal objects
(``read(write(x)) == x``), and writing it again gives the same text.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from hometeams._time import PeriodClock
from hometeams.errors import InvalidArgument
from hometeams.experiment import Precision
from hometeams.io._file import ScenarioFile
from hometeams.io._planning import planning_to_data
from hometeams.io._policy import policy_to_data
from hometeams.io._spec import ExperimentSettings, ModelSpec, OrganisationRef, ReportSettings
from hometeams.io._toml import _plain_fields
from hometeams.io._units import format_clock, format_days, format_minutes
from hometeams.model import Organisation
from hometeams.scenario import (
    Absence,
    Absences,
    Alarms,
    ArrivalProcess,
    Demand,
    Discharges,
    Empirical,
    Episode,
    Exponential,
    Fixed,
    Floor,
    Leg,
    LogNormal,
    Roster,
    RosterLine,
    Scenario,
    Shift,
    SickLeave,
    TravelMatrix,
    VisitPlan,
)
from hometeams.sim import NoLists

__all__ = ["ARRAYS", "INLINE", "TABLES", "file_data", "organisation_data"]

Writer = Callable[[Any], Any]

TABLES = frozenset(
    {
        "organisation",
        "clock",
        "roster",
        "demand",
        "absences",
        "travel",
        "experiment",
        "report",
        "report.relevance",
        "models.organisation",
        "models.roster",
    }
)
"""Paths written as ``[section]`` tables, however short."""

_ORG_LISTS = ("zones", "units", "staff", "users", "competences", "professions")
ARRAYS = frozenset(
    {
        "floors",
        "models",
        "demand.arrivals",
        "demand.alarms",
        "demand.discharges",
        "organisation.teams",
        "models.organisation.teams",
        "models.floors",
    }
)
"""Paths of lists written as ``[[array]]`` tables."""

INLINE = frozenset(
    {
        *(f"organisation.{key}" for key in _ORG_LISTS),
        *(f"models.organisation.{key}" for key in _ORG_LISTS),
        "roster.lines",
        "roster.shifts",
        "models.roster.lines",
        "models.roster.shifts",
    }
)
"""Paths of lists always written inline, one item per line (as in organisation files)."""


def _plain(value: Any) -> Any:
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if attrs.has(type(value)):
        return _object(value)
    return value


def _fields(
    obj: Any, writers: Mapping[str, Writer], *, keep: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """The fields of ``obj`` in declaration order, defaults left out, each written by its writer."""
    out: dict[str, Any] = {}
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        if field.name not in keep and default is not attrs.NOTHING and value == default:
            continue
        write = writers.get(field.name, _plain)
        out[field.name] = write(value)
    return out


def _duration(value: object) -> Any:
    if isinstance(value, Fixed):
        return value.minutes
    if isinstance(value, Exponential | LogNormal | Empirical):
        return {"kind": type(value).kind, **_fields(value, {})}
    raise InvalidArgument(
        "duration: only the built-in distributions (Fixed, Exponential, LogNormal, Empirical) "
        f"can be written to a file, got {value!r}"
    )


def _times(values: tuple[float, ...]) -> list[Any]:
    return [format_clock(v) for v in values]


def _number(value: float) -> float | int:
    """A whole number as an int (profiles read ``[0, 0, 1, 2]`` better than ``[0.0, ...]``)."""
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else float(value)


def _profile(values: tuple[float, ...] | None) -> list[float | int] | None:
    return None if values is None else [_number(v) for v in values]


def _means(values: tuple[float, ...]) -> Any:
    return values[0] if len(set(values)) == 1 else _profile(values)


def _sick_leave(value: SickLeave) -> Any:
    if not value.staff:
        return value.probability
    return {"probability": value.probability, "staff": sorted(value.staff)}


def _weeks(value: frozenset[int] | None) -> list[int] | None:
    return None if value is None else sorted(value)


_JOB: Mapping[str, Writer] = {"times": _times, "duration": _duration, "window": format_minutes}
_WRITERS: Mapping[type, Mapping[str, Writer]] = {
    PeriodClock: dict.fromkeys(("day", "evening", "night"), format_clock),
    Shift: {"start": format_clock, "end": format_clock},
    RosterLine: {"days": format_days, "weeks": _weeks},
    Floor: {"period": lambda p: p.value, "days": format_days},
    VisitPlan: {**_JOB, "days": format_days},
    ArrivalProcess: {**_JOB, "by_hour": _profile, "by_weekday": _profile},
    Alarms: {**_JOB, "by_hour": _profile, "by_weekday": _profile},
    Episode: _JOB,
    Discharges: {"mean": _means, "time": format_clock, "zone_weights": _profile},
    Absences: {"sick_leave": _sick_leave},
    Absence: {"start": format_minutes, "end": format_minutes},
    Leg: {},
    Roster: {},
    Demand: {},
    TravelMatrix: {},
    SickLeave: {},
    Precision: {},
}


_NAME_FIRST = (ArrivalProcess, Alarms, Discharges)


def _object(value: Any) -> dict[str, Any]:
    writers = _WRITERS.get(type(value))
    if writers is None:
        msg = f"cannot write {type(value).__name__} to a scenario file"
        raise TypeError(msg)
    out = _fields(value, writers)
    if isinstance(value, _NAME_FIRST):  # a demand source is known by its name
        out = {"name": value.name, **out}
    return out


def organisation_data(org: Organisation) -> dict[str, Any]:
    """An organisation as plain data, laid out as organisation files are.

    Examples
    --------
    >>> from hometeams.model import Staff
    >>> organisation_data(Organisation("x", staff=[Staff("kari", profession="nurse")]))
    {'name': 'x', 'staff': [{'id': 'kari', 'profession': 'nurse', 'fte': 1.0}]}
    """
    out: dict[str, Any] = {"name": org.name}
    for key in (*_ORG_LISTS, "teams"):
        items = getattr(org, key)
        if items:
            out[key] = [_plain_fields(item) for item in items]
    return out


def _organisation(org: Organisation, ref: OrganisationRef | None) -> dict[str, Any]:
    if ref is None:
        return organisation_data(org)
    return {"file": ref.file} if ref.file is not None else {"example": ref.example}


def _experiment(settings: ExperimentSettings) -> dict[str, Any]:
    if settings.seed is not None and not isinstance(settings.seed, int):
        raise InvalidArgument(
            f"experiment.seed: a file holds a whole number >= 0 or none, got {settings.seed!r}"
        )
    return _fields(settings, {"precision": _plain, "metrics": _plain})


def _report(settings: ReportSettings) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if settings.cost_per_hour is not None:
        out["cost_per_hour"] = _number(settings.cost_per_hour)
    if settings.hours_per_fte != ReportSettings().hours_per_fte:
        out["hours_per_fte"] = _number(settings.hours_per_fte)
    if settings.relevance:
        out["relevance"] = {name: _number(band) for name, band in settings.relevance.items()}
    return out


def _model(spec: ModelSpec, i: int) -> dict[str, Any]:
    out: dict[str, Any] = {"name": spec.name}
    if spec.name_nb:
        out["name_nb"] = spec.name_nb
    out["policy"] = policy_to_data(spec.policy, field=f"models[{i}].policy")
    if not isinstance(spec.planning, NoLists):
        out["planning"] = planning_to_data(spec.planning, field=f"models[{i}].planning")
    if math.isfinite(spec.max_lateness):
        out["max_lateness"] = format_minutes(spec.max_lateness)
    if spec.organisation is not None:
        out["organisation"] = _organisation(spec.organisation, spec.organisation_ref)
    if spec.roster is not None:
        out["roster"] = _object(spec.roster)
    if spec.floors is not None:
        out["floors"] = [_object(floor) for floor in spec.floors]
    return out


def file_data(file: ScenarioFile) -> dict[str, Any]:
    """Everything a scenario file holds, as the plain data a file is written from.

    Raises
    ------
    InvalidArgument
        For a policy, ordering rule or duration distribution of one's own, which a file
        cannot describe (the message names its path).

    Examples
    --------
    >>> from hometeams.io import example_scenario
    >>> data = file_data(example_scenario())
    >>> data["horizon"], data["models"][2]["policy"]["threshold"]
    ('4 weeks', '15 min')
    """
    s: Scenario = file.scenario
    out: dict[str, Any] = {}
    if s.name:
        out["name"] = s.name
    if file.name_nb:
        out["name_nb"] = file.name_nb
    out["horizon"] = format_minutes(s.horizon)
    if s.warmup:
        out["warmup"] = format_minutes(s.warmup)
    out["organisation"] = _organisation(s.organisation, file.organisation_ref)
    parts: tuple[tuple[str, Any, Any], ...] = (
        ("clock", s.clock, PeriodClock()),
        ("roster", s.roster, None),
        ("demand", s.demand, Demand()),
        ("absences", s.absences, Absences()),
        ("travel", s.travel, TravelMatrix()),
    )
    for key, value, default in parts:
        if value != default:
            try:
                out[key] = _object(value)
            except InvalidArgument as err:
                raise InvalidArgument(f"{key}.{err}") from None
    if s.floors:
        out["floors"] = [_object(floor) for floor in s.floors]
    out["models"] = [_model(spec, i) for i, spec in enumerate(file.models)]
    experiment = _experiment(file.experiment)
    if experiment:
        out["experiment"] = experiment
    report = _report(file.report)
    if report:
        out["report"] = report
    return out
