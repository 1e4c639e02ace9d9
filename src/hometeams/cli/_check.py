"""``hometeams check``: validate an organisation or scenario file and take a first look at it.

A planner who has just typed in their district wants to know two things before anything else:
does the file hold together (every id known, no one giving more than their position to teams),
and is there anything odd about it (a user who needs dementia care where no one has that
competence, staff who are in no team). ``check`` answers both; a damaged file gets one line
naming the field and exit status 2.

The same command takes a scenario file (told apart by what is in it): then the summary covers
the organisation, the roster, the demand, the models and the experiment, and the findings add
what the roster cannot do (:meth:`~hometeams.io.ScenarioFile.audit`): the Monday evening with
528 minutes of visits for one 480-minute shift, the Saturday-morning insulin visit in a district
whose weekend roster has no nurse, the 0.75-FTE health worker rostered 40 hours a week. They
are shown most serious first (:mod:`hometeams.cli._findings`).
"""

from __future__ import annotations

import argparse
import math
from typing import Any

from hometeams._words import WORDS, counted, phrase, plain_number, words
from hometeams.cli._common import (
    EXIT_OK,
    Command,
    add_organisation_input,
    add_output_options,
    load_organisation,
    print_json,
)
from hometeams.cli._findings import contract_data, findings_lines, load_data, load_lines
from hometeams.cli._limits import add_limit_option, checked_size, limits_from
from hometeams.io import ScenarioFile, file_data, format_minutes, policy_kind, read_file
from hometeams.model import Organisation
from hometeams.scenario import Finding, SizeEstimate, contract_table, load_table

__all__ = ["COMMAND", "check_summary", "check_text"]


def _number(value: float, lang: str) -> str:
    return plain_number(round(value, 2), lang)  # FTE to 1/100: 0.75 positions are common


def _headcount(org: Organisation, lang: str, *, keys: tuple[str, ...]) -> str:
    """``3 staff (2.3 FTE), 1 team, 1 zone, ...`` for the counts named by ``keys``."""
    staff = f"{counted(len(org.staff), 'staff', lang)} ({_number(org.fte, lang)} "
    staff += f"{words('check.fte', lang)})"
    sizes = {"teams": org.teams, "zones": org.zones, "units": org.units, "users": org.users}
    return ", ".join([staff, *(counted(len(sizes[key]), key, lang) for key in keys)])


# -- organisation files ------------------------------------------------------------------------


def check_summary(org: Organisation) -> dict[str, object]:
    """Counts and findings for an organisation, as plain data (the ``--json`` output).

    Examples
    --------
    >>> from hometeams.model import Staff, User, Zone
    >>> org = Organisation("x", zones=[Zone("n")], staff=[Staff("kari", profession="nurse")],
    ...                    users=[User("u1", zone="n", needs=["dementia"])])
    >>> summary = check_summary(org)
    >>> summary["uncovered_needs"], summary["staff_in_no_team"]
    ({'u1': ['dementia']}, ['kari'])
    """
    return {
        "name": org.name,
        "staff": len(org.staff),
        "fte": round(org.fte, 6),
        "teams": len(org.teams),
        "zones": len(org.zones),
        "units": len(org.units),
        "users": len(org.users),
        "uncovered_needs": {
            user: sorted(needs) for user, needs in sorted(org.uncovered_needs().items())
        },
        "staff_in_no_team": _staff_in_no_team(org),
    }


def _staff_in_no_team(org: Organisation) -> list[str]:
    return [s.id for s in org.staff if not org.teams_of(s.id)]


def check_text(org: Organisation, *, source: str, lang: str = "en") -> str:
    """The text ``hometeams check`` prints for a valid organisation.

    Examples
    --------
    >>> from hometeams.model import Staff, Team
    >>> org = Organisation("Distrikt Nord", staff=[Staff("kari", profession="nurse", fte=0.8)],
    ...                    teams=[Team("north", members=["kari"])])
    >>> print(check_text(org, source="north.toml", lang="nb"))
    OK: north.toml: Distrikt Nord
      1 ansatt (0,8 årsverk), 1 team, 0 soner, 0 enheter, 0 brukere
    Ingen funn.
    """
    lines = [
        f"OK: {source}: {org.name}",
        "  " + _headcount(org, lang, keys=("teams", "zones", "units", "users")),
    ]
    uncovered = org.uncovered_needs()
    no_team = _staff_in_no_team(org)
    if not uncovered and not no_team:
        lines.append(words("check.none", lang))
        return "\n".join(lines)
    lines.append(words("check.findings", lang))
    if uncovered:
        lines.append(f"  {words('check.uncovered', lang)} ({len(uncovered)}):")
        lines += [f"    {user}: {', '.join(sorted(needs))}" for user, needs in uncovered.items()]
    if no_team:
        lines.append(f"  {words('check.no_team', lang)} ({len(no_team)}): {', '.join(no_team)}")
    return "\n".join(lines)


