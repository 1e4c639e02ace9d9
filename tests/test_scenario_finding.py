"""Tests for hometeams.scenario._finding: every kind of finding, said in English and bokmål.

Each scenario is built so that it has one finding of the kind under test; the expected
sentences are written out by hand, the English as the library has always written them.
"""

from __future__ import annotations

import pytest

from hometeams._words import phrase
from hometeams.errors import InvalidArgument
from hometeams.model import Organisation, Staff, Team, User, Zone
from hometeams.scenario import Demand, Finding, Roster, Scenario, VisitPlan, audit
from hometeams.scenario._scenario import time_label

KARI = Staff("kari", profession="nurse", zone="n", competences=["medication"])
OLA = Staff("ola", profession="health-worker", zone="n", fte=0.75)
PER = Staff("per", profession="nurse", zone="s", competences=["medication"])
USERS = [User(f"n{i}", zone="n", team="north") for i in range(11)] + [User("s0", zone="s")]
TEAMS = [Team("north", members=["kari", "ola"], zones=["n"]), Team("south", members=["per"])]


def _scenario(pattern: dict[str, dict[str, str]], *visits: VisitPlan) -> Scenario:
    org = Organisation(
        "x", zones=[Zone("n"), Zone("s")], staff=[KARI, OLA, PER], teams=TEAMS, users=USERS
    )
    return Scenario(org, Roster.weekly(pattern), demand=Demand(visits=list(visits)))


def _one(found: tuple[Finding, ...], kind: str) -> Finding:
    [finding] = found
    assert finding.kind == kind
    assert finding.phrase is not None  # the library's own findings are words of the table
    return finding


def _said(finding: Finding) -> tuple[str, str]:
    return finding.message, finding.text("nb")


def _evenings(n: int) -> list[VisitPlan]:
    return [VisitPlan(f"n{i}", days="mon", times="16:00", duration=48) for i in range(n)]


@pytest.mark.parametrize(
    ("required", "english", "norwegian"),
    [
        (
            ["wound-care"],
            "no rostered staff member holds all of 'wound-care'; these jobs go unserved",
            (
                "ingen ansatte i turnus har kompetansen 'wound-care'; disse oppdragene blir ikke "
                "utført"
            ),
        ),
        (
            ["wound-care", "dementia", "palliation"],
            (
                "no rostered staff member holds all of 'dementia' and 'palliation' and "
                "'wound-care'; these jobs go unserved"
            ),
            (
                "ingen ansatte i turnus har alle kompetansene 'dementia' og 'palliation' og "
                "'wound-care'; disse oppdragene blir ikke utført"
            ),
        ),
    ],
)
def test_a_competence_nobody_rostered_holds(
    required: list[str], english: str, norwegian: str
) -> None:
    """One competence is named as such, several as all of them, joined by the language's and."""
    visit = VisitPlan("n0", days="mon", times="08:00", duration=10, required=required)
    finding = _one(_scenario({"kari": {"mon": "day"}}, visit).findings(), "competence")
    assert _said(finding) == (english, norwegian)


def test_jobs_with_nobody_rostered_at_all() -> None:
    """With an empty roster every job goes unserved, whatever it requires."""
    visit = VisitPlan("n0", days="mon", times="08:00", duration=10)
    finding = _one(_scenario({}, visit).findings(), "competence")
    assert _said(finding) == (
        "no rostered staff member is rostered; these jobs go unserved",
        "ingen ansatte står i turnus; disse oppdragene blir ikke utført",
    )


def test_a_two_person_visit_with_too_few_able_staff() -> None:
    """Kari and Ola are on shift, but only Kari has the medication competence."""
    visit = VisitPlan(
        "n0", days="mon", times="08:00", duration=10, required=["medication"], n_staff=2
    )
    s = _scenario({"kari": {"mon": "day"}, "ola": {"mon": "day"}}, visit)
    finding = _one(s.findings(), "two-person")
    assert _said(finding) == (
        "a two-person visit, but only 1 rostered staff member(s) can go",
        "besøket krever dobbeltbemanning, men bare 1 av de ansatte i turnus kan ta det",
    )


def test_a_visit_only_staff_who_may_not_go_are_on_shift_for() -> None:
    """At 20:00 only Ola is on shift, and he lacks the medication competence."""
    visit = VisitPlan("n1", days="mon", times="20:00", duration=10, required=["medication"])
    s = _scenario({"kari": {"mon": "day"}, "ola": {"mon": "evening"}}, visit)
    finding = _one(s.findings(), "coverage")
    assert _said(finding) == (
        "nobody who can make the visit is on shift within its window at 20:00 on Monday",
        "ingen som kan ta besøket, er på vakt innenfor tidsvinduet for mandag kl. 20:00",
    )


def test_a_visit_outside_every_shift_lists_three_times_and_counts_the_rest() -> None:
    """A 03:00 visit every day with only day shifts: seven times, three named, four counted."""
    visit = VisitPlan("n0", days=range(7), times="03:00", duration=10)
    finding = _one(_scenario({"kari": {"mon": "day"}}, visit).findings(), "outside-shift")
    assert _said(finding) == (
        (
            "the visit's window lies outside every rostered shift at 03:00 on Monday, 03:00 on "
            "Tuesday, 03:00 on Wednesday and 4 more"
        ),
        (
            "besøkets tidsvindu ligger utenfor alle vakter i turnusen: mandag kl. 03:00, tirsdag "
            "kl. 03:00, onsdag kl. 03:00 og 4 til"
        ),
    )


