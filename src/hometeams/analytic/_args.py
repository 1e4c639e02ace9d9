"""Argument checks and scalar/array plumbing shared by the analytic functions.

Every public function in :mod:`hometeams.analytic` accepts Python numbers or numpy arrays. The
helpers here turn an argument into a float array, check it against one rule and, if it breaks
the rule, raise :class:`~hometeams.errors.InvalidArgument` naming the argument, the offending
value (and, for arrays, where it sits) and the rule. A result is handed back as a Python
``float``/``int`` when every input was a scalar (0-d arrays count as scalars, as in numpy) and
as an array otherwise.

Two rules are shared by every function here:

* **Stability, with a tolerance.** A load written in decimals -- ``0.3 / 0.1`` -- lands a
  rounding error away from the whole number it means (``2.9999999999999996``). A queue is
  stable only when its load is below the servers by more than that: ``a < c - tol(c)`` with
  ``tol(c) = min(1e-9 * max(c, 1), 1e-6)`` (:func:`unstable`). The same tolerance makes
  :func:`~hometeams.analytic._waste.whole_persons` read a need of ``0.1 + 0.2 + 2.7`` as three
  persons, so a merged team that staffs the summed need is unstable in every function alike.
* **Bounded searches.** The searches for the fewest staff (:func:`~hometeams.analytic.min_servers`,
  :func:`~hometeams.analytic.poisson_min_staff`, :func:`~hometeams.analytic.newsvendor_staff`)
  refuse loads above :data:`MAX_LOAD` (a million erlangs: a million staff busy at once, more
  than all of Norway's home care) rather than search for ever.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, TypeAlias, TypeVar

import numpy as np
import numpy.typing as npt

from hometeams.errors import InvalidArgument, shorten

__all__ = [
    "MAX_LOAD",
    "ArrayInput",
    "F",
    "FloatArray",
    "IntArray",
    "N",
    "Real",
    "Whole",
    "as_float",
    "as_whole",
    "check_fraction",
    "check_load",
    "check_nonnegative",
    "check_positive",
    "check_servers",
    "is_scalar",
    "scalar_float",
    "to_float",
    "to_int",
    "unstable",
    "whole_tolerance",
]

FloatArray: TypeAlias = npt.NDArray[np.float64]
IntArray: TypeAlias = npt.NDArray[np.int64]
Real: TypeAlias = float | np.floating[Any] | np.integer[Any]
"""A real scalar (``int`` is accepted wherever ``float`` is)."""
Whole: TypeAlias = int | np.integer[Any]
"""An integer scalar."""
ArrayInput: TypeAlias = npt.NDArray[Any] | Sequence[Any]
"""An array or (nested) sequence of numbers; broadcast with numpy's rules."""

F = TypeVar("F", float, FloatArray)
"""A float result: ``float`` for scalar inputs, a float array otherwise."""
N = TypeVar("N", int, IntArray)
"""An integer result: ``int`` for scalar inputs, an integer array otherwise."""


MAX_LOAD = 1e6
"""The largest load (erlangs) the staffing searches take on."""
_SNAP_RELATIVE = 1e-9
_SNAP_ABSOLUTE = 1e-6


def whole_tolerance(x: Any) -> Any:
    """How far below a whole number ``x`` a value may fall and still count as it.

    ``min(1e-9 * max(|x|, 1), 1e-6)``: relative for ordinary loads, and never more than a
    millionth of a person, so that at a need of ``1e17`` no whole person disappears.

    Examples
    --------
    >>> float(whole_tolerance(3.0)), float(whole_tolerance(1e17))
    (3e-09, 1e-06)
    """
    return np.minimum(_SNAP_RELATIVE * np.maximum(np.abs(x), 1.0), _SNAP_ABSOLUTE)


def unstable(a: Any, c: Any) -> Any:
    """Whether a queue with load ``a`` and ``c`` servers has no steady state, with tolerance.

    Examples
    --------
    >>> bool(unstable(0.3 / 0.1, 3.0)), bool(unstable(2.99, 3.0)), bool(unstable(3.0, 3.0))
    (True, False, True)
    """
    return np.asarray(a) >= np.asarray(c) - whole_tolerance(c)


def is_scalar(*values: Any) -> bool:
    """Whether every value is a scalar (or a 0-d array)."""
    return all(np.ndim(value) == 0 for value in values)


