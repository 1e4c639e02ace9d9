"""Tests for scenario files (``hometeams.io._scenario``): reading, writing, round trips."""

from __future__ import annotations

import math
from pathlib import Path

import attrs
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.experiment import Model, Study, compare
from hometeams.io import (
    ExperimentSettings,
    ModelSpec,
    OrganisationRef,
    ReportSettings,
    ScenarioFile,
    dumps_organisation,
    dumps_scenario,
    example_organisation,
    loads_scenario,
    read_organisation,
    read_scenario,
    write_scenario,
)
from hometeams.io._scenario import is_scenario_data
from hometeams.scenario import (
    Exponential,
    Fixed,
    LogNormal,
    Roster,
    RosterLine,
    Scenario,
    Shift,
)
from hometeams.sim import FixedTeams, Overflow, Pooled, lowest_care_level, nearest
from scenario_files import BASE, replace_once, scenario_files

# -- reading ----------------------------------------------------------------------------------


def test_reads_every_part_of_the_base_file() -> None:
    """Each part of a hand-written file becomes the value a planner meant (checked by hand)."""
    file = loads_scenario(BASE)
    s = file.scenario
    assert (s.name, s.horizon, s.warmup) == ("Distrikt Nord", 14 * 1440.0, 2 * 1440.0)
    assert [z.id for z in s.organisation.zones] == ["nord", "sor"]
    assert [sorted(line.days) for line in s.roster.lines] == [
        [0, 1, 2, 3, 4],
        [*range(7)],
        [*range(7)],
    ]
    first, second = s.demand.visits
    assert (first.times, first.duration, sorted(first.required)) == (
        (480.0, 1200.0), Fixed(30.0), ["medication"]
    )  # fmt: skip
    assert (sorted(second.days), second.times) == ([0, 3], (600.0,))
    assert second.duration == LogNormal(mean=40.0, sd=10.0)
    (arrivals,) = s.demand.arrivals
    assert (arrivals.duration, arrivals.window) == (Exponential(20.0), 90.0)
    assert arrivals.by_hour is not None
    assert sum(arrivals.by_hour) == 8.0
    assert s.absences.sick_leave.probability == 0.05
    (absence,) = s.absences.intervals
    assert (absence.staff, absence.start, absence.end) == ("ola", 10080.0, 11520.0)
    assert s.travel.minutes("sor", "nord") == 15.0
    assert (s.floors[0].team, s.floors[0].minimum) == ("nord", 1)
    assert [m.policy for m in file.models] == [
        FixedTeams(),
        Overflow(30.0, order=(lowest_care_level, nearest)),
    ]
    assert file.experiment == ExperimentSettings(replications=5, seed=7, baseline="fixed")


@pytest.mark.parametrize(
    ("written", "minutes"),
    [
        ('"4 weeks"', 4 * 10080.0),
        ('"2 days"', 2880.0),
        ('"36 hours"', 2160.0),
        ('"1,5 timer"', 90.0),
        ('"90 min"', 90.0),
        ('"3 uker"', 3 * 10080.0),
        ('"2 dager"', 2880.0),
        ("8000", 8000.0),
        ("8000.5", 8000.5),
    ],
)
def test_horizon_accepts_lengths_of_time(written: str, minutes: float) -> None:
    """A horizon is minutes or a number and a unit, in English or Norwegian."""
    text = replace_once(BASE, 'horizon = "2 weeks"\nwarmup = "2 days"', f"horizon = {written}")
    assert loads_scenario(text).scenario.horizon == minutes


def test_a_scenario_is_told_from_an_organisation_by_its_keys() -> None:
    """Files with [organisation], [[models]] ... are scenarios; staff and teams alone are not."""
    assert is_scenario_data({"organisation": {}, "name": "x"})
    assert is_scenario_data({"models": []})
    assert not is_scenario_data({"name": "x", "staff": [], "teams": []})


