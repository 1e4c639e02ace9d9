"""The flagship cases by name: how to build, run and read each one.

A command line or a notebook that wants "the 1.4-versus-2 evening" without knowing its
builder, runner and headline metrics looks it up here: ``CASES["evening-staffing"]`` holds the
builder of its models, the runner that measures them (some cases report on one team, or on
figures of their own), the metrics of its headline table and the script that tells the story.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType, ModuleType
from typing import Any

import attrs

from hometeams.cases import _coordinators, _discharges, _evening, _memory
from hometeams.cases._runner import TEAM_METRICS, TeamRunner
from hometeams.errors import InvalidArgument
from hometeams.experiment import Model, Runner, simulation_runner

__all__ = ["CASES", "Case", "describe"]


@attrs.frozen
class Case:
    """One flagship story: its models, how to measure them and which figures to show.

    Attributes
    ----------
    name
        The key in :data:`CASES`, e.g. ``"evening-staffing"``.
    title
        One line for a heading.
    source
        Where the story is told in the sources (seed file and lines).
    build
        Returns the case's models; keyword arguments as documented on the builder.
    runner
        The runner to pass to :func:`~hometeams.experiment.compare`.
    metrics
        The metrics of the headline table, in order.
    script
        The example script that tells the whole story, relative to the repository.
    module
        The module whose docstring is the full description (see :func:`describe`).

    Examples
    --------
    >>> case = CASES["evening-staffing"]
    >>> case.title
    'The 1.4-versus-2 evening: fixed team, pooled or overflow'
    >>> [m.name for m in case.build(weeks=2)]
    ['fixed team', 'pooled', 'overflow']
    """

    name: str
    title: str
    source: str
    build: Callable[..., tuple[Model, ...]]
    runner: Runner
    metrics: tuple[str, ...]
    script: str
    module: ModuleType = attrs.field(repr=False)

    def models(self, **options: Any) -> tuple[Model, ...]:
        """The case's models, built with ``options`` (see the builder's parameters).

        Examples
        --------
        >>> [m.name for m in CASES["memory-team-reach"].models(weeks=1, specialists=3)]
        ['direct visits', 'supervision']
        """
        return self.build(**options)


_EVENING_TEAM = (*TEAM_METRICS, "overtime_hours", "rostered_hours")

CASES: Mapping[str, Case] = MappingProxyType(
    {
        "evening-staffing": Case(
            "evening-staffing",
            "The 1.4-versus-2 evening: fixed team, pooled or overflow",
            "seed 000, L860-861 and L974-978",
            _evening.evening_staffing,
            TeamRunner([_evening.REHAB], metrics=_EVENING_TEAM),
            (
                "staff_hours",
                "idle_share",
                "on_time_share",
                "competence_match",
                "mean_distinct_staff_14d",
                "rehab_idle_share",
                "rehab_mean_distinct_staff_14d",
            ),
            "examples/evening_staffing.py",
            _evening,
        ),
        "pooled-coordinators": Case(
            "pooled-coordinators",
            "Cancer coordinators of two districts: separate, merged to three or to four",
            "seed 000, L985-1003",
            _coordinators.pooled_coordinators,
            simulation_runner,
            (
                "staff_hours",
                "idle_share",
                "on_time_share",
                "mean_delay",
                "unserved",
                "overtime_hours",
            ),
            "examples/pooled_coordinators.py",
            _coordinators,
        ),
        "memory-team-reach": Case(
            "memory-team-reach",
            "Six specialists, 300 citizens with dementia: direct visits or supervision",
            "seed 000, L954-961 and L820-832",
            _memory.memory_team_reach,
            _memory.memory_team_metrics,
            _memory.MEMORY_METRICS,
            "examples/memory_team_reach.py",
            _memory,
        ),
        "lumpy-discharges": Case(
            "lumpy-discharges",
            "Lumpy discharges: a fixed rota against pooling",
            "seed 000, L974-976 and L874-879",
            _discharges.lumpy_discharges,
            TeamRunner([_discharges.TEAM]),
            (
                "idle_share",
                "on_time_share",
                "competence_match",
                "reablement_idle_share",
                "reablement_on_time_share",
                "reablement_competence_match",
                "reablement_mean_distinct_staff_14d",
            ),
            "examples/lumpy_discharges.py",
            _discharges,
        ),
    }
)
"""The four flagship cases of ``domain.md`` §2, by name."""


def describe(name: str) -> str:
    """The full story of a case: its title, source, models and every assumption.

    Examples
    --------
    >>> text = describe("memory-team-reach")
    >>> print(text.splitlines()[0])
    Six specialists, 300 citizens with dementia: direct visits or supervision
    >>> "(FixedTeams)" in describe("evening-staffing")    # roles stripped for a terminal
    True
    >>> describe("night-patrol")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: name: unknown case 'night-patrol'; choose from ...
    """
    case = CASES.get(name)
    if case is None:
        raise InvalidArgument(f"name: unknown case {name!r}; choose from {', '.join(CASES)}")
    body = _plain(inspect.getdoc(case.module) or "")
    return f"{case.title}\n({case.source}; run {case.script})\n\n{body}\n"


def _plain(text: str) -> str:
    """A docstring for a terminal: ``:class:`~a.b.Name``` becomes ``Name``, ````x```` ``x``."""
    text = re.sub(r":[a-z]+:`~?(?:[\w.]+\.)?(\w+)`", r"\1", text)
    return re.sub(r"``([^`]+)``", r"\1", text)
