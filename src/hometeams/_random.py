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
"""

from __future__ import annotations

import hashlib

import numpy as np

from hometeams.errors import InvalidArgument

__all__ = ["Seed", "root_sequence", "stream"]

Seed = int | np.integer | np.random.SeedSequence | np.random.Generator | None
"""What every stochastic entry point of hometeams accepts as a seed."""

_TAG = 0x686F6D657465616D  # "hometeam": keeps our keys apart from plain spawn() children


def root_sequence(seed: Seed) -> np.random.SeedSequence:
    """The :class:`~numpy.random.SeedSequence` a seed stands for.

    An ``int`` seeds it directly; a ``SeedSequence`` is used as is; a ``Generator`` is asked for
    128 bits of entropy (and so advances); ``None`` takes fresh entropy from the OS (not
    reproducible).

    Examples
    --------
    >>> root_sequence(42).entropy
    42
    >>> root_sequence(-1)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: seed: must be a non-negative integer, ...
    """
    if isinstance(seed, np.random.SeedSequence):
        return seed
    if isinstance(seed, np.random.Generator):
        return np.random.SeedSequence(seed.integers(0, 2**32, size=4, dtype=np.uint64).tolist())
    if seed is None:
        return np.random.SeedSequence()
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise InvalidArgument(
            "seed: must be a non-negative integer, a numpy SeedSequence or Generator, or None; "
            f"got {seed!r}"
        )
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