def test_policy_may_be_a_bare_kind() -> None:
    """``policy = "pooled"`` is the pooled policy with its defaults."""
    text = replace_once(BASE, 'policy = "fixed-teams"', 'policy = "pooled"')
    assert loads_scenario(text).models[0].policy == Pooled()


# -- writing and round trips ------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario_files())
def test_read_of_write_is_identity(file: ScenarioFile) -> None:
    """``loads(dumps(x)) == x`` for any valid scenario file, and writing again is stable."""
    text = dumps_scenario(file)
    again = loads_scenario(text)
    assert again == file
    assert dumps_scenario(again) == text


def test_text_object_text_is_stable_for_a_hand_written_file() -> None:
    """Writing what was read gives canonical text, which reads and writes back unchanged."""
    canonical = dumps_scenario(loads_scenario(BASE))
    assert dumps_scenario(loads_scenario(canonical)) == canonical
    assert loads_scenario(canonical) == loads_scenario(BASE)


def test_writing_uses_a_planner_s_units_and_leaves_defaults_out() -> None:
    """Canonical text has "2 weeks", "08:00", "weekdays", bare kinds; no default is written."""
    text = dumps_scenario(loads_scenario(BASE))
    for expected in (
        'horizon = "2 weeks"',
        'warmup = "2 days"',
        '{ staff = "kari", shift = "day", days = "weekdays" }',
        '{ staff = "ola", shift = "evening" }',
        'times = ["08:00", "20:00"]',
        "duration = 30.0",
        'policy = "fixed-teams"',
        'threshold = "30 min"',
        'window = "90 min"',
        "sick_leave = 0.05",
    ):
        assert expected in text, expected
    assert "cycle" not in text
    assert "[clock]" not in text
    assert "n_staff" not in text


def test_write_refuses_to_replace_a_file(tmp_path: Path) -> None:
    """An existing file is kept unless ``overwrite=True``; the error names the path."""
    file = loads_scenario(BASE)
    path = write_scenario(file, tmp_path / "nord.toml")
    with pytest.raises(InvalidArgument, match=r"nord\.toml' exists; pass overwrite=True"):
        write_scenario(file, path)
    write_scenario(file, path, overwrite=True)
    assert read_scenario(path) == file


def test_a_policy_of_one_s_own_cannot_be_written() -> None:
    """A file can only describe built-in policies; the error names the model's policy."""

    class Mine:
        order = ()

        def plan(self, _job: int, _view: object) -> tuple[()]:
            return ()

    file = loads_scenario(BASE)
    mine = attrs.evolve(file, models=[ModelSpec("mine", Mine())], experiment=ExperimentSettings())
    with pytest.raises(InvalidArgument, match=r"^models\[0\]\.policy: only the built-in"):
        dumps_scenario(mine)


# -- organisations from files and examples ----------------------------------------------------


def _with_organisation(text: str, table: str) -> str:
    start = text.index("[organisation]")
    end = text.index("[roster]")
    return text[:start] + table + "\n" + text[end:]


def test_organisation_from_a_file_beside_the_scenario(tmp_path: Path) -> None:
    """``file = "..."`` is read relative to the scenario file and written back as a reference."""
    inline = loads_scenario(BASE).scenario.organisation
    (tmp_path / "orgs").mkdir()
    (tmp_path / "orgs" / "nord.toml").write_text(dumps_organisation(inline), encoding="utf-8")
    path = tmp_path / "nord.toml"
    path.write_text(
        _with_organisation(BASE, '[organisation]\nfile = "orgs/nord.toml"\n'), encoding="utf-8"
    )
    file = read_scenario(path)
    assert file.scenario.organisation == read_organisation(tmp_path / "orgs" / "nord.toml")
    assert file.organisation_ref == OrganisationRef(file="orgs/nord.toml")
    text = dumps_scenario(file)
    assert '[organisation]\nfile = "orgs/nord.toml"\n' in text
    written = write_scenario(file, tmp_path / "again.toml")
    assert read_scenario(written) == file
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with pytest.raises(InvalidArgument, match=r"^organisation: cannot read"):
        write_scenario(file, elsewhere / "x.toml")
    inlined = write_scenario(attrs.evolve(file, organisation_ref=None), elsewhere / "x.toml")
    assert read_scenario(inlined).scenario.organisation == inline


