"""The chance that a meeting of n people finds a common slot within k weeks.

If each of ``n`` people is free in a slot with probability ``p_i``, independently of each other
and of other slots, all of them are free in a given slot with probability ``prod(p_i)``, and
among ``S = k * slots_per_week`` slots there is no common one with probability

    P(no common slot) = (1 - prod(p_i)) ** S.

Four people each free in half of the slots find a common slot in one week of ten slots with
probability ``1 - (1 - 1/16)**10 = 0.476``; twenty such people almost never do. That is the
arithmetic behind "as few as possible, as many as necessary" (seed 003 L1483) and behind the
evaluators' failure to gather whole teams (seed 002 L416-421).

Structured calendars -- rotas, GPs booked weeks ahead (:class:`~hometeams.followup.Rota`,
:class:`~hometeams.followup.BookedAhead`) -- make the slots' probabilities differ and depend on
each person's phase. Given all phases, the slots are still independent, so the exact answer is
the average over all equally likely phase combinations of ``1 - prod_s(1 - prod_i a_i[s])``.
:func:`common_slot_probability` computes it exactly when the combinations are few, and by Monte
Carlo -- drawing phases and free slots -- when asked to or when they are too many.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs
import numpy as np

from hometeams.errors import InvalidArgument
from hometeams.followup._meetings.calendars import Calendar, FloatArray, as_calendars

__all__ = [
    "MAX_EXACT_COMBINATIONS",
    "SLOTS_PER_WEEK",
    "SlotProbability",
    "common_slot_probability",
    "weeks_to_common_slot",
]

SLOTS_PER_WEEK = 10
"""Default meeting slots a week: a morning and an afternoon on each weekday (an assumption)."""

MAX_EXACT_COMBINATIONS = 20_000
"""Most phase combinations :func:`common_slot_probability` enumerates for an exact answer."""

_CHUNK = 2_000


@attrs.frozen
class SlotProbability:
    """The probability of a common slot, and how it was obtained.

    Attributes
    ----------
    probability
        P(at least one slot in which everyone is free).
    standard_error
        Binomial standard error ``sqrt(p (1 - p) / samples)`` of a Monte Carlo estimate; 0 when
        exact.
    samples
        Monte Carlo samples, 0 when exact.
    method
        ``"exact"`` or ``"monte-carlo"``.

    Examples
    --------
    >>> common_slot_probability([0.5, 0.5], weeks=1, slots_per_week=2)
    SlotProbability(probability=0.4375, standard_error=0.0, samples=0, method='exact')
    """

    probability: float
    standard_error: float
    samples: int
    method: str


def _check_grid(weeks: object, slots_per_week: object) -> tuple[int, int]:
    for name, value in (("weeks", weeks), ("slots_per_week", slots_per_week)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise InvalidArgument(f"{name}: must be an integer >= 1, got {value!r}")
    return int(weeks), int(slots_per_week)  # type: ignore[call-overload]


def _tables(calendars: Sequence[Calendar], *, weeks: int, slots_per_week: int) -> list[FloatArray]:
    """One (phases, slots) table of free-probabilities per person."""
    tables = []
    size = weeks * slots_per_week
    for i, calendar in enumerate(calendars):
        phases = calendar.phases
        if isinstance(phases, bool) or not isinstance(phases, int) or phases < 1:
            raise InvalidArgument(f"calendars[{i}].phases: must be an integer >= 1, got {phases!r}")
        rows = []
        for phase in range(phases):
            try:
                row = np.asarray(
                    calendar.availability(phase, weeks=weeks, slots_per_week=slots_per_week),
                    dtype=np.float64,
                )
            except InvalidArgument as err:
                raise InvalidArgument(f"calendars[{i}].{err}") from None
            if row.shape != (size,) or not np.all((row >= 0) & (row <= 1)):
                raise InvalidArgument(
                    f"calendars[{i}].availability: must give {size} probabilities in [0, 1] "
                    f"for phase {phase}, got shape {row.shape}"
                )
            rows.append(row)
        tables.append(np.vstack(rows))
    return tables


def _exact(tables: list[FloatArray]) -> float:
    joint = np.ones((1, tables[0].shape[1]))
    for table in tables:
        joint = (joint[:, None, :] * table[None, :, :]).reshape(-1, table.shape[1])
    # log1p keeps (1 - x)**S accurate when x is tiny and S large.
    with np.errstate(divide="ignore"):
        log_miss = np.log1p(-joint).sum(axis=1)
    return float(1.0 - np.exp(log_miss).mean())


def _monte_carlo(tables: list[FloatArray], *, samples: int, rng: np.random.Generator) -> float:
    size = tables[0].shape[1]
    found = 0
    for start in range(0, samples, _CHUNK):
        n = min(_CHUNK, samples - start)
        together = np.ones((n, size), dtype=bool)
        for table in tables:
            phase = rng.integers(table.shape[0], size=n)
            together &= rng.random((n, size)) < table[phase]
        found += int(together.any(axis=1).sum())
    return found / samples


def common_slot_probability(
    calendars: Sequence[Calendar | float],
    *,
    weeks: int,
    slots_per_week: int = SLOTS_PER_WEEK,
    samples: int | None = None,
    rng: np.random.Generator | int | None = None,
) -> SlotProbability:
    """The probability that everyone is free in at least one slot within ``weeks`` weeks.

    Parameters
    ----------
    calendars
        One calendar per person; a plain number ``p`` means :class:`Independent` ``(p)``.
    weeks
        Weeks ahead the coordinator may look.
    slots_per_week
        Meeting slots a week (10 by default: a morning and an afternoon each weekday).
    samples
        ``None`` for the exact answer; a number of Monte Carlo samples otherwise.
    rng
        Random generator or seed for the Monte Carlo estimate.

    Returns
    -------
    SlotProbability

    Raises
    ------
    InvalidArgument
        If the exact answer would need more than :data:`MAX_EXACT_COMBINATIONS` phase
        combinations (pass ``samples=``), or an argument is out of range.

    Examples
    --------
    Four people free in half of the slots, one week of ten slots:

    >>> round(common_slot_probability([0.5] * 4, weeks=1).probability, 4)
    0.4755

    Add a GP booked two weeks ahead and a nurse on days one week in three, and look four weeks
    ahead. Only in two of the nurse's three phases does a day week fall after the GP's booked
    weeks, each giving ten slots in which all are free with probability 0.25 x 0.3 x 0.8 = 0.06:
    ``2/3 x (1 - 0.94**10) = 0.308``.

    >>> from hometeams.followup import BookedAhead, Rota
    >>> team = [0.5, 0.5, BookedAhead(2, p=0.3), Rota.day_weeks(1, cycle=3, p=0.8)]
    >>> exact = common_slot_probability(team, weeks=4)
    >>> mc = common_slot_probability(team, weeks=4, samples=20_000, rng=1)
    >>> round(exact.probability, 3), abs(mc.probability - exact.probability) < 4 * mc.standard_error
    (0.308, True)
    """
    people = as_calendars(calendars)
    weeks, slots_per_week = _check_grid(weeks, slots_per_week)
    tables = _tables(people, weeks=weeks, slots_per_week=slots_per_week)
    if samples is None:
        combinations = math.prod(t.shape[0] for t in tables)
        if combinations > MAX_EXACT_COMBINATIONS:
            raise InvalidArgument(
                f"calendars: {combinations} phase combinations are too many for an exact answer "
                f"(at most {MAX_EXACT_COMBINATIONS}); pass samples= for a Monte Carlo estimate"
            )
        return SlotProbability(_exact(tables), 0.0, 0, "exact")
    if isinstance(samples, bool) or not isinstance(samples, int) or samples < 1:
        raise InvalidArgument(f"samples: must be an integer >= 1, got {samples!r}")
    p = _monte_carlo(tables, samples=samples, rng=np.random.default_rng(rng))
    return SlotProbability(p, math.sqrt(p * (1 - p) / samples), samples, "monte-carlo")


def weeks_to_common_slot(
    calendars: Sequence[Calendar | float],
    *,
    probability: float = 0.9,
    slots_per_week: int = SLOTS_PER_WEEK,
    max_weeks: int = 52,
) -> int | None:
    """The fewest weeks ahead to look for a common slot with at least ``probability``.

    Parameters
    ----------
    calendars
        One calendar per person (numbers mean :class:`Independent`).
    probability
        The required chance of finding a slot, in ``(0, 1)``.
    slots_per_week
        Meeting slots a week.
    max_weeks
        The furthest to look.

    Returns
    -------
    int or None
        The number of weeks, or ``None`` if even ``max_weeks`` is not enough.

    Notes
    -----
    The calendars are evaluated once over ``max_weeks``; a calendar's first ``k`` weeks must
    not depend on how far ahead it is asked about (true of the calendars in this package).

    Examples
    --------
    >>> weeks_to_common_slot([0.5] * 4), weeks_to_common_slot([0.5] * 20)
    (4, None)
    """
    if isinstance(probability, bool) or not 0.0 < probability < 1.0:
        raise InvalidArgument(f"probability: must be > 0 and < 1, got {probability!r}")
    if isinstance(max_weeks, bool) or not isinstance(max_weeks, int) or max_weeks < 1:
        raise InvalidArgument(f"max_weeks: must be an integer >= 1, got {max_weeks!r}")
    people = as_calendars(calendars)
    _check_grid(max_weeks, slots_per_week)
    tables = _tables(people, weeks=max_weeks, slots_per_week=slots_per_week)
    combinations = math.prod(t.shape[0] for t in tables)
    if combinations > MAX_EXACT_COMBINATIONS:
        raise InvalidArgument(
            f"calendars: {combinations} phase combinations are too many for an exact answer "
            f"(at most {MAX_EXACT_COMBINATIONS})"
        )
    joint = np.ones((1, tables[0].shape[1]))
    for table in tables:
        joint = (joint[:, None, :] * table[None, :, :]).reshape(-1, table.shape[1])
    with np.errstate(divide="ignore"):
        log_miss = np.cumsum(np.log1p(-joint), axis=1)  # per combination, up to each slot
    found = 1.0 - np.exp(log_miss).mean(axis=0)
    for week in range(1, max_weeks + 1):
        if found[week * slots_per_week - 1] >= probability:
            return week
    return None
