"""Scenario files: a whole comparison of organisation models in one TOML file.

A planner describes the district, the rota, the work and the models to compare, and runs
``hometeams compare district.toml``::

    name = "Kveld i distrikt Nord"
    horizon = "4 weeks"
    warmup = "1 week"

    [organisation]
    file = "nord.toml"                 # or example = "D", or the organisation written here

    [roster]
    lines = [
        { staff = "kari", shift = "evening", days = "daily" },
        { staff = "ola", shift = "evening", days = "weekdays" },
    ]

    [[demand.arrivals]]
    rate = 2.8
    by_hour = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0]
    duration = { kind = "exponential", mean = 30 }

    [[models]]
    name = "fixed"
    policy = "fixed-teams"

    [[models]]
    name = "pooled"
    policy = { kind = "pooled", order = ["lowest-care-level", "nearest"] }

    [experiment]
    replications = 20
    seed = 2026

The format is described in full in ``docs/reference/scenario-file.md``; its JSON Schema is
:func:`~hometeams.io.scenario_schema`. Errors name the file, the field path and the rule::

    district.toml: demand.visits[4].duration.mean: must be a finite number > 0, got -5

Writing is canonical (defaults left out, fixed key order, friendly units), so that
``loads_scenario(dumps_scenario(x)) == x`` and writing what was read is stable. Comments are not
kept.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from hometeams._files import check_object_and_path, check_writable, write_text
from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.io._convert import structure, translate_error
from hometeams.io._emit import emit
from hometeams.io._examples import example_organisation
from hometeams.io._file import ScenarioFile
from hometeams.io._layout import (
    ARRAYS,
    INLINE,
    TABLES,
    Layout,
    RawModel,
    file_data,
    scenario_converter,
)
from hometeams.io._spec import ModelSpec, OrganisationRef
from hometeams.io._toml import loads_organisation, parse_toml, read_text
from hometeams.model import Organisation
from hometeams.scenario import Scenario

__all__ = [
    "SCENARIO_KEYS",
    "dumps_scenario",
    "example_scenario",
    "is_scenario_data",
    "loads_scenario",
    "read_file",
    "read_scenario",
    "scenario_from_data",
    "write_scenario",
]

SCENARIO_KEYS = frozenset({"organisation", "roster", "demand", "models", "experiment"})
"""Top-level keys that make a TOML file a scenario file rather than an organisation file."""

_ORGANISATION_KEYS = frozenset({"staff", "teams", "zones", "users", "units"})


def is_scenario_data(data: Mapping[str, Any]) -> bool:
    """Whether parsed TOML is a scenario file (it has ``[organisation]``, ``[[models]]``, ...).

    Examples
    --------
    >>> is_scenario_data({"name": "x", "staff": []}), is_scenario_data({"models": []})
    (False, True)
    """
    return bool(SCENARIO_KEYS & data.keys())


# -- reading ---------------------------------------------------------------------------------


def _resolve(
    raw: Mapping[str, Any], *, path: str, base: Path, source: str | None
) -> tuple[Organisation, OrganisationRef | None]:
    """The organisation a file's ``organisation`` table gives: inline, a file or an example."""
    refs = [key for key in ("file", "example") if key in raw]
    if not refs:
        try:
            return structure(raw, Organisation, conv=scenario_converter()), None
        except InvalidScenario as err:
            raise err.within(path, source=source) from None
    others = sorted(set(raw) - {"file", "example"})
    if len(refs) > 1 or others:
        extra = refs[1] if len(refs) > 1 else others[0]
        raise InvalidScenario(
            f"give the organisation's file, an example, or its tables here -- one of them; "
            f"{refs[0]!r} cannot go with {extra!r}",
            path=f"{path}.{extra}",
            source=source,
        )
    key = refs[0]
    value = raw[key]
    if not isinstance(value, str):
        raise InvalidScenario(
            f"must be a string, got {value!r}", path=f"{path}.{key}", source=source
        )
    if key == "example":
        try:
            return example_organisation(value), OrganisationRef(example=value)
        except InvalidArgument as err:
            rule = str(err).removeprefix("example: ")
            raise InvalidScenario(rule, path=f"{path}.example", source=source) from None
    target = base / value
    try:
        text = read_text(target)
    except OSError as err:
        raise InvalidScenario(
            f"cannot read the organisation file {value!r} ({target}): {err.strerror or err}",
            path=f"{path}.file",
            source=source,
        ) from None
    try:
        org = loads_organisation(text, source=str(target))
    except InvalidScenario as err:
        err.add_note(f"(the organisation that {source or 'the scenario'} names at {path}.file)")
        raise
    return org, OrganisationRef(file=value)


