"""Everything one scenario file holds: a study written as a scenario and changes to it.

A :class:`ScenarioFile` is the district as it is (a :class:`~hometeams.scenario.Scenario`:
organisation, roster, demand, absences, travel, floors, clock, horizon and warm-up), the
organisation models to run on it (:class:`~hometeams.io.ModelSpec`: each a policy, a planning,
a drop rule and the parts of the scenario it changes), how sure the comparison must be
(:class:`~hometeams.experiment.ExperimentSettings`) and how to read the results
(:class:`~hometeams.io.ReportSettings`, names in Norwegian). Every model meets the same realised
demand and absences (common random numbers).

A file does not run anything: :meth:`ScenarioFile.study` gives the
:class:`~hometeams.experiment.Study` it describes, for :func:`~hometeams.experiment.compare`,
and :meth:`ScenarioFile.from_study` turns a study built in Python into a file to write and
share.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from hometeams._words import phrase
from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.experiment import ExperimentSettings, Model, Study
from hometeams.io._examples import example_organisation
from hometeams.io._policy import policy_kind
from hometeams.io._spec import ModelSpec, OrganisationRef, ReportSettings, check_file_metrics
from hometeams.model import Organisation
from hometeams.scenario import Finding, Limits, Scenario, SizeEstimate, audit, check_size
from hometeams.sim import Chained, ContinuityFirst, Pooled

__all__ = ["ScenarioFile"]

_SHARED = ("demand", "absences", "travel", "clock", "horizon", "warmup")
"""The parts of a scenario every model of a file shares."""


def _models(values: Iterable[ModelSpec]) -> tuple[ModelSpec, ...]:
    return tuple(values)


@attrs.frozen
class ScenarioFile:
    """A scenario, the organisation models to compare on it, and how to run the comparison.

    Parameters
    ----------
    scenario
        The district: organisation, roster, demand, absences, travel, floors, clock, horizon,
        warm-up and name. Its ``policy`` must be ``None``: the models carry the policies.
    models
        The models to compare, with unique names (at least one).
    experiment
        How to run them.
    report
        How to read the results: cost per hour, hours of an FTE, relevance bands.
    name_nb
        The scenario's name in Norwegian reports (its ``name`` if left out).
    organisation_ref
        Where the scenario's organisation came from, if from a file or a built-in example;
        ``None`` if it is written out in the scenario file.

    Raises
    ------
    InvalidScenario
        With the path of the field in the file: ``models[1].name``, ``experiment.baseline``,
        ``models[2].policy.primary.kari``, or the path in the scenario of a part that does not
        fit a model's own organisation or roster.

    Examples
    --------
    >>> from hometeams.model import Organisation, Staff, Team
    >>> from hometeams.scenario import Roster, Scenario
    >>> from hometeams.sim import FixedTeams, Pooled
    >>> org = Organisation("x", staff=[Staff("kari", profession="nurse")],
    ...                    teams=[Team("t", members=["kari"])])
    >>> file = ScenarioFile(Scenario(org, Roster.weekly({"kari": {"daily": "day"}})),
    ...                     [ModelSpec("fixed", FixedTeams()), ModelSpec("pooled", Pooled())],
    ...                     experiment=ExperimentSettings(baseline="pooled"))
    >>> file.study().model_names
    ('fixed', 'pooled')
    >>> ScenarioFile(file.scenario, [ModelSpec("a", Pooled()), ModelSpec("a", FixedTeams())])
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: models[1].name: 'a' is the name of models[0]; give each model its own
    """  # noqa: E501 - a doctest's output line cannot be wrapped

    scenario: Scenario
    models: tuple[ModelSpec, ...] = attrs.field(converter=_models)
    experiment: ExperimentSettings = attrs.field(default=ExperimentSettings(), kw_only=True)
    report: ReportSettings = attrs.field(default=ReportSettings(), kw_only=True)
    name_nb: str = attrs.field(default="", kw_only=True)
    organisation_ref: OrganisationRef | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.scenario, Scenario):
            raise InvalidScenario(f"must be a Scenario, got {type(self.scenario).__name__}")
        if not isinstance(self.report, ReportSettings):
            raise InvalidScenario(f"must be ReportSettings, got {self.report!r}", path="report")
        if not isinstance(self.name_nb, str):
            raise InvalidScenario(f"must be a string, got {self.name_nb!r}", path="name_nb")
        if not self.models:
            raise InvalidScenario(
                "must hold at least one model: [[models]] with a name and a policy",
                path="models",
            )
        seen: dict[str, int] = {}
        for i, spec in enumerate(self.models):
            if not isinstance(spec, ModelSpec):
                raise InvalidScenario(f"must be a ModelSpec, got {spec!r}", path=f"models[{i}]")
            if spec.name in seen:
                raise InvalidScenario(
                    f"{spec.name!r} is the name of models[{seen[spec.name]}]; give each model "
                    "its own",
                    path=f"models[{i}].name",
                )
            seen[spec.name] = i
        titles: dict[str, int] = {}
        for i, spec in enumerate(self.models):
            title = spec.name_nb or spec.name
            if title in titles:
                raise InvalidScenario(
                    f"{title!r} is the Norwegian name of models[{titles[title]}]; give each "
                    "model its own",
                    path=f"models[{i}].name_nb",
                )
            titles[title] = i
        if not isinstance(self.experiment, ExperimentSettings):
            raise InvalidScenario(
                f"must be ExperimentSettings, got {self.experiment!r}", path="experiment"
            )
        try:
            check_file_metrics(self.experiment)
        except InvalidScenario as err:
            raise err.within("experiment") from None
        baseline = self.experiment.baseline
        if baseline is not None and baseline not in seen:
            raise InvalidScenario(
                f"must be one of the models {list(seen)}, got {baseline!r}",
                path="experiment.baseline",
            )
        precision = self.experiment.precision
        if precision is not None and precision.differences and len(self.models) < 2:
            raise InvalidScenario(
                "needs at least two models to take differences", path="experiment.precision"
            )
        ref = self.organisation_ref
        if (
            ref is not None
            and ref.example is not None
            and example_organisation(ref.example) != self.scenario.organisation
        ):
            raise InvalidScenario(
                f"the scenario's organisation is not the built-in example {ref.example!r} "
                "that organisation_ref names",
                path="organisation",
            )
        _ = self._scenarios  # builds (and so checks) every model's scenario

    @functools.cached_property
    def _scenarios(self) -> tuple[Scenario, ...]:
        return tuple(_scenario_for(self, i) for i in range(len(self.models)))

    def _model_scenario(self, i: int) -> Scenario:
        return self._scenarios[i]

    @classmethod
    def from_study(cls, study: Study, *, name: str | None = None) -> ScenarioFile:
        """The scenario file of a study built in Python, to write and share.

        The models must share everything a file shares -- demand, absences, travel, clock,
        horizon and warm-up -- and may differ in organisation, roster and floors (the first
        model's are the file's). A model without a policy runs pooled, as the simulator would.

        Parameters
        ----------
        study
            A :class:`~hometeams.experiment.Study` whose models each hold a
            :class:`~hometeams.scenario.Scenario`; its settings become the file's
            ``[experiment]``.
        name
            The file's name; the first scenario's by default.

        Raises
        ------
        InvalidArgument
            Naming the first model and part that a file cannot share.

        Examples
        --------
        >>> from hometeams.cases import evening_staffing
        >>> from hometeams.experiment import Study
        >>> file = ScenarioFile.from_study(Study(evening_staffing(weeks=2)), name="1.4 versus 2")
        >>> file.model_names, [spec.overrides for spec in file.models]
        (('fixed team', 'pooled', 'overflow'), [(), ('roster',), ('roster',)])
        """
        if not isinstance(study, Study):
            raise InvalidArgument(f"study: must be a Study, got {study!r}")
        chosen = list(study.models)
        for i, model in enumerate(chosen):
            if not isinstance(model.scenario, Scenario):
                raise InvalidArgument(
                    f"models[{i}]: must be a Model with a Scenario, got {model!r}"
                )
        first = chosen[0].scenario
        base = attrs.evolve(first, name=first.name if name is None else name)
        specs = []
        for i, model in enumerate(chosen):
            s: Scenario = model.scenario
            for part in _SHARED:
                if getattr(s, part) != getattr(base, part):
                    raise InvalidArgument(
                        f"models[{i}].scenario.{part}: differs from the first model's; the models "
                        f"of a scenario file share {', '.join(_SHARED)}"
                    )
            own = {
                part: getattr(s, part)
                for part in ("organisation", "roster", "floors")
                if getattr(s, part) != getattr(base, part)
            }
            policy = model.policy
            specs.append(
                ModelSpec(
                    model.name,
                    policy or Pooled(),
                    planning=model.planning,
                    max_lateness=model.max_lateness,
                    **own,
                )
            )
        return cls(base, specs, experiment=study.settings)

    @property
    def model_names(self) -> tuple[str, ...]:
        """The models' names, in file order."""
        return tuple(spec.name for spec in self.models)

    def title(self, lang: str = "en") -> str:
        """The scenario's name in ``lang``: ``name_nb`` in Norwegian if it has one.

        Examples
        --------
        >>> from hometeams.io import example_scenario
        >>> example_scenario().title("nb")
        '1,4 mot 2: kveldene til et rehabiliteringsteam'
        """
        return self.name_nb if lang == "nb" and self.name_nb else self.scenario.name

    def model_titles(self, lang: str = "en") -> dict[str, str]:
        """Each model's name in ``lang``, by model name: ``name_nb`` in Norwegian if it has one.

        Examples
        --------
        >>> from hometeams.io import example_scenario
        >>> example_scenario().model_titles("nb")
        {'fixed team': 'fast team', 'pooled': 'samlet med distriktet', 'overflow': 'overløp'}
        """
        return {
            spec.name: spec.name_nb if lang == "nb" and spec.name_nb else spec.name
            for spec in self.models
        }

    @property
    def baseline(self) -> str:
        """The baseline model's name: the experiment's, or the first model's."""
        return self.experiment.baseline or self.models[0].name

    def model(self, name: str) -> ModelSpec:
        """The model called ``name``.

        Raises
        ------
        InvalidArgument
            If there is none, naming the models there are.
        """
        for spec in self.models:
            if spec.name == name:
                return spec
        raise InvalidArgument(f"model: must be one of {list(self.model_names)}, got {name!r}")

    def scenario_of(self, name: str) -> Scenario:
        """The scenario model ``name`` runs: the file's, with the model's own parts.

        Its ``policy`` stays ``None``; the model's policy is :attr:`ModelSpec.policy`.
        """
        spec = self.model(name)
        return self._model_scenario(self.models.index(spec))

    def study(self) -> Study:
        """The comparison the file describes, to run with :func:`~hometeams.experiment.compare`.

        Each model is the file's scenario with the model's own parts, under the model's
        policy, planning and drop rule; the settings are the file's ``[experiment]``.

        Examples
        --------
        >>> from hometeams.io import example_scenario
        >>> study = example_scenario().study()
        >>> study.model_names, study.settings.replications
        (('fixed team', 'pooled', 'overflow'), 20)
        """
        return Study(
            [
                Model(
                    spec.name,
                    self._model_scenario(i),
                    policy=spec.policy,
                    planning=spec.planning,
                    max_lateness=spec.max_lateness,
                )
                for i, spec in enumerate(self.models)
            ],
            self.experiment,
        )

    def findings(self) -> tuple[Finding, ...]:
        """What the rosters cannot meet, for the scenario and every model that changes it.

        A finding of a model with its own organisation or roster, that the file's own scenario
        does not have, says which model it is about.

        Examples
        --------
        >>> from hometeams.io import example_scenario
        >>> example_scenario().findings()
        ()
        """
        base = self.scenario.findings()
        out = list(base)
        for i, spec in enumerate(self.models):
            if not spec.overrides:
                continue
            out += _of_model(self._model_scenario(i).findings(), base, spec.name, i)
        return tuple(dict.fromkeys(out))

    def audit(self, *, coverage: float = 0.9) -> tuple[Finding, ...]:
        """Everything :meth:`findings` reports, and load over capacity and over contract.

        :func:`~hometeams.scenario.audit` of the file's scenario and of every model that
        changes it; a model with the fixed-teams policy adds the visits its owning teams cannot
        make. A finding that only one model has says which model it is about.

        Examples
        --------
        The built-in example rosters everyone within their position (28 hours a week, four
        evenings one week and three the next, for a 0.75 position of 28.125 hours) and every
        evening's planned work within the minutes rostered, so nothing is found:

        >>> from hometeams.io import example_scenario
        >>> example_scenario().audit()
        ()
        """
        base = audit(self.scenario, coverage=coverage)
        out = list(base)
        for i, spec in enumerate(self.models):
            fixed = policy_kind(spec.policy) == "fixed-teams"
            if not spec.overrides and not fixed:
                continue
            found = audit(self._model_scenario(i), coverage=coverage, fixed_teams=fixed)
            out += _of_model(found, base, spec.name, i)
        return tuple(dict.fromkeys(out))

    def size(self, *, limits: Limits | None = None) -> SizeEstimate:
        """The size of one replication of the largest model; refuse one beyond ``limits``.

        Raises
        ------
        InvalidScenario
            Naming the field to blame, the estimate and the limit (and the model, if it is not
            the file's own scenario that is too large).

        Examples
        --------
        >>> from hometeams.io import example_scenario
        >>> print(example_scenario().size())
        about 2,016 jobs and 203 shifts a replication, about 4 MB
        """
        sizes = []
        for i, spec in enumerate(self.models):
            try:
                sizes.append(check_size(self._model_scenario(i), limits=limits))
            except InvalidScenario as err:
                if spec.overrides:
                    err.add_note(f"in model {spec.name!r} (models[{i}])")
                raise
        return max(sizes, key=lambda size: size.memory)


