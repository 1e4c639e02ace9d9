"""Tests of the services and sectors around a user with complex needs."""

from __future__ import annotations

import pytest

from hometeams.errors import InvalidScenario
from hometeams.followup import Sector, Service
from hometeams.followup._model.services import services_of


def test_every_service_has_labels_sector_and_flags() -> None:
    """Each service has a Norwegian and an English label and a sector."""
    for service in Service:
        assert service.label("nb")
        assert service.label("en")
        assert isinstance(service.sector, Sector)
        assert isinstance(service.shared, bool)


def test_norwegian_labels_match_the_sources() -> None:
    """Labels use the terms of the sources: fastlege, pårørende, barnevern, NAV."""
    assert Service.GP.label("nb") == "fastlege"
    assert Service.RELATIVES.label("nb") == "pårørende"
    assert Service.CHILD_WELFARE.label("nb") == "barnevern"
    assert Service.NAV.label("nb") == "NAV"


def test_only_relatives_are_not_a_service() -> None:
    """Relatives are in the team but do not count as a service; the GP does."""
    assert [s for s in Service if not s.is_service] == [Service.RELATIVES]


def test_personal_actors_are_gp_relatives_school_and_kindergarten() -> None:
    """Exactly the GP, relatives, school and kindergarten are one actor per user."""
    personal = {s for s in Service if not s.shared}
    assert personal == {Service.GP, Service.RELATIVES, Service.SCHOOL, Service.KINDERGARTEN}


def test_services_of_accepts_values_and_a_bare_string() -> None:
    """Values, members and a single bare string all become a frozenset of services."""
    assert services_of(["gp", Service.NAV]) == {Service.GP, Service.NAV}
    assert services_of("gp") == {Service.GP}


def test_unknown_service_is_named_by_position() -> None:
    """An unknown service is refused with its position and the offending value."""
    with pytest.raises(InvalidScenario) as info:
        services_of(["nav", "dentist"], field="core")
    assert info.value.path == "core[1]"
    assert "'dentist'" in info.value.rule


def test_services_must_be_a_collection() -> None:
    """Something that is not a list of services is refused, naming the field."""
    with pytest.raises(InvalidScenario) as info:
        services_of(None, field="services")  # type: ignore[arg-type]
    assert info.value.path == "services"
