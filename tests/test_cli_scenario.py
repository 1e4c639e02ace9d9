"""Tests for ``hometeams check`` and ``hometeams analyse`` on scenario files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hometeams._words import phrase
from hometeams.cli import main
from hometeams.cli._check import _scenario_findings, check_summary
from hometeams.io import ScenarioFile, loads_scenario, read_scenario
from hometeams.io._file import _under_model
from hometeams.report import analysis_text
from hometeams.scenario import Finding
from scenario_files import BASE, replace_once

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples" / "scenarios").glob("*.toml"))

_ENGLISH = re.compile(
    r"\b(the|and|of|on|at|only|can|which|who|nobody|staff|shift|window|hours|minutes|rostered|"
    r"needs|visit|under|more|than|team \S+ may|in no team)\b"
)
"""Words of the English findings that no bokmål finding has (names in quotes aside)."""


def _english_in(text: str) -> list[str]:
    """The English words left in a finding's text, its quoted names removed."""
    return _ENGLISH.findall(re.sub(r"'[^']*'", "", text))


def _file(tmp_path: Path, text: str = BASE) -> Path:
    path = tmp_path / "nord.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def test_check_summarises_a_scenario_and_lists_its_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scenario file is told by its content; the summary is counted by hand from ``BASE``."""
    path = _file(tmp_path)
    status, out, err = _run(["check", str(path)], capsys)
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        f"OK: {path}: Distrikt Nord",
        "  organisation: Nord (written in the file): 3 staff (3 FTE), 2 teams, 2 zones, 2 users",
        "  roster: 3 lines, a 1-week cycle; 2 weeks simulated, the first 2 days a warm-up",
        (
            "  demand: 2 visit plans (16 visits a week), 1 arrival process, 0 alarm sources, "
            "0 discharge sources"
        ),
        "  models (2): fixed (fixed-teams), overflow (overflow)",
        "  experiment: 5 replications, seed 7, baseline fixed",
        "  size: about 54 jobs and 41 shifts a replication, about 1 MB",  # 54.4 and 15 * 19 / 7
        # Kari works five day shifts (40 h, 2.5 h or 7 % over 37.5 h: info); Ola seven
        # evenings and Per seven days (56 h, 18.5 h or 49 % over: warnings).
        "Findings (1 error, 2 warnings, 1 info):",
        (
            "  error: demand.visits[0].times: nobody who can make the visit is on shift within "
            "its window at 08:00 on Saturday, 08:00 on Sunday"
        ),
        (
            "  warning: organisation.staff.ola.fte: rostered 56 hours a week against a 100 % "
            "position of 37.5 hours: 18.5 hours (49%) over"
        ),
        (
            "  warning: organisation.staff.per.fte: rostered 56 hours a week against a 100 % "
            "position of 37.5 hours: 18.5 hours (49%) over"
        ),
        "  info: 1 contract finding (--json lists them)",
    ]


