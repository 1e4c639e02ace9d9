"""Tests for hometeams.scenario._absence: sick leave and named absences."""

from __future__ import annotations

import math

import pytest

from hometeams.errors import InvalidScenario
from hometeams.scenario import Absence, Absences, SickLeave


def test_sick_leave_applies_to_listed_staff_or_everyone() -> None:
    """An empty staff set means everyone; a probability of 0 applies to nobody."""
    assert SickLeave(0.1).applies_to("kari")
    assert not SickLeave(0.0).applies_to("kari")
    only = SickLeave(0.1, staff=["ola"])
    assert only.applies_to("ola")
    assert not only.applies_to("kari")


def test_absence_defaults_cover_the_whole_run() -> None:
    """Absence('kari') runs from 0 to infinity."""
    absence = Absence("kari")
    assert (absence.start, absence.end) == (0.0, math.inf)


def test_absences_accept_a_bare_probability() -> None:
    """Absences(sick_leave=0.08) means SickLeave(0.08)."""
    assert Absences(sick_leave=0.08).sick_leave == SickLeave(0.08)
    assert Absences().sick_leave.probability == 0.0


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda: SickLeave(-0.1), "probability"),
        (lambda: SickLeave(1.01), "probability"),
        (lambda: SickLeave(0.1, staff=["x y"]), "staff[0]"),
        (lambda: Absences(sick_leave=2.0), "sick_leave.probability"),
        (lambda: Absence("kari", start=-1), "start"),
        (lambda: Absence("kari", start=10, end=10), "end"),
        (lambda: Absence("kari", end=float("nan")), "end"),
        (lambda: Absence(""), "staff"),
    ],
)
def test_bad_absences_name_the_field(build: object, path: str) -> None:
    """Each impossible absence is refused with InvalidScenario naming its field."""
    with pytest.raises(InvalidScenario) as info:
        build()  # type: ignore[operator]
    assert info.value.path == path
