"""Seeds and named random streams: one independent generator per source of randomness.

Every stochastic entry point -- ``realise``, ``simulate``, ``compare``, ``sweep``,
``simulate_flow``, ``queue_check`` -- turns its ``seed`` into a root sequence with
:func:`root_sequence` and draws from :func:`stream`, never from global state.

A replication's seed (an ``int`` or a :class:`numpy.random.SeedSequence` handed down by an
experiment) is turned into one generator per *named* source -- the durations of Mrs Hansen's
first visit plan, the counts of the ``discharge`` source, Kari's sick days -- by deriving a child
:class:`~numpy.random.SeedSequence` whose ``spawn_key`` extends the seed's with a fixed tag and
stable 64-bit digests (BLAKE2b, never Python's salted ``hash``) of the source's name. Nothing
depends on the order in which sources are listed or realised, so adding a demand source, a
staff member or a visit plan leaves every other stream exactly as it was.

A ``seed`` is what streams are derived from: an ``int``, a ``SeedSequence`` or ``None``. A
:class:`numpy.random.Generator` is what one draws from directly; the few functions that draw
directly (a figure's layout, a Monte Carlo estimate) call it ``rng``, as the Scientific Python
SPEC 7 does, and a ``seed`` does not take one.
"""

from __future__ import annotations

import hashlib

import numpy as np

from hometeams.errors import InvalidArgument

__all__ = ["Seed", "root_sequence", "stream"]

Seed = int | np.integer | np.random.SeedSequence | None
"""What every stochastic entry point of hometeams accepts as a seed."""

_TAG = 0x686F6D657465616D  # "hometeam": keeps our keys apart from plain spawn() children


def root_sequence(seed: Seed) -> np.random.SeedSequence:
    """The :class:`~numpy.random.SeedSequence` a seed stands for.

    An ``int`` seeds it directly; a ``SeedSequence`` is used as is; ``None`` takes fresh
    entropy from the OS (not reproducible). A ``Generator`` is refused: it is drawn from, not
    derived from (pass ``int(rng.integers(2**63))`` to seed from one).

    Examples
    --------
    >>> root_sequence(42).entropy
    42
    >>> root_sequence(-1)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: seed: must be a non-negative integer, ...
    >>> import numpy as np
    >>> root_sequence(np.random.default_rng(1))
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: seed: must be a non-negative integer, a numpy
    SeedSequence or None, got a Generator, which is drawn from, not seeded from; pass
    int(rng.integers(2**63)) to seed from one
    """
    if isinstance(seed, np.random.SeedSequence):
        return seed
    if seed is None:
        return np.random.SeedSequence()
    rule = "seed: must be a non-negative integer, a numpy SeedSequence or None"
    if isinstance(seed, np.random.Generator):
        raise InvalidArgument(
            f"{rule}, got a Generator, which is drawn from, not seeded from; pass "
            "int(rng.integers(2**63)) to seed from one"
        )
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise InvalidArgument(f"{rule}; got {seed!r}")
    return np.random.SeedSequence(int(seed))


def _word(part: str | int) -> int:
    digest = hashlib.blake2b(str(part).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def stream(root: np.random.SeedSequence, *name: str | int) -> np.random.Generator:
    """The generator of the source called ``name`` under ``root``.

    Examples
    --------
    >>> root = root_sequence(7)
    >>> a = stream(root, "arrivals", "calls", "counts").random()
    >>> a == stream(root, "arrivals", "calls", "counts").random()
    True
    >>> a == stream(root, "arrivals", "alarms", "counts").random()
    False
    """
    key = (*root.spawn_key, _TAG, *(_word(part) for part in name))
    child = np.random.SeedSequence(root.entropy, spawn_key=key, pool_size=root.pool_size)
    return np.random.default_rng(child)
