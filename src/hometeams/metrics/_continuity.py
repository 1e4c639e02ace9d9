"""Continuity of care for one user: how many faces, how concentrated, in what order.

Mrs Olsen gets eight visits in a fortnight. If Kari makes all eight, continuity is perfect. If
Kari makes the first four and Per the last four (``AAAABBBB``), Mrs Olsen meets two people and
each visit but one is by someone she saw last time. If Kari and Per alternate (``ABABABAB``) she
still meets the same two people equally often -- the *dispersion* of her care is unchanged --
but every visit is by someone other than last time: the *sequence* is broken. The indices here
tell these situations apart:

* **UPC** (usual provider continuity) -- share of visits by the most frequent staff member;
* **COC** (Bice-Boxerman continuity of care) -- dispersion over all staff seen,
  ``(sum n_i^2 - N) / (N (N - 1))``;
* **SECON** (sequential continuity) -- share of consecutive visit pairs by the same person, the
  only index that depends on the order;
* **MMCI** (modified modified continuity index) -- from the number of distinct staff only;
* **HHI** (Herfindahl-Hirschman concentration) -- ``sum (n_i / N)^2``;
* **known-provider share** -- share of visits 2..N by someone already seen, which equals
  ``(N - M) / (N - 1)`` since each of the ``M`` staff is new exactly once.

``docs/explanation/continuity.md`` gives the sources and the reasoning. The indices are computed
in one vectorised pass for many users at once (:func:`indices`); :func:`continuity` is the
one-user face of the same code.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from typing import Any, overload

import attrs
import numpy as np
from numpy.typing import NDArray

from hometeams.errors import InvalidArgument

__all__ = ["INDEX_NAMES", "Continuity", "continuity", "expected_distinct_staff", "indices"]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

INDEX_NAMES = ("upc", "coc", "secon", "mmci", "hhi", "known_provider")
"""The continuity indices, in the order of the :class:`Continuity` fields."""


def ratio(num: NDArray[Any], den: NDArray[Any]) -> FloatArray:
    """``num / den``, with ``nan`` where ``den == 0`` (no denominator, no value)."""
    n, d = np.broadcast_arrays(np.asarray(num, np.float64), np.asarray(den, np.float64))
    out = np.full(n.shape, np.nan)
    np.divide(n, d, out=out, where=d != 0)
    return out


def indices(unit: IntArray, staff: IntArray, n_units: int) -> dict[str, FloatArray]:
    """Continuity indices of many users (or user-groups) at once.

    Parameters
    ----------
    unit
        For each visit, the unit it belongs to, ``0 <= unit < n_units``; the visits of a unit
        must be contiguous and in time order (sort by unit, then start).
    staff
        For each visit, a non-negative integer code of the staff member.
    n_units
        Number of units.

    Returns
    -------
    dict
        ``n_visits``, ``n_staff`` and every name in :data:`INDEX_NAMES`, one value per unit;
        ``nan`` where an index is undefined (no visits; COC, SECON and known-provider share with
        fewer than two visits).
    """
    n_visits = np.bincount(unit, minlength=n_units).astype(np.float64)
    width = int(staff.max()) + 1 if staff.size else 1
    pairs, counts = np.unique(unit * width + staff, return_counts=True)  # sorted by unit
    pair_unit = pairs // width
    n_staff = np.bincount(pair_unit, minlength=n_units).astype(np.float64)
    counts_f = counts.astype(np.float64)
    sum_sq = np.bincount(pair_unit, weights=counts_f * counts_f, minlength=n_units)
    most = np.zeros(n_units)
    if pairs.size:
        first = np.flatnonzero(np.r_[True, pair_unit[1:] != pair_unit[:-1]])
        most[pair_unit[first]] = np.maximum.reduceat(counts_f, first)
    same = (unit[1:] == unit[:-1]) & (staff[1:] == staff[:-1])
    repeats = np.bincount(unit[1:][same], minlength=n_units).astype(np.float64)

    two = np.where(n_visits >= 2, n_visits, 0.0)  # zero marks "fewer than two": nan below
    return {
        "n_visits": n_visits,
        "n_staff": n_staff,
        "upc": ratio(most, n_visits),
        "coc": ratio(sum_sq - two, two * (two - 1)),
        "secon": ratio(repeats, np.maximum(two - 1, 0.0)),
        "mmci": ratio(1 - n_staff / (n_visits + 0.1), 1 - 1 / (n_visits + 0.1)),
        "hhi": ratio(sum_sq, n_visits * n_visits),
        "known_provider": ratio(two - n_staff, np.maximum(two - 1, 0.0)),
    }


def _check_index(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not (math.isnan(value) or 0.0 <= value <= 1.0 + 1e-12):
        raise InvalidArgument(f"{attribute.name}: must be in [0, 1] or nan, got {value!r}")


def _index() -> Any:
    return attrs.field(converter=float, validator=_check_index)


@attrs.frozen
class Continuity:
    """Continuity indices of one user's sequence of visits.

    ``coc``, ``secon`` and ``known_provider`` are ``nan`` for a single visit: with one visit
    there is no pair of visits to compare. ``nan`` never equals itself, so two records holding
    ``nan`` do not compare equal.

    Attributes
    ----------
    n_visits, n_staff
        ``N`` visits by ``M`` distinct staff.
    upc, coc, secon, mmci, hhi, known_provider
        The indices, each in ``[0, 1]``; 1 is perfect continuity.

    Examples
    --------
    >>> c = continuity("AAAABBBB")
    >>> c.n_visits, c.n_staff, c.upc, round(c.coc, 6), round(c.secon, 6)
    (8, 2, 0.5, 0.428571, 0.857143)
    """

    n_visits: int = attrs.field(converter=int)
    n_staff: int = attrs.field(converter=int)
    upc: float = _index()
    coc: float = _index()
    secon: float = _index()
    mmci: float = _index()
    hhi: float = _index()
    known_provider: float = _index()

    def __attrs_post_init__(self) -> None:
        if self.n_visits < 1:
            raise InvalidArgument(f"n_visits: must be >= 1, got {self.n_visits}")
        if not 1 <= self.n_staff <= self.n_visits:
            raise InvalidArgument(
                f"n_staff: must be between 1 and n_visits={self.n_visits}, got {self.n_staff}"
            )


def continuity(sequence: Iterable[Hashable]) -> Continuity:
    """Continuity indices of one user's visits, in time order.

    Parameters
    ----------
    sequence
        Who made each visit, oldest first: staff ids, or any hashable labels (a string such as
        ``"AABA"`` is a sequence of one-letter labels). Formulas are in the module docstring and
        in ``docs/explanation/continuity.md``.

    Returns
    -------
    Continuity
        ``coc``, ``secon`` and ``known_provider`` are ``nan`` for a single visit.

    Raises
    ------
    InvalidArgument
        If the sequence is empty or a visit has no staff member (``None`` or ``""``).

    Examples
    --------
    Same people, same shares, different order -- only SECON sees the difference:

    >>> blocks, alternating = continuity("AAAABBBB"), continuity("ABABABAB")
    >>> blocks.coc == alternating.coc, round(blocks.secon, 6), alternating.secon
    (True, 0.857143, 0.0)
    >>> round(continuity(["kari", "per", "kari"]).upc, 6)
    0.666667
    """
    labels = list(sequence)
    if not labels:
        raise InvalidArgument("sequence: must hold at least one visit, got an empty sequence")
    codes: dict[Hashable, int] = {}
    staff = np.empty(len(labels), dtype=np.int64)
    for i, label in enumerate(labels):
        if label is None or (isinstance(label, str) and not label):
            raise InvalidArgument(f"sequence[{i}]: a visit needs a staff member, got {label!r}")
        staff[i] = codes.setdefault(label, len(codes))
    values = indices(np.zeros(len(labels), dtype=np.int64), staff, 1)
    return Continuity(**{name: values[name][0] for name in ("n_visits", "n_staff", *INDEX_NAMES)})


def _whole(name: str, value: object, minimum: int) -> NDArray[np.float64]:
    if isinstance(value, bool | np.bool_):
        raise InvalidArgument(f"{name}: must be an integer >= {minimum}, got {value!r}")
    try:
        arr = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise InvalidArgument(f"{name}: must be an integer >= {minimum}, got {value!r}") from exc
    ok = np.isfinite(arr) & (arr >= minimum)
    ok &= np.floor(np.where(ok, arr, 0.0)) == arr
    if not ok.all():
        if arr.ndim == 0:
            shown = repr(value.item() if isinstance(value, np.generic | np.ndarray) else value)
        else:
            where = tuple(int(i) for i in np.argwhere(~ok)[0])
            shown = f"{arr[where].item()!r} at index {where}"
        raise InvalidArgument(f"{name}: must be an integer >= {minimum}, got {shown}")
    return arr


@overload
def expected_distinct_staff(visits: int, pool: int) -> float: ...
@overload
def expected_distinct_staff(visits: NDArray[Any], pool: int | NDArray[Any]) -> FloatArray: ...
@overload
def expected_distinct_staff(visits: int | NDArray[Any], pool: NDArray[Any]) -> FloatArray: ...
def expected_distinct_staff(visits: Any, pool: Any) -> float | FloatArray:
    """Expected number of distinct staff a user meets when each visit goes to anyone in a pool.

    If each of ``V`` visits is made by a member of a pool of ``K`` staff drawn uniformly at
    random (independently), a given staff member is never met with probability
    ``(1 - 1/K)^V``, so the expected number met is ``K (1 - (1 - 1/K)^V)``. This is the
    *no-continuity* baseline: a user visited twice a day for a fortnight (``V = 28``) by a pooled
    zone of twelve meets on average almost eleven different people.

    Parameters
    ----------
    visits
        ``V``, a non-negative integer (or an array of them).
    pool
        ``K``, a positive integer (or an array of them); broadcast against ``visits``.

    Returns
    -------
    float or numpy.ndarray
        A float when both arguments are scalars.

    Examples
    --------
    >>> round(expected_distinct_staff(28, 12), 3)
    10.95
    >>> expected_distinct_staff(np.array([0, 1, 2]), 2).tolist()
    [0.0, 1.0, 1.5]
    """
    v_arr = _whole("visits", visits, 0)
    k_arr = _whole("pool", pool, 1)
    scalar = v_arr.ndim == 0 and k_arr.ndim == 0
    v, k = np.broadcast_arrays(np.atleast_1d(v_arr), np.atleast_1d(k_arr))
    out = np.minimum(v, 1.0)  # a pool of one: one face as soon as there is a visit
    big = k > 1
    kb, vb = k[big], v[big]
    out[big] = 0.0 - kb * np.expm1(vb * np.log1p(-1.0 / kb))  # accurate when V/K is small
    return float(out[0]) if scalar else out
