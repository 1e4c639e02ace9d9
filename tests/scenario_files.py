# ruff: noqa: E501 - the TOML below is laid out as planners write it, one entity per line
"""Shared material for the scenario-file tests: a small valid file and Hypothesis strategies.

``BASE`` is a hand-written scenario file that uses every part of the format once; the damaged-
file tests change one line of it at a time. ``scenario_files()`` draws whole
:class:`~hometeams.io.ScenarioFile` values -- a scenario from ``sim_strategies.scenarios()``,
one to three models with every policy kind and maybe their own roster, organisation and floors,
and experiment settings -- for round-trip properties. ``policies()`` draws built-in policies.
"""

from __future__ import annotations

from hypothesis import strategies as st

from hometeams.experiment import Precision
from hometeams.io import ExperimentSettings, ModelSpec, ReportSettings, ScenarioFile
from hometeams.metrics import METRICS
from hometeams.model import Organisation
from hometeams.scenario import Roster
from hometeams.sim import (
    Chained,
    ContinuityFirst,
    FixedTeams,
    Overflow,
    Pooled,
    earliest_free,
    known_staff_first,
    lowest_care_level,
    nearest,
    preferred_first,
)
from sim_strategies import scenarios

__all__ = ["BASE", "NOISY", "TINY", "policies", "replace_once", "scenario_files"]

BASE = """\
name = "Distrikt Nord"
horizon = "2 weeks"
warmup = "2 days"

[organisation]
name = "Nord"
zones = [{ id = "nord" }, { id = "sor" }]
staff = [
    { id = "kari", profession = "nurse", fte = 1.0, zone = "nord", competences = ["medication", "wound-care"] },
    { id = "ola", profession = "health-worker", fte = 1.0, zone = "nord", competences = ["medication"] },
    { id = "per", profession = "nurse", fte = 1.0, zone = "sor", competences = ["dementia"] },
]
users = [
    { id = "u1", zone = "nord", team = "nord" },
    { id = "u2", zone = "sor", team = "sor" },
]

[[organisation.teams]]
id = "nord"
category = "geographic"
members = ["kari", "ola"]
zones = ["nord"]

[[organisation.teams]]
id = "sor"
category = "geographic"
members = ["per"]
zones = ["sor"]

[roster]
lines = [
    { staff = "kari", shift = "day", days = "weekdays" },
    { staff = "ola", shift = "evening" },
    { staff = "per", shift = "day" },
]

[demand]
visits = [
    { user = "u1", times = ["08:00", "20:00"], duration = 30, required = ["medication"] },
    { user = "u2", days = ["mon", "thu"], times = "10:00", duration = { kind = "lognormal", mean = 40, sd = 10 } },
]

[[demand.arrivals]]
rate = 0.2
by_hour = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]
duration = { kind = "exponential", mean = 20 }
window = "90 min"

[absences]
sick_leave = 0.05
intervals = [{ staff = "ola", start = "1 week", end = "8 days", reason = "kurs" }]

[travel]
legs = [{ origin = "nord", destination = "sor", minutes = 15 }]

[[floors]]
team = "nord"
period = "day"
minimum = 1
days = "weekdays"

[[models]]
name = "fixed"
policy = "fixed-teams"

[[models]]
name = "overflow"
policy = { kind = "overflow", threshold = "30 min", order = ["lowest-care-level", "nearest"] }

[experiment]
replications = 5
seed = 7
baseline = "fixed"
"""