def test_check_in_norwegian_and_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--lang nb`` words the summary in bokmål; ``--json`` gives the same as data."""
    path = _file(tmp_path)
    _, out, _ = _run(["check", str(path), "--lang", "nb"], capsys)
    assert "  turnus: 3 linjer, 1 ukes syklus; 2 uker simulert, de første 2 dager innkjøring" in out
    assert "Funn (1 feil, 2 advarsler, 1 merknad):" in out.splitlines()
    status, out, _ = _run(["check", str(path), "--json"], capsys)
    data = json.loads(out)
    assert status == 0
    assert (data["kind"], data["horizon_minutes"], data["warmup_minutes"]) == (
        "scenario", 20160.0, 2880.0
    )  # fmt: skip
    assert [m["policy"] for m in data["models"]] == ["fixed-teams", "overflow"]
    assert data["experiment"] == {"replications": 5, "seed": 7, "baseline": "fixed"}
    assert [(f["kind"], f["severity"]) for f in data["findings"]] == [
        ("coverage", "error"),
        ("contract", "info"),
        ("contract", "warning"),
        ("contract", "warning"),
    ]


def test_check_counts_one_of_a_kind_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One roster line, visit plan, weekly visit and arrival process read in the singular."""
    text = replace_once(BASE, '    { staff = "ola", shift = "evening" },\n', "")
    text = replace_once(text, '    { staff = "per", shift = "day" },\n', "")
    u2_visits = (
        '    { user = "u2", days = ["mon", "thu"], times = "10:00", '
        'duration = { kind = "lognormal", mean = 40, sd = 10 } },\n'
    )
    text = replace_once(text, u2_visits, "")
    text = replace_once(text, 'times = ["08:00", "20:00"]', 'days = ["mon"], times = "08:00"')
    path = _file(tmp_path, text)
    _, out, _ = _run(["check", str(path)], capsys)
    lines = out.splitlines()
    assert lines[2] == (
        "  roster: 1 line, a 1-week cycle; 2 weeks simulated, the first 2 days a warm-up"
    )
    assert lines[3] == (
        "  demand: 1 visit plan (1 visit a week), 1 arrival process, 0 alarm sources, "
        "0 discharge sources"
    )
    _, out, _ = _run(["check", str(path), "--lang", "nb"], capsys)
    lines = out.splitlines()
    assert lines[2].startswith("  turnus: 1 linje, ")
    assert lines[3] == (
        "  etterspørsel: 1 besøksplan (1 besøk i uka), 1 ankomstprosess, 0 alarmkilder, "
        "0 utskrivingskilder"
    )


def test_check_reports_the_organisation_s_own_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Users' needs nobody has the competence for are findings of the scenario's check too."""
    user = '{ id = "u2", zone = "sor", team = "sor"'
    text = replace_once(BASE, f"{user} }}", f'{user}, needs = ["palliation"] }}')
    _, out, _ = _run(["check", str(_file(tmp_path, text))], capsys)
    assert "  warning: organisation.users.u2: needs palliation, which no staff member has" in out
    _, out, _ = _run(["check", str(_file(tmp_path, text)), "--lang", "nb"], capsys)
    assert (
        "  advarsel: organisation.users.u2: har behov for palliation, som ingen ansatte har "
        "kompetanse i\n"
    ) in out


def test_analyse_a_scenario_analyses_its_organisation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``hometeams analyse SCENARIO`` is the analysis of the scenario's organisation."""
    path = _file(tmp_path)
    status, out, _ = _run(["analyse", str(path)], capsys)
    assert status == 0
    assert out == analysis_text(loads_scenario(BASE).scenario.organisation, lang="en") + "\n"