def test_organisation_from_a_built_in_example() -> None:
    """``example = "A"`` is case municipality A, and is written back as that reference."""
    text = _with_organisation(BASE, '[organisation]\nexample = "A"\n')
    text = replace_once(text, "[roster]\nlines = [\n", "[roster]\nlines = [\n").split("[roster]")[0]
    text += (
        '[roster]\nlines = [{ staff = "a1-02", shift = "day" }]\n'
        '[[models]]\nname = "pooled"\npolicy = "pooled"\n'
    )
    file = loads_scenario(text)
    assert file.scenario.organisation == example_organisation("A")
    assert '[organisation]\nexample = "A"\n' in dumps_scenario(file)
    assert loads_scenario(dumps_scenario(file)) == file


def test_an_example_reference_must_name_the_organisation_it_holds() -> None:
    """A reference to example A on another organisation would not read back: refused."""
    file = loads_scenario(BASE)
    with pytest.raises(InvalidScenario, match=r"^organisation: the scenario's organisation is not"):
        attrs.evolve(file, organisation_ref=OrganisationRef(example="A"))


# -- models and their own parts --------------------------------------------------------------


def test_a_model_s_own_roster_replaces_the_file_s() -> None:
    """A model with ``[models.roster]`` runs on it; the others keep the file's roster."""
    text = BASE.replace(
        "[experiment]",
        '[models.roster]\nlines = [{ staff = "kari", shift = "day" }, { staff = "per", '
        'shift = "day" }]\n\n[experiment]',
    )
    file = loads_scenario(text)
    assert file.models[1].overrides == ("roster",)
    assert len(file.scenario_of("overflow").roster.lines) == 2
    assert file.scenario_of("fixed") is file.scenario
    assert loads_scenario(dumps_scenario(file)) == file


def test_a_part_that_does_not_fit_a_model_names_the_model() -> None:
    """The file's demand must fit every model's organisation; the error says which model."""
    file = loads_scenario(BASE)
    org = file.scenario.organisation
    smaller = attrs.evolve(org, users=org.users[:1])
    spec = ModelSpec("merged", Pooled(), organisation=smaller)
    with pytest.raises(InvalidScenario) as info:
        attrs.evolve(file, models=[*file.models, spec])
    assert info.value.path == "demand.visits[1].user"
    assert info.value.rule == (
        "unknown user 'u2' in model 'merged' (models[2]), which has its own organisation"
    )


def test_findings_of_a_model_s_own_roster_name_the_model() -> None:
    """A visit nobody on a model's own roster can make is a finding about that model."""
    text = BASE.replace(
        "[experiment]",
        '[models.roster]\nlines = [{ staff = "per", shift = "day" }]\n'
        '[[models.floors]]\nteam = "sor"\nperiod = "day"\nminimum = 1\n\n[experiment]',
    )
    file = loads_scenario(text)
    base = [str(f) for f in file.scenario.findings()]
    assert base == [
        (
            "demand.visits[0].times: nobody who can make the visit is on shift within its "
            "window at 08:00 on Saturday, 08:00 on Sunday"
        )
    ]
    found = [str(f) for f in file.findings()]
    assert found[0] == base[0]
    assert found[1].startswith(
        "demand.visits[0].required: under model 'overflow' (models[1]): no rostered staff member "
        "holds all of 'medication'"
    )


