"""The services and actors around a user with complex needs.

A follow-up team has no fixed list of members: "there are in principle no limits to which actors
can make up the follow-up team" -- health and care services, school, hospital, GP, NAV, child
welfare, habilitation and rehabilitation, and so on (seed 002 L83-85). The case studies show what
that means in practice: a boy under ten with a congenital brain injury had the GP,
physiotherapist, occupational therapist, an assistant, special education, the educational-
psychological service (PPT), the specialist health service, NAV, habilitation and the public
health nurse around him (seed 002 L492-499); an older woman with diabetes, strokes and wounds
had the GP, home care, physiotherapy, occupational therapy and the specialist health service
(seed 002 L627-635).

:class:`Service` names those actors at the level the evaluation counts them when it reports
"services per user" (seed 003 L1455-1465), with Norwegian and English labels, the
:class:`Sector` each belongs to, and whether one actor serves every user of the municipality
(``shared``: there is one NAV office, one PPT) or each user has their own (their GP, their
relatives, their school).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import NamedTuple

from hometeams.errors import InvalidScenario

__all__ = ["Sector", "Service", "services_of"]


class Sector(enum.Enum):
    """The sector an actor belongs to; a follow-up team often spans several.

    Examples
    --------
    >>> Sector("education").label("nb")
    'oppvekst (barnehage, skole, PPT)'
    """

    HEALTH_AND_CARE = "health-and-care"
    EDUCATION = "education"
    CHILD_WELFARE = "child-welfare"
    WELFARE = "welfare"
    SPECIALIST_HEALTH = "specialist-health"
    NETWORK = "network"

    def label(self, lang: str = "en") -> str:
        """The label in ``lang`` (``"nb"`` or ``"en"``)."""
        nb, en = _SECTOR_LABELS[self]
        return nb if lang == "nb" else en


_SECTOR_LABELS: Mapping[Sector, tuple[str, str]] = MappingProxyType(
    {
        Sector.HEALTH_AND_CARE: ("helse og omsorg", "municipal health and care"),
        Sector.EDUCATION: ("oppvekst (barnehage, skole, PPT)", "education"),
        Sector.CHILD_WELFARE: ("barnevern og familie", "child welfare and family services"),
        Sector.WELFARE: ("NAV", "welfare and labour (NAV)"),
        Sector.SPECIALIST_HEALTH: ("spesialisthelsetjenesten", "specialist health service"),
        Sector.NETWORK: ("nettverk", "private network"),
    }
)


class Service(enum.Enum):
    """A service or actor in a user's follow-up team.

    Every member has a Norwegian and an English label (:meth:`label`), a :attr:`sector`, and
    two flags: :attr:`shared` (one actor for the whole municipality) and :attr:`is_service`
    (``False`` only for relatives, who are in the team but are not a service; the evaluation's
    "services per user" counts the GP but not relatives, seed 003 L1455).

    Examples
    --------
    >>> Service.GP.label("nb"), Service.GP.label()
    ('fastlege', 'regular GP')
    >>> Service("nav").sector
    <Sector.WELFARE: 'welfare'>
    >>> Service.RELATIVES.is_service, Service.NAV.shared, Service.SCHOOL.shared
    (False, True, False)
    """

    HOME_CARE = "home-care"
    MENTAL_HEALTH = "mental-health"
    PHYSIOTHERAPY = "physiotherapy"
    OCCUPATIONAL_THERAPY = "occupational-therapy"
    SPEECH_THERAPY = "speech-therapy"
    HEALTH_STATION = "health-station"
    HABILITATION = "habilitation"
    RESPITE = "respite"
    OTHER_HEALTH_AND_CARE = "other-health-and-care"
    KINDERGARTEN = "kindergarten"
    SCHOOL = "school"
    EDUCATIONAL_PSYCHOLOGY = "educational-psychology"
    CHILD_WELFARE = "child-welfare"
    FAMILY_SERVICE = "family-service"
    NAV = "nav"
    SPECIALIST_HEALTH = "specialist-health"
    GP = "gp"
    RELATIVES = "relatives"

    def label(self, lang: str = "en") -> str:
        """The label in ``lang`` (``"nb"`` or ``"en"``)."""
        info = _SERVICES[self]
        return info.nb if lang == "nb" else info.en

    @property
    def sector(self) -> Sector:
        """The sector the actor belongs to."""
        return _SERVICES[self].sector

    @property
    def shared(self) -> bool:
        """Whether one actor serves every user (a municipal service) or each has their own."""
        return _SERVICES[self].shared

    @property
    def is_service(self) -> bool:
        """Whether it counts as a service (everything except relatives)."""
        return self is not Service.RELATIVES


class _Info(NamedTuple):
    nb: str
    en: str
    sector: Sector
    shared: bool


_H, _E, _C = Sector.HEALTH_AND_CARE, Sector.EDUCATION, Sector.CHILD_WELFARE


def _shared(nb: str, en: str, sector: Sector) -> _Info:
    return _Info(nb, en, sector, shared=True)


def _own(nb: str, en: str, sector: Sector) -> _Info:
    return _Info(nb, en, sector, shared=False)


_SERVICES: Mapping[Service, _Info] = MappingProxyType(
    {
        Service.HOME_CARE: _shared("hjemmetjenesten", "home care", _H),
        Service.MENTAL_HEALTH: _shared(
            "psykisk helse- og rustjenesten", "mental health and substance use service", _H
        ),
        Service.PHYSIOTHERAPY: _shared("fysioterapi", "physiotherapy", _H),
        Service.OCCUPATIONAL_THERAPY: _shared("ergoterapi", "occupational therapy", _H),
        Service.SPEECH_THERAPY: _shared("logoped", "speech and language therapy", _H),
        Service.HEALTH_STATION: _shared(
            "helsestasjon og skolehelsetjeneste", "health station and school health service", _H
        ),
        Service.HABILITATION: _shared(
            "habilitering og rehabilitering", "habilitation and rehabilitation", _H
        ),
        Service.RESPITE: _shared(
            "avlastning, dagtilbud og støttekontakt", "respite, day care and support contact", _H
        ),
        Service.OTHER_HEALTH_AND_CARE: _shared(
            "andre helse- og omsorgstjenester", "other health and care services", _H
        ),
        Service.KINDERGARTEN: _own("barnehage", "kindergarten", _E),
        Service.SCHOOL: _own("skole", "school", _E),
        Service.EDUCATIONAL_PSYCHOLOGY: _shared(
            "PPT (pedagogisk-psykologisk tjeneste)", "educational-psychological service (PPT)", _E
        ),
        Service.CHILD_WELFARE: _shared("barnevern", "child welfare", _C),
        Service.FAMILY_SERVICE: _shared(
            "barne- og familietjenesten", "child and family service", _C
        ),
        Service.NAV: _shared("NAV", "welfare and labour service (NAV)", Sector.WELFARE),
        Service.SPECIALIST_HEALTH: _shared(
            "spesialisthelsetjenesten", "specialist health service", Sector.SPECIALIST_HEALTH
        ),
        Service.GP: _own("fastlege", "regular GP", _H),
        Service.RELATIVES: _own("pårørende", "relatives", Sector.NETWORK),
    }
)


def services_of(values: Iterable[Service | str], *, field: str = "services") -> frozenset[Service]:
    """Turn services or their values into a frozenset, naming a bad entry by its position.

    Examples
    --------
    >>> sorted(s.value for s in services_of(["gp", Service.NAV]))
    ['gp', 'nav']
    >>> services_of(["gp", "dentist"])
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: services[1]: must be one of home-care, ..., got 'dentist'
    """
    if isinstance(values, str):
        values = (values,)  # a bare string is almost always a one-element list
    if not isinstance(values, Iterable):
        raise InvalidScenario(f"must be a list of services, got {values!r}", path=field)
    out: set[Service] = set()
    for i, value in enumerate(values):
        try:
            out.add(Service(value))
        except ValueError:
            choices = ", ".join(s.value for s in Service)
            raise InvalidScenario(
                f"must be one of {choices}, got {value!r}", path=f"{field}[{i}]"
            ) from None
    return frozenset(out)
