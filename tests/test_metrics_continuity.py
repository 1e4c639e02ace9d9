"""Tests of the continuity indices of one sequence and the expected-distinct-staff baseline."""

from __future__ import annotations

import itertools
import math
from collections import Counter

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument
from hometeams.metrics import Continuity, continuity, expected_distinct_staff

# reference-values.md, "Continuity of care" table (6 decimals).
REFERENCE = {
    "AAAAAAAA": (1, 1, 1, 1, 1, 1),
    "ABCDEFGH": (0.125, 0, 0, 0.014085, 0.125, 0),
    "AAAABBBB": (0.5, 0.428571, 0.857143, 0.859155, 0.5, 0.857143),
    "ABABABAB": (0.5, 0.428571, 0, 0.859155, 0.5, 0.857143),
}
NAMES = ("upc", "coc", "secon", "mmci", "hhi", "known_provider")

sequences = st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=40)
long_sequences = st.lists(st.integers(min_value=0, max_value=5), min_size=2, max_size=40)


def naive(seq: list[object]) -> dict[str, float]:
    """The formulas of reference-values.md written out literally, one visit at a time."""
    n = len(seq)
    counts = Counter(seq)
    m = len(counts)
    out = {
        "upc": max(counts.values()) / n,
        "hhi": sum((c / n) ** 2 for c in counts.values()),
        "mmci": (1 - m / (n + 0.1)) / (1 - 1 / (n + 0.1)),
        "coc": math.nan,
        "secon": math.nan,
        "known_provider": math.nan,
    }
    if n >= 2:
        out["coc"] = (sum(c * c for c in counts.values()) - n) / (n * (n - 1))
        out["secon"] = sum(seq[j] == seq[j + 1] for j in range(n - 1)) / (n - 1)
        seen, known = {seq[0]}, 0
        for p in seq[1:]:
            known += p in seen
            seen.add(p)
        out["known_provider"] = known / (n - 1)
    return out


def values(c: Continuity) -> tuple[float, ...]:
    return tuple(getattr(c, name) for name in NAMES)


