"""Damaged scenario files: every rule refused with the file, the field path and the rule.

Each case changes one thing in ``scenario_files.BASE`` and names the path and the start of the
rule the error must carry. Every case is checked twice: through the library
(:func:`hometeams.io.loads_scenario` raises :class:`InvalidScenario` with that path) and through
the command (``hometeams check FILE`` exits 2 with that message on standard error, a few lines
at most, no traceback).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hometeams.cli import main
from hometeams.errors import InvalidScenario
from hometeams.io import loads_scenario
from scenario_files import BASE, replace_once

_EXPERIMENT = '[experiment]\nreplications = 5\nseed = 7\nbaseline = "fixed"\n'
_ORGANISATION = BASE[BASE.index("[organisation]") : BASE.index("[roster]")]
_MODELS = BASE[BASE.index("[[models]]") : BASE.index("[experiment]")]
_ABSENCES_LINE = BASE[: BASE.index("[absences]")].count("\n") + 1

# (case id, old text, new text, path, start of the rule)
CASES: list[tuple[str, str, str, str, str]] = [
    ("not-toml", 'horizon = "2 weeks"', "horizon = 2 weeks", "", "not valid TOML"),
    ("unknown-key", 'horizon = "2 weeks"', 'horizn = "2 weeks"', "",
     "unknown key 'horizn'; did you mean 'horizon'?"),
    ("unknown-nested-key", "rate = 0.2", "rate = 0.2\nwindw = 5", "demand.arrivals[0]",
     "unknown key 'windw'; did you mean 'window'?"),
    ("missing-roster", '[roster]\nlines = [', "[rota]\nlines = [", "roster",
     "required key is missing"),
    ("length-words", 'horizon = "2 weeks"', 'horizon = "two weeks"', "horizon",
     'must be a length of time like "4 weeks"'),
    ("length-zero", 'horizon = "2 weeks"\nwarmup = "2 days"', "horizon = 0", "horizon",
     "must be a finite number of minutes > 0, got 0.0"),
    ("warmup-too-long", 'warmup = "2 days"', 'warmup = "3 weeks"', "warmup",
     "must be >= 0 and less than the horizon (20160), got 30240.0"),
    ("table-expected", 'warmup = "2 days"', 'warmup = "2 days"\nclock = "07:00"', "clock",
     "must be a table, got the string '07:00'"),
    ("org-file-missing", _ORGANISATION, '[organisation]\nfile = "nope.toml"\n\n',
     "organisation.file", "cannot read the organisation file 'nope.toml'"),
    ("org-example-unknown", _ORGANISATION, '[organisation]\nexample = "F"\n\n',
     "organisation.example", "must be one of A, B, C, D, E"),
    ("org-file-and-tables", '[organisation]\nname = "Nord"',
     '[organisation]\nexample = "A"\nname = "Nord"', "organisation.name",
     "give the organisation's file, an example, or its tables here -- one of them"),
    ("org-inline-rule", 'id = "ola", profession = "health-worker", fte = 1.0',
     'id = "ola", profession = "health-worker", fte = 8', "organisation.staff[1].fte",
     "must be > 0 and <= 1, got 8.0"),
    ("roster-unknown-staff", '{ staff = "per", shift = "day" },',
     '{ staff = "per", shift = "day" },\n    { staff = "nina", shift = "night" },',
     "roster.lines[3].staff", "unknown staff member 'nina'"),
    ("roster-unknown-shift", '{ staff = "ola", shift = "evening" }',
     '{ staff = "ola", shift = "late" }', "roster.lines[1].shift", "unknown shift 'late'"),
    ("roster-overlap", '{ staff = "per", shift = "day" },',
     '{ staff = "per", shift = "day" },\n    { staff = "per", shift = "day", days = "mon" },',
     "roster.lines[3]", "staff 'per' is rostered on overlapping shifts"),
    ("roster-bad-day", 'shift = "day", days = "weekdays"', 'shift = "day", days = ["monday"]',
     "roster.lines[0].days[0]", "must be a weekday name (mon, tue, ..., sun)"),
    ("roster-not-a-member", '{ staff = "per", shift = "day" },',
     '{ staff = "per", shift = "day" },\n    { staff = "per", shift = "evening", team = "nord" },',
     "roster.lines[3].team", "staff 'per' is not a member of team 'nord'"),
    ("duration-mean", "mean = 40, sd = 10", "mean = -5, sd = 10",
     "demand.visits[1].duration.mean", "must be a finite number > 0, got -5"),
    ("duration-fixed", "duration = 30, required", "duration = -30, required",
     "demand.visits[0].duration", "must be a finite number > 0, got -30"),
    ("duration-kind", 'kind = "lognormal"', 'kind = "gamma"', "demand.visits[1].duration.kind",
     "must be one of fixed, exponential, lognormal, empirical, got 'gamma'"),
    ("visit-unknown-user", '{ user = "u1", times', '{ user = "u9", times',
     "demand.visits[0].user", "unknown user 'u9'"),
    ("visit-unknown-competence", 'required = ["medication"]', 'required = ["telepathy"]',
     "demand.visits[0].required", "unknown competence 'telepathy'"),
    ("visit-unknown-team", 'required = ["medication"] }',
     'required = ["medication"], team = "vest" }', "demand.visits[0].team", "unknown team 'vest'"),
    ("visit-bad-time", 'times = ["08:00", "20:00"]', 'times = ["8 o\'clock"]',
     "demand.visits[0].times[0]", "must be a clock time 'HH:MM'"),
    ("visit-two-people", 'required = ["medication"] }', 'required = ["medication"], n_staff = 3 }',
     "demand.visits[0].n_staff", "must be an integer from 1 to 2, got 3"),
    ("string-for-number", "rate = 0.2", 'rate = "0.2"', "demand.arrivals[0].rate",
     "must be a number, got the string '0.2'"),
    ("profile-length", "by_hour = [" + "0, " * 8 + "1, " * 8 + "0, " * 7 + "0]",
     "by_hour = [1, 1]", "demand.arrivals[0].by_hour", "must have 24 values, got 2"),
    ("sick-leave", "sick_leave = 0.05", "sick_leave = 1.5", "absences.sick_leave",
     "must be a probability in [0, 1], got 1.5"),
    ("absence-unknown-staff", '{ staff = "ola", start', '{ staff = "nina", start',
     "absences.intervals[0].staff", "unknown staff member 'nina'"),
    ("absence-ends-first", 'end = "8 days"', 'end = "6 days"', "absences.intervals[0].end",
     "must be after start (10080), got 8640"),
    ("travel-unknown-zone", 'destination = "sor"', 'destination = "atlantis"',
     "travel.legs[0].destination", "unknown zone 'atlantis'"),
    ("floor-broken", "minimum = 1", "minimum = 3", "floors[0]",
     "team 'nord' has 1 staff rostered on the day of Monday, below the floor of 3"),
    ("floor-unknown-team", 'team = "nord"\nperiod', 'team = "vest"\nperiod', "floors[0].team",
     "unknown team 'vest'"),
    ("clock-order", "[absences]", '[clock]\nday = "16:00"\n\n[absences]', "clock",
     "must satisfy 0 <= day < evening < night <= 1440 minutes"),
    ("misspelt-models", '[[models]]\nname = "fixed"', '[[modelz]]\nname = "fixed"', "",
     "unknown key 'modelz'; did you mean 'models'?"),
    ("missing-models", _MODELS, "", "models", "required key is missing"),
    ("no-models", 'warmup = "2 days"', 'warmup = "2 days"\nmodels = []', "models",
     "must hold at least one model: [[models]] with a name and a policy"),
    ("same-model-name", 'name = "overflow"', 'name = "fixed"', "models[1].name",
     "'fixed' is the name of models[0]; give each model its own"),
    ("policy-kind", 'policy = "fixed-teams"', 'policy = "fixed_teams"', "models[0].policy.kind",
     "unknown policy kind 'fixed_teams'; did you mean 'fixed-teams'?"),
    ("duration-kind-list", 'kind = "lognormal"', "kind = []", "demand.visits[1].duration.kind",
     "must be one of fixed, exponential, lognormal, empirical, got []"),
    ("policy-kind-table", 'policy = "fixed-teams"', "policy = { kind = { a = 1 } }",
     "models[0].policy.kind", "unknown policy kind {'a': 1}"),
    ("deep-arrays", 'horizon = "2 weeks"', 'horizon = "2 weeks"\nx = ' + "[" * 1000 + "]" * 1000,
     "line 3", "arrays and inline tables nested 33 deep; at most 32 are read"),
    ("deep-tables", 'horizon = "2 weeks"',
     'horizon = "2 weeks"\nx = ' + "{ a = " * 1000 + "1" + " }" * 1000,
     "line 3", "arrays and inline tables nested 33 deep; at most 32 are read"),
    ("dotted-header", "[absences]", "[" + ".".join(["a"] * 50_000) + "]\n\n[absences]",
     f"line {_ABSENCES_LINE}", "more than 64 dotted key parts in one line; at most 64 are read"),
    ("policy-missing-parameter", 'threshold = "30 min", ', "", "models[1].policy.threshold",
     "required key is missing for kind 'overflow'"),
    ("policy-negative-parameter", 'threshold = "30 min"', "threshold = -5",
     "models[1].policy.threshold", "must be finite and >= 0, got -5.0"),
    ("policy-order", '"lowest-care-level", "nearest"', '"lowest-care-level", "closest"',
     "models[1].policy.order[1]", "unknown ordering rule 'closest'"),
    ("policy-unknown-staff", 'policy = "fixed-teams"',
     'policy = { kind = "chained", primary = { nina = ["dementia"] } }',
     "models[0].policy.primary", "unknown staff member 'nina'"),
    ("model-roster", _EXPERIMENT,
     '[models.roster]\nlines = [{ staff = "nina", shift = "day" }]\n\n' + _EXPERIMENT,
     "models[1].roster.lines[0].staff", "unknown staff member 'nina'"),
    ("baseline", 'baseline = "fixed"', 'baseline = "pooled"', "experiment.baseline",
     "must be one of the models ['fixed', 'overflow'], got 'pooled'"),
    ("replications", "replications = 5", "replications = 1", "experiment.replications",
     "must be a whole number >= 2, got 1"),
    ("metric-name", "seed = 7", 'seed = 7\nmetrics = ["idle_shares"]', "experiment.metrics[0]",
     "unknown metric 'idle_shares'; did you mean 'idle_share'?"),
    ("precision-target", "seed = 7", "seed = 7\nprecision = { target = 0 }",
     "experiment.precision.target", "must be a finite number > 0, got 0.0"),
    ("warmup-in-experiment", "seed = 7", 'seed = 7\nwarmup = "1 week"', "experiment.warmup",
     "set the warm-up at the top of the file"),
]  # fmt: skip


def _damaged(old: str, new: str) -> str:
    text = replace_once(BASE, old, new)
    if new.startswith('warmup = "2 days"\nmodels'):  # one list of models, not two
        text = replace_once(text, _MODELS, "")
    return text


@pytest.mark.parametrize(("case", "old", "new", "path", "rule"), CASES, ids=[c[0] for c in CASES])
def test_library_names_the_field_and_the_rule(
    *, case: str, old: str, new: str, path: str, rule: str, tmp_path: Path
) -> None:
    """The error carries the file, the exact field path and the rule."""
    with pytest.raises(InvalidScenario) as info:
        loads_scenario(_damaged(old, new), source="nord.toml", base=tmp_path)
    err = info.value
    assert (err.source, err.path) == ("nord.toml", path), case
    assert err.rule.startswith(rule), err.rule


@pytest.mark.parametrize(("case", "old", "new", "path", "rule"), CASES, ids=[c[0] for c in CASES])
def test_command_refuses_with_status_2_and_a_short_message(
    *,
    case: str,
    old: str,
    new: str,
    path: str,
    rule: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``hometeams check`` exits 2, prints nothing on stdout and a few lines naming the field."""
    file = tmp_path / "nord.toml"
    file.write_text(_damaged(old, new), encoding="utf-8")
    status = main(["check", str(file)])
    out, err = capsys.readouterr()
    assert (status, out) == (2, ""), case
    where = f"{file}: {path}: " if path else f"{file}: "
    assert err.startswith(f"hometeams check: error: {where}{rule}"), err
    assert "Traceback" not in err
    assert len(err.splitlines()) <= 6


