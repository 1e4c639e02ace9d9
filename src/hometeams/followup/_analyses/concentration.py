"""Concentration risk: which users lose their coordinator when one coordinator leaves.

"Concentrating the role on few people makes many users vulnerable when one coordinator leaves"
(domain.md §6): one family had four coordinators in turn (seed 002 L769-771), the evaluation saw
"frequent replacement of coordinators" (seed 003 L1522), and many cases run for years once a
coordinator is appointed (seed 002 L1487-1488). :func:`concentration` answers, from the
user-coordinator graph (:func:`~hometeams.followup.followup_graph`):

* **orphaned** -- for each coordinator, the users left without any coordinator if that person
  leaves (the users whose only coordinator they are);
* **worst case** -- the coordinator(s) whose departure orphans the most users, and that share of
  all coordinated users;
* **bus factor** -- the fewest coordinators whose departure together orphans at least a
  ``threshold`` share of the coordinated users. Each user has one coordinator, so the orphaned
  sets are disjoint and taking the largest caseloads first is optimal;
* **effective coordinators** -- ``1 / sum(s_i**2)`` over the coordinators' shares ``s_i`` of the
  coordinated users (the inverse Herfindahl-Hirschman index): ``n`` for ``n`` equal caseloads,
  close to 1 when one person holds almost everyone.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from hometeams._types import StaffId, UserId
from hometeams.errors import InvalidArgument
from hometeams.followup._analyses.graph import followup_graph, staff_node
from hometeams.followup._model.programme import FollowUpProgramme

__all__ = ["ConcentrationRisk", "concentration"]


@attrs.frozen
class ConcentrationRisk:
    """How exposed the users are to one coordinator leaving.

    Attributes
    ----------
    orphaned
        For every coordinator, the users orphaned if they leave (sorted).
    worst
        The coordinator(s) whose departure orphans the most users (sorted).
    worst_orphaned
        How many users that is.
    coordinated
        Users with a coordinator.
    bus_factor
        The fewest coordinators whose departure orphans at least ``threshold`` of them.
    threshold
        The share used for the bus factor.
    effective_coordinators
        The inverse Herfindahl-Hirschman index of the caseload shares.

    Examples
    --------
    >>> risk = ConcentrationRisk(orphaned={"per": ("u1", "u2", "u3"), "siri": ("u4",)},
    ...                          worst=("per",), worst_orphaned=3, coordinated=4, bus_factor=1,
    ...                          threshold=0.5, effective_coordinators=1.6)
    >>> risk.worst_share
    0.75
    """

    orphaned: Mapping[StaffId, tuple[UserId, ...]]
    worst: tuple[StaffId, ...]
    worst_orphaned: int
    coordinated: int
    bus_factor: int
    threshold: float
    effective_coordinators: float

    @property
    def worst_share(self) -> float:
        """The share of coordinated users orphaned in the worst case."""
        return self.worst_orphaned / self.coordinated


def concentration(programme: FollowUpProgramme, *, threshold: float = 0.5) -> ConcentrationRisk:
    """The users orphaned when each coordinator leaves, the worst case and the bus factor.

    Parameters
    ----------
    programme
        The follow-up programme.
    threshold
        The share of coordinated users the bus factor refers to, in ``(0, 1]``.

    Returns
    -------
    ConcentrationRisk

    Raises
    ------
    InvalidArgument
        If no user has a coordinator (there is nothing to lose) or ``threshold`` is outside
        ``(0, 1]``.

    Examples
    --------
    Two coordinators: Per holds six users, Siri two.

    >>> from hometeams.followup import ComplexNeedsUser, CoordinatorRole, FollowUpProgramme
    >>> p = FollowUpProgramme(
    ...     "x", coordinators=[CoordinatorRole("per", hours_per_week=8),
    ...                        CoordinatorRole("siri", hours_per_week=2)],
    ...     users=[ComplexNeedsUser(f"u{i}", age=40, services=["nav"], coordinator=c)
    ...            for i, c in enumerate(["per"] * 6 + ["siri"] * 2)])
    >>> risk = concentration(p)
    >>> risk.worst, risk.worst_share, risk.bus_factor, round(risk.effective_coordinators, 2)
    (('per',), 0.75, 1, 1.6)
    >>> risk.orphaned["siri"]
    ('u6', 'u7')
    """
    if isinstance(threshold, bool) or not 0.0 < threshold <= 1.0:
        raise InvalidArgument(f"threshold: must be > 0 and <= 1, got {threshold!r}")
    graph = followup_graph(programme)
    coordinated = sum(1 for u in programme.users if u.coordinator is not None)
    if coordinated == 0:
        raise InvalidArgument(
            "programme: no user has a coordinator; there is no concentration to measure"
        )
    orphaned: dict[StaffId, tuple[UserId, ...]] = {}
    for role in programme.coordinators:
        node = staff_node(role.staff)
        users = []
        for nbr in graph.neighbors(node):
            if "coordinator" not in graph.edges[node, nbr]["roles"]:
                continue
            others = [
                other
                for other in graph.neighbors(nbr)
                if graph.nodes[other]["kind"] == "staff"
                and other != node
                and "coordinator" in graph.edges[other, nbr]["roles"]
            ]
            if not others:
                users.append(nbr[1])
        orphaned[role.staff] = tuple(sorted(users))
    sizes = {staff: len(users) for staff, users in orphaned.items()}
    worst_n = max(sizes.values())
    worst = tuple(sorted(s for s, n in sizes.items() if n == worst_n))
    needed, lost = 0, 0
    for n in sorted(sizes.values(), reverse=True):
        if lost >= threshold * coordinated - 1e-12:
            break
        lost += n
        needed += 1
    hhi = sum((n / coordinated) ** 2 for n in sizes.values())
    return ConcentrationRisk(
        orphaned=MappingProxyType(orphaned),
        worst=worst,
        worst_orphaned=worst_n,
        coordinated=coordinated,
        bus_factor=needed,
        threshold=threshold,
        effective_coordinators=1.0 / hhi,
    )
