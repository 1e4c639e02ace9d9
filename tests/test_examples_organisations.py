"""The five case municipalities A-E as example organisations (``hometeams.io._examples``).

Expected numbers come from the SOF report (seed 000, §3.2), cited by line, not from the files.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hometeams.errors import InvalidArgument
from hometeams.io import EXAMPLES, example_organisation, example_text, read_organisation
from hometeams.model import Organisation

ROOT = Path(__file__).parent.parent
PACKAGED = ROOT / "src" / "hometeams" / "data" / "organisations"
EXAMPLES_DIR = ROOT / "examples" / "organisations"


def _fte(org: Organisation, **where: str) -> float:
    """Total FTE of the staff whose attributes match ``where`` (e.g. ``unit="north"``)."""
    return sum(s.fte for s in org.staff if all(getattr(s, k) == v for k, v in where.items()))


def _professions(org: Organisation, team: str) -> list[str]:
    return sorted(org.staff_by_id[m].profession for m in org.teams_by_id[team].staff_ids)


# -- the files --------------------------------------------------------------------------------


@pytest.mark.parametrize("key", EXAMPLES)
def test_examples_copy_is_identical_to_the_packaged_file(key: str) -> None:
    """``examples/organisations`` holds byte-identical copies of the packaged source of truth."""
    name = f"case_{key.lower()}.toml"
    packaged = (PACKAGED / name).read_bytes()
    assert (EXAMPLES_DIR / name).read_bytes() == packaged, (
        f"examples/organisations/{name} differs from src/hometeams/data/organisations/{name}; "
        "edit the packaged file and copy it over"
    )
    assert example_text(key).encode() == packaged


@pytest.mark.parametrize("key", EXAMPLES)
def test_example_loads_from_the_package_and_from_examples(key: str) -> None:
    """Each example is a valid organisation, the same whichever copy is read."""
    org = example_organisation(key)
    assert org.name == f"Kommune {key}"
    assert read_organisation(EXAMPLES_DIR / f"case_{key.lower()}.toml") == org


@pytest.mark.parametrize("name", ["D", "d", "case-d", "case_d", " CASE_D.toml "])
def test_example_names(name: str) -> None:
    """An example is found by its letter or its file-style name, in any case."""
    assert example_organisation(name) is example_organisation("D")


@pytest.mark.parametrize("name", ["F", "", "case-f", "kommune d"])
def test_unknown_example_is_refused(name: str) -> None:
    """An unknown name is an ``InvalidArgument`` listing the examples."""
    with pytest.raises(InvalidArgument, match="A, B, C, D, E"):
        example_organisation(name)


_NUMBER = re.compile(r"\b(fte|share|care_level|age)\s*=\s*[0-9]")
_CITED = re.compile(r"L[0-9]{3,4}|assumption")


@pytest.mark.parametrize("key", EXAMPLES)
def test_every_number_is_cited_or_marked_as_an_assumption(key: str) -> None:
    """The comment governing each line with a number cites a seed line or says "assumption".

    The governing comment is the nearest comment above the line, or a comment on the line.
    """
    lines = example_text(key).splitlines()
    comment = ""
    unexplained = []
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith("#"):
            # A comment block: the lines above it in the same block count too.
            previous = lines[number - 2].strip() if number > 1 else ""
            comment = (comment + " " + stripped) if previous.startswith("#") else stripped
            continue
        if _NUMBER.search(line):
            on_line = line.partition("#")[2]
            if not _CITED.search(comment + on_line):
                unexplained.append(f"{number}: {stripped}")
    assert not unexplained, "\n".join(unexplained)


# -- numbers from the report ------------------------------------------------------------------


def test_case_a() -> None:
    """A: two districts, a mental health team of 6.5 FTE, home rehabilitation twice a week.

    Two districts (L524); mental health team 6.5 FTE (L554); home rehabilitation of two
    occupational therapists and two health workers with 20 % (L571-573), two days a week (L574).
    """
    org = example_organisation("A")
    assert len(org.zones) == 2
    assert org.team_fte("mental-health") == pytest.approx(6.5)
    assert "pedagogue" in _professions(org, "mental-health")
    rehab = org.teams_by_id["home-rehab"]
    assert _professions(org, "home-rehab") == [
        "health-worker",
        "health-worker",
        "occupational-therapist",
        "occupational-therapist",
    ]
    health_workers = [
        m for m in rehab.members if org.staff_by_id[m.staff].profession == "health-worker"
    ]
    assert [org.share("home-rehab", m.staff) for m in health_workers] == [0.2, 0.2]
    assert len(rehab.days) == 2
    assert rehab.decision_based


def test_case_b() -> None:
    """B: a memory team of five, a ROP team of five, a small welfare technology team.

    Two zones (L639); memory team of five, a coordinator at 80 % and a nurse at 100 %
    (L651-652); ROP team of five full-time staff (L665-666); welfare technology team of three to
    five led by an engineer (L658-660); no palliative or reablement team (L646-647).
    """
    org = example_organisation("B")
    assert len(org.zones) == 2
    memory = org.teams_by_id["memory"]
    assert len(memory.members) == 5
    assert sorted(org.share("memory", m) for m in memory.staff_ids)[-2:] == [0.8, 1.0]
    assert _professions(org, "rop") == [
        "health-worker",
        "health-worker",
        "nurse",
        "psychologist",
        "social-worker",
    ]
    assert all(org.share("rop", m) == 1.0 for m in org.teams_by_id["rop"].staff_ids)
    welfare = org.teams_by_id["welfare-technology"]
    assert 3 <= len(welfare.members) <= 5
    assert org.staff_by_id[welfare.leader or ""].profession == "engineer"
    assert not {t.type for t in org.teams} & {"palliative"}


def test_case_c() -> None:
    """C: North and South of 42 FTE in primary groups, a dementia and an intervention team.

    North and South of about 42 FTE each (L731-732); five and four primary groups plus an
    intake group each (L725-726); every primary-group user has a nurse or health worker as
    primary contact (L728-731); dementia team of two 20 % positions (L745-746); intervention
    team of three full positions (L754), days only on weekdays (L807-808).
    """
    org = example_organisation("C")
    assert _fte(org, unit="north") == pytest.approx(42, abs=1)
    assert _fte(org, unit="south") == pytest.approx(42, abs=1)
    north = [t for t in org.teams if t.unit == "north"]
    south = [t for t in org.teams if t.unit == "south"]
    assert sorted(t.type or "primary" for t in north) == ["intake"] + ["primary"] * 5
    assert sorted(t.type or "primary" for t in south) == ["intake"] + ["primary"] * 4
    for user in org.users:
        if user.team in {t.id for t in north + south}:
            contact = org.staff_by_id[user.primary_contact or ""]
            assert contact.profession in {"nurse", "health-worker", "specialist-nurse"}
    dementia = org.teams_by_id["dementia"]
    assert [org.share("dementia", m) for m in dementia.staff_ids] == [0.2, 0.2]
    intervention = org.teams_by_id["intervention"]
    assert len(intervention.members) == 3
    assert all(org.staff_by_id[m].fte == 1.0 for m in intervention.staff_ids)
    assert intervention.decision_based
    assert {p.value for p in intervention.periods} == {"day"}
    assert intervention.days == frozenset(range(5))


def test_case_d() -> None:
    """D: four districts of 17 FTE, a memory team, Trygt hjem, a welfare technology team.

    Four districts of about 17 FTE (L862); memory team of three occupational therapists and
    a nurse with further education in geriatrics (L868-869); Trygt hjem 3.6 FTE over four people
    (L875-876); welfare technology team of three with nursing competence (L883); a full-time
    nutritionist who is not a team (L888-889).
    """
    org = example_organisation("D")
    for district in ("d1", "d2", "d3", "d4"):
        assert _fte(org, unit=district) == pytest.approx(17, abs=1)
    assert _professions(org, "memory") == ["occupational-therapist"] * 3 + ["specialist-nurse"]
    assert "geriatrics" in org.staff_by_id["mem-nurse"].competences
    trygt = org.teams_by_id["trygt-hjem"]
    assert len(trygt.members) == 4
    assert org.team_fte("trygt-hjem") == pytest.approx(3.6)
    assert {"nurse", "occupational-therapist", "physiotherapist"} <= set(
        _professions(org, "trygt-hjem")
    )
    welfare = org.teams_by_id["welfare-technology"]
    assert len(welfare.members) == 3
    assert all("nursing" in org.staff_by_id[m].competences for m in welfare.staff_ids)
    nutritionists = [s for s in org.staff if s.profession == "nutritionist"]
    assert [(s.fte, org.teams_of(s.id)) for s in nutritionists] == [(1.0, ())]


def test_case_e() -> None:
    """E: five zones of 17-20 FTE, a night patrol and an 18.5 FTE early-intervention unit.

    Five zones of 17-20 FTE (L1007-1008) and a night patrol (L1009-1010); an early
    intervention unit of 18.5 FTE (L1031) with a cancer coordinator, a nutritionist, a dementia
    coordinator, a senior adviser and a physiotherapist (L1018-1020); a response centre staffed
    by a nurse every day in the daytime (L1028-1029).
    """
    org = example_organisation("E")
    assert len(org.zones) == 5
    for zone in org.zones:
        assert 17 - 1e-9 <= _fte(org, unit=zone.id) <= 20 + 1e-9
    night = [t for t in org.teams if t.type == "night-patrol"]
    assert len(night) == 1
    assert {p.value for p in night[0].periods} == {"night"}
    assert _fte(org, unit="early") == pytest.approx(18.5)
    professions = {s.profession for s in org.staff if s.unit == "early"}
    assert {"nutritionist", "senior-adviser", "physiotherapist", "case-officer"} <= professions
    early = [s for s in org.staff if s.unit == "early"]
    assert any("palliation" in s.competences for s in early)
    assert any("dementia" in s.competences for s in early)
    response = org.teams_by_id["response-centre"]
    assert response.days == frozenset(range(7))
    assert {p.value for p in response.periods} == {"day"}
    assert all(org.staff_by_id[m].profession == "nurse" for m in response.staff_ids)


@pytest.mark.parametrize("key", EXAMPLES)
def test_examples_round_trip_through_the_canonical_form(key: str) -> None:
    """Writing an example and reading it back loses nothing but comments."""
    from hometeams.io import dumps_organisation, loads_organisation

    org = example_organisation(key)
    assert loads_organisation(dumps_organisation(org)) == org
