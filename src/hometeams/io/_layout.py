"""A scenario file's tables, read and written: one table of forms for both directions.

A scenario file is read in two steps. First the strict converter of :mod:`hometeams.io._convert`
structures the TOML tree into the layout below (:class:`Layout` and :class:`RawModel`) and the
scenario's value objects, refusing unknown keys and wrong types and collecting every problem
with its field path (:func:`scenario_converter`). Then :mod:`hometeams.io._scenario` resolves
the organisation (inline, a file or a built-in example) and builds the
:class:`~hometeams.scenario.Scenario`, whose own checks (unknown staff, overlapping shifts,
broken floors) carry paths from the file's root.

Writing is the inverse: :func:`file_data` turns a scenario file's objects into the plain data a
file is written from, in the canonical form a planner would write -- ``"4 weeks"`` for a
horizon, ``"08:00"`` for a visit time, ``"weekdays"`` for Monday to Friday, a bare number for a
fixed duration, ``"pooled"`` for a policy with nothing but defaults -- with every field left at
its default left out, and :mod:`hometeams.io._emit` lays it out (:data:`TABLES`,
:data:`ARRAYS`, :data:`INLINE`). Reading the result gives back equal objects
(``read(write(x)) == x``), and writing it again gives the same text.

Most fields are read and written by their type (a ``float`` is a number, a set is written
sorted). Fields a planner writes in a friendlier form -- ``"4 weeks"``, ``"08:30"``,
``"weekdays"`` -- have a :class:`~hometeams.io._codec.Form` in :data:`FORMS`: the hook that
reads the field, the writer and the JSON Schema that describes it, so that the reader, the
writer and the published schema (:mod:`hometeams.io._schema`) cannot drift apart. The forms of
units, durations, policies and plannings live in their own modules; the forms of this file's
own tables -- sick leave, the experiment and its stopping rule, the report, the organisation --
are here.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import attrs
import cattrs
from cattrs.errors import ClassValidationError

from hometeams._time import WEEK, PeriodClock
from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.experiment import Precision
from hometeams.io._codec import Form, Hook, Schema, fields_data, passthrough
from hometeams.io._convert import class_hook, make_converter
from hometeams.io._durations import DURATION, DURATION_FORMS, DURATION_KINDS, duration_schema
from hometeams.io._file import ScenarioFile
from hometeams.io._planning import PLANNING, planning_schema
from hometeams.io._policy import POLICY, argument_error, policy_schema
from hometeams.io._spec import ExperimentSettings, ModelSpec, OrganisationRef, ReportSettings
from hometeams.io._toml import ORGANISATION_LISTS, organisation_data
from hometeams.io._units import (
    CLOCK,
    CLOCK_VALUE,
    DAYS,
    MEANS,
    MINUTES,
    PERIOD,
    PROFILE,
    TIMES,
    UNIT_SCHEMAS,
    WEEKS,
    number_data,
)
from hometeams.metrics import METRICS
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

__all__ = [
    "ARRAYS",
    "FORMS",
    "FORM_CLASSES",
    "INLINE",
    "SHARED_SCHEMAS",
    "SICK_LEAVE",
    "TABLES",
    "Layout",
    "RawModel",
    "file_data",
    "scenario_converter",
]


# -- sick leave: a probability, or a table with the staff it applies to -------------------------


def _read_sick_leave(conv: cattrs.Converter) -> Hook:
    table = class_hook(SickLeave, conv)

    def hook(value: object, _: object) -> SickLeave:
        if isinstance(value, int | float) and not isinstance(value, bool):
            try:
                return SickLeave(value)
            except InvalidScenario as err:
                raise InvalidScenario(err.rule) from None
        if not isinstance(value, Mapping):
            raise InvalidScenario(
                f"must be a probability or a table {{ probability = ..., staff = [...] }}, "
                f"got {value!r}"
            )
        return table(value, SickLeave)

    return hook


def _write_sick_leave(value: SickLeave) -> Any:
    if not value.staff:
        return value.probability
    return {"probability": value.probability, "staff": sorted(value.staff)}


SICK_LEAVE = Form(
    read_with=_read_sick_leave,
    write=_write_sick_leave,
    schema={
        "description": "Sick leave: the probability that a staff member is absent from a "
        "shift, or a table with the probability and the staff it applies to.",
        "anyOf": [{"type": "number", "minimum": 0, "maximum": 1}, {"$ref": "#/$defs/SickLeave"}],
    },
)
"""Sick leave: a probability, or a table with the probability and the staff."""


# -- the experiment: its settings and stopping rule ---------------------------------------------


def _read_precision(conv: cattrs.Converter) -> Hook:
    table = class_hook(Precision, conv)

    def located(err: InvalidArgument) -> InvalidScenario:
        found = argument_error(err)  # "precision.target: ..." -> path "target" here
        return InvalidScenario(found.rule, path=found.path.removeprefix("precision."))

    def hook(value: object, _: object) -> Precision:
        try:
            return table(value, Precision)
        except InvalidArgument as err:
            raise located(err) from None
        except ClassValidationError as group:  # Precision's own check, wrapped by cattrs
            refused = [e for e in group.exceptions if isinstance(e, InvalidArgument)]
            if not refused:
                raise
            raise located(refused[0]) from None

    return hook


PRECISION = Form(read_with=_read_precision, schema={"$ref": "#/$defs/Precision"})
"""The experiment's stopping rule: a table, read with the rule's own messages located."""

_MISPLACED = {
    "warmup": 'set the warm-up at the top of the file, next to the horizon: warmup = "1 week"',
    "horizon": 'set the horizon at the top of the file: horizon = "4 weeks"',
}


def _read_experiment(conv: cattrs.Converter) -> Hook:
    table = class_hook(ExperimentSettings, conv, **_hooks(ExperimentSettings, conv))

    def hook(value: object, _: object) -> ExperimentSettings:
        if isinstance(value, Mapping):
            for key, advice in _MISPLACED.items():
                if key in value:
                    raise InvalidScenario(advice, path=key)
        return table(value, ExperimentSettings)

    return hook


EXPERIMENT = Form(read_with=_read_experiment)


def _write_seed(seed: object) -> object:
    if seed is not None and not isinstance(seed, int):
        msg = f"experiment.seed: a file holds a whole number >= 0 or none, got {seed!r}"
        raise InvalidArgument(msg)
    return seed


SEED = Form(read=passthrough, write=_write_seed, schema={"type": "integer", "minimum": 0})
"""The experiment's seed: a whole number, which the settings check themselves (Python may also
give a SeedSequence, which no file can hold)."""
"""The experiment table, with advice for a horizon or warm-up put in it."""


# -- the report, the organisation ---------------------------------------------------------------


def _table(value: object, _: object) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidScenario(f"must be a table, got {value!r}")
    return value


def _write_bands(bands: Mapping[str, float]) -> dict[str, float | int]:
    return {name: number_data(band) for name, band in bands.items()}


RELEVANCE = Form(
    read=_table,
    write=_write_bands,
    schema={
        "type": "object",
        "propertyNames": {"enum": list(METRICS)},
        "additionalProperties": {"type": "number", "minimum": 0},
    },
)
"""Relevance bands by metric: a table of numbers (checked by the settings themselves)."""

ORGANISATION = Form(
    read=_table,
    schema={"anyOf": [{"$ref": "#/$defs/OrganisationRef"}, {"$ref": "#/$defs/Organisation"}]},
)
"""An organisation: its tables, a file or an example (resolved after reading; written by
:func:`file_data` as the reference it came from, or in full)."""


# -- the layout -------------------------------------------------------------------------------


@attrs.frozen
class RawModel:
    """One organisation model to compare: a name, a policy and what the model changes.

    A ``[[models]]`` table as read, before its organisation is resolved.

    Parameters
    ----------
    name
        How tables and reports call the model, e.g. "pooled evenings".
    name_nb
        Its name in Norwegian reports, e.g. "samlet kveld".
    policy
        The organisation model: "fixed-teams", "pooled", "overflow", "chained",
        "continuity-first", or a table with the kind and its parameters.
    planning
        How planned visits go on work lists: "none" (the default), "fixed-lists",
        "daily-lists", or a table with the kind, the planner and release_after.
    max_lateness
        The drop rule: a job not started this long after its due time ends unserved, e.g.
        "2 hours"; left out, a job waits as long as it takes.
    organisation
        The model's own organisation (a merged team, say), in the same forms as the file's.
    roster
        The model's own roster.
    floors
        The model's own staffing floors.
    """

    name: str = attrs.field(kw_only=True)
    name_nb: str = attrs.field(default="", kw_only=True)
    policy: Any = attrs.field(kw_only=True)
    planning: Any = attrs.field(default=None, kw_only=True)
    max_lateness: float | None = attrs.field(default=None, kw_only=True)
    organisation: Any = attrs.field(default=None, kw_only=True)
    roster: Roster | None = attrs.field(default=None, kw_only=True)
    floors: tuple[Floor, ...] | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class Layout:
    """The top level of a scenario file as read, before the organisation is resolved.

    Parameters
    ----------
    name
        A name for reports.
    name_nb
        The name in Norwegian reports (``name`` if left out).
    horizon
        Length of each simulated run (default one week).
    warmup
        Time at the start left out of the metrics.
    organisation
        The organisation: its tables written here, or file = "..." (an organisation file,
        relative to this file), or example = "A" ... "E" (a built-in case municipality).
    clock
        Where the day, evening and night begin (default 07:00, 15:00 and 23:00).
    roster
        Who works which shift on which days.
    demand
        Planned visits, unplanned arrivals, safety alarms and hospital discharges.
    absences
        Sick leave and named absences.
    travel
        Travel times between zones.
    floors
        Staffing floors the roster must meet.
    models
        The organisation models to compare (at least one).
    experiment
        How to run the comparison.
    report
        How to read the results: the cost of an hour, the hours of an FTE and the relevance
        band of each metric.
    """

    name: str = attrs.field(default="", kw_only=True)
    name_nb: str = attrs.field(default="", kw_only=True)
    horizon: float = attrs.field(default=WEEK, kw_only=True)
    warmup: float = attrs.field(default=0.0, kw_only=True)
    organisation: Any = attrs.field(kw_only=True)
    clock: PeriodClock = attrs.field(default=PeriodClock(), kw_only=True)
    roster: Roster = attrs.field(kw_only=True)
    demand: Demand = attrs.field(default=Demand(), kw_only=True)
    absences: Absences = attrs.field(default=Absences(), kw_only=True)
    travel: TravelMatrix = attrs.field(default=TravelMatrix(), kw_only=True)
    floors: tuple[Floor, ...] = attrs.field(default=(), kw_only=True)
    models: tuple[RawModel, ...] = attrs.field(kw_only=True)
    experiment: ExperimentSettings = attrs.field(default=ExperimentSettings(), kw_only=True)
    report: ReportSettings = attrs.field(default=ReportSettings(), kw_only=True)


_JOB = {"times": TIMES, "window": MINUTES, "duration": DURATION}
_RATED = {"window": MINUTES, "duration": DURATION, "by_hour": PROFILE, "by_weekday": PROFILE}

FORMS: Mapping[type, Mapping[str, Form]] = MappingProxyType(
    {
        Layout: {
            "horizon": MINUTES,
            "warmup": MINUTES,
            "organisation": ORGANISATION,
            "experiment": EXPERIMENT,
        },
        RawModel: {
            "policy": POLICY,
            "planning": PLANNING,
            "max_lateness": MINUTES,
            "organisation": ORGANISATION,
        },
        PeriodClock: dict.fromkeys(("day", "evening", "night"), CLOCK_VALUE),
        Shift: {"start": CLOCK, "end": CLOCK},
        RosterLine: {"days": DAYS, "weeks": WEEKS},
        Floor: {"period": PERIOD, "days": DAYS},
        VisitPlan: {"days": DAYS, **_JOB},
        ArrivalProcess: _RATED,
        Alarms: _RATED,
        Episode: _JOB,
        Discharges: {"mean": MEANS, "time": CLOCK, "zone_weights": PROFILE},
        Absences: {"sick_leave": SICK_LEAVE},
        Absence: {"start": MINUTES, "end": MINUTES},
        # a travel time is read in any unit and written as a number of minutes
        Leg: {"minutes": attrs.evolve(MINUTES, write=None)},
        **DURATION_FORMS,
        ExperimentSettings: {"precision": PRECISION, "seed": SEED},
        ReportSettings: {
            "cost_per_hour": Form(
                write=number_data, schema={"type": "number", "exclusiveMinimum": 0}
            ),
            "hours_per_fte": Form(
                write=number_data,
                schema={"type": "number", "exclusiveMinimum": 0, "default": 37.5},
            ),
            "relevance": RELEVANCE,
        },
    }
)
"""Every field read and written in a form of its own, by class: its hook, its writer and its
JSON Schema. Fields not listed are read, written and described by their type."""

FORM_CLASSES: tuple[type, ...] = (
    Layout,
    RawModel,
    PeriodClock,
    Roster,
    Shift,
    RosterLine,
    Floor,
    Demand,
    VisitPlan,
    ArrivalProcess,
    Alarms,
    Discharges,
    Episode,
    Fixed,
    Exponential,
    LogNormal,
    Empirical,
    Absences,
    SickLeave,
    Absence,
    TravelMatrix,
    Leg,
    ExperimentSettings,
    Precision,
    ReportSettings,
)
"""The classes a scenario file is made of (besides the organisation's), each before the
classes it holds."""

SHARED_SCHEMAS: Mapping[str, Callable[[], Schema]] = MappingProxyType(
    {
        **UNIT_SCHEMAS,
        "duration": duration_schema,
        "policy": policy_schema,
        "planning": planning_schema,
    }
)
"""Schemas that many fields refer to (``#/$defs/minutes``), by name."""


# -- reading ------------------------------------------------------------------------------------


def _hooks(cls: type, conv: cattrs.Converter) -> dict[str, Hook]:
    """The hooks of the fields of ``cls`` read in a form of their own."""
    hooks = {name: form.hook(conv) for name, form in FORMS.get(cls, {}).items()}
    return {name: hook for name, hook in hooks.items() if hook is not None}


@functools.cache
def scenario_converter() -> cattrs.Converter:
    """The strict converter for scenario files: the organisation's, plus the scenario's parts.

    Examples
    --------
    >>> from hometeams.scenario import VisitPlan
    >>> scenario_converter().structure(
    ...     {"user": "u1", "days": "weekdays", "times": ["08:00"], "window": "30 min",
    ...      "duration": {"kind": "lognormal", "mean": 30, "sd": 10}}, VisitPlan)
    ... # doctest: +NORMALIZE_WHITESPACE
    VisitPlan(user='u1', days=frozenset({0, 1, 2, 3, 4}), times=(480.0,),
              duration=LogNormal(mean=30.0, sd=10.0), window=30.0, required=frozenset(),
              preferred=frozenset(), n_staff=1, team=None)
    """
    conv = make_converter()
    # A class's hook binds the hooks of the classes it holds when it is made: leaves first.
    for cls in reversed(FORM_CLASSES):
        if cls is Precision or cls in DURATION_KINDS.values():
            continue  # read by the precision and duration forms
        conv.register_structure_hook(cls, class_hook(cls, conv, **_hooks(cls, conv)))
    return conv


# -- writing ------------------------------------------------------------------------------------

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
        *(f"organisation.{key}" for key in ORGANISATION_LISTS),
        *(f"models.organisation.{key}" for key in ORGANISATION_LISTS),
        "roster.lines",
        "roster.shifts",
        "models.roster.lines",
        "models.roster.shifts",
    }
)
"""Paths of lists always written inline, one item per line (as in organisation files)."""

