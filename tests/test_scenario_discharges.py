"""Tests for hometeams.scenario._discharges: hospital discharges and their episodes."""

from __future__ import annotations

import pytest

from hometeams.errors import InvalidScenario
from hometeams.scenario import Discharges, Episode

EPISODE = Episode(days=3, times="10:00", duration=45)


def test_discharge_variance_is_negative_binomial() -> None:
    """Variance per weekday = mean + mean^2 / k; Poisson (k=None) has variance = mean."""
    lumpy = Discharges([0, 0, 0, 0, 4, 0, 0], dispersion=2.0, episode=EPISODE)
    assert lumpy.variance[4] == 4 + 16 / 2
    assert lumpy.variance[2] == 0
    assert Discharges(1.5, episode=EPISODE).variance == (1.5,) * 7


def test_discharge_defaults() -> None:
    """Discharges default to 13:00, no fixed zones or team, and the name 'discharge'."""
    d = Discharges(1, episode=EPISODE)
    assert (d.time, d.zones, d.zone_weights, d.team, d.name) == (780.0, (), None, None, "discharge")


def test_episode_reads_times() -> None:
    """An episode's times are sorted clock minutes."""
    assert Episode(days=2, times=["18:00", "09:00"], duration=30).times == (540.0, 1080.0)


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda: Episode(days=0, times="09:00", duration=5), "days"),
        (lambda: Episode(days=1, times="09:00", duration=0), "duration.minutes"),
        (lambda: Episode(days=1, times="09:00", duration=5, n_staff=5), "n_staff"),
        (lambda: Discharges([1] * 8, episode=EPISODE), "mean"),
        (lambda: Discharges([1] * 6 + [-1], episode=EPISODE), "mean[6]"),
        (lambda: Discharges(1, dispersion=0, episode=EPISODE), "dispersion"),
        (
            lambda: Discharges(1, zones=["a", "b"], zone_weights=[1], episode=EPISODE),
            "zone_weights",
        ),
        (lambda: Discharges(1, zones=["a"], zone_weights=[0], episode=EPISODE), "zone_weights"),
        (lambda: Discharges(1, zones=["a"], zone_weights=[-1], episode=EPISODE), "zone_weights[0]"),
        (lambda: Discharges(1, zones=["a", ""], episode=EPISODE), "zones[1]"),
        (lambda: Discharges(1, time="25:00", episode=EPISODE), "time"),
        (lambda: Discharges(1, team="", episode=EPISODE), "team"),
        (lambda: Discharges(1, name="a b", episode=EPISODE), "name"),
    ],
)
def test_bad_discharges_name_the_field(build: object, path: str) -> None:
    """Each impossible discharge source or episode is refused naming its field."""
    with pytest.raises(InvalidScenario) as info:
        build()  # type: ignore[operator]
    assert info.value.path == path