def test_an_organisation_file_is_still_checked_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Content decides: an organisation file gets the organisation check."""
    path = tmp_path / "org.toml"
    path.write_text('name = "x"\nstaff = [{ id = "kari", profession = "nurse" }]\n')
    status, out, _ = _run(["check", str(path)], capsys)
    assert status == 0
    assert out.splitlines()[0] == f"OK: {path}: x"


def test_check_json_flags_an_overloaded_scenario_where_and_by_how_much(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """u1's two daily visits made 600 minutes long overload Ola's evening and Per's weekends.

    Evening: 600 planned + the arrivals' 15-16 hour (0.2 an hour x 20 min = 4) = 604 against
    Ola's 480: 124 over, every day. Saturday day: 600 + 7 hours x 0.2 x 20 = 628 against Per's
    480: 148 over. On weekdays Kari's 480 make it 960 in all, but zone nord alone has 600 + half
    the arrivals' 28 (one of the two users lives there) = 614 against Kari's 480: 134 over.
    """
    text = replace_once(
        BASE,
        'times = ["08:00", "20:00"], duration = 30',
        'times = ["08:00", "20:00"], duration = 600',
    )
    status, out, _ = _run(["check", str(_file(tmp_path, text)), "--json"], capsys)
    assert status == 0
    found = json.loads(out)["findings"]
    assert {"kind", "severity", "path", "message", "numbers"} <= set(found[0])
    capacity = {
        (f["numbers"]["weekday"], f["numbers"]["period"]): f
        for f in found
        if f["kind"] == "capacity" and f["severity"] == "error"
    }
    assert sorted(capacity) == sorted(
        [(day, "evening") for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                      "Saturday", "Sunday")]
        + [("Saturday", "day"), ("Sunday", "day")]
    )  # fmt: skip
    monday = capacity[("Monday", "evening")]
    assert (monday["severity"], monday["path"]) == ("error", "roster")
    assert monday["numbers"]["load_minutes"] == pytest.approx(604)
    assert monday["numbers"]["rostered_minutes"] == 480
    assert monday["numbers"]["excess_minutes"] == pytest.approx(124)
    assert capacity[("Saturday", "day")]["numbers"]["excess_minutes"] == pytest.approx(148)
    zones = [f for f in found if f["kind"] == "capacity" and f["severity"] == "warning"]
    assert [f["numbers"]["weekday"] for f in zones] == [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"
    ]  # fmt: skip
    assert {f["path"] for f in zones} == {"organisation.zones.nord"}
    assert [f["numbers"]["excess_minutes"] for f in zones] == pytest.approx([134] * 5)
    [ola] = [f for f in found if f["path"] == "organisation.staff.ola.fte"]
    assert (ola["kind"], ola["severity"], ola["numbers"]["over_hours"]) == (
        "contract", "warning", 18.5
    )  # fmt: skip


def test_check_text_leads_with_the_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Errors come first, all shown; five warnings of a kind are shown; info is counted.

    The overloaded ``BASE`` of the test above: 1 coverage and 9 capacity errors; 5 zone
    capacity and 2 contract warnings; 1 contract info.
    """
    text = replace_once(
        BASE,
        'times = ["08:00", "20:00"], duration = 30',
        'times = ["08:00", "20:00"], duration = 600',
    )
    _, out, _ = _run(["check", str(_file(tmp_path, text))], capsys)
    lines = out.splitlines()
    start = lines.index("Findings (10 errors, 7 warnings, 1 info):")
    severities = [line.split(":")[0].strip() for line in lines[start + 1 :]]
    assert severities == ["error"] * 10 + ["warning"] * 7 + ["info"]
    assert lines[start + 2].startswith("  error: roster: Monday evening: 604 staff-minutes")


