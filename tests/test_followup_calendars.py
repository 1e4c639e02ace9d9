"""Tests of the calendars: per-slot probabilities of being free, given a phase."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.followup import BookedAhead, Calendar, Independent, Rota, common_slot_probability


def test_independent_is_p_everywhere() -> None:
    """An independent calendar gives p in every slot and has one phase."""
    cal = Independent(0.3)
    assert cal.phases == 1
    np.testing.assert_array_equal(cal.availability(0, weeks=2, slots_per_week=3), [0.3] * 6)


def test_booked_ahead_is_closed_for_its_weeks() -> None:
    """A GP booked two weeks ahead has no slot in weeks 0 and 1, then p."""
    row = BookedAhead(2, p=0.4).availability(0, weeks=3, slots_per_week=2)
    np.testing.assert_array_equal(row, [0, 0, 0, 0, 0.4, 0.4])
    assert BookedAhead(5, p=1.0).availability(0, weeks=3, slots_per_week=2).sum() == 0


def test_rota_cycles_from_its_phase() -> None:
    """A three-week rota starting in its second week repeats weeks 1, 2, 0, 1, ..."""
    rota = Rota(["10", "01", "11"], p=0.5)
    assert rota.phases == 3
    np.testing.assert_array_equal(
        rota.availability(1, weeks=4, slots_per_week=2), [0, 0.5, 0.5, 0.5, 0.5, 0, 0, 0.5]
    )


def test_day_weeks_rota() -> None:
    """One day week in a cycle of three: every slot open in week 0, none in weeks 1 and 2."""
    rota = Rota.day_weeks(1, cycle=3, slots_per_week=10)
    assert rota.pattern == ("1" * 10, "0" * 10, "0" * 10)


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda: Independent(1.5), "p"),
        (lambda: BookedAhead(-1, p=0.5), "weeks"),
        (lambda: BookedAhead(2, p=-0.1), "p"),
        (lambda: Rota([]), "pattern"),
        (lambda: Rota(["10", "1x"]), "pattern[1]"),
        (lambda: Rota(["10", "101"]), "pattern[1]"),
        (lambda: Rota.day_weeks(4, cycle=3), "days"),
    ],
)
def test_bad_calendars_are_refused_by_field(build: object, path: str) -> None:
    """Probabilities outside [0, 1], negative weeks and malformed rotas name the field."""
    assert callable(build)
    with pytest.raises(InvalidScenario) as info:
        build()
    assert info.value.path == path


def test_rota_must_match_the_slots_per_week() -> None:
    """A rota written for 2 slots a week cannot be used with 10, and the error says which."""
    with pytest.raises(InvalidArgument, match=r"calendars\[1\]\.pattern: has 2 slots"):
        common_slot_probability([0.5, Rota(["11"])], weeks=1, slots_per_week=10)


class _Teacher:
    """A teacher free only in the last slot of each week (a planner's own calendar)."""

    phases = 1

    def availability(
        self,
        phase: int,  # noqa: ARG002 - part of the Calendar protocol
        *,
        weeks: int,
        slots_per_week: int,
    ) -> npt.NDArray[np.float64]:
        """Free in the last slot of each week."""
        row = np.zeros(weeks * slots_per_week)
        row[slots_per_week - 1 :: slots_per_week] = 1.0
        return row


def test_any_object_with_phases_and_availability_is_a_calendar() -> None:
    """A planner's own class satisfies the Calendar protocol without subclassing."""
    teacher = _Teacher()
    assert isinstance(teacher, Calendar)
    # Two weeks, one slot each where the teacher is free, the other person free with 0.5:
    # P = 1 - 0.5**2 = 0.75.
    assert common_slot_probability([teacher, 0.5], weeks=2).probability == pytest.approx(0.75)