# -- scenario files ----------------------------------------------------------------------------


def _length(minutes: float, lang: str) -> str:
    """A length of time as a planner reads it: ``4 weeks`` / ``4 uker``."""
    text = format_minutes(minutes)
    if not isinstance(text, str):
        text = f"{minutes:g} min"
    number, _, unit = text.partition(" ")
    return f"{number} {words(f'unit.{unit}', lang)}" if f"unit.{unit}" in WORDS else text


def _origin(file: ScenarioFile, lang: str) -> str:
    """Where the scenario's organisation comes from: the file itself, another file, an example."""
    ref = file.organisation_ref
    if ref is None:
        return words("check.in_file", lang)
    if ref.file is not None:
        return words("check.file", lang, path=ref.file)
    return words("check.example", lang, key=ref.example)


def _models(file: ScenarioFile, lang: str) -> list[str]:
    """Each model as ``name (policy, own roster)``."""
    models = []
    for spec in file.models:
        parts = [words(f"check.part.{p}", lang) for p in spec.overrides]
        own = f", {words('check.own', lang, parts=' & '.join(parts))}" if parts else ""
        if math.isfinite(spec.max_lateness):  # the file's key: the same in both languages
            own += f", max_lateness {format_minutes(spec.max_lateness)}"
        models.append(f"{spec.name} ({policy_kind(spec.policy) or 'own policy'}{own})")
    return models


def _scenario_lines(file: ScenarioFile, *, lang: str) -> list[str]:
    """A few lines describing a scenario file: organisation, roster, demand, models."""
    s = file.scenario
    org = s.organisation
    warmup = (
        words("check.warmup", lang, warmup=_length(s.warmup, lang))
        if s.warmup
        else words("check.no_warmup", lang)
    )
    cycle = s.roster.cycle
    seed = file.experiment.seed
    models = _models(file, lang)
    return [
        f"  {words('check.organisation', lang)}: {org.name} ({_origin(file, lang)}): "
        + _headcount(org, lang, keys=("teams", "zones", "users")),
        "  "
        + words(
            "check.roster",
            lang,
            lines=counted(len(s.roster.lines), "lines", lang),
            cycle=words(f"cycle.{'one' if cycle == 1 else 'other'}", lang, n=cycle),
            horizon=_length(s.horizon, lang),
            warmup=warmup,
        ),
        "  "
        + words(
            "check.demand",
            lang,
            visits=counted(len(s.demand.visits), "visit_plans", lang),
            per_week=counted(sum(v.per_week() for v in s.demand.visits), "visits", lang),
            arrivals=counted(len(s.demand.arrivals), "arrivals", lang),
            alarms=counted(len(s.demand.alarms), "alarms", lang),
            discharges=counted(len(s.demand.discharges), "discharges", lang),
        ),
        "  " + words("check.models", lang, n=len(models), models=", ".join(models)),
        "  "
        + words(
            "check.experiment",
            lang,
            replications=counted(file.experiment.replications, "replications", lang),
            seed=words("check.fresh", lang) if seed is None else seed,
            baseline=file.baseline,
        ),
    ]


def _scenario_findings(file: ScenarioFile, summary: dict[str, Any]) -> list[Finding]:
    """The scenario's own findings (:meth:`ScenarioFile.audit`), then its organisation's."""
    return [*file.audit(), *_organisation_findings(summary)]


def _organisation_findings(summary: dict[str, Any]) -> list[Finding]:
    """Needs nobody has the competence for, and staff in no team, as findings."""
    found = [
        Finding(
            f"organisation.users.{user}",
            phrase=phrase("findings.needs", needs=tuple(needs)),
            kind="competence",
            severity="warning",
        )
        for user, needs in summary["uncovered_needs"].items()
    ]
    found += [
        Finding(
            f"organisation.staff.{staff}",
            phrase=phrase("findings.no_team"),
            kind="no-team",
            severity="info",
        )
        for staff in summary["staff_in_no_team"]
    ]
    return found