def same(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return all(
        (math.isnan(x) and math.isnan(y)) or math.isclose(x, y) for x, y in zip(a, b, strict=True)
    )


@pytest.mark.parametrize(("sequence", "expected"), list(REFERENCE.items()))
def test_reference_sequences(sequence: str, expected: tuple[float, ...]) -> None:
    """All six indices match the published reference table to 1e-6."""
    got = continuity(sequence)
    assert got.n_visits == 8
    assert got.n_staff == len(set(sequence))
    assert values(got) == pytest.approx(expected, abs=1e-6)


def test_dispersion_is_not_sequence() -> None:
    """AAAABBBB and ABABABAB share every dispersion index but not SECON."""
    blocks, alternating = continuity("AAAABBBB"), continuity("ABABABAB")
    for name in ("upc", "coc", "mmci", "hhi", "known_provider"):
        assert getattr(blocks, name) == getattr(alternating, name)
    assert blocks.secon == pytest.approx(6 / 7)  # AA AA AA BB BB BB of 7 pairs
    assert alternating.secon == 0.0


def test_single_visit() -> None:
    """One visit: UPC, MMCI and HHI are 1, the pairwise indices are nan."""
    c = continuity(["kari"])
    assert (c.n_visits, c.n_staff, c.upc, c.mmci, c.hhi) == (1, 1, 1.0, 1.0, 1.0)
    assert math.isnan(c.coc)
    assert math.isnan(c.secon)
    assert math.isnan(c.known_provider)


def test_staff_ids_and_generators() -> None:
    """Any hashable labels and any iterable work: kari, per, kari gives UPC 2/3, SECON 0."""
    c = continuity(iter(["kari", "per", "kari"]))
    assert c.upc == pytest.approx(2 / 3)
    assert c.secon == 0.0
    assert c.known_provider == pytest.approx(1 / 2)  # visit 3 known, visit 2 new
    assert c.coc == pytest.approx((4 + 1 - 3) / (3 * 2))


def test_empty_sequence_rejected() -> None:
    """An empty sequence is an error, not a record of nans."""
    with pytest.raises(InvalidArgument, match="sequence: must hold at least one visit"):
        continuity([])


@pytest.mark.parametrize("missing", [None, ""])
def test_visit_without_staff_rejected(missing: object) -> None:
    """A visit with no staff member is rejected, naming its position."""
    with pytest.raises(InvalidArgument, match=r"sequence\[1\]: a visit needs a staff member"):
        continuity(["kari", missing, "per"])


def test_record_validation() -> None:
    """Continuity rejects more staff than visits and indices outside [0, 1]."""
    with pytest.raises(InvalidArgument, match="n_staff"):
        Continuity(2, 3, 0.5, 0.0, 0.0, 0.5, 0.5, 0.0)
    with pytest.raises(InvalidArgument, match="upc: must be in"):
        Continuity(2, 1, 1.5, 1.0, 1.0, 1.0, 1.0, 1.0)
    with pytest.raises(InvalidArgument, match="n_visits"):
        Continuity(0, 0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0)


@given(sequences)
def test_matches_literal_formulas(seq: list[int]) -> None:
    """The vectorised indices equal the formulas written out visit by visit."""
    got = continuity(seq)
    expected = naive(list(seq))
    assert same(values(got), tuple(expected[name] for name in NAMES))
    assert got.n_visits == len(seq)
    assert got.n_staff == len(set(seq))


@given(sequences)
def test_ranges_and_bounds(seq: list[int]) -> None:
    """Indices lie in [0, 1] and obey UPC >= HHI >= max(1/M, UPC^2), MMCI > 0."""
    c = continuity(seq)
    n, m = c.n_visits, c.n_staff
    for name in NAMES:
        value = getattr(c, name)
        assert math.isnan(value) or 0 <= value <= 1 + 1e-12
    # max share >= mean share = 1/M; sum p_i^2 >= 1/M by Cauchy-Schwarz;
    # sum p_i^2 <= max p * sum p_i = UPC; the largest term alone is UPC^2.
    assert c.upc >= 1 / m - 1e-12
    assert c.hhi >= 1 / m - 1e-12
    assert c.hhi <= c.upc + 1e-12
    assert c.hhi >= c.upc**2 - 1e-12
    assert 0 < c.mmci <= 1 + 1e-12
    if n == 1:
        assert math.isnan(c.coc)
        assert math.isnan(c.secon)


@given(long_sequences)
def test_pairwise_identities(seq: list[int]) -> None:
    """COC = (N HHI - 1)/(N - 1) <= HHI; known = (N - M)/(N - 1) >= SECON >= its floor."""
    c = continuity(seq)
    n, m = c.n_visits, c.n_staff
    # sum n_i^2 = N^2 HHI, so COC = (N^2 HHI - N) / (N (N - 1)); HHI <= 1 gives COC <= HHI.
    assert c.coc == pytest.approx((n * c.hhi - 1) / (n - 1), abs=1e-12)
    assert c.coc <= c.hhi + 1e-12
    # each of the M staff is new exactly once, visit 1 included.
    assert c.known_provider == pytest.approx((n - m) / (n - 1), abs=1e-12)
    # N visits in r runs have N - r repeats and r >= M; the most frequent staff's n_max
    # visits need n_max - 1 separators, so at least 2 n_max - N - 1 repeats remain.
    n_max = round(c.upc * n)
    assert c.secon <= c.known_provider + 1e-12
    assert c.secon * (n - 1) >= max(0, 2 * n_max - n - 1) - 1e-9


@given(sequences, st.permutations(range(6)))
def test_relabelling_changes_nothing(seq: list[int], relabel: list[int]) -> None:
    """Renaming the staff leaves every index unchanged."""
    renamed = [f"staff-{relabel[p]}" for p in seq]
    assert same(values(continuity(seq)), values(continuity(renamed)))


@given(sequences, st.randoms(use_true_random=False))
def test_order_only_moves_secon(seq: list[int], rnd: object) -> None:
    """Reordering the visits leaves UPC, COC, MMCI, HHI and known-provider share unchanged."""
    shuffled = list(seq)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    a, b = continuity(seq), continuity(shuffled)
    for name in ("upc", "coc", "mmci", "hhi", "known_provider"):
        x, y = getattr(a, name), getattr(b, name)
        assert (math.isnan(x) and math.isnan(y)) or x == pytest.approx(y, abs=1e-12)


def spread_out(seq: list[int]) -> list[int]:
    """Greedy arrangement: always the most frequent remaining staff unlike the last visit."""
    left = Counter(seq)
    out: list[int] = []
    for _ in range(len(seq)):
        choices = sorted(left.items(), key=lambda kv: (-kv[1], kv[0]))
        pick = next((s for s, k in choices if k and (not out or s != out[-1])), None)
        if pick is None:
            pick = next(s for s, k in choices if k)
        out.append(pick)
        left[pick] -= 1
    return out


@given(long_sequences)
def test_secon_sees_order(seq: list[int]) -> None:
    """Grouped order reaches SECON's maximum, spread-out order its minimum; they differ if 1<M<N."""
    n, m = len(seq), len(set(seq))
    n_max = max(Counter(seq).values())
    grouped, spread = continuity(sorted(seq)), continuity(spread_out(seq))
    assert grouped.secon == pytest.approx((n - m) / (n - 1))
    assert spread.secon == pytest.approx(max(0, 2 * n_max - n - 1) / (n - 1))
    if 1 < m < n:
        # (N - M) - (2 n_max - N - 1) = 2 (N - n_max) - M + 1 >= M - 1 > 0, and N - M > 0.
        assert grouped.secon > spread.secon
        assert grouped.coc == spread.coc


def test_expected_distinct_reference() -> None:
    """K = 12, V = 28 gives 10.950 (reference-values.md)."""
    assert expected_distinct_staff(28, 12) == pytest.approx(10.950, abs=5e-4)
    assert isinstance(expected_distinct_staff(28, 12), float)


@pytest.mark.parametrize(("visits", "pool", "expected"), [
    (0, 5, 0.0),  # no visit, nobody met
    (1, 5, 1.0),  # one visit, one face
    (2, 2, 1.5),  # AA, AB, BA, BB: (1 + 2 + 2 + 1) / 4
    (3, 1, 1.0),  # a pool of one
    (2, 3, 5 / 3),  # 9 pairs: 3 with one face, 6 with two -> 15 / 9
])  # fmt: skip
def test_expected_distinct_by_hand(visits: int, pool: int, expected: float) -> None:
    """Small cases counted by hand."""
    assert expected_distinct_staff(visits, pool) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(("visits", "pool"), list(itertools.product(range(6), range(1, 5))))
def test_expected_distinct_exhaustive(visits: int, pool: int) -> None:
    """Equals the exact mean over all pool**visits equally likely assignments."""
    outcomes = list(itertools.product(range(pool), repeat=visits))
    exact = sum(len(set(o)) for o in outcomes) / len(outcomes)
    assert expected_distinct_staff(visits, pool) == pytest.approx(exact, abs=1e-12)


def test_expected_distinct_monte_carlo() -> None:
    """A seeded simulation of 28 visits from a pool of 12 agrees within 4 standard errors."""
    rng = np.random.default_rng(20240601)
    reps = 20_000
    draws = np.sort(rng.integers(0, 12, size=(reps, 28)), axis=1)
    distinct = 1 + (np.diff(draws, axis=1) != 0).sum(axis=1)
    # The sample mean of iid counts is approximately normal (CLT) with standard error
    # sd / sqrt(reps) (about 0.006 here); 4 standard errors leaves a 6e-5 false-alarm chance.
    se = distinct.std(ddof=1) / math.sqrt(reps)
    assert abs(distinct.mean() - expected_distinct_staff(28, 12)) < 4 * se


def test_expected_distinct_arrays() -> None:
    """Arrays broadcast; the count rises with visits and approaches the pool."""
    got = expected_distinct_staff(np.arange(0, 200), 12)
    assert isinstance(got, np.ndarray)
    assert got.shape == (200,)
    assert np.all(np.diff(got) > 0)
    assert got[-1] == pytest.approx(12, abs=1e-6)
    grid = expected_distinct_staff(np.array([[28], [56]]), np.array([4, 12]))
    assert grid.shape == (2, 2)
    assert grid[0, 1] == pytest.approx(10.950, abs=5e-4)


def test_expected_distinct_large_pool_precision() -> None:
    """With V much smaller than K almost every visit is a new face: V - V(V-1)/(2K) + ..."""
    got = expected_distinct_staff(2, 10**9)
    assert got == pytest.approx(2 - 1 / 10**9, rel=1e-15)  # exactly 2 - 1/K for V = 2


@pytest.mark.parametrize(("visits", "pool", "match"), [
    (-1, 12, "visits: must be an integer >= 0, got -1"),
    (2.5, 12, "visits: must be an integer >= 0, got 2.5"),
    (28, 0, "pool: must be an integer >= 1, got 0"),
    (28, math.nan, "pool: must be an integer >= 1"),
    (True, 12, "visits: must be an integer"),
    ("many", 12, "visits: must be an integer"),
    (np.array([1, -2]), 12, "visits: must be an integer >= 0, got -2"),
])  # fmt: skip
def test_expected_distinct_rejects(visits: object, pool: object, match: str) -> None:
    """Negative, fractional, boolean and non-numeric arguments are rejected by name."""
    with pytest.raises(InvalidArgument, match=match):
        expected_distinct_staff(visits, pool)  # type: ignore[call-overload]
