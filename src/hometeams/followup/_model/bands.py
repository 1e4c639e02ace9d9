"""Integer bands: caseload bins ("3-5 users") and age groups ("67 and over").

The surveys behind the follow-up analyses report figures for bands of whole numbers: the share
of coordinators with one user, two users, more than five (seed 003 L1690-1692), the share of users
aged 0-66 and 67+ who have a coordinator (seed 002 L164-166). A :class:`Band` is one such range,
closed at both ends or open above; a tuple of bands that covers every value from some lower bound
upwards without gaps or overlaps is a *partition* (:func:`check_partition`).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from hometeams.errors import InvalidArgument, InvalidScenario

__all__ = ["Band", "check_partition"]


def _check_bound(value: object, *, field: str, optional: bool) -> None:
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidScenario(f"must be an integer >= 0, got {value!r}", path=field)


@attrs.frozen
class Band:
    """Whole numbers from ``low`` to ``high`` inclusive; ``high=None`` means no upper end.

    Parameters
    ----------
    low
        The smallest value in the band.
    high
        The largest value in the band, or ``None`` for "``low`` and over".

    Examples
    --------
    >>> Band(3, 5).label, Band(6).label, Band(1, 1).label
    ('3-5', '6+', '1')
    >>> Band(67).contains(80), Band(0, 66).contains(67)
    (True, False)
    >>> Band(5, 3)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: high: must be >= low (5), got 3
    """

    low: int
    high: int | None = None

    def __attrs_post_init__(self) -> None:
        _check_bound(self.low, field="low", optional=False)
        _check_bound(self.high, field="high", optional=True)
        if self.high is not None and self.high < self.low:
            raise InvalidScenario(f"must be >= low ({self.low}), got {self.high}", path="high")

    @property
    def label(self) -> str:
        """``"1"``, ``"3-5"`` or ``"6+"``."""
        if self.high is None:
            return f"{self.low}+"
        if self.high == self.low:
            return str(self.low)
        return f"{self.low}-{self.high}"

    def contains(self, value: int) -> bool:
        """Whether ``value`` lies in the band."""
        return self.low <= value and (self.high is None or value <= self.high)


def check_partition(bands: Sequence[Band], *, name: str, start: int) -> tuple[Band, ...]:
    """Require ``bands`` to cover ``start, start + 1, ...`` in order, without gaps or overlaps.

    Parameters
    ----------
    bands
        The bands, lowest first; the last must be open above.
    name
        The argument name used in error messages.
    start
        The smallest value the partition must cover.

    Returns
    -------
    tuple of Band
        The bands, as a tuple.

    Raises
    ------
    InvalidArgument
        If a band does not start where the previous one ended, or the last one is closed.

    Examples
    --------
    >>> [b.label for b in check_partition([Band(0, 66), Band(67)], name="groups", start=0)]
    ['0-66', '67+']
    >>> check_partition([Band(1, 2), Band(4)], name="bins", start=1)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: bins[1]: must start at 3, got 4+
    """
    out = tuple(bands)
    if not out:
        raise InvalidArgument(f"{name}: must hold at least one band, got none")
    expected: int | None = start
    for i, band in enumerate(out):
        if not isinstance(band, Band):
            raise InvalidArgument(f"{name}[{i}]: must be a Band, got {band!r}")
        if expected is None or band.low != expected:
            where = "nothing (the previous band is open above)" if expected is None else expected
            raise InvalidArgument(f"{name}[{i}]: must start at {where}, got {band.label}")
        expected = None if band.high is None else band.high + 1
    if expected is not None:
        raise InvalidArgument(
            f"{name}[{len(out) - 1}]: the last band must be open above, got {out[-1].label}"
        )
    return out
