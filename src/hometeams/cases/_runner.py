"""A replication runner that also measures the team a story is about.

The whole-run figures of :func:`hometeams.metrics.metrics` mix everyone: in the 1.4-versus-2
evening, the district's home nursing and the rehabilitation team's two evening staff. The
planner's question is about the team -- how idle are *its* evenings, how many faces do *its*
users meet -- so :class:`TeamRunner` adds, for each team it names, that team's row of
:func:`hometeams.metrics.summarise` (jobs by owning team, shifts by rostered team) under names
such as ``rehab_idle_share``.

A runner travels to worker processes, so it is a frozen ``attrs`` value defined at the top of a
module, never a closure.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import numpy as np

from hometeams._types import TeamId
from hometeams.errors import InvalidArgument
from hometeams.experiment import Model
from hometeams.metrics import METRICS, metrics, summarise
from hometeams.records import Records

__all__ = ["TEAM_METRICS", "TeamRunner", "team_figures"]

TEAM_METRICS: tuple[str, ...] = (
    "idle_share",
    "on_time_share",
    "mean_delay",
    "competence_match",
    "mean_distinct_staff_14d",
)
"""The per-team figures a :class:`TeamRunner` adds by default."""


def _names(values: Iterable[str]) -> tuple[str, ...]:
    return (values,) if isinstance(values, str) else tuple(values)


def team_figures(
    records: Records, teams: Iterable[TeamId], *, names: Iterable[str] = TEAM_METRICS
) -> dict[str, float]:
    """``{f"{team}_{name}": value}`` for each team and metric, from one run's records.

    A team that owns no job and works no shift after the warm-up gets ``nan`` for every figure.

    Examples
    --------
    >>> from hometeams.records import JobRecords, ShiftRecords
    >>> shifts = ShiftRecords(
    ...     staff=["kari", "per"], team=["rehab", "district"], zone=["d", "d"], day=[0, 0],
    ...     period=["evening"] * 2, start=[900.0] * 2, end=[1380.0] * 2, rostered=[480.0] * 2,
    ...     busy=[336.0, 480.0], travel=[0.0] * 2, idle=[144.0, 0.0], overtime=[0.0] * 2,
    ...     absent=[False] * 2)
    >>> team_figures(Records(JobRecords.empty(), shifts), ["rehab"], names=["idle_share"])
    {'rehab_idle_share': 0.3}
    """
    chosen = _names(names)
    unknown = [name for name in chosen if name not in METRICS]
    if unknown:
        raise InvalidArgument(f"names: unknown metrics {unknown}; choose from {list(METRICS)}")
    rows = summarise(records, by="team").as_dict()
    out: dict[str, float] = {}
    for team in _names(teams):
        row = rows.get((team,))
        for name in chosen:
            value = np.nan if row is None else row[name]
            out[f"{team}_{name}"] = float(value)  # type: ignore[arg-type]
    return out


def _teams(values: Iterable[TeamId]) -> tuple[TeamId, ...]:
    return _names(values)


@attrs.frozen
class TeamRunner:
    """Simulate a model once; return the whole-run metrics plus the named teams' figures.

    A drop-in ``runner`` for :func:`hometeams.experiment.compare`: replication ``i`` of every
    model gets the same seed, as with the default runner.

    Parameters
    ----------
    teams
        Team ids to report on; each adds ``{team}_{metric}`` for every name in ``metrics``.
    metrics
        Per-team metrics, from :data:`hometeams.metrics.METRICS`.

    Examples
    --------
    >>> runner = TeamRunner(["rehab"])
    >>> runner.teams, runner.metrics[:2]
    (('rehab',), ('idle_share', 'on_time_share'))
    """

    teams: tuple[TeamId, ...] = attrs.field(converter=_teams)
    metrics: tuple[str, ...] = attrs.field(default=TEAM_METRICS, converter=_names, kw_only=True)

    def __attrs_post_init__(self) -> None:
        unknown = [name for name in self.metrics if name not in METRICS]
        if unknown:
            raise InvalidArgument(
                f"metrics: unknown metrics {unknown}; choose from {list(METRICS)}"
            )

    def __call__(self, model: Model, seed: np.random.SeedSequence, /) -> dict[str, float]:
        """Run ``model`` with ``seed``; whole-run metrics first, then the teams' figures."""
        records = model.simulate(seed)
        return {**metrics(records), **team_figures(records, self.teams, names=self.metrics)}