def test_a_damaged_organisation_file_is_named_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An error inside a referenced organisation file names that file and its field."""
    (tmp_path / "org.toml").write_text(
        'name = "x"\nstaff = [{ id = "kari", profession = "nurse", fte = 8 }]\n', encoding="utf-8"
    )
    text = BASE[: BASE.index("[organisation]")] + '[organisation]\nfile = "org.toml"\n\n'
    text += BASE[BASE.index("[roster]") :]
    path = tmp_path / "nord.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[0] == (
        f"hometeams check: error: {tmp_path / 'org.toml'}: staff[0].fte: must be > 0 and <= 1, "
        "got 8.0"
    )
    assert err.splitlines()[1] == f"  (the organisation that {path} names at organisation.file)"


def test_an_organisation_file_given_to_run_is_refused_with_advice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``run`` and ``compare`` need a scenario; an organisation file gets a pointer to how."""
    org = tmp_path / "org.toml"
    org.write_text('name = "x"\nstaff = [{ id = "kari", profession = "nurse" }]\n')
    for command in ("run", "compare"):
        assert main([command, str(org)]) == 2
        err = capsys.readouterr().err
        assert f"{org}: this is an organisation file; this command needs a scenario file" in err


def test_several_problems_are_one_error_with_notes() -> None:
    """Problems found together are reported as the first with a few more as notes."""
    text = replace_once(BASE, "rate = 0.2", 'rate = "0.2"')
    text = replace_once(text, "sick_leave = 0.05", 'sick_leave = "often"')
    with pytest.raises(InvalidScenario) as info:
        loads_scenario(text)
    assert info.value.path == "demand.arrivals[0].rate"
    assert info.value.__notes__ == [
        (
            "also absences.sick_leave: must be a probability or a table { probability = ..., "
            "staff = [...] }, got 'often'"
        )
    ]
