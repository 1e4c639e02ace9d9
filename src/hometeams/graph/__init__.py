"""Graphs of a home-care organisation and the analyses planners run on them.

Views (new ``networkx`` graphs; the organisation is never changed; node keys are
``(kind, id)`` pairs such as ``("staff", "kari")``; edge weights are in ``weight``):

- :func:`membership_graph` -- staff and teams, weighted by the share of a position;
- :func:`reporting_graph` -- manager -> direct report, weighted by the report's FTE;
- :func:`competence_graph` -- staff and the competences they hold, weighted by FTE;
- :func:`care_graph` -- users and the staff who follow them up, or who visited them;
- :func:`cover_graph` -- users and the staff who could meet their needs;
- :func:`supervision_graph` -- specialist teams -> staff they supervise -> users;
- :func:`reach_network` -- the flow network of a specialist team's reach.

Analyses (typed, immutable results, sorted deterministically), each with the ``networkx``
algorithm that answers it where it is a graph problem:

- :func:`span_of_control` -- each leader's direct reports in heads and FTE (out-degrees of the
  reporting graph) and their whole line, flagged when too many (*lederspenn*);
- :func:`competence_coverage` -- FTE holding each competence, per zone, team or overall;
- :func:`shift_coverage` -- whether one shift's staff can fill its competence needs, one each
  (maximum bipartite matching, Hopcroft-Karp; the bottleneck from König's theorem);
- :func:`key_person_risk`, :func:`rare_competences`, :func:`absence_impact` -- competences
  that hang on one person, and what each absence costs;
- :func:`bus_factors` -- per zone and competence, the fewest absences that leave a user's need
  uncovered (minimum vertex cut in the cover graph);
- :func:`specialist_reach` -- how many of its users a specialist team reaches directly, through
  the staff it supervises, or not at all (maximum flow);
- :func:`team_overlap` -- teams whose functions overlap strongly though their names differ,
  with their shared members (projection of the membership graph onto teams).

Examples
--------
>>> from hometeams.graph import competence_coverage, membership_graph
>>> from hometeams.model import Membership, Organisation, Staff, Team
>>> org = Organisation("District 1",
...     staff=[Staff("kari", profession="nurse", competences=["dementia"], fte=0.8)],
...     teams=[Team("memory", members=[Membership("kari", share=0.2)])])
>>> sorted(membership_graph(org).nodes)
[('staff', 'kari'), ('team', 'memory')]
>>> [(c.competence, c.fte) for c in competence_coverage(org)]
[('dementia', 0.8)]
"""

from __future__ import annotations

from hometeams.graph._bus import BusFactor, bus_factors
from hometeams.graph._coverage import (
    Coverage,
    CoverageScope,
    ShiftCoverage,
    competence_coverage,
    relevant_competences,
    shift_coverage,
)
from hometeams.graph._overlap import DEFAULT_MIN_SIMILARITY, Overlap, team_overlap, team_similarity
from hometeams.graph._reach import (
    DEFAULT_CASELOAD_PER_FTE,
    DEFAULT_SUPERVISED_PER_FTE,
    DEFAULT_USERS_PER_SUPERVISED,
    Reach,
    reach_network,
    specialist_reach,
)
from hometeams.graph._risk import (
    AbsenceImpact,
    KeyPersonRisk,
    RareCompetence,
    absence_impact,
    key_person_risk,
    rare_competences,
)
from hometeams.graph._span import DEFAULT_MAX_FTE, Span, span_of_control
from hometeams.graph._supervision import (
    SPECIALIST_FUNCTIONS,
    specialist_competences,
    specialist_users,
    supervised_staff,
    supervision_graph,
    visiting_staff,
)
from hometeams.graph._views import (
    NodeKey,
    care_graph,
    competence_graph,
    cover_graph,
    membership_graph,
    reporting_graph,
)

__all__ = [
    "DEFAULT_CASELOAD_PER_FTE",
    "DEFAULT_MAX_FTE",
    "DEFAULT_MIN_SIMILARITY",
    "DEFAULT_SUPERVISED_PER_FTE",
    "DEFAULT_USERS_PER_SUPERVISED",
    "SPECIALIST_FUNCTIONS",
    "AbsenceImpact",
    "BusFactor",
    "Coverage",
    "CoverageScope",
    "KeyPersonRisk",
    "NodeKey",
    "Overlap",
    "RareCompetence",
    "Reach",
    "ShiftCoverage",
    "Span",
    "absence_impact",
    "bus_factors",
    "care_graph",
    "competence_coverage",
    "competence_graph",
    "cover_graph",
    "key_person_risk",
    "membership_graph",
    "rare_competences",
    "reach_network",
    "relevant_competences",
    "reporting_graph",
    "shift_coverage",
    "span_of_control",
    "specialist_competences",
    "specialist_reach",
    "specialist_users",
    "supervised_staff",
    "supervision_graph",
    "team_overlap",
    "team_similarity",
    "visiting_staff",
]
