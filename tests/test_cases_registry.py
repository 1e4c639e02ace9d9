"""The registry of flagship cases: names, builders, runners, headline metrics and stories."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest

from hometeams import cases
from hometeams.cases import CASES, describe
from hometeams.errors import InvalidArgument

ROOT = Path(__file__).resolve().parents[1]


def test_the_four_stories_of_domain_md_are_registered() -> None:
    """One case per flagship problem of domain.md §2 (items 1 to 4)."""
    assert sorted(CASES) == [
        "evening-staffing",
        "lumpy-discharges",
        "memory-team-reach",
        "pooled-coordinators",
    ]
    for name, case in CASES.items():
        assert case.name == name
        assert "seed 000" in case.source


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_case_builds_uniquely_named_models(name: str) -> None:
    """The builder's models have unique names; the first is the baseline."""
    models = CASES[name].models(weeks=2)
    names = [m.name for m in models]
    assert len(names) == len(set(names)) >= 2


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_runner_returns_every_headline_metric(name: str) -> None:
    """One replication of the first model measures every metric the headline table shows."""
    case = CASES[name]
    model = case.models(weeks=2)[0]
    out = case.runner(model, np.random.SeedSequence(1))
    missing = [m for m in case.metrics if m not in out]
    assert not missing


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_case_has_its_script(name: str) -> None:
    """The story's script exists in examples/."""
    assert (ROOT / CASES[name].script).is_file()


@pytest.mark.parametrize("name", sorted(CASES))
def test_describe_tells_the_story_and_its_assumptions(name: str) -> None:
    """The description starts with the title, cites the source and lists the assumptions."""
    text = describe(name)
    assert text.splitlines()[0] == CASES[name].title
    assert "seed 000" in text
    assert "Assumptions" in text or "assumption" in text


def test_unknown_case_is_an_error_naming_the_choices() -> None:
    """A misspelt case name is refused with the list of cases."""
    with pytest.raises(InvalidArgument, match="evening-staffing"):
        describe("evening")


def test_public_names_are_sorted_and_exist() -> None:
    """``__all__`` is sorted (constants, classes, functions) and every name resolves."""

    def kind(n: str) -> tuple[int, str]:
        return (0 if n.isupper() else 1 if n[:1].isupper() else 2, n)

    assert cases.__all__ == sorted(cases.__all__, key=kind)
    for name in cases.__all__:
        assert hasattr(cases, name)


@pytest.mark.parametrize("name", sorted(CASES))
def test_scenarios_and_runner_pickle_for_worker_processes(name: str) -> None:
    """A case's scenarios and runner survive pickling (process pools and clusters need it).

    The policies are left out: their ordering rules do not pickle yet (a known issue of
    ``hometeams.sim._ordering``), which is why the scripts default to one worker.
    """
    case = CASES[name]
    for model in case.models(weeks=1):
        scenario = pickle.loads(pickle.dumps(model.scenario))
        assert scenario.name == model.scenario.name
        assert scenario.horizon == model.scenario.horizon
    assert pickle.loads(pickle.dumps(case.runner)) == case.runner