_NAME_FIRST = (ArrivalProcess, Alarms, Discharges)  # a demand source is known by its name


def _plain(value: Any) -> Any:
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if attrs.has(type(value)):
        return _object(value)
    return value


def _object(value: Any) -> dict[str, Any]:
    if type(value) not in FORM_CLASSES:
        msg = f"cannot write {type(value).__name__} to a scenario file"
        raise TypeError(msg)
    out = fields_data(value, FORMS.get(type(value), {}), _plain)
    if isinstance(value, _NAME_FIRST):
        out = {"name": value.name, **out}
    return out


def _write(cls: type, name: str, value: Any) -> Any:
    """``value`` written in the form of the field ``name`` of ``cls``."""
    write = FORMS[cls][name].write
    return _plain(value) if write is None else write(value)


def _organisation(org: Organisation, ref: OrganisationRef | None) -> dict[str, Any]:
    if ref is None:
        return organisation_data(org)
    return {"file": ref.file} if ref.file is not None else {"example": ref.example}


def _model(spec: ModelSpec, i: int) -> dict[str, Any]:
    out: dict[str, Any] = {"name": spec.name}
    if spec.name_nb:
        out["name_nb"] = spec.name_nb
    try:
        out["policy"] = _write(RawModel, "policy", spec.policy)
        if not isinstance(spec.planning, NoLists):
            out["planning"] = _write(RawModel, "planning", spec.planning)
        if math.isfinite(spec.max_lateness):
            out["max_lateness"] = _write(RawModel, "max_lateness", spec.max_lateness)
    except InvalidArgument as err:
        raise InvalidArgument(f"models[{i}].{err}") from None
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
    out["horizon"] = _write(Layout, "horizon", s.horizon)
    if s.warmup:
        out["warmup"] = _write(Layout, "warmup", s.warmup)
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
    for key, settings in (("experiment", file.experiment), ("report", file.report)):
        data = fields_data(settings, FORMS[type(settings)], _plain)
        if data:
            out[key] = data
    return out