def _size_line(size: SizeEstimate, lang: str) -> str:
    """The estimated size of a replication: ``size: about 2,016 jobs and 203 shifts ...``."""
    sep = " " if lang == "nb" else ","  # plain spaces, as the erlang command prints them

    def count(value: float) -> str:
        return f"{round(value):,}".replace(",", sep)

    return "  " + words(
        "check.size",
        lang,
        jobs=count(size.jobs),
        shifts=count(size.shifts),
        mb=count(max(size.memory, 1.0)),
    )


def _check_scenario(file: ScenarioFile, args: argparse.Namespace) -> int:
    """``hometeams check`` of a scenario file: a summary and the findings, or JSON."""
    source = str(args.file)
    size = checked_size(file, source=source, limits=limits_from(args))
    org = file.scenario.organisation
    summary = check_summary(org)
    found = _scenario_findings(file, summary)
    if args.json:
        print_json(
            {
                "ok": True,
                "kind": "scenario",
                "source": source,
                "name": file.scenario.name,
                "organisation": summary,
                "horizon_minutes": file.scenario.horizon,
                "warmup_minutes": file.scenario.warmup,
                "size": {
                    "jobs": round(size.jobs),
                    "shifts": round(size.shifts),
                    "memory_mb": round(size.memory, 1),
                },
                "models": [
                    {
                        "name": spec.name,
                        "policy": policy_kind(spec.policy),
                        "own": list(spec.overrides),
                        "max_lateness_minutes": (
                            spec.max_lateness if math.isfinite(spec.max_lateness) else None
                        ),
                    }
                    for spec in file.models
                ],
                "experiment": file_data(file).get("experiment", {}),
                "findings": [finding.data() for finding in found],
                "load": load_data(load_table(file.scenario)),
                "contracts": contract_data(contract_table(file.scenario)),
            }
        )
        return EXIT_OK
    lines = [
        f"OK: {source}: {file.scenario.name or org.name}",
        *_scenario_lines(file, lang=args.lang),
        _size_line(size, args.lang),
        *findings_lines(found, lang=args.lang),
    ]
    if args.load:
        lines += ["", *load_lines(load_table(file.scenario), lang=args.lang)]
    print("\n".join(lines))
    return EXIT_OK


# -- the command -------------------------------------------------------------------------------


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_organisation_input(parser)
    add_output_options(parser)
    parser.add_argument(
        "--load",
        action="store_true",
        help="for a scenario, also print the offered load, rostered minutes and staff need of "
        "every zone, day and period",
    )
    add_limit_option(parser)


def _run(args: argparse.Namespace) -> int:
    if args.file is not None and args.example is None:
        found = read_file(args.file)  # the content tells an organisation from a scenario
        if isinstance(found, ScenarioFile):
            return _check_scenario(found, args)
        org, source = found, str(args.file)
    else:
        org, source = load_organisation(args, args.parser)  # --example, or a usage error
    if args.json:
        summary = check_summary(org)
        data = [finding.data() for finding in _organisation_findings(summary)]
        print_json({"ok": True, "source": source, **summary, "findings": data})
    else:
        print(check_text(org, source=source, lang=args.lang))
    return EXIT_OK


COMMAND = Command(
    name="check",
    help="validate an organisation or scenario file and list findings",
    description="Read an organisation file or a scenario file (told apart by what is in it), "
    "report the first problem (with its field path) if it is not valid, and otherwise print a "
    "summary and findings: users' needs that nobody has the competence for, and for a "
    "scenario, most serious first: periods whose work exceeds the rostered minutes (per zone, "
    "day and period, with the analytic staff need), visits outside every shift or that nobody "
    "on shift may take, and staff rostered over their position (37.5 hours a week for FTE "
    "1.0). --json lists every finding with its kind, severity and numbers, with the load and "
    "contract tables.",
    epilog="examples:\n"
    "  hometeams check my-district.toml\n"
    "  hometeams check --example D --lang nb\n"
    "  hometeams check my-district.toml --json\n"
    "  hometeams check my-district.toml --load --lang nb\n"
    "  hometeams check evening.toml\n"
    "\nexit status: 0 valid (with or without findings), 2 invalid or missing file",
    add_arguments=_add_arguments,
    run=_run,
)
