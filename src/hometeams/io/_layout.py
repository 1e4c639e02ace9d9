"""The layout of a scenario file, and how each field is read -- one table for both.

A scenario file is read in two steps. First the strict converter of :mod:`hometeams.io._convert`
structures the TOML tree into the layout below (:class:`Layout` and :class:`RawModel`) and the
scenario's value objects, refusing unknown keys and wrong types and collecting every problem
with its field path. Then :mod:`hometeams.io._scenario` resolves the organisation (inline, a
file or a built-in example) and builds the :class:`~hometeams.scenario.Scenario`, whose own
checks (unknown staff, overlapping shifts, broken floors) carry paths from the file's root.

Most fields are read by their type (a ``float`` must be a number, a ``tuple[str, ...]`` a list of
strings). Fields a planner writes in a friendlier form -- ``"4 weeks"``, ``"08:30"``,
``"weekdays"`` -- have a :class:`~hometeams.io._forms.Form` in :data:`FORMS`: the hook that
reads the field *and* the JSON Schema that describes it, so that the published schema
(:mod:`hometeams.io._schema`) cannot drift from what the reader accepts. The hooks that need
the converter itself -- durations, sick leave, the experiment's stopping rule -- are here.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs
import cattrs
from cattrs.errors import ClassValidationError

from hometeams._time import WEEK, PeriodClock
from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.experiment import Precision
from hometeams.io._convert import class_hook, make_converter
from hometeams.io._forms import (
    CLOCK,
    CLOCK_VALUE,
    DAYS,
    DURATION_KINDS,
    MEANS,
    MINUTES,
    NUMBER,
    ORGANISATION,
    PERIOD,
    PLANNING,
    POLICY,
    RELEVANCE,
    TIMES,
    WEEKS,
    Form,
    Hook,
)
from hometeams.io._policy import argument_error
from hometeams.io._spec import ExperimentSettings, ReportSettings
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
    Shift,
    SickLeave,
    TravelMatrix,
    VisitPlan,
)

__all__ = ["FORMS", "FORM_CLASSES", "Layout", "RawModel", "scenario_converter"]


# -- durations --------------------------------------------------------------------------------


def _duration_hook(conv: cattrs.Converter) -> Hook:
    hooks: dict[str, Hook] = {
        kind: class_hook(cls, conv, **{name: f.hook for name, f in FORMS.get(cls, {}).items()})
        for kind, cls in DURATION_KINDS.items()
    }
    kinds = ", ".join(DURATION_KINDS)

    def hook(value: object, _: object) -> object:
        if isinstance(value, int | float) and not isinstance(value, bool):
            try:
                return Fixed(value)
            except InvalidScenario as err:
                raise InvalidScenario(err.rule) from None
        if not isinstance(value, Mapping):
            raise InvalidScenario(
                f"must be a number of minutes or a table with a kind ({kinds}), got {value!r}"
            )
        if "kind" not in value:
            raise InvalidScenario(f"required key is missing; one of {kinds}", path="kind")
        kind = value["kind"]
        if not isinstance(kind, str) or kind not in hooks:
            raise InvalidScenario(f"must be one of {kinds}, got {kind!r}", path="kind")
        rest = {k: v for k, v in value.items() if k != "kind"}
        return hooks[kind](rest, DURATION_KINDS[kind])

    return hook


# -- policies, organisations, experiment ------------------------------------------------------


def _sick_leave_hook(conv: cattrs.Converter) -> Hook:
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


def _precision_hook(conv: cattrs.Converter) -> Hook:
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


_MISPLACED = {
    "warmup": 'set the warm-up at the top of the file, next to the horizon: warmup = "1 week"',
    "horizon": 'set the horizon at the top of the file: horizon = "4 weeks"',
}


def _experiment_hook(conv: cattrs.Converter) -> Hook:
    # The settings check the seed themselves (a file gives a whole number; Python may also
    # give a SeedSequence, which no TOML value is).
    table = class_hook(
        ExperimentSettings, conv, precision=_precision_hook(conv), seed=lambda value, _: value
    )

    def hook(value: object, _: object) -> ExperimentSettings:
        if isinstance(value, Mapping):
            for key, advice in _MISPLACED.items():
                if key in value:
                    raise InvalidScenario(advice, path=key)
        return table(value, ExperimentSettings)

    return hook


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


_JOB = {"times": TIMES, "window": MINUTES}

FORMS: Mapping[type, Mapping[str, Form]] = MappingProxyType(
    {
        Layout: {"horizon": MINUTES, "warmup": MINUTES, "organisation": ORGANISATION},
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
        ArrivalProcess: {"window": MINUTES},
        Alarms: {"window": MINUTES},
        Episode: _JOB,
        Discharges: {"mean": MEANS, "time": CLOCK},
        Absence: {"start": MINUTES, "end": MINUTES},
        Leg: {"minutes": MINUTES},
        Fixed: {"minutes": NUMBER},
        Exponential: {"mean": NUMBER},
        LogNormal: {"mean": NUMBER, "sd": NUMBER},
        ReportSettings: {"relevance": RELEVANCE},
    }
)
"""Every field read in a form of its own, by class: its hook and its JSON Schema. The
``duration``, ``sick_leave`` and ``precision`` fields are read by hooks below."""

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


def _hooks(cls: type, duration: Hook) -> dict[str, Hook]:
    hooks = {name: form.hook for name, form in FORMS.get(cls, {}).items()}
    if any(f.name == "duration" for f in attrs.fields(cls)):
        hooks["duration"] = duration
    return hooks


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
    duration = _duration_hook(conv)
    # A class's hook binds the hooks of the classes it holds when it is made: leaves first.
    for cls in reversed(FORM_CLASSES):
        if cls is Precision or cls in DURATION_KINDS.values():
            continue  # read by the precision and duration hooks
        if cls is Absences:
            hook = class_hook(Absences, conv, sick_leave=_sick_leave_hook(conv))
        elif cls is ExperimentSettings:
            hook = _experiment_hook(conv)
        else:
            hook = class_hook(cls, conv, **_hooks(cls, duration))
        conv.register_structure_hook(cls, hook)
    return conv