def test_from_study_writes_python_models_as_a_file() -> None:
    """A study built in Python becomes a file whose models have the same scenarios."""
    file = loads_scenario(BASE)
    models = [
        Model("fixed", file.scenario, policy=FixedTeams()),
        Model("lean", attrs.evolve(file.scenario, roster=Roster(file.scenario.roster.lines[:2]),
                                   floors=()), policy=Pooled()),
    ]  # fmt: skip
    built = ScenarioFile.from_study(Study(models))
    assert [spec.overrides for spec in built.models] == [(), ("roster", "floors")]
    assert built.scenario_of("lean") == models[1].scenario
    again = loads_scenario(dumps_scenario(built))
    assert again.scenario_of("lean") == models[1].scenario
    other = attrs.evolve(file.scenario, horizon=7 * 1440.0)
    with pytest.raises(InvalidArgument, match=r"^models\[1\]\.scenario\.horizon: differs"):
        ScenarioFile.from_study(Study([models[0], Model("short", other)]))


# -- running -------------------------------------------------------------------------------------


def _tiny(text: str = BASE) -> ScenarioFile:
    file = loads_scenario(text)
    return attrs.evolve(file, scenario=attrs.evolve(file.scenario, horizon=3 * 1440.0, warmup=0.0))


def test_compare_runs_the_models_on_common_random_numbers() -> None:
    """Two models with the same policy and parts get identical figures in every replication."""
    file = _tiny()
    twins = attrs.evolve(file, models=[ModelSpec("a", Pooled()), ModelSpec("b", Pooled())],
                         experiment=ExperimentSettings())  # fmt: skip
    result = compare(twins.study().with_settings(replications=3, seed=11), executor="serial")
    assert result.models == ("a", "b")
    a, b = result.values[0], result.values[1]
    assert ((a == b) | (np.isnan(a) & np.isnan(b))).all()


def test_compare_uses_the_file_s_settings_unless_told_otherwise() -> None:
    """Replications, seed and baseline come from [experiment]; arguments replace them."""
    study = _tiny().study()
    chosen = study.with_settings(replications=2, metrics=["jobs", "idle_share"])
    result = compare(chosen, executor="serial")
    assert (result.replications, result.baseline, result.seed.entropy) == (2, "fixed", 7)
    assert result.metrics == ("jobs", "idle_share")
    picked = compare(study.select(["overflow"]).with_settings(replications=2), executor="serial")
    assert (picked.models, picked.baseline) == (("overflow",), "overflow")


@pytest.mark.slow
def test_compare_on_a_process_pool_equals_serial() -> None:
    """Models travel to worker processes (policies pickle); the figures do not change."""
    from concurrent.futures import ProcessPoolExecutor

    study = _tiny().study().with_settings(replications=2)
    serial = compare(study, executor="serial")
    with ProcessPoolExecutor(max_workers=2) as pool:
        parallel = compare(study, executor=pool)
    same = (serial.values == parallel.values) | (serial.values != serial.values)
    assert same.all()


def test_a_file_s_study_has_runnable_models() -> None:
    """``study()`` gives Model values with each model's scenario and policy."""
    file = loads_scenario(BASE)
    models = file.study().models
    assert [(m.name, m.policy) for m in models] == [(s.name, s.policy) for s in file.models]
    assert all(isinstance(m.scenario, Scenario) for m in models)


def test_settings_are_checked_with_their_own_paths() -> None:
    """Experiment settings name the field: replications, level, metrics, max_replications."""
    cases = [
        ({"replications": 1}, "replications: must be a whole number >= 2, got 1"),
        ({"level": 1.0}, "level: must be > 0 and < 1, got 1.0"),
        ({"metrics": ["idle_share", "idle_share"]}, "metrics[1]: 'idle_share' is named twice"),
        ({"seed": -1}, "seed: must be a whole number >= 0, got -1"),
    ]
    for fields, message in cases:
        with pytest.raises(InvalidScenario) as info:
            ExperimentSettings(**fields)  # type: ignore[arg-type]
        assert str(info.value) == message