def _model(raw: RawModel, i: int, *, base: Path, source: str | None) -> ModelSpec:
    org, ref = None, None
    if raw.organisation is not None:
        org, ref = _resolve(
            raw.organisation, path=f"models[{i}].organisation", base=base, source=source
        )
    try:
        return ModelSpec(
            raw.name,
            raw.policy,
            name_nb=raw.name_nb,
            planning=raw.planning,
            max_lateness=math.inf if raw.max_lateness is None else raw.max_lateness,
            organisation=org,
            organisation_ref=ref,
            roster=raw.roster,
            floors=raw.floors,
        )
    except InvalidScenario as err:
        raise err.within(f"models[{i}]", source=source) from None


def _looks_like_organisation(data: Mapping[str, Any]) -> bool:
    return not is_scenario_data(data) and bool(_ORGANISATION_KEYS & data.keys())


def scenario_from_data(
    data: object, *, source: str | None = None, base: str | os.PathLike[str] | None = None
) -> ScenarioFile:
    """Build a scenario file's objects from parsed TOML (a dict).

    Parameters
    ----------
    data
        The parsed document.
    source
        Where it came from, named in errors.
    base
        The directory an ``organisation.file`` is relative to (default: the current one).

    Raises
    ------
    InvalidScenario
        The first problem, naming the source, the field path and the rule; a few more are
        attached as notes.

    Examples
    --------
    >>> scenario_from_data({"name": "x", "roster": {"lines": []}, "models": []},
    ...                    source="x.toml")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: x.toml: organisation: required key is missing
    """
    if isinstance(data, Mapping) and _looks_like_organisation(data):
        raise InvalidScenario(
            "this is an organisation file (staff, teams, ... at the top), not a scenario file; "
            'a scenario file names it in [organisation] with file = "..."',
            source=source,
        )
    try:
        layout = scenario_converter().structure(data, Layout)
    except Exception as exc:  # a cattrs error group or one located error
        raise translate_error(exc, source=source) from None
    folder = Path(base) if base is not None else Path()
    org, ref = _resolve(layout.organisation, path="organisation", base=folder, source=source)
    try:
        scenario = Scenario(
            org,
            layout.roster,
            demand=layout.demand,
            absences=layout.absences,
            travel=layout.travel,
            horizon=layout.horizon,
            warmup=layout.warmup,
            clock=layout.clock,
            floors=layout.floors,
            name=layout.name,
        )
    except InvalidScenario as err:
        raise err.within("", source=source) from None
    models = [_model(raw, i, base=folder, source=source) for i, raw in enumerate(layout.models)]
    try:
        return ScenarioFile(
            scenario,
            models,
            experiment=layout.experiment,
            report=layout.report,
            name_nb=layout.name_nb,
            organisation_ref=ref,
        )
    except InvalidScenario as err:
        raise err.within("", source=source) from None


def loads_scenario(
    text: str, *, source: str | None = None, base: str | os.PathLike[str] | None = None
) -> ScenarioFile:
    """Read a scenario file from TOML text.

    Parameters
    ----------
    text
        The TOML document.
    source
        Where the text came from (a file name), named in error messages.
    base
        The directory an ``organisation.file`` is relative to (default: the current one).

    Raises
    ------
    InvalidScenario
        If the text is not TOML or not a valid scenario file.

    Examples
    --------
    >>> file = loads_scenario('''
    ... horizon = "2 weeks"
    ... [organisation]
    ... example = "A"
    ... [roster]
    ... lines = [{ staff = "a1-02", shift = "evening", days = "daily" }]
    ... [[models]]
    ... name = "pooled"
    ... policy = "pooled"
    ... ''')
    >>> file.scenario.horizon, file.scenario.organisation.name, file.models[0].policy
    (20160.0, 'Kommune A', Pooled(order=(preferred_first,)))
    >>> loads_scenario(dumps_scenario(file)) == file
    True
    """
    return scenario_from_data(parse_toml(text, source=source), source=source, base=base)


def read_scenario(path: str | os.PathLike[str]) -> ScenarioFile:
    """Read a scenario file; an ``organisation.file`` in it is relative to the file's folder.

    Raises
    ------
    OSError
        If the file cannot be read.
    InvalidScenario
        If it is not valid; the message names the file, the field path and the rule.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "evening.toml"
    >>> _ = write_scenario(example_scenario(), path)
    >>> read_scenario(path) == example_scenario()
    True
    """
    path = Path(path)
    return loads_scenario(read_text(path), source=str(path), base=path.parent)


