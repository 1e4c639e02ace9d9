"""The parts of a scenario file besides the scenario: models, experiment settings, references.

A planner's question -- "three fixed zone teams, or one pooled evening team, or the zone teams
with overflow after half an hour?" -- names organisation models (:class:`ModelSpec`: a name, a
policy, a planning, a drop rule and, if the model changes them, its own organisation, roster and
floors, written as changes to the file's scenario). How to run the comparison is
:class:`~hometeams.experiment.ExperimentSettings`, the same value
:func:`~hometeams.experiment.compare` takes. :class:`OrganisationRef` remembers that a file's
organisation came from another file or a built-in example, so that writing the file refers to it
again.
"""

from __future__ import annotations

import difflib
import math
import types
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.experiment import ExperimentSettings
from hometeams.io._examples import example_organisation
from hometeams.metrics import METRICS, relevance_bands
from hometeams.model import Organisation
from hometeams.scenario import Floor, Roster
from hometeams.sim import NoLists

__all__ = [
    "ExperimentSettings",
    "ModelSpec",
    "OrganisationRef",
    "ReportSettings",
    "check_file_metrics",
    "known_metric",
]


@attrs.frozen
class OrganisationRef:
    """Where a scenario file's organisation comes from: an organisation file or an example.

    A file path is relative to the scenario file. Writing a scenario refers to the same
    place again instead of copying the organisation into the file.

    Examples
    --------
    >>> OrganisationRef(example="D")
    OrganisationRef(file=None, example='D')
    >>> OrganisationRef(file="case_d.toml", example="D")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: give file or example, not both
    """

    file: str | None = attrs.field(default=None, kw_only=True)
    example: str | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if (self.file is None) == (self.example is None):
            raise InvalidScenario("give file or example, not both")
        if self.file is not None and (not isinstance(self.file, str) or not self.file.strip()):
            raise InvalidScenario(
                f"must be the path of an organisation file, got {self.file!r}", path="file"
            )
        if self.example is not None:
            try:
                example_organisation(self.example)
            except InvalidArgument as err:
                raise InvalidScenario(str(err).removeprefix("example: "), path="example") from None


