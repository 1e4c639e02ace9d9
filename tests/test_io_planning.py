"""Work-list planning in scenario files: reading, writing and the errors."""

from __future__ import annotations

import attrs
import pytest

from hometeams.errors import InvalidScenario
from hometeams.io import dumps_scenario, example_scenario, loads_scenario
from hometeams.io._planning import planning_from_data, planning_to_data
from hometeams.sim import BuiltIn, DailyLists, FixedLists, NoLists, PyVRP


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("none", NoLists()),
        ("fixed-lists", FixedLists()),
        ({"kind": "daily-lists"}, DailyLists()),
        ({"kind": "daily-lists", "release_after": "45 min"}, DailyLists(release_after=45)),
        ({"kind": "fixed-lists", "planner": "built-in"}, FixedLists()),
        (
            {"kind": "fixed-lists", "planner": {"kind": "built-in", "passes": 3}},
            FixedLists(planner=BuiltIn(passes=3)),
        ),
        ({"kind": "daily-lists", "planner": "pyvrp"}, DailyLists(planner=PyVRP())),
        (
            {"kind": "daily-lists", "planner": {"kind": "pyvrp", "iterations": 100, "seed": 2}},
            DailyLists(planner=PyVRP(iterations=100, seed=2)),
        ),
    ],
)
def test_each_form_reads_as_the_planning_it_names(data: object, expected: object) -> None:
    """A kind alone or a table with a planner and a release threshold gives that planning."""
    assert planning_from_data(data) == expected


@pytest.mark.parametrize(
    "planning",
    [
        NoLists(),
        FixedLists(),
        DailyLists(release_after=30),
        FixedLists(planner=BuiltIn(passes=2)),
        DailyLists(planner=PyVRP()),
        DailyLists(planner=PyVRP(iterations=50)),
        DailyLists(planner=PyVRP(time_limit=5.0)),
    ],
)
def test_written_planning_reads_back_equal(planning: object) -> None:
    """planning_to_data then planning_from_data gives the same planning."""
    assert planning_from_data(planning_to_data(planning)) == planning


@pytest.mark.parametrize(
    ("data", "path", "words"),
    [
        ({"kind": "daily-list"}, "kind", "did you mean 'daily-lists'"),
        ({"kind": "none", "release_after": 5}, None, "unknown key 'release_after'"),
        ({"kind": "daily-lists", "relase_after": 5}, None, "did you mean 'release_after'"),
        ({"kind": "daily-lists", "release_after": -5}, "release_after", ">= 0"),
        ({"kind": "daily-lists", "planner": "clever"}, "planner.kind", "unknown planner kind"),
        (
            {"kind": "daily-lists", "planner": {"kind": "built-in", "passes": -1}},
            "planner.passes",
            ">= 0",
        ),
        (["daily-lists"], None, "planning kind"),
    ],
)
def test_bad_planning_names_the_field(data: object, path: str | None, words: str) -> None:
    """Each mistake in a planning table is refused with its path and what was wrong."""
    with pytest.raises(InvalidScenario) as err:
        planning_from_data(data)
    assert words in str(err.value)
    if path is not None:
        assert err.value.path == path


def test_a_scenario_file_keeps_each_models_planning() -> None:
    """A model's planning is written to the file, read back, and reaches the model run."""
    file = example_scenario()
    models = list(file.models)
    models[0] = attrs.evolve(models[0], planning=FixedLists())
    models[1] = attrs.evolve(models[1], planning=DailyLists(release_after=30))
    text = dumps_scenario(attrs.evolve(file, models=models))
    assert 'planning = "fixed-lists"' in text
    back = loads_scenario(text)
    assert [spec.planning for spec in back.models] == [
        FixedLists(),
        DailyLists(release_after=30),
        *([NoLists()] * (len(models) - 2)),
    ]
    assert [m.planning for m in back.study().models] == [s.planning for s in back.models]


def test_a_model_without_planning_has_no_lists() -> None:
    """Files written before work lists keep their meaning: no planning means no lists."""
    assert all(spec.planning == NoLists() for spec in example_scenario().models)
    assert "planning" not in dumps_scenario(example_scenario())


def test_compare_shows_the_plan_figures_when_a_model_has_lists() -> None:
    """The default table of a file with work lists carries plan deviation and moved visits."""
    from hometeams.cli._common import HEADLINE, choose_metrics

    file = example_scenario()
    assert "plan_deviation" not in choose_metrics(None, file=file)
    models = [attrs.evolve(file.models[0], planning=DailyLists()), *file.models[1:]]
    shown = choose_metrics(None, file=attrs.evolve(file, models=models))
    assert shown == (
        *HEADLINE[: HEADLINE.index("travel_per_visit") + 1],
        "plan_deviation",
        "moved_visits_share",
        *HEADLINE[HEADLINE.index("travel_per_visit") + 1 :],
    )


def test_a_pyvrp_planner_without_pyvrp_installed_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without the route extra, a file naming PyVRP is refused when read, naming the field."""
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pyvrp" else real(name, *a)
    )
    with pytest.raises(InvalidScenario, match=r"route") as err:
        planning_from_data({"kind": "daily-lists", "planner": "pyvrp"})
    assert err.value.path == "planner.kind"