def test_a_time_in_a_multi_week_cycle_names_its_week() -> None:
    """Day 12 of a two-week cycle is the Saturday of week 2."""
    label = time_label(8 * 60, 12, 2)
    assert (label.text("en"), label.text("nb")) == (
        "08:00 on Saturday of week 2",
        "lørdag uke 2 kl. 08:00",
    )


def test_work_over_the_district_s_rostered_minutes() -> None:
    """11 x 48 = 528 minutes against Kari's 480: 48 (10 %) over; 1.1 busy needs 2 on duty.

    Zone s has no work and nobody rostered, so zone n is the one that falls short, by all 48.
    """
    s = _scenario({"kari": {"mon": "evening"}}, *_evenings(11))
    finding = _one(audit(s), "capacity")
    assert _said(finding) == (
        (
            "Monday evening: 528 staff-minutes of work (528 planned, 0 expected unplanned) against "
            "480 rostered: 48 minutes (10%) more than everyone on shift can do, before any travel; "
            "the analytic need is 2 staff on duty, the roster has 1.0; minutes over by zone: n 48"
        ),
        (
            "mandag kveld: 528 personalminutter arbeid (528 planlagt, 0 forventet uplanlagt) mot "
            "480 i turnus: 48 minutter (10 %) mer enn alle på vakt rekker, før reisetid; analytisk "
            "behov er 2 på vakt, turnusen har 1; minutter over per sone: n 48"
        ),
    )


def test_work_over_the_district_names_the_zones_that_fall_short() -> None:
    """Zone n 528 against 480 (48 over), zone s 500 against 480 (20 over)."""
    visits = [*_evenings(11), VisitPlan("s0", days="mon", times="16:00", duration=500)]
    s = _scenario({"kari": {"mon": "evening"}, "per": {"mon": "evening"}}, *visits)
    english, norwegian = _said(_one(audit(s), "capacity"))
    assert english.endswith("; minutes over by zone: n 48, s 20")
    assert norwegian.startswith("mandag kveld: 1028 personalminutter arbeid")
    assert norwegian.endswith("; minutter over per sone: n 48, s 20")


def test_work_over_one_zone_s_own_staff() -> None:
    """Zone n is 48 minutes over Kari's 480; Per's evening in zone s covers the district."""
    s = _scenario({"kari": {"mon": "evening"}, "per": {"mon": "evening"}}, *_evenings(11))
    finding = _one(audit(s), "capacity")
    assert _said(finding) == (
        (
            "Monday evening in zone 'n': 528 staff-minutes of work (528 planned, 0 expected "
            "unplanned) against 480 rostered: 48 minutes (10%) more than the zone's own staff on "
            "shift can do, before any travel; the analytic need is 2 staff on duty, the roster has "
            "1.0; only a model that lends staff between zones can meet it"
        ),
        (
            "mandag kveld i sone 'n': 528 personalminutter arbeid (528 planlagt, 0 forventet "
            "uplanlagt) mot 480 i turnus: 48 minutter (10 %) mer enn sonens egne ansatte på vakt "
            "rekker, før reisetid; analytisk behov er 2 på vakt, turnusen har 1; bare en modell "
            "som låner ansatte mellom soner kan dekke det"
        ),
    )


def test_a_roster_over_contract() -> None:
    """A 0.75 position is 28.125 h; five 8-hour days are 40 h: 11.875 h (42 %) over."""
    finding = _one(audit(_scenario({"ola": {"weekdays": "day"}})), "contract")
    assert _said(finding) == (
        (
            "rostered 40 hours a week against a 75 % position of 28.125 hours: 11.875 hours (42%) "
            "over"
        ),
        (
            "turnusført 40 timer i uka mot en 75 % stilling på 28,125 timer: 11,875 timer (42 %) "
            "over"
        ),
    )


def test_a_visit_its_own_team_cannot_make_under_fixed_teams() -> None:
    """At 20:00 only Per (team south) is on shift with medication; user n0 belongs to north."""
    visit = VisitPlan("n0", days="mon", times="20:00", duration=10, required=["medication"])
    s = _scenario({"kari": {"mon": "day"}, "per": {"mon": "evening"}}, visit)
    finding = _one(audit(s, fixed_teams=True), "coverage")
    assert _said(finding) == (
        (
            "under fixed teams only team 'north' may take the visit, and none of its members who "
            "can is on shift for it within its window at 20:00 on Monday"
        ),
        (
            "med faste team kan bare team 'north' ta besøket, og ingen av teamets medlemmer som "
            "kan ta det, er på vakt innenfor tidsvinduet for mandag kl. 20:00"
        ),
    )


def test_a_finding_made_from_a_phrase_has_its_english_as_message() -> None:
    """The message defaults to the phrase's English; another message, or none at all, is refused.

    The phrase is not compared: a finding is the same with or without it. A finding without a
    phrase says its message in every language.
    """
    said = phrase("findings.no_team")
    finding = Finding("organisation.staff.kari", phrase=said, kind="no-team")
    assert (finding.message, finding.text("en"), finding.text("nb")) == (
        "in no team",
        "in no team",
        "er ikke med i noe team",
    )
    assert Finding("p", "in no team", phrase=said) == Finding("p", phrase=said)
    assert Finding("p", "in no team") == Finding("p", phrase=said)  # the same finding, said
    with pytest.raises(InvalidArgument, match="message: must be the phrase's English text"):
        Finding("p", "not in a team", phrase=said)
    with pytest.raises(InvalidArgument, match="message: must not be empty"):
        Finding("p")
    assert Finding("p", "as typed").text("nb") == "as typed"
    with pytest.raises(InvalidArgument, match="lang: must be one of"):
        Finding("p", "as typed").text("de")
