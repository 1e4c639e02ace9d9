"""Tests for hometeams._parse: clock times, weekdays and number checks."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams._parse import (
    check_count,
    check_nonnegative,
    check_positive,
    check_probability,
    clock_minutes,
    id_set,
    weekdays,
)
from hometeams.errors import InvalidScenario


@given(st.integers(min_value=0, max_value=23), st.integers(min_value=0, max_value=59))
def test_clock_string_is_minutes_after_midnight(hours: int, minutes: int) -> None:
    """'HH:MM' reads as 60 * HH + MM, and the number itself reads the same."""
    text = f"{hours:02d}:{minutes:02d}"
    assert clock_minutes(text, field="t") == 60 * hours + minutes
    assert clock_minutes(60 * hours + minutes, field="t") == 60 * hours + minutes


@pytest.mark.parametrize("value", ["24:00", "12:60", "noon", "8", -1, 1440, float("nan"), True])
def test_bad_clock_times_are_refused(value: object) -> None:
    """Clock times outside a day, or unreadable, are refused naming the field."""
    with pytest.raises(InvalidScenario) as info:
        clock_minutes(value, field="times[0]")
    assert info.value.path == "times[0]"


def test_single_digit_hour_is_read() -> None:
    """'8:05' is 485 minutes."""
    assert clock_minutes("8:05", field="t") == 485.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("daily", set(range(7))),
        ("weekdays", {0, 1, 2, 3, 4}),
        ("weekend", {5, 6}),
        ("sat", {5}),
        ("Sun", {6}),
        (3, {3}),
        (["mon", "wed", 4], {0, 2, 4}),
        (np.int64(2), {2}),
    ],
)
def test_weekdays_accepts_names_numbers_and_shortcuts(value: object, expected: set[int]) -> None:
    """Weekday names, numbers and the three shortcuts give Monday-based numbers."""
    assert weekdays(value) == expected


@pytest.mark.parametrize(
    ("value", "path"),
    [
        (["monday"], "days[0]"),
        ([7], "days[0]"),
        (["mon", True], "days[1]"),
        ([], "days"),
        (None, "days"),
    ],
)
def test_bad_weekdays_name_the_position(value: object, path: str) -> None:
    """An unknown day is refused at its position in the list."""
    with pytest.raises(InvalidScenario) as info:
        weekdays(value)
    assert info.value.path == path


def test_id_set_treats_a_string_as_one_id() -> None:
    """A bare string is one id, not a set of characters; bad ids are refused."""
    assert id_set("dementia", field="required") == {"dementia"}
    with pytest.raises(InvalidScenario) as info:
        id_set(["ok", ""], field="required")
    assert info.value.path.startswith("required[")


def test_number_checks() -> None:
    """The number checks accept their domains and refuse what is outside, naming the field."""
    check_positive(0.5, field="x")
    check_nonnegative(0, field="x")
    check_nonnegative(float("inf"), field="x", finite=False)
    check_probability(1, field="p")
    check_count(2, field="n", low=1, high=2)
    for call in (
        lambda: check_positive(0, field="x"),
        lambda: check_nonnegative(-0.1, field="x"),
        lambda: check_nonnegative(float("inf"), field="x"),
        lambda: check_nonnegative(float("nan"), field="x", finite=False),
        lambda: check_probability(-0.1, field="x"),
        lambda: check_count(3, field="x", low=1, high=2),
        lambda: check_count(1.5, field="x"),
        lambda: check_count(True, field="x"),
        lambda: check_positive("5", field="x"),
    ):
        with pytest.raises(InvalidScenario) as info:
            call()
        assert info.value.path == "x"