def test_check_load_prints_the_table_by_zone_day_and_period(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--load`` prints each zone's load, rostered minutes and need by day and period.

    BASE's Monday evening is u1's 30-minute visit and 4 expected minutes of arrivals (0.2 an
    hour of 20 minutes in the 15-16 hour) against Ola's 480 minutes. Busy 34 / 480 = 0.07
    staff; P(Poisson(0.07) = 0) = 0.93 >= 0.9, so the need is 0.
    """
    status, out, _ = _run(["check", str(_file(tmp_path)), "--load"], capsys)
    assert status == 0
    rows = {tuple(line.split()[:3]): line.split()[3:] for line in out.splitlines()}
    assert rows[("(all)", "Monday", "evening")] == ["30", "4", "34", "480", "0.1", "1", "0"]
    # Zone nord: u1 and half the arrivals (u1 of u1, u2); Ola lives in nord.
    assert rows[("nord", "Monday", "evening")] == ["30", "2", "32", "480", "0.1", "1", "0"]
    # Saturday day: Kari is off, so only Per (zone sor) is rostered.
    assert rows[("nord", "Saturday", "day")][3] == "0"


def test_check_in_norwegian_words_capacity_and_contract_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With ``--lang nb`` the overloaded ``BASE``'s capacity and contract findings are bokmål."""
    text = replace_once(
        BASE,
        'times = ["08:00", "20:00"], duration = 30',
        'times = ["08:00", "20:00"], duration = 600',
    )
    _, out, _ = _run(["check", str(_file(tmp_path, text)), "--lang", "nb"], capsys)
    assert (
        "  feil: roster: mandag kveld: 604 personalminutter arbeid (600 planlagt, 4 forventet "
        "uplanlagt) mot 480 i turnus: 124 minutter (26 %) mer enn alle på vakt rekker, før "
        "reisetid;"
    ) in out
    assert (
        "  advarsel: organisation.staff.ola.fte: turnusført 56 timer i uka mot en 100 % stilling "
        "på 37,5 timer: 18,5 timer (49 %) over\n"
    ) in out


def test_check_shows_a_model_s_drop_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A model's ``max_lateness`` is shown beside its policy, and in minutes in the JSON."""
    policy = 'policy = { kind = "overflow", threshold = "30 min"'
    text = replace_once(BASE, policy, 'max_lateness = "90 min"\n' + policy)
    path = _file(tmp_path, text)
    _, out, _ = _run(["check", str(path)], capsys)
    assert "  models (2): fixed (fixed-teams), overflow (overflow, max_lateness 90 min)" in out
    status, out, _ = _run(["check", str(path), "--json"], capsys)
    data = json.loads(out)
    assert status == 0
    assert [m["max_lateness_minutes"] for m in data["models"]] == [None, 90.0]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
def test_every_finding_of_the_examples_is_bokmal_under_lang_nb(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every finding ``check`` makes of an example, shown or counted, has its bokmål text.

    The lines ``check --lang nb`` prints and the texts of all the findings behind them (also
    those only counted) keep no English word outside the quoted names of the data.
    """
    status, out, _ = _run(["check", str(path), "--lang", "nb"], capsys)
    assert status == 0
    shown = [line for line in out.splitlines() if line.startswith(("  feil:", "  advarsel:"))]
    assert all(not _english_in(line.partition(": ")[2].partition(": ")[2]) for line in shown)
    file = read_scenario(path)
    assert isinstance(file, ScenarioFile)
    for finding in _scenario_findings(file, check_summary(file.scenario.organisation)):
        assert finding.phrase is not None, finding
        assert not _english_in(finding.text("nb")), finding.text("nb")
        assert finding.text("en") == finding.message


def test_the_examples_have_findings_of_five_kinds_and_of_one_model() -> None:
    """The sweep above is not empty: the examples hold findings of five kinds, one a model's."""
    kinds, of_model = set(), []
    for path in EXAMPLES:
        file = read_scenario(path)
        assert isinstance(file, ScenarioFile)
        found = _scenario_findings(file, check_summary(file.scenario.organisation))
        kinds |= {f.kind for f in found}
        of_model += [f for f in found if f.message.startswith("under model ")]
    assert kinds >= {"capacity", "competence", "contract", "coverage", "no-team"}
    assert of_model
    assert all(f.text("nb").startswith("i modell '") for f in of_model)


def test_the_organisation_s_findings_and_a_model_s_in_both_languages() -> None:
    """A need nobody covers, a person in no team, and a finding of one model, said by hand."""
    needs = Finding(
        "organisation.users.u2", phrase=phrase("findings.needs", needs=("dementia", "palliation"))
    )
    assert (needs.message, needs.text("nb")) == (
        "needs dementia, palliation, which no staff member has",
        "har behov for dementia, palliation, som ingen ansatte har kompetanse i",
    )
    alone = Finding("organisation.staff.kari", phrase=phrase("findings.no_team"))
    assert (alone.message, alone.text("nb")) == ("in no team", "er ikke med i noe team")
    under = _under_model(alone, "fixed teams", 0)
    assert (under.message, under.text("nb")) == (
        "under model 'fixed teams' (models[0]): in no team",
        "i modell 'fixed teams' (models[0]): er ikke med i noe team",
    )
    plain = _under_model(Finding("roster", "as typed"), "pooled", 1)
    assert (plain.message, plain.text("nb")) == (
        "under model 'pooled' (models[1]): as typed",
        "i modell 'pooled' (models[1]): as typed",
    )


def test_run_warns_of_what_cannot_be_done_in_the_language_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``run --lang nb`` warns of the weekend visits nobody able is on shift for in bokmål."""
    status, _, err = _run(["run", str(_file(tmp_path)), "--model", "fixed", "--lang", "nb"], capsys)
    assert status == 0
    assert (
        "demand.visits[0].times: ingen som kan ta besøket, er på vakt innenfor tidsvinduet for "
        "lørdag kl. 08:00, søndag kl. 08:00\n"
    ) in err