def known_metric(name: object, *, field: str) -> None:
    """Refuse a metric a file names that is not in :data:`~hometeams.metrics.METRICS`."""
    if not isinstance(name, str) or name not in METRICS:
        close = difflib.get_close_matches(str(name), list(METRICS), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else "; see hometeams.metrics.METRICS"
        raise InvalidScenario(f"unknown metric {name!r}{hint}", path=field)


def check_file_metrics(settings: ExperimentSettings) -> None:
    """The metrics an experiment of a file names must be the simulator's (METRICS)."""
    for i, name in enumerate(settings.metrics or ()):
        known_metric(name, field=f"metrics[{i}]")
    for i, name in enumerate(settings.precision.metrics or () if settings.precision else ()):
        known_metric(name, field=f"precision.metrics[{i}]")


def _bands(value: Mapping[str, float]) -> Mapping[str, float]:
    if not isinstance(value, Mapping):
        raise InvalidScenario(f"must be a table of metric names and bands, got {value!r}")
    return types.MappingProxyType(dict(value))


@attrs.frozen
class ReportSettings:
    """How to read the results: the cost of an hour, the hours of an FTE, relevance bands.

    Parameters
    ----------
    cost_per_hour
        Kroner per paid hour (wages with holiday pay, pension and employer's tax), to show
        the resources in NOK; left out, the report shows hours and FTE only.
    hours_per_fte
        Hours a week of one full-time equivalent (*årsverk*): 37.5 by default, the
        municipal sector's ordinary week; 35.5 or 33.6 for rotations with many evenings,
        nights and Sundays.
    relevance
        Practical-relevance bands by metric name, in the metric's unit (a share as a
        fraction: 0.01 is one percentage point), in place of the defaults of
        :data:`~hometeams.metrics.RELEVANCE`; 0 turns a band off.

    Examples
    --------
    >>> ReportSettings(cost_per_hour=650, relevance={"mean_delay": 10}).relevance["mean_delay"]
    10.0
    >>> ReportSettings(relevance={"mean_dely": 10})
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: relevance.mean_dely: unknown metric 'mean_dely'; did you mean 'mean_delay'?
    """  # noqa: E501 - a doctest's output line cannot be wrapped

    cost_per_hour: float | None = attrs.field(default=None, kw_only=True)
    hours_per_fte: float = attrs.field(default=37.5, kw_only=True)
    relevance: Mapping[str, float] = attrs.field(
        factory=lambda: types.MappingProxyType({}), converter=_bands, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        for field in ("cost_per_hour", "hours_per_fte"):
            value = getattr(self, field)
            if value is None and field == "cost_per_hour":
                continue
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            if not ok or not math.isfinite(value) or value <= 0:
                raise InvalidScenario(f"must be a finite number > 0, got {value!r}", path=field)
            object.__setattr__(self, field, float(value))
        for name in self.relevance:
            known_metric(name, field=f"relevance.{name}")
        try:
            bands = relevance_bands(self.relevance)
        except InvalidArgument as err:
            path, _, rule = str(err).partition(": ")
            raise InvalidScenario(rule, path=path) from None
        given = {name: bands[name] for name in self.relevance}
        object.__setattr__(self, "relevance", types.MappingProxyType(given))


def _floors(value: Iterable[Floor] | None) -> tuple[Floor, ...] | None:
    return None if value is None else tuple(value)


def _planning(value: object) -> object:
    return NoLists() if value is None else value


@attrs.frozen
class ModelSpec:
    """One organisation model of a scenario file: a name, a policy and what it changes.

    A model is the file's scenario run under ``policy``, with its own ``organisation``,
    ``roster`` and ``floors`` where it gives them (a merged team is a different organisation
    and rota; the demand, absences and travel stay the file's).

    Parameters
    ----------
    name
        How tables and reports call the model, e.g. ``"pooled evenings"``.
    name_nb
        Its name in Norwegian reports, e.g. ``"samlet kveld"``; ``name`` if left out.
    policy
        The organisation model: a policy from :mod:`hometeams.sim`.
    planning
        How planned visits go on work lists: ``NoLists()`` (the default), ``DailyLists()`` or
        ``FixedLists()`` from :mod:`hometeams.sim`.
    max_lateness
        The drop rule: a job not started by ``due + max_lateness`` minutes ends unserved;
        never (infinity) by default, as in every file written before the rule could be set.
    organisation, roster, floors
        Replacements for the scenario's own; ``None`` keeps the scenario's.
    organisation_ref
        Where ``organisation`` came from, if from a file or an example.

    Examples
    --------
    >>> from hometeams.sim import Overflow
    >>> ModelSpec("overflow", Overflow(threshold=30)).name
    'overflow'
    >>> ModelSpec("overflow", "overflow")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: policy: must be a policy (with plan and order), got 'overflow'
    """

    name: str
    policy: Any
    name_nb: str = attrs.field(default="", kw_only=True)
    planning: Any = attrs.field(factory=NoLists, converter=_planning, kw_only=True)
    max_lateness: float = attrs.field(default=math.inf, kw_only=True)
    organisation: Organisation | None = attrs.field(default=None, kw_only=True)
    organisation_ref: OrganisationRef | None = attrs.field(default=None, kw_only=True)
    roster: Roster | None = attrs.field(default=None, kw_only=True)
    floors: tuple[Floor, ...] | None = attrs.field(default=None, converter=_floors, kw_only=True)

    def __attrs_post_init__(self) -> None:
        name: object = self.name
        if not isinstance(name, str) or not name.strip() or name != name.strip():
            raise InvalidScenario(
                f"must be a non-empty name without leading or trailing spaces, got {name!r}",
                path="name",
            )
        if not isinstance(self.name_nb, str) or self.name_nb != self.name_nb.strip():
            raise InvalidScenario(
                f"must be a name without leading or trailing spaces, got {self.name_nb!r}",
                path="name_nb",
            )
        if not (callable(getattr(self.policy, "plan", None)) and hasattr(self.policy, "order")):
            raise InvalidScenario(
                f"must be a policy (with plan and order), got {self.policy!r}", path="policy"
            )
        if not (
            callable(getattr(self.planning, "lists", None))
            and hasattr(self.planning, "release_after")
        ):
            raise InvalidScenario(
                f"must be a planning (with lists and release_after), got {self.planning!r}",
                path="planning",
            )
        late: object = self.max_lateness
        if isinstance(late, bool) or not isinstance(late, int | float) or not late >= 0:
            raise InvalidScenario(f"must be >= 0 minutes, got {late!r}", path="max_lateness")
        object.__setattr__(self, "max_lateness", float(late))
        for field, cls in (("organisation", Organisation), ("roster", Roster)):
            value = getattr(self, field)
            if value is not None and not isinstance(value, cls):
                raise InvalidScenario(
                    f"must be a {cls.__name__} or None, got {type(value).__name__}", path=field
                )
        if self.organisation_ref is not None and self.organisation is None:
            raise InvalidScenario(
                "names where the organisation came from, but there is no organisation",
                path="organisation_ref",
            )

    @property
    def overrides(self) -> tuple[str, ...]:
        """The parts of the scenario this model replaces (``"organisation"``, ...)."""
        return tuple(
            f for f in ("organisation", "roster", "floors") if getattr(self, f) is not None
        )
