"""Benchmarks for hometeams.analytic: Erlang C over a grid and many minimum-staff searches.

Each vectorised benchmark runs beside a plain scalar implementation in the same session, so the
figures can be read as ratios (see benchmarks/README.md):

* ``erlang-c-grid``: Erlang C on a 1000 x 1000 grid of servers 1..1000 and loads 0.5..999.5
  (about half the cells are unstable and come out NaN), and on a grid where every cell is stable
  (loads at occupancies 0.1 % .. 99.9 % of each server count). The scalar baseline is the
  textbook recursion in plain Python, run on a systematic 1 % sample of the grid (every tenth
  server count and every tenth load) and reported per cell: the full scalar grid takes tens of
  seconds per round.
* ``min-staff-10k``: 10,000 exact searches for the fewest servers with 80 % of requests served
  within a tenth of a mean service time, loads uniform on 0.5..500. The scalar baseline counts
  up from zero with the recursion, the efficient plain way, over all 10,000 loads.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from hometeams.analytic import erlang_c, min_servers

SERVERS = np.arange(1, 1001)
LOADS = np.linspace(0.5, 999.5, 1000)
OCCUPANCY = np.linspace(0.001, 0.999, 1000)
SAMPLE = 10  # the scalar baseline takes every tenth row and column: 1 % of the cells


def scalar_erlang_c(servers: int, load: float) -> float:
    """Erlang C by the textbook recursion for B, one cell at a time; NaN when unstable."""
    if load >= servers:
        return math.nan
    b = 1.0
    for k in range(1, servers + 1):
        b = load * b / (k + load * b)
    return servers * b / (servers - load * (1.0 - b))


def scalar_min_servers(load: float, level: float, within: float) -> int:
    """Fewest servers with P(wait <= within) >= level (unit service rate), counting up."""
    b = 1.0  # B(0, a)
    c = 0
    while True:
        c += 1
        b = load * b / (c + load * b)
        if c > load:
            wait = c * b / (c - load * (1.0 - b))
            if 1.0 - wait * math.exp(-(c - load) * within) >= level:
                return c


@pytest.mark.benchmark(group="erlang-c-grid")
def test_erlang_c_grid_vectorised(benchmark: BenchmarkFixture) -> None:
    grid = benchmark(erlang_c, SERVERS[:, None], LOADS[None, :])
    benchmark.extra_info["cells"] = grid.size
    assert grid.shape == (1000, 1000)


@pytest.mark.benchmark(group="erlang-c-grid")
def test_erlang_c_grid_all_stable_vectorised(benchmark: BenchmarkFixture) -> None:
    loads = SERVERS[:, None] * OCCUPANCY[None, :]
    grid = benchmark(erlang_c, SERVERS[:, None], loads)
    benchmark.extra_info["cells"] = grid.size
    assert not np.isnan(grid).any()


@pytest.mark.benchmark(group="erlang-c-grid")
def test_erlang_c_grid_scalar_sample(benchmark: BenchmarkFixture) -> None:
    servers = SERVERS[::SAMPLE].tolist()
    loads = LOADS[::SAMPLE].tolist()

    def loop() -> list[float]:
        return [scalar_erlang_c(c, a) for c in servers for a in loads]

    values = benchmark.pedantic(loop, rounds=3, iterations=1)
    benchmark.extra_info["cells"] = len(values)
    expected = erlang_c(np.array(servers)[:, None], np.array(loads)[None, :]).ravel()
    np.testing.assert_allclose(values, expected, rtol=1e-10, atol=1e-300)  # subnormals differ


@pytest.mark.benchmark(group="erlang-c-grid")
def test_erlang_c_grid_all_stable_scalar_sample(benchmark: BenchmarkFixture) -> None:
    servers = SERVERS[::SAMPLE].tolist()
    occupancy = OCCUPANCY[::SAMPLE].tolist()

    def loop() -> list[float]:
        return [scalar_erlang_c(c, c * u) for c in servers for u in occupancy]

    values = benchmark.pedantic(loop, rounds=3, iterations=1)
    benchmark.extra_info["cells"] = len(values)


def search_loads() -> np.ndarray[tuple[int], np.dtype[np.float64]]:
    return np.random.default_rng(20240601).uniform(0.5, 500.0, 10_000)


@pytest.mark.benchmark(group="min-staff-10k")
def test_min_staff_vectorised(benchmark: BenchmarkFixture) -> None:
    loads = search_loads()
    found = benchmark(min_servers, loads, 1.0, service_level=0.8, within=0.1)
    benchmark.extra_info["searches"] = found.size
    sample = range(0, 10_000, 97)
    assert [int(found[i]) for i in sample] == [
        scalar_min_servers(float(loads[i]), 0.8, 0.1) for i in sample
    ]


@pytest.mark.benchmark(group="min-staff-10k")
def test_min_staff_scalar(benchmark: BenchmarkFixture) -> None:
    loads = search_loads().tolist()

    def loop() -> list[int]:
        return [scalar_min_servers(a, 0.8, 0.1) for a in loads]

    found = benchmark.pedantic(loop, rounds=3, iterations=1)
    benchmark.extra_info["searches"] = len(found)