def replace_once(text: str, old: str, new: str) -> str:
    """``text`` with the one occurrence of ``old`` replaced (the test's own check)."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


_RULES = (preferred_first, nearest, earliest_free, lowest_care_level, known_staff_first)
_ORDERS = st.lists(st.sampled_from(_RULES), max_size=3, unique=True).map(tuple)
_MINUTES = st.sampled_from([0, 5, 15, 30.5, 60, 90, 120, 1440])


def _lines(org: Organisation) -> st.SearchStrategy[object]:
    staff = [s.id for s in org.staff]
    competences = sorted(org.all_competences)
    return st.none() | st.dictionaries(
        st.sampled_from(staff),
        st.frozensets(st.sampled_from(competences), min_size=1, max_size=3),
        max_size=len(staff),
    )


def policies(org: Organisation) -> st.SearchStrategy[object]:
    """Built-in policies with every parameter, for staff and competences of ``org``."""
    simple = st.one_of(
        _ORDERS.map(lambda order: FixedTeams(order=order or (preferred_first,))),
        _ORDERS.map(lambda order: Pooled(order=order or (preferred_first,))),
        st.builds(lambda t, order: Overflow(t, order=order), _MINUTES, _ORDERS),
        st.builds(
            lambda p, s, fallback, order: Chained(
                primary=p, secondary=s, fallback=fallback, order=order
            ),
            _lines(org),
            _lines(org),
            st.booleans(),
            _ORDERS,
        ),
    )
    return st.one_of(
        simple,
        st.builds(
            lambda t, then, order: ContinuityFirst(t, then=then, order=order),
            _MINUTES,
            simple,
            _ORDERS,
        ),
    )


_METRIC_NAMES = list(METRICS)


@st.composite
def _experiment(draw: st.DrawFn, names: list[str]) -> ExperimentSettings:
    replications = draw(st.integers(2, 40))
    chosen = draw(st.none() | st.lists(st.sampled_from(_METRIC_NAMES), min_size=1, unique=True))
    precision = None
    if draw(st.booleans()):
        pool = chosen or _METRIC_NAMES
        precision = Precision(
            draw(st.sampled_from([0.01, 0.5, 2.0])),
            relative=draw(st.booleans()),
            metrics=draw(st.none() | st.lists(st.sampled_from(pool), min_size=1, unique=True)),
            differences=len(names) > 1 and draw(st.booleans()),
            batch=draw(st.none() | st.integers(1, 20)),
        )
    return ExperimentSettings(
        replications=replications,
        seed=draw(st.none() | st.integers(0, 2**40)),
        baseline=draw(st.none() | st.sampled_from(names)),
        level=draw(st.sampled_from([0.8, 0.9, 0.95, 0.99])),
        metrics=chosen,
        precision=precision,
        max_replications=replications + draw(st.integers(0, 100)),
    )


@st.composite
def scenario_files(draw: st.DrawFn, *, max_days: int = 7) -> ScenarioFile:
    """A valid scenario file: a scenario, 1-3 models (maybe with their own parts), settings."""
    scenario = draw(scenarios(max_days=max_days))
    org = scenario.organisation
    names = draw(st.lists(st.sampled_from(["fixed", "pooled", "overflow", "ny modell"]),
                          min_size=1, max_size=3, unique=True))  # fmt: skip
    models = []
    for name in names:
        own: dict[str, object] = {}
        if draw(st.booleans()):
            every = scenario.roster.lines
            lines = draw(st.lists(st.sampled_from(every), unique=True)) if every else []
            own["roster"] = Roster(lines)
            own["floors"] = ()  # the model's own roster need not meet the file's floors
        if draw(st.booleans()):
            own["organisation"] = org
        name_nb = draw(st.sampled_from(["", f"{name} på norsk"]))
        models.append(ModelSpec(name, draw(policies(org)), name_nb=name_nb, **own))  # type: ignore[arg-type]
    report = ReportSettings(
        cost_per_hour=draw(st.none() | st.sampled_from([450, 612.5])),
        hours_per_fte=draw(st.sampled_from([37.5, 35.5, 33.6])),
        relevance=draw(
            st.dictionaries(st.sampled_from(list(METRICS)), st.sampled_from([0, 0.02, 5, 7.5]))
        ),
    )
    return ScenarioFile(
        scenario,
        models,
        experiment=draw(_experiment(names)),
        report=report,
        name_nb=draw(st.sampled_from(["", "Kveld i Nord, 1,4 mot 2"])),
    )


def _tiny() -> str:
    text = replace_once(BASE, 'horizon = "2 weeks"\nwarmup = "2 days"', 'horizon = "3 days"')
    start = text.index("[[demand.arrivals]]")
    end = text.index("[travel]")
    return text[:start] + text[end:]


TINY = _tiny()
"""``BASE`` over three days (Monday to Wednesday) with only its planned visits: no arrivals,
no sick leave, no absences. By hand: 7 visits (u1 at 08:00 and 20:00 each day, u2 at 10:00 on
Monday), 9 shifts (kari's 3 day shifts, ola's 3 evenings, per's 3 days) of 8 hours = 72
rostered hours; everyone is free when a visit is due and in its zone, so no visit is late."""

NOISY = replace_once(BASE, 'horizon = "2 weeks"\nwarmup = "2 days"', 'horizon = "4 days"')
"""``BASE`` over four days, with its arrivals and sick leave: figures that vary with the seed."""