def _scenario_for(file: ScenarioFile, i: int) -> Scenario:
    spec = file.models[i]
    base = file.scenario
    if not spec.overrides:
        _check_policy_names(spec.policy, base.organisation, field=f"models[{i}].policy")
        return base
    changes: dict[str, Any] = {
        part: getattr(spec, part) for part in spec.overrides if getattr(spec, part) is not None
    }
    try:
        scenario = attrs.evolve(base, **changes)
    except InvalidScenario as err:
        head = err.path.split(".")[0].split("[")[0]
        if head in spec.overrides:
            raise err.within(f"models[{i}]") from None
        parts = " and ".join(spec.overrides)
        raise InvalidScenario(
            f"{err.rule} in model {spec.name!r} (models[{i}]), which has its own {parts}",
            path=err.path,
            source=err.source,
        ) from None
    _check_policy_names(spec.policy, scenario.organisation, field=f"models[{i}].policy")
    return scenario


def _check_policy_names(policy: object, org: Organisation, *, field: str) -> None:
    """Staff and competences a chained policy names must exist in the model's organisation."""
    if isinstance(policy, ContinuityFirst):
        _check_policy_names(policy.then, org, field=f"{field}.then")
    if not isinstance(policy, Chained):
        return
    staff, competences = org.staff_by_id, org.all_competences
    for key in ("primary", "secondary"):
        for person, held in getattr(policy, key) or ():
            if person not in staff:
                raise InvalidScenario(f"unknown staff member {person!r}", path=f"{field}.{key}")
            for competence in sorted(held):
                if competence not in competences:
                    raise InvalidScenario(
                        f"unknown competence {competence!r}", path=f"{field}.{key}.{person}"
                    )


def _of_model(
    found: Iterable[Finding], base: Sequence[Finding], name: str, i: int
) -> list[Finding]:
    """The findings of model ``i`` that the file's own scenario does not have, naming it."""
    known = set(base)  # one lookup per finding: a list made this quadratic in the staff
    return [_under_model(f, name, i) for f in found if f not in known and f.path]


def _under_model(finding: Finding, name: str, i: int) -> Finding:
    """The finding, saying that it is model ``i``'s (``name``)."""
    said = phrase("findings.of_model", model=name, i=i, finding=finding.phrase or finding.message)
    return attrs.evolve(finding, message=said.text("en"), phrase=said)