def test_roster_line_weeks_and_cycle_round_trip() -> None:
    """A multi-week rota (cycle, weeks) and shifts of the roster's own are written back."""
    file = loads_scenario(BASE)
    roster = Roster(
        [
            RosterLine("kari", shift="long", days="weekend", weeks=[1]),
            RosterLine("ola", shift="evening", days=["mon"], weeks=0),
        ],
        shifts=[Shift("long", start="07:30", end="19:30")],
        cycle=2,
    )
    changed = attrs.evolve(file, scenario=attrs.evolve(file.scenario, roster=roster, floors=()))
    text = dumps_scenario(changed)
    assert 'shifts = [{ name = "long", start = "07:30", end = "19:30" }]' in text
    assert "cycle = 2" in text
    assert '{ staff = "kari", shift = "long", days = "weekend", weeks = [1] }' in text
    assert loads_scenario(text) == changed


def test_an_absence_without_end_lasts_the_whole_run() -> None:
    """``end`` left out is infinity, and is left out again when written."""
    text = replace_once(BASE, ', end = "8 days"', "")
    file = loads_scenario(text)
    assert math.isinf(file.scenario.absences.intervals[0].end)
    assert "end =" not in dumps_scenario(file)


# -- names in Norwegian and how to read the results -------------------------------------------

_READING = """\
[report]
cost_per_hour = 612.5
hours_per_fte = 35.5

[report.relevance]
mean_delay = 10
on_time_share = 0
"""


def test_reads_norwegian_names_and_report_settings() -> None:
    """name_nb of the file and of a model, and the [report] table, become the planner's values."""
    text = BASE.replace('name = "Distrikt Nord"\n', 'name = "Distrikt Nord"\nname_nb = "Nord"\n')
    text = text.replace('name = "fixed"\n', 'name = "fixed"\nname_nb = "faste team"\n', 1)
    file = loads_scenario(text + "\n" + _READING)
    assert file.name_nb == "Nord"
    assert file.title("nb") == "Nord"
    assert file.title("en") == "Distrikt Nord"
    assert file.model("fixed").name_nb == "faste team"
    assert file.model_titles("nb")["fixed"] == "faste team"
    assert file.model_titles("en")["fixed"] == "fixed"
    assert file.report.cost_per_hour == 612.5
    assert file.report.hours_per_fte == 35.5
    assert dict(file.report.relevance) == {"mean_delay": 10, "on_time_share": 0}
    assert loads_scenario(dumps_scenario(file)) == file


def test_report_settings_are_left_out_when_default() -> None:
    """A file without [report] writes none, and the defaults are 37.5 hours and no cost."""
    file = loads_scenario(BASE)
    assert file.report == ReportSettings()
    assert (file.report.cost_per_hour, file.report.hours_per_fte) == (None, 37.5)
    assert "[report]" not in dumps_scenario(file)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("[report]\ncost_per_hour = -5\n", "report.cost_per_hour: must be a finite number > 0"),
        ("[report]\nhours_per_fte = 0\n", "report.hours_per_fte: must be a finite number > 0"),
        (
            "[report.relevance]\nmean_dely = 5\n",
            "report.relevance.mean_dely: unknown metric 'mean_dely'; did you mean 'mean_delay'?",
        ),
        (
            "[report.relevance]\nmean_delay = -1\n",
            "report.relevance.mean_delay: must be a finite number >= 0, got -1",
        ),
        ("[report]\nrelevance = 3\n", "report.relevance: must be a table"),
    ],
)
def test_bad_report_settings_name_the_field(table: str, message: str) -> None:
    """A bad [report] value is refused with the path of the field and the rule."""
    with pytest.raises(InvalidScenario) as caught:
        loads_scenario(BASE + "\n" + table, source="nord.toml")
    assert message in str(caught.value)


def test_two_models_with_one_norwegian_name_refused() -> None:
    """Two models a Norwegian report would call the same are refused, naming the second."""
    org_file = loads_scenario(BASE)
    first, second = org_file.models[:2]
    with pytest.raises(InvalidScenario, match=r"models\[1\]\.name_nb: 'samlet' is the Norwegian"):
        ScenarioFile(
            org_file.scenario,
            [attrs.evolve(first, name_nb="samlet"), attrs.evolve(second, name_nb="samlet")],
        )
