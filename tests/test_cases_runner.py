"""The team runner: whole-run metrics plus the figures of the team a story is about."""

from __future__ import annotations

import math
import pickle

import numpy as np
import pytest

from hometeams.cases import TEAM_METRICS, TeamRunner, evening_staffing, team_figures
from hometeams.errors import InvalidArgument
from hometeams.metrics import METRICS, summarise
from hometeams.records import JobRecords, Records, ShiftRecords
from hometeams.sim import simulate


def _shifts() -> ShiftRecords:
    return ShiftRecords(
        staff=["kari", "per", "ola"],
        team=["rehab", "rehab", "district"],
        zone=["d"] * 3,
        day=[0, 0, 0],
        period=["evening"] * 3,
        start=[900.0] * 3,
        end=[1380.0] * 3,
        rostered=[480.0] * 3,
        busy=[400.0, 272.0, 480.0],
        travel=[0.0] * 3,
        idle=[80.0, 208.0, 0.0],
        overtime=[0.0, 0.0, 30.0],
        absent=[False] * 3,
    )


def test_team_figures_are_the_teams_own_shifts() -> None:
    """The rehab team's idle share is its own idle over its own rostered time: 288/960."""
    records = Records(JobRecords.empty(), _shifts())
    out = team_figures(records, ["rehab", "district"], names=["idle_share", "overtime_hours"])
    assert out == {
        "rehab_idle_share": 288 / 960,
        "rehab_overtime_hours": 0.0,
        "district_idle_share": 0.0,
        "district_overtime_hours": 0.5,
    }


def test_an_absent_team_gets_nan_not_zero() -> None:
    """A team with no jobs and no shifts has no figures: nan, never a made-up 0."""
    out = team_figures(Records(JobRecords.empty(), _shifts()), "night", names=["idle_share"])
    assert list(out) == ["night_idle_share"]
    assert math.isnan(out["night_idle_share"])


def test_unknown_metrics_are_refused() -> None:
    """Asking for a metric the catalogue does not have names it."""
    with pytest.raises(InvalidArgument, match="unknown metrics \\['idleness'\\]"):
        team_figures(Records(JobRecords.empty(), _shifts()), ["rehab"], names=["idleness"])
    with pytest.raises(InvalidArgument, match="metrics: unknown metrics"):
        TeamRunner(["rehab"], metrics=["idleness"])


def test_runner_adds_the_team_row_of_summarise_to_the_whole_run() -> None:
    """The runner's output is metrics() followed by the team's summarise() row, by name."""
    fixed = evening_staffing(weeks=2)[0]
    seed = np.random.SeedSequence(5)
    out = TeamRunner(["rehab"])(fixed, seed)
    assert list(out)[: len(METRICS)] == list(METRICS)
    assert list(out)[len(METRICS) :] == [f"rehab_{name}" for name in TEAM_METRICS]
    records = simulate(fixed.scenario, policy=fixed.policy, seed=np.random.SeedSequence(5))
    row = summarise(records, by="team").as_dict()[("rehab",)]
    for name in TEAM_METRICS:
        assert out[f"rehab_{name}"] == pytest.approx(float(row[name]), nan_ok=True)  # type: ignore[arg-type]


def test_runner_pickles_for_worker_processes() -> None:
    """A runner is a plain frozen value: it survives pickling unchanged."""
    runner = TeamRunner(["rehab"], metrics=["idle_share"])
    assert pickle.loads(pickle.dumps(runner)) == runner
