"""Tests for hometeams._random: named random streams keyed by stable digests."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from hometeams._random import root_sequence, stream
from hometeams.errors import InvalidArgument


def test_same_name_same_stream_different_name_different_stream() -> None:
    """A stream depends only on the seed and its name."""
    root = root_sequence(11)
    a = stream(root, "sick-leave", "kari").random(5)
    assert np.array_equal(a, stream(root, "sick-leave", "kari").random(5))
    assert not np.array_equal(a, stream(root, "sick-leave", "ola").random(5))
    assert not np.array_equal(a, stream(root_sequence(12), "sick-leave", "kari").random(5))


def test_streams_under_replication_children_differ() -> None:
    """Two replications' children give different streams of the same name."""
    one, two = np.random.SeedSequence(5).spawn(2)
    assert stream(one, "x").random() != stream(two, "x").random()


def test_stream_is_independent_of_python_hash_seed() -> None:
    """Names are digested with BLAKE2b, not hash(): another hash seed gives the same stream."""
    value = stream(root_sequence(0), "arrivals", "calls", "counts").integers(0, 2**31)
    code = (
        "from hometeams._random import root_sequence, stream;"
        "print(stream(root_sequence(0), 'arrivals', 'calls', 'counts').integers(0, 2**31))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "123"},
    )
    assert int(out.stdout) == value


def test_seed_kinds() -> None:
    """int, SeedSequence and None are seeds; negative ints, floats and Generators are not."""
    assert root_sequence(3).entropy == 3
    assert root_sequence(np.int64(3)).entropy == 3
    ss = np.random.SeedSequence(9)
    assert root_sequence(ss) is ss
    assert root_sequence(None).entropy is not None
    for bad in (-1, 1.5, True, "7"):
        with pytest.raises(InvalidArgument, match="seed"):
            root_sequence(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match=r"seed: .* got a Generator, which is drawn from"):
        root_sequence(np.random.default_rng(4))  # type: ignore[arg-type]