def read_file(path: str | os.PathLike[str]) -> Organisation | ScenarioFile:
    """An organisation file or a scenario file, told apart by what is in it.

    A scenario file has ``[organisation]``, ``[roster]``, ``[demand]``, ``[[models]]`` or
    ``[experiment]`` at the top; an organisation file has its staff and teams there. This is
    how ``hometeams check`` and ``hometeams analyse`` read the file they are given.

    Raises
    ------
    OSError
        If the file cannot be read.
    InvalidScenario
        If it is not a valid file of either kind.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = write_scenario(example_scenario(), folder / "evening.toml")
    >>> type(read_file(folder / "evening.toml")).__name__
    'ScenarioFile'
    >>> from hometeams.io import write_organisation
    >>> _ = write_organisation(example_scenario().scenario.organisation, folder / "org.toml")
    >>> type(read_file(folder / "org.toml")).__name__
    'Organisation'
    """
    source = str(path)
    data = parse_toml(read_text(path), source=source)
    if is_scenario_data(data):
        return scenario_from_data(data, source=source, base=Path(path).parent)
    return structure(data, Organisation, source=source)


# -- writing -----------------------------------------------------------------------------------


def dumps_scenario(file: ScenarioFile) -> str:
    """Write a scenario file as canonical TOML text.

    An organisation that came from a file or an example (``organisation_ref``) is written as
    that reference; set ``organisation_ref=None`` (``attrs.evolve``) to write it out in full.

    Raises
    ------
    InvalidArgument
        For a policy, ordering rule or duration distribution of one's own, which a file
        cannot describe.

    Examples
    --------
    >>> for line in dumps_scenario(example_scenario()).splitlines()[:5]:
    ...     print(line)
    name = "1.4 versus 2: a rehabilitation team's evenings"
    name_nb = "1,4 mot 2: kveldene til et rehabiliteringsteam"
    horizon = "4 weeks"
    <BLANKLINE>
    [organisation]
    """
    return emit(file_data(file), tables=TABLES, arrays=ARRAYS, inline=INLINE)


def write_scenario(
    file: ScenarioFile, path: str | os.PathLike[str], *, overwrite: bool = False
) -> Path:
    """Write a scenario file; refuse to replace an existing file unless ``overwrite``.

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    InvalidArgument
        If ``path`` exists and ``overwrite`` is false (nothing a user wrote is lost); or if the
        file names its organisation by an ``organisation_ref`` file that, read from beside
        ``path``, is not the scenario's organisation (it would not read back equal).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "evening.toml"
    >>> write_scenario(example_scenario(), path).name
    'evening.toml'
    >>> write_scenario(example_scenario(), path)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: path: '...evening.toml' exists; pass overwrite=True to
    replace it
    """
    check_object_and_path(file, ScenarioFile, "file", path)
    path = Path(path)
    check_writable([path], overwrite=overwrite)
    text = dumps_scenario(file)
    refs: list[tuple[str, OrganisationRef | None, Organisation | None]] = [
        ("organisation", file.organisation_ref, file.scenario.organisation)
    ]
    refs += [
        (f"models[{i}].organisation", spec.organisation_ref, spec.organisation)
        for i, spec in enumerate(file.models)
    ]
    for field, ref, org in refs:
        if ref is not None and ref.file is not None:
            target = path.parent / ref.file
            try:
                found = loads_organisation(read_text(target), source=str(target))
            except (OSError, InvalidScenario) as err:
                raise InvalidArgument(f"{field}: cannot read {target}: {err}") from None
            if found != org:
                raise InvalidArgument(
                    f"{field}: {target} is not this organisation; write the organisation out "
                    "(organisation_ref=None) or beside its file"
                )
    return write_text(path, text, overwrite=overwrite)


# -- the built-in example --------------------------------------------------------------------


def example_scenario() -> ScenarioFile:
    """The built-in scenario: the 1.4-versus-2 evening of a rehabilitation team (the demo).

    Examples
    --------
    >>> file = example_scenario()
    >>> file.model_names, file.experiment.replications
    (('fixed team', 'pooled', 'overflow'), 20)
    """
    source = resources.files("hometeams").joinpath("data", "scenarios", "evening.toml")
    return loads_scenario(source.read_text(encoding="utf-8"), source="evening.toml (built-in)")
