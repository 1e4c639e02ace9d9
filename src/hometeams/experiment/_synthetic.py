"""A stand-in for the simulator whose right answers are known.

Before trusting a comparison of two real organisation models, a planner (or a test) can check the
machinery -- replications, common random numbers, intervals, executors, a Dask cluster -- on
models whose true means are written down. :class:`Synthetic` is such a "scenario": for each
metric a true mean, and :func:`synthetic_runner` returns, per replication,

``value = mean + common_sd * Z + own_sd * E``

where ``Z`` depends only on the replication's seed (the same for every model of the
replication, like the same realised Tuesday evening) and ``E`` also on the model's name (the
organisation's own randomness). Two models therefore differ by exactly the difference of their
means plus ``own_sd`` noise: with common random numbers the paired difference has standard
deviation ``own_sd * sqrt(2)``, without them ``sqrt(2 * (common_sd**2 + own_sd**2))``.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Mapping

import attrs
import numpy as np

from hometeams.errors import InvalidArgument
from hometeams.experiment._model import Model

__all__ = ["Synthetic", "synthetic_runner"]


def _means(value: Mapping[str, float]) -> dict[str, float]:
    if not isinstance(value, Mapping) or not value:
        raise InvalidArgument(
            f"means: must be a non-empty mapping of metric to mean, got {value!r}"
        )
    out: dict[str, float] = {}
    for name, mean in value.items():
        if not isinstance(name, str) or not name:
            raise InvalidArgument(f"means: metric names must be non-empty strings, got {name!r}")
        if isinstance(mean, bool) or not isinstance(mean, int | float) or not math.isfinite(mean):
            raise InvalidArgument(f"means[{name!r}]: must be a finite number, got {mean!r}")
        out[name] = float(mean)
    return out


def _check_sd(value: object, field: str) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
    ):
        raise InvalidArgument(f"{field}: must be a finite number >= 0, got {value!r}")


@attrs.frozen
class Synthetic:
    """Known true means and noise levels: a scenario for :func:`synthetic_runner`.

    Parameters
    ----------
    means
        True mean of each metric, e.g. ``{"wait": 12.0, "utilisation": 0.7}``.
    common_sd
        Standard deviation of the noise every model of a replication shares.
    own_sd
        Standard deviation of the noise that is the model's own.

    Examples
    --------
    >>> from hometeams.experiment import Synthetic
    >>> Synthetic({"wait": 12.0}, common_sd=2.0).means
    {'wait': 12.0}
    >>> Synthetic({"wait": 12.0}, own_sd=-1)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: own_sd: must be a finite number >= 0, got -1
    """

    means: dict[str, float] = attrs.field(converter=_means, hash=False)
    common_sd: float = attrs.field(default=1.0, kw_only=True)
    own_sd: float = attrs.field(default=0.2, kw_only=True)

    def __attrs_post_init__(self) -> None:
        _check_sd(self.common_sd, "common_sd")
        _check_sd(self.own_sd, "own_sd")


def synthetic_runner(model: Model, seed: np.random.SeedSequence) -> dict[str, float]:
    """One replication of a :class:`Synthetic` model: its means plus normal noise.

    Metrics are drawn in sorted order of their names, so models that share metric names share
    the common noise ``Z`` of each metric.

    Parameters
    ----------
    model
        A model whose ``scenario`` is a :class:`Synthetic`.
    seed
        The replication's seed.

    Returns
    -------
    dict[str, float]
        One value per metric of ``model.scenario.means``.

    Examples
    --------
    >>> import numpy as np
    >>> from hometeams.experiment import Model, Synthetic, synthetic_runner
    >>> seed = np.random.SeedSequence(1).spawn(1)[0]
    >>> a = synthetic_runner(Model("a", Synthetic({"wait": 10.0}, own_sd=0)), seed)
    >>> b = synthetic_runner(Model("b", Synthetic({"wait": 13.0}, own_sd=0)), seed)
    >>> round(b["wait"] - a["wait"], 9)
    3.0
    """
    scenario = model.scenario
    if not isinstance(scenario, Synthetic):
        raise InvalidArgument(
            f"model {model.name!r}: scenario must be a Synthetic, got {type(scenario).__name__}"
        )
    names = sorted(scenario.means)
    common = np.random.default_rng(seed).standard_normal(len(names))
    # The model's own stream: a child of the replication's seed keyed by a stable hash of the
    # name (Python's hash() of a str differs between processes).
    key = zlib.crc32(model.name.encode("utf-8"))
    own_seed = np.random.SeedSequence(seed.entropy, spawn_key=(*seed.spawn_key, key))
    own = np.random.default_rng(own_seed).standard_normal(len(names))
    return {
        name: scenario.means[name] + scenario.common_sd * z + scenario.own_sd * e
        for name, z, e in zip(names, common.tolist(), own.tolist(), strict=True)
    }
