"""Each form of the file formats reads back what it writes (``hometeams.io._codec`` and forms).

A form keeps a field's reader, writer and schema in one place; these properties check, form by
form, that reading what a form writes gives back the value, and that the table of forms names
only real fields. Whole files round-trip in ``test_io_toml.py`` and ``test_io_scenario.py``.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument
from hometeams.io._codec import Form, fields_data
from hometeams.io._convert import make_converter, member_data, weekday_names
from hometeams.io._durations import DURATION
from hometeams.io._layout import FORM_CLASSES, FORMS, SICK_LEAVE, scenario_converter
from hometeams.io._planning import PLANNING
from hometeams.io._policy import POLICY
from hometeams.io._units import CLOCK, CLOCK_VALUE, DAYS, MINUTES, PROFILE, TIMES
from hometeams.model import Membership, Team
from hometeams.scenario import LogNormal, SickLeave
from hometeams.scenario._jobs import days_field, times_field
from hometeams.sim import BuiltIn, DailyLists, FixedLists, NoLists
from scenario_files import policies
from sim_strategies import durations, small_district

_WHOLE_MINUTES = st.integers(min_value=0, max_value=10**7).map(float)
_ANY_MINUTES = st.floats(min_value=0, max_value=1e7, allow_nan=False)
_CLOCK_TIMES = st.integers(min_value=0, max_value=1439).map(float) | st.floats(
    min_value=0, max_value=1440, exclude_max=True
)


def _read_written(form: Form, value: object, cl: object = None) -> object:
    """``value`` written by ``form`` and read back by it, on the scenario files' converter."""
    hook = form.hook(scenario_converter())
    assert hook is not None
    assert form.write is not None
    return hook(form.write(value), cl)


def test_every_form_names_a_field_of_its_class() -> None:
    """The table of forms lists real fields of the classes a scenario file is made of."""
    for cls, forms in FORMS.items():
        assert cls in FORM_CLASSES
        names = {f.name for f in attrs.fields(cls)}
        assert set(forms) <= names, f"{cls.__name__}: {sorted(set(forms) - names)}"


def test_a_form_reads_one_way() -> None:
    """A form is read by a hook or by a hook made from the converter, not both."""
    with pytest.raises(InvalidArgument, match="read_with"):
        Form(read=lambda value, _: value, read_with=lambda _: lambda value, _: value)


def test_defaults_are_left_out_and_fields_keep_their_order() -> None:
    """A 40-minute log-normal with sd 10: both parameters differ from no default."""
    data = fields_data(LogNormal(mean=40, sd=10), {"sd": Form(write=int)}, plain=float)
    assert list(data.items()) == [("mean", 40.0), ("sd", 10)]


# -- units ---------------------------------------------------------------------------------------


@given(_WHOLE_MINUTES | _ANY_MINUTES)
def test_minutes_read_back(minutes: float) -> None:
    """A length of time written as ``"4 weeks"`` or a number reads back as the same minutes."""
    assert _read_written(MINUTES, minutes, float) == minutes


@given(_CLOCK_TIMES)
def test_clock_times_read_back(minutes: float) -> None:
    """A clock time written as ``"HH:MM"`` (or minutes, if not whole) reads back the same."""
    assert _read_written(CLOCK_VALUE, minutes, float) == minutes
    assert CLOCK.write is CLOCK_VALUE.write


@given(st.frozensets(st.integers(min_value=0, max_value=6), min_size=1))
def test_visit_days_read_back(days: frozenset[int]) -> None:
    """Days written as a shortcut or a list of names read back through the visit's converter."""
    assert DAYS.write is not None
    assert days_field(DAYS.write(days)) == days


@given(st.frozensets(_CLOCK_TIMES, min_size=1, max_size=6).map(sorted))
def test_visit_times_read_back(times: list[float]) -> None:
    """Planned times written as clock times read back through the visit's converter."""
    assert TIMES.write is not None
    assert times_field(TIMES.write(tuple(times))) == tuple(times)


@given(st.none() | st.lists(st.integers(0, 9).map(float) | st.floats(0, 9), max_size=24))
def test_profiles_keep_their_values(values: list[float] | None) -> None:
    """A profile is written with whole numbers as ints, each equal to the value it stands for."""
    assert PROFILE.write is not None
    written = PROFILE.write(None if values is None else tuple(values))
    assert written == values
    assert all(isinstance(v, int) == float(v).is_integer() for v in written or [])


# -- durations, policies, planning ---------------------------------------------------------------


@given(durations(max_mean=600) | st.floats(1, 600).map(lambda m: LogNormal(mean=m, sd=m / 3)))
def test_durations_read_back(duration: object) -> None:
    """Every built-in distribution reads back equal from the number or table written for it."""
    assert _read_written(DURATION, duration) == duration


@given(policies(small_district()))
def test_policies_read_back(policy: object) -> None:
    """Every built-in policy reads back equal from the kind or table written for it."""
    assert _read_written(POLICY, policy) == policy


_PLANNINGS = st.just(NoLists()) | st.builds(
    lambda kind, passes, release: kind(planner=BuiltIn(passes=passes), release_after=release),
    st.sampled_from([FixedLists, DailyLists]),
    st.integers(0, 30),
    st.sampled_from([0.0, 15.0, 45.0, 60.0, 90.5, 1440.0]),
)


@given(_PLANNINGS)
def test_plannings_read_back(planning: object) -> None:
    """Every built-in planning reads back equal from the kind or table written for it."""
    assert _read_written(PLANNING, planning) == planning


# -- sick leave, the organisation's own forms ----------------------------------------------------


@given(st.floats(0, 1), st.frozensets(st.sampled_from(["kari", "ola", "per"])))
def test_sick_leave_reads_back(probability: float, staff: frozenset[str]) -> None:
    """Sick leave written as a probability or a table reads back equal."""
    value = SickLeave(probability, staff=staff)
    assert _read_written(SICK_LEAVE, value, SickLeave) == value


@given(
    st.frozensets(st.integers(0, 6), min_size=1),
    st.lists(st.none() | st.sampled_from([0.1, 0.25, 0.5, 1.0]), min_size=1, max_size=3),
)
def test_team_days_and_members_read_back(days: frozenset[int], shares: list[float | None]) -> None:
    """A team's weekdays and members, written as names and ids or tables, read back equal."""
    members = [Membership(f"s{i}", share=share) for i, share in enumerate(shares)]
    data = {"id": "t", "members": [member_data(m) for m in members], "days": weekday_names(days)}
    team = make_converter().structure(data, Team)
    assert team.days == days
    assert list(team.members) == members