def _show(value: Any, arr: FloatArray, bad: npt.NDArray[np.bool_]) -> str:
    if np.ndim(value) == 0:
        return repr(value.item() if isinstance(value, np.generic | np.ndarray) else value)
    where = tuple(int(i) for i in np.argwhere(bad)[0])
    return f"{arr[where].item()!r} at index {where}"


def as_float(name: str, value: object) -> FloatArray:
    """Return ``value`` as a float array, or raise if it is not numeric.

    Text is refused, even text that reads as a number: ``"1.4"`` is a mistake to report, not a
    value to guess.
    """
    if isinstance(value, bool) or (isinstance(value, np.ndarray) and value.dtype == np.bool_):
        raise InvalidArgument(f"{name}: must be a number, got {shorten(value)}")
    try:
        raw = np.asarray(value)
        if isinstance(value, str | bytes) or raw.dtype.kind in "SUVO":
            raise TypeError(name)
        arr = np.asarray(raw, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        msg = f"{name}: must be a number or an array of numbers, got {shorten(value)}"
        raise InvalidArgument(msg) from exc
    return arr


def _require(
    name: str, value: object, arr: FloatArray, ok: npt.NDArray[np.bool_], rule: str
) -> None:
    if not ok.all():
        raise InvalidArgument(f"{name}: {rule}, got {_show(value, arr, ~ok)}")


def check_nonnegative(name: str, value: object) -> FloatArray:
    """A finite number >= 0 (or an array of them)."""
    arr = as_float(name, value)
    _require(name, value, arr, np.isfinite(arr) & (arr >= 0), "must be finite and >= 0")
    return arr


def check_positive(name: str, value: object) -> FloatArray:
    """A finite number > 0 (or an array of them)."""
    arr = as_float(name, value)
    _require(name, value, arr, np.isfinite(arr) & (arr > 0), "must be finite and > 0")
    return arr


def check_servers(name: str, value: object) -> FloatArray:
    """A non-negative whole number (or an array of them), returned as floats.

    Whole-valued floats such as ``3.0`` are accepted; ``2.5``, ``nan`` and ``inf`` are not.
    """
    arr = as_float(name, value)
    finite = np.isfinite(arr)
    ok = finite & (arr >= 0) & (np.floor(np.where(finite, arr, 0.0)) == arr)
    _require(name, value, arr, ok, "must be a non-negative integer")
    return arr


def check_fraction(
    name: str, value: object, *, low_open: bool = True, high_open: bool = True
) -> FloatArray:
    """A number in the unit interval; ``low_open``/``high_open`` exclude 0 and 1."""
    arr = as_float(name, value)
    low_ok = arr > 0 if low_open else arr >= 0
    high_ok = arr < 1 if high_open else arr <= 1
    rule = f"must be {'>' if low_open else '>='} 0 and {'<' if high_open else '<='} 1"
    _require(name, value, arr, low_ok & high_ok, rule)
    return arr


def check_load(name: str, value: object, arr: FloatArray) -> None:
    """Refuse loads (or means) above :data:`MAX_LOAD`, which the searches do not take on."""
    _require(
        name,
        value,
        arr,
        ~(arr > MAX_LOAD),
        f"must be at most {MAX_LOAD:g} erlangs for a search for the fewest staff",
    )


def as_whole(name: str, value: Any, *, minimum: int = 0) -> int:
    """A scalar integer >= ``minimum`` (whole-valued floats are accepted)."""
    if np.ndim(value) != 0:
        raise InvalidArgument(f"{name}: must be a single integer, got an array")
    arr = as_float(name, value)
    number = float(arr)
    if not math.isfinite(number) or number != math.floor(number) or number < minimum:
        raise InvalidArgument(f"{name}: must be an integer >= {minimum}, got {value!r}")
    return int(number)


def scalar_float(name: str, value: Any) -> float:
    """A scalar float, rejecting arrays."""
    if np.ndim(value) != 0:
        raise InvalidArgument(f"{name}: must be a single number, got an array")
    return float(as_float(name, value))


def to_float(arr: FloatArray, scalar: bool) -> Any:  # noqa: FBT001 - internal plumbing
    """``float(arr)`` when ``scalar``, else ``arr`` (typed by the public overloads)."""
    return float(arr) if scalar else arr


def to_int(arr: npt.NDArray[Any], scalar: bool) -> Any:  # noqa: FBT001 - internal plumbing
    """``int(arr)`` when ``scalar``, else ``arr`` as int64 (typed by the public overloads)."""
    return int(arr) if scalar else np.asarray(arr, dtype=np.int64)
