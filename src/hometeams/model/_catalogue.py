"""Catalogues: the team types, professions and competences of Norwegian home care.

Labels are in Norwegian (bokmål, ``nb``) and English (``en``). The team types and how many of the
47 municipalities of the national mapping reported each come from table 3 of the SOF report
*Faste team i hjemmetjenesten* (2024), seed 000, lines 467-495; the professions from its case
descriptions. An organisation may add its own professions and competences, or relabel these.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from hometeams.model._entities import Competence, Profession, TeamCategory

__all__ = [
    "COMPETENCES",
    "MAPPED_MUNICIPALITIES",
    "PROFESSIONS",
    "TEAM_TYPES",
    "TeamType",
]

MAPPED_MUNICIPALITIES = 47
"""Municipalities in the national mapping of home-care teams (seed 000, table 3)."""


@attrs.frozen
class TeamType:
    """A kind of team from the national mapping.

    Attributes
    ----------
    id
        Catalogue id, e.g. ``"memory"``.
    nb, en
        Labels; ``nb`` lists the names the mapping merged into this type.
    category
        Specialist, allocation, geographic, night or other.
    municipalities
        How many of the 47 mapped municipalities reported such a team.
    """

    id: str
    nb: str
    en: str
    category: TeamCategory
    municipalities: int

    def label(self, lang: str = "en") -> str:
        """The label in ``lang`` (``"nb"`` or ``"en"``)."""
        return self.nb if lang == "nb" else self.en


def _tt(id_: str, nb: str, en: str, category: TeamCategory, n: int) -> tuple[str, TeamType]:
    return id_, TeamType(id_, nb, en, category, n)


_S, _A, _N, _O = (
    TeamCategory.SPECIALIST,
    TeamCategory.ALLOCATION,
    TeamCategory.NIGHT,
    TeamCategory.OTHER,
)

TEAM_TYPES: Mapping[str, TeamType] = MappingProxyType(
    dict(
        [
            _tt("memory", "Hukommelsesteam / demensteam", "memory / dementia team", _S, 32),
            _tt(
                "rehabilitation",
                "Rehabiliteringsteam (hverdagsrehabilitering, trygt hjem, hverdagsmestring)",
                "rehabilitation / reablement team",
                _S,
                12,
            ),
            # Assessment at discharge, transitional help, hand-over to home nursing (L401-412).
            _tt(
                "assessment-intervention",
                "Kartleggingsteam / innsatsteam",
                "assessment / intervention team",
                _A,
                6,
            ),
            _tt("palliative", "Palliativt team", "palliative team", _S, 6),
            _tt("welfare-technology", "Velferdsteknologi", "welfare technology team", _S, 5),
            _tt(
                "rop",
                "ROP-team / oppfølgingsteam",
                "substance use and mental health follow-up team",
                _S,
                4,
            ),
            _tt("night-patrol", "Nattpatrulje", "night patrol", _N, 3),
            # The report reads nurse teams as nurse competence organised within zones (L448-452).
            _tt("nurse", "Sykepleierteam", "nurse team", _O, 3),
            _tt("intake", "Inntaksteam", "intake team", _A, 2),
            _tt("nutrition", "Ernæringsteam", "nutrition team", _S, 2),
            _tt("wound", "Sårteam", "wound-care team", _S, 2),
            _tt("fall", "Fallteam", "fall-prevention team", _S, 1),
            _tt("acute", "Akutteam", "acute team", _O, 1),
            # Housing teams decide who is offered municipal housing (L464): an allocation task.
            _tt("housing", "Boligteam", "housing team", _A, 1),
            _tt(
                "consultation", "Konsultasjonsteam", "consultation team (children and youth)", _S, 1
            ),
            _tt("assessment", "Vurderingsteam", "assessment team", _A, 1),
            _tt("early-intervention", "Tidlig innsats", "early intervention team", _S, 1),
        ]
    )
)
"""The 17 team types of the national mapping, keyed by id, in table order."""


def _p(id_: str, level: int, nb: str, en: str) -> tuple[str, Profession]:
    return id_, Profession(id_, care_level=level, nb=nb, en=en)


PROFESSIONS: Mapping[str, Profession] = MappingProxyType(
    dict(
        [
            _p("assistant", 1, "assistent", "care assistant (unskilled)"),
            _p("health-worker", 2, "helsefagarbeider", "health worker"),
            _p("nurse", 3, "sykepleier", "registered nurse"),
            _p(
                "specialist-nurse",
                4,
                "spesialsykepleier / sykepleier med videreutdanning",
                "nurse with further education",
            ),
            _p("occupational-therapist", 3, "ergoterapeut", "occupational therapist"),
            _p("physiotherapist", 3, "fysioterapeut", "physiotherapist"),
            _p("social-educator", 3, "vernepleier", "social educator"),
            _p("social-worker", 3, "sosionom", "social worker"),
            _p("psychologist", 4, "psykolog", "psychologist"),
            _p("pedagogue", 3, "pedagog", "pedagogue"),
            _p("case-officer", 3, "saksbehandler / fagkonsulent", "case officer"),
            _p("nutritionist", 4, "ernæringsfysiolog", "clinical nutritionist"),
            _p("engineer", 3, "ingeniør", "engineer (welfare technology)"),
            _p("physician", 5, "lege / fastlege", "physician / regular GP"),
        ]
    )
)
"""Professions in home care with their care levels (see :class:`Profession`)."""


def _c(id_: str, nb: str, en: str) -> tuple[str, Competence]:
    return id_, Competence(id_, nb=nb, en=en)


COMPETENCES: Mapping[str, Competence] = MappingProxyType(
    dict(
        [
            _c("dementia", "demensomsorg", "dementia care"),
            _c("palliation", "palliasjon", "palliative care"),
            _c("rehabilitation", "rehabilitering", "rehabilitation"),
            _c("mental-health", "psykisk helse og rus", "mental health and substance use"),
            _c("wound-care", "sårstell", "wound care"),
            _c("medication", "legemiddelhåndtering", "medication"),
            _c("welfare-technology", "velferdsteknologi", "welfare technology"),
            _c("nutrition", "ernæring", "nutrition"),
            _c("fall-prevention", "fallforebygging", "fall prevention"),
            _c("nursing", "sykepleie", "nursing"),
            _c("personal-care", "personlig stell", "personal care"),
            _c("practical-assistance", "praktisk bistand", "practical assistance"),
        ]
    )
)
"""A starting set of competences; an organisation may add its own."""
