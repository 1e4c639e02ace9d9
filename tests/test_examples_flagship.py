"""The four flagship scripts run, print their key lines, and separate the models as theory says.

Each script is imported from ``examples/`` and run with small settings. The separations checked
are the ones the arithmetic guarantees, not whatever the scripts happen to print.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SMALL = {"replications": 5, "weeks": 2, "seed": 1}


def _load(name: str) -> ModuleType:
    path = EXAMPLES / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"flagship_{name}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(
    scope="module",
    params=["evening_staffing", "pooled_coordinators", "memory_team_reach", "lumpy_discharges"],
)
def script(request: pytest.FixtureRequest) -> ModuleType:
    """Each flagship script, imported as a module."""
    return _load(request.param)


def test_main_runs_from_the_command_line_options(script: ModuleType) -> None:
    """``main`` parses --replications/--seed/--weeks/--workers, prints and returns 0."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = script.main(["--replications", "2", "--weeks", "2", "--seed", "3", "--workers", "1"])
    assert code == 0
    assert "95 % CI" in out.getvalue()
    assert "Analytic" in out.getvalue()


def _run(name: str) -> tuple[Any, str]:
    module = _load(name)
    results = module.run(**SMALL)
    return results, module.report(results)


@pytest.fixture(scope="module")
def evening() -> tuple[Any, str]:
    """The evening script's results and report."""
    return _run("evening_staffing")


def test_evening_prints_the_analytic_answer_beside_the_simulated(evening: tuple[Any, str]) -> None:
    """The 30 % of the arithmetic, the simulated team idle share and the model table."""
    results, text = evening
    assert "2 staff, 0.6 idle = 30.0 % idle  (staffing_waste)" in text
    assert "team's idle share, fixed team:" in text
    for model in ("fixed team", "pooled", "overflow"):
        assert model in text
    net = _load("evening_staffing").net_idle(results.comparison, "fixed team", prefix="rehab_")
    # 5 replications of 224 visits: sd of the mean net idle share 0.0156 / sqrt(5) = 0.007.
    assert net.mean == pytest.approx(0.30, abs=0.028)


def test_evening_models_separate_where_they_differ(evening: tuple[Any, str]) -> None:
    """Pooled: less idle time and staff-hours, less competence, more faces than fixed.

    One evening shift fewer with the same work; the team's competence only where it serves.
    """
    c = evening[0].comparison
    assert c.difference("pooled", "idle_share").high < 0
    assert c.difference("pooled", "staff_hours").high < 0
    assert c.difference("pooled", "competence_match").high < 0
    assert c.difference("pooled", "rehab_mean_distinct_staff_14d").low > 0


def test_coordinators_three_work_for_caseload_not_for_a_queue() -> None:
    """Three work for caseload, not for a queue at full load; four wait least.

    Caseload: merged three lose the separate districts' spare quarter. Queue at full load:
    three wait far longer than two per district, four less (the pooling gain).
    """
    results, text = _run("pooled_coordinators")
    assert "merging saves 1 post" in text
    assert "no steady state (unstable)" in text
    assert "Growth of the mean wait from 2 to 4 weeks" in text
    assert results.caseload.difference("merged 3", "idle_share").high < 0
    queue = results.queue.comparison(weeks=4)
    assert queue.difference("merged 3", "mean_delay").low > 0
    assert queue.difference("merged 4", "mean_delay").high < 0


def test_memory_team_direct_visits_build_a_waiting_list() -> None:
    """Load 5/3 for the team alone: a waiting list; supervision reaches everyone."""
    results, text = _run("memory_team_reach")
    assert "weekly follow-ups the team can make alone: 180 of 300" in text
    assert "120 unreached (40 %)" in text
    c = results.comparison
    assert c.interval("direct visits", "waiting_list").low > 0
    assert c.difference("supervision", "waiting_list").high < 0
    assert c.difference("supervision", "reached_share").low > 0


def test_lumpy_discharges_pooling_absorbs_the_lumps() -> None:
    """The fixed team brings competence and few faces; pooled, more visits are on time.

    The paired on-time differences are skewed (a heavy Friday makes a rare fortnight very bad
    for the fixed team), so the check is their sign: in no replication is pooled worse
    (``test_cases_discharges`` tests it formally).
    """
    results, text = _run("lumpy_discharges")
    assert "more due than the team's" in text
    for day in ("Mon", "Wed", "Fri", "Sat"):
        assert f"  {day} " in text
    c = results.comparison
    assert (np.asarray(c.sample("fixed rota", "reablement_competence_match")) == 1).all()
    assert c.difference("pooled", "reablement_competence_match").high < 0
    assert (np.asarray(c.sample("fixed rota", "reablement_mean_distinct_staff_14d")) <= 4).all()
    assert c.difference("pooled", "reablement_mean_distinct_staff_14d").low > 0
    diff = c.sample("pooled", "reablement_on_time_share") - c.sample(
        "fixed rota", "reablement_on_time_share"
    )
    assert (diff >= 0).all()
    assert (diff > 0).any()


def test_the_tutorials_table_is_what_the_evening_script_prints() -> None:
    """docs/tutorials/evening-staffing.md shows exactly the table the script prints by default."""
    module = _load("evening_staffing")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert module.main([]) == 0
    header = "metric                         model"
    out = printed.getvalue()
    table = out[out.index(header) :].rstrip("\n").splitlines()
    doc = (EXAMPLES.parent / "docs" / "tutorials" / "evening-staffing.md").read_text("utf-8")
    start = doc.index("```text\n" + header) + len("```text\n")
    shown = doc[start : doc.index("\n```", start)].splitlines()
    assert shown == table
