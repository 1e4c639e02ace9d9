"""The follow-up package's public face: __all__, docstrings, and the doctested docs pages."""

from __future__ import annotations

import doctest
import inspect
import re
from pathlib import Path

import attrs
import pytest

from hometeams import followup

ROOT = Path(__file__).resolve().parents[1]
PAGES = [
    ROOT / "docs" / "how-to" / "follow-up-teams.md",
    ROOT / "docs" / "explanation" / "follow-up-teams.md",
]
REFERENCE = ROOT / "docs" / "reference" / "followup.md"

# ``hometeams.followup.__all__`` before the package was split into sub-packages: every one of
# these names stays importable from ``hometeams.followup``, so user code does not break.
NAMES_BEFORE_THE_SPLIT = [
    "AGE_GROUPS",
    "FULL_TIME_HOURS",
    "NATIONAL_COORDINATOR_SHARE",
    "SERVICE_SURVEY_2023",
    "SURVEY_2023",
    "SURVEY_BINS",
    "ActorReach",
    "AgeCoverage",
    "AppointmentRule",
    "Band",
    "BookedAhead",
    "Calendar",
    "Candidate",
    "CapacityReport",
    "CaseloadDistribution",
    "CaseloadSurvey",
    "ComplexNeedsUser",
    "ConcentrationRisk",
    "CoordinatingUnit",
    "CoordinatorLoad",
    "CoordinatorRole",
    "FlowCoordinators",
    "FlowResult",
    "FlowSeries",
    "FlowSpec",
    "FlowUsers",
    "FollowUpProgramme",
    "FollowUpTeam",
    "Independent",
    "IndividualPlan",
    "MeetingPlan",
    "MeetingSeries",
    "Reappointments",
    "Rota",
    "Sector",
    "Service",
    "ServiceRange",
    "ServicesByAge",
    "SlotProbability",
    "StepWait",
    "SurveyComparison",
    "actors_per_coordinator",
    "capacity",
    "caseload_distribution",
    "common_slot_probability",
    "compare_with_survey",
    "concentration",
    "coverage_by_age",
    "fill_up",
    "followup_graph",
    "meeting_hours",
    "services_by_age",
    "simulate_flow",
    "spread_load",
    "waiting_times",
    "weeks_to_common_slot",
]


def _tables() -> list[list[str]]:
    """The names in each table of the reference page, in order."""
    text = REFERENCE.read_text(encoding="utf-8")
    return [
        re.findall(r"^\| `(\w+)` \|", block, flags=re.M)
        for block in re.split(r"\n(?=\| name \|)", text)[1:]
    ]


def _public() -> list[str]:
    """Every public name of the package: ``__all__`` and the results and building blocks."""
    return [name for table in _tables() for name in table]


def test_all_matches_the_reference_page() -> None:
    """``__all__`` is exactly the first table of ``docs/reference/followup.md``, in order."""
    assert list(followup.__all__) == _tables()[0]


def test_every_public_name_is_documented_and_nothing_else_is_exposed() -> None:
    """The page's two tables are exactly the package's public, non-module attributes."""
    exposed = {
        name
        for name, value in vars(followup).items()
        if not name.startswith("_") and not inspect.ismodule(value) and name != "annotations"
    }
    assert sorted(_public()) == sorted(exposed)
    assert not set(_tables()[1]) & set(followup.__all__)


def test_every_name_public_before_the_split_is_still_importable() -> None:
    """Each name of the old flat ``__all__`` still imports from ``hometeams.followup``."""
    assert set(NAMES_BEFORE_THE_SPLIT) == set(_public())
    for name in NAMES_BEFORE_THE_SPLIT:
        assert hasattr(followup, name), name  # what ``from hometeams.followup import name`` asks


def test_the_model_imports_neither_the_analyses_nor_the_flow() -> None:
    """Imports flow one way: model <- analyses, meetings, flow; no sub-package imports a sibling."""
    package = ROOT / "src" / "hometeams" / "followup"
    for group in ("_model", "_analyses", "_meetings", "_flow"):
        for module in (package / group).glob("*.py"):
            used = set(re.findall(r"hometeams\.followup\.(_\w+)", module.read_text("utf-8")))
            assert used <= {group, "_model"}, module


def test_all_is_sorted_unique_and_importable() -> None:
    """__all__ is sorted (CONSTANTS, Classes, functions), has no duplicates, and resolves."""
    names = followup.__all__

    def kind(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert names == sorted(names, key=kind)
    assert len(set(names)) == len(names)
    for name in names:
        assert hasattr(followup, name), name


def test_every_public_class_and_function_has_an_example() -> None:
    """Every public class and function has a numpy-style docstring with an Examples section."""
    for name in _public():
        obj = getattr(followup, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            doc = inspect.getdoc(obj) or ""
            assert "Examples\n--------" in doc, name
            assert ">>>" in doc, name


def test_value_objects_and_results_are_frozen_attrs() -> None:
    """Every public attrs class is frozen: results and specifications cannot be changed."""
    for name in _public():
        obj = getattr(followup, name)
        if inspect.isclass(obj) and attrs.has(obj):
            assert obj.__setattr__ is not object.__setattr__, name


def test_public_functions_take_options_by_keyword() -> None:
    """No public function takes more than two positional parameters."""
    for name in _public():
        obj = getattr(followup, name)
        if inspect.isfunction(obj):
            params = inspect.signature(obj).parameters.values()
            positional = [
                p for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.POSITIONAL_ONLY)
            ]
            assert len(positional) <= 2, name


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_docs_page_examples_run(page: Path) -> None:
    """Every example on the follow-up docs pages runs and prints what the page says."""
    text = page.read_text(encoding="utf-8")
    unfenced = "\n".join("" if line.startswith("```") else line for line in text.splitlines())
    test = doctest.DocTestParser().get_doctest(unfenced, {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 5
    assert result.failed == 0
