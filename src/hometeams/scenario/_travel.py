"""Travel times between zones.

Between two visits a nurse drives from one zone to the next: ten minutes from the town centre to
the north side, twenty-five out to the islands. A :class:`TravelMatrix` holds those times in
minutes for the zone pairs a planner knows; pairs it does not mention take no time, and by default
a time applies in both directions. Travel within a zone is zero unless a pair ``(a, a)`` says
otherwise.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType

import attrs
import numpy as np
from numpy.typing import NDArray

from hometeams._checks import items_of
from hometeams._parse import check_id, check_nonnegative
from hometeams._types import Minutes, ZoneId
from hometeams.errors import InvalidScenario

__all__ = ["Leg", "TravelMatrix"]


@attrs.frozen
class Leg:
    """The travel time from one zone to another, in minutes.

    Examples
    --------
    >>> Leg("centre", "north", minutes=10)
    Leg(origin='centre', destination='north', minutes=10.0)
    """

    origin: ZoneId
    destination: ZoneId
    minutes: Minutes = attrs.field(kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_id(self.origin, field="origin")
        check_id(self.destination, field="destination")
        check_nonnegative(self.minutes, field="minutes")
        object.__setattr__(self, "minutes", float(self.minutes))


def _legs(values: Iterable[Leg] | Mapping[tuple[ZoneId, ZoneId], float]) -> tuple[Leg, ...]:
    if isinstance(values, Mapping):
        out = []
        for i, ((a, b), minutes) in enumerate(values.items()):
            try:
                out.append(Leg(a, b, minutes=minutes))
            except InvalidScenario as err:
                raise err.within(f"legs[{i}]") from None
        return tuple(out)
    return items_of(values, Leg, field="legs")


@attrs.frozen
class TravelMatrix:
    """Zone-to-zone travel times in minutes; zero for pairs not given.

    Parameters
    ----------
    legs
        :class:`Leg` values, or a mapping ``{(origin, destination): minutes}``.
    symmetric
        Whether each leg also applies in the opposite direction (unless that direction is
        given too, in which case the two must agree).

    Examples
    --------
    >>> travel = TravelMatrix({("centre", "north"): 10, ("centre", "islands"): 25})
    >>> travel.minutes("north", "centre"), travel.minutes("north", "islands")
    (10.0, 0.0)
    >>> travel.matrix(["centre", "north"]).tolist()
    [[0.0, 10.0], [10.0, 0.0]]
    >>> TravelMatrix({("a", "b"): 5, ("b", "a"): 7})
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: legs[1].minutes: 'b' to 'a' is 7 minutes but ...
    """

    legs: tuple[Leg, ...] = attrs.field(default=(), converter=_legs)
    symmetric: bool = attrs.field(default=True, kw_only=True)

    def __attrs_post_init__(self) -> None:
        times: dict[tuple[ZoneId, ZoneId], tuple[float, int]] = {}
        for i, leg in enumerate(self.legs):
            pairs = [(leg.origin, leg.destination)]
            if self.symmetric:
                pairs.append((leg.destination, leg.origin))
            for pair in pairs:
                if pair in times and not math.isclose(times[pair][0], leg.minutes):
                    earlier, j = times[pair]
                    raise InvalidScenario(
                        f"{pair[0]!r} to {pair[1]!r} is {leg.minutes:g} minutes but legs[{j}] "
                        f"makes it {earlier:g}",
                        path=f"legs[{i}].minutes",
                    )
                times[pair] = (leg.minutes, i)

    @property
    def zones(self) -> frozenset[ZoneId]:
        """Every zone a leg mentions."""
        return frozenset(z for leg in self.legs for z in (leg.origin, leg.destination))

    @functools.cached_property
    def _table(self) -> Mapping[tuple[ZoneId, ZoneId], Minutes]:
        table: dict[tuple[ZoneId, ZoneId], Minutes] = {}
        for leg in self.legs:
            table[leg.origin, leg.destination] = leg.minutes
            if self.symmetric:
                table[leg.destination, leg.origin] = leg.minutes
        return MappingProxyType(table)

    def minutes(self, origin: ZoneId, destination: ZoneId) -> Minutes:
        """Travel time from ``origin`` to ``destination`` (0 when not given)."""
        return self._table.get((origin, destination), 0.0)

    def matrix(self, zones: Sequence[ZoneId]) -> NDArray[np.float64]:
        """The travel times among ``zones`` as a square array, rows = origin.

        Zones the legs do not mention are allowed (they travel in no time).
        """
        index = {z: i for i, z in enumerate(zones)}
        out = np.zeros((len(zones), len(zones)))
        for (origin, destination), minutes in self._table.items():
            if origin in index and destination in index:
                out[index[origin], index[destination]] = minutes
        return out
