"""Tests for hometeams.scenario._arrivals: arrival processes and alarms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidScenario
from hometeams.scenario import Alarms, ArrivalProcess, Fixed


def _peaked() -> ArrivalProcess:
    hours = [0.0] * 24
    hours[8] = 2.0
    return ArrivalProcess(3, by_hour=hours, by_weekday=[1.5, 1, 1, 1, 1, 1, 1], duration=20)


def test_rate_at_multiplies_base_hour_and_weekday() -> None:
    """rate_at = rate * by_hour[h] * by_weekday[w]: 3 * 2 * 1.5 = 9 on Monday 08:30."""
    source = _peaked()
    assert source.rate_at(8 * 60 + 30) == 9.0
    assert source.rate_at(1440 + 8 * 60) == 6.0  # Tuesday
    assert source.rate_at(9 * 60) == 0.0
    assert source.rate_at(7 * 1440 + 8 * 60) == 9.0  # Monday of week 2


def test_expected_integrates_piecewise_rate() -> None:
    """Monday 07:30-09:30 with rate 9 in hour 8 only: 0 + 9 + 0 = 9 expected jobs."""
    source = _peaked()
    assert source.expected(450, 570) == pytest.approx(9.0)
    assert source.expected(480, 510) == pytest.approx(4.5)  # half of hour 8


@given(st.floats(0, 10), st.integers(0, 10 * 1440), st.integers(1, 3 * 1440))
def test_expected_of_constant_rate_is_rate_times_hours(
    rate: float, start: int, length: int
) -> None:
    """With flat profiles the expected count is rate * length / 60."""
    assert Alarms(rate).expected(start, start + length) == pytest.approx(rate * length / 60)


def test_alarm_defaults() -> None:
    """Alarms default to a 30-minute window and 20-minute fixed duration, named 'alarm'."""
    alarms = Alarms(0.2)
    assert (alarms.window, alarms.duration, alarms.name) == (30.0, Fixed(20), "alarm")
    assert ArrivalProcess(1, duration=5).window == 120.0


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda: ArrivalProcess(-1, duration=5), "rate"),
        (lambda: ArrivalProcess(1, duration=5, by_weekday=[1] * 6), "by_weekday"),
        (lambda: ArrivalProcess(1, duration=5, by_hour=[1] * 23 + [-1]), "by_hour[23]"),
        (lambda: ArrivalProcess(1, duration=5, users=["ok", "not ok"]), "users[1]"),
        (lambda: ArrivalProcess(1, duration=5, name=""), "name"),
        (lambda: ArrivalProcess(1, duration=5, n_staff=3), "n_staff"),
        (lambda: Alarms(float("inf")), "rate"),
        (lambda: Alarms(1, window=-5), "window"),
    ],
)
def test_bad_arrivals_name_the_field(build: object, path: str) -> None:
    """Each impossible arrival process or alarm source is refused naming its field."""
    with pytest.raises(InvalidScenario) as info:
        build()  # type: ignore[operator]
    assert info.value.path == path
