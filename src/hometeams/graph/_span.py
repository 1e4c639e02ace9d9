"""Span of control (*lederspenn*): how many people, and how many FTE, report to each leader.

A department head in a staffed care-housing unit leads 33 FTE (*årsverk*) alone, which the
municipality's working group calls "too large a leader span", wanting more local leadership and
a more visible leader (seed 001, L33-35). Staff want "visible, close leaders" (seed 004). Span
of control counts a leader's *direct* reports, in heads and in FTE, from the organisation's
reporting lines (an explicit ``reports_to``, else the unit's leader).

The default threshold, :data:`DEFAULT_MAX_FTE` = 20 FTE, is an assumption anchored on the
sources rather than a norm they state: 33 FTE is too many (seed 001, L33), while the case
municipalities run their geographic units at about 17 FTE (municipality D, seed 000, L862) and
17-20 FTE (municipality E, L1008). Pass ``max_fte=`` (and optionally ``max_heads=``) to use a
municipality's own norm.

The figures are degrees in the reporting graph (:func:`~hometeams.graph.reporting_graph`,
manager -> direct report, weighted by the report's FTE): heads are a leader's out-degree, FTE
the weighted out-degree, and the whole line below a leader is their descendants
(:func:`networkx.descendants`).
"""

from __future__ import annotations

import math

import attrs
import networkx as nx

from hometeams._types import StaffId
from hometeams.errors import InvalidArgument
from hometeams.graph._views import reporting_graph
from hometeams.model import Organisation

__all__ = ["DEFAULT_MAX_FTE", "Span", "span_of_control"]

DEFAULT_MAX_FTE = 20.0
"""Leaders with more direct reports than this, in FTE, are flagged (an assumption; see above)."""


@attrs.frozen
class Span:
    """A leader's span of control.

    Attributes
    ----------
    leader
        The leader's staff id.
    heads
        Number of direct reports.
    fte
        Their total FTE.
    too_large
        Whether the span exceeds the threshold in FTE (or in heads, if one was given).
    below
        Everyone in the leader's line, direct reports and theirs (not counted against the
        threshold).

    Examples
    --------
    >>> Span("anne", heads=40, fte=33.0, too_large=True, below=40).fte
    33.0
    """

    leader: StaffId
    heads: int = attrs.field(kw_only=True)
    fte: float = attrs.field(kw_only=True)
    too_large: bool = attrs.field(kw_only=True)
    below: int = attrs.field(kw_only=True, default=0)


def span_of_control(
    org: Organisation, *, max_fte: float = DEFAULT_MAX_FTE, max_heads: int | None = None
) -> tuple[Span, ...]:
    """Each leader's direct reports in heads and FTE, flagging spans that are too large.

    A *leader* is anyone somebody reports to (:attr:`Organisation.reporting_lines
    <hometeams.model.Organisation.reporting_lines>`). The span counts direct reports only: a
    district head who leads three team leaders has a span of three heads, not of everyone below.

    Parameters
    ----------
    org
        The organisation.
    max_fte
        Flag a leader whose direct reports add up to more than this many FTE (default
        :data:`DEFAULT_MAX_FTE`).
    max_heads
        Also flag a leader with more than this many direct reports; ``None`` to flag on FTE only.

    Returns
    -------
    tuple of Span
        One per leader (anyone with an out-degree in the reporting graph), largest span in FTE
        first (ties by leader id).

    Raises
    ------
    InvalidArgument
        If ``max_fte`` is not a positive number or ``max_heads`` not a positive integer.

    Examples
    --------
    A department head with 33 FTE of direct reports (seed 001) and a team leader with two:

    >>> from hometeams.model import Organisation, Staff, Unit
    >>> staff = [Staff("head", profession="nurse"), Staff("lead", profession="nurse",
    ...          unit="team", reports_to="head")]
    >>> staff += [Staff(f"s{i}", profession="health-worker", unit="dept") for i in range(32)]
    >>> staff += [Staff("a", profession="assistant", fte=0.5, unit="team"),
    ...           Staff("b", profession="assistant", fte=0.5, unit="team")]
    >>> org = Organisation("d", staff=staff, units=[Unit("dept", leader="head"),
    ...                    Unit("team", leader="lead", parent="dept")])
    >>> for span in span_of_control(org):
    ...     print(span.leader, span.heads, span.fte, span.too_large, span.below)
    head 33 33.0 True 35
    lead 2 1.0 False 2
    """
    if (
        isinstance(max_fte, bool)
        or not isinstance(max_fte, int | float)
        or not (math.isfinite(max_fte) and max_fte > 0)
    ):
        raise InvalidArgument(f"max_fte: must be a positive number of FTE, got {max_fte!r}")
    if max_heads is not None and (
        isinstance(max_heads, bool) or not isinstance(max_heads, int) or max_heads < 1
    ):
        raise InvalidArgument(f"max_heads: must be a positive integer or None, got {max_heads!r}")
    graph = reporting_graph(org)
    spans = []
    for node, heads in graph.out_degree():
        if heads == 0:
            continue
        fte = graph.out_degree(node, weight="weight")
        spans.append(
            Span(
                node[1],
                heads=heads,
                fte=round(fte, 9),
                too_large=fte > max_fte + 1e-9 or (max_heads is not None and heads > max_heads),
                below=len(nx.descendants(graph, node)),
            )
        )
    return tuple(sorted(spans, key=lambda s: (-s.fte, s.leader)))
