"""``hometeams check``: validate an organisation file and take a first look at it.

A planner who has just typed in their district wants to know two things before anything else:
does the file hold together (every id known, no one giving more than their position to teams),
and is there anything odd about it (a user who needs dementia care where no one has that
competence, staff who are in no team). ``check`` answers both; a damaged file gets one line
naming the field and exit status 2.
"""

from __future__ import annotations

import argparse

from hometeams.cli._common import (
    EXIT_OK,
    Command,
    add_organisation_input,
    add_output_options,
    load_organisation,
    print_json,
)
from hometeams.model import Organisation

__all__ = ["COMMAND", "check_summary", "check_text"]

_LABELS = {
    "en": {
        "staff": "staff",
        "fte": "FTE",
        "teams": "teams",
        "zones": "zones",
        "units": "units",
        "users": "users",
        "findings": "Findings:",
        "none": "No findings.",
        "uncovered": "needs that no staff member has the competence for",
        "no_team": "staff in no team",
    },
    "nb": {
        "staff": "ansatte",
        "fte": "årsverk",
        "teams": "team",
        "zones": "soner",
        "units": "enheter",
        "users": "brukere",
        "findings": "Funn:",
        "none": "Ingen funn.",
        "uncovered": "behov som ingen ansatt har kompetanse til",
        "no_team": "ansatte uten team",
    },
}


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


def _number(value: float, lang: str) -> str:
    text = f"{round(value, 2):g}"  # FTE to 1/100: 0.75 positions are common
    return text.replace(".", ",") if lang == "nb" else text


def check_text(org: Organisation, *, source: str, lang: str = "en") -> str:
    """The text ``hometeams check`` prints for a valid organisation.

    Examples
    --------
    >>> from hometeams.model import Staff, Team
    >>> org = Organisation("Distrikt Nord", staff=[Staff("kari", profession="nurse", fte=0.8)],
    ...                    teams=[Team("north", members=["kari"])])
    >>> print(check_text(org, source="north.toml", lang="nb"))
    OK: north.toml: Distrikt Nord
      1 ansatte (0,8 årsverk), 1 team, 0 soner, 0 enheter, 0 brukere
    Ingen funn.
    """
    words = _LABELS[lang]
    summary = check_summary(org)
    counts = ", ".join(
        f"{summary[key]} {words[key]}" for key in ("teams", "zones", "units", "users")
    )
    lines = [
        f"OK: {source}: {org.name}",
        f"  {summary['staff']} {words['staff']} ({_number(org.fte, lang)} {words['fte']}), "
        + counts,
    ]
    uncovered = org.uncovered_needs()
    no_team = _staff_in_no_team(org)
    if not uncovered and not no_team:
        lines.append(words["none"])
        return "\n".join(lines)
    lines.append(words["findings"])
    if uncovered:
        lines.append(f"  {words['uncovered']} ({len(uncovered)}):")
        lines += [f"    {user}: {', '.join(sorted(needs))}" for user, needs in uncovered.items()]
    if no_team:
        lines.append(f"  {words['no_team']} ({len(no_team)}): {', '.join(no_team)}")
    return "\n".join(lines)


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_organisation_input(parser)
    add_output_options(parser)


def _run(args: argparse.Namespace) -> int:
    org, source = load_organisation(args, args.parser)
    if args.json:
        print_json({"ok": True, "source": source, **check_summary(org)})
    else:
        print(check_text(org, source=source, lang=args.lang))
    return EXIT_OK


COMMAND = Command(
    name="check",
    help="validate an organisation file and list findings",
    description="Read an organisation file, report the first problem (with its field path) if "
    "it is not valid, and otherwise print a summary and findings such as users' needs that "
    "nobody in the organisation has the competence for.",
    epilog="examples:\n"
    "  hometeams check my-district.toml\n"
    "  hometeams check --example D --lang nb\n"
    "  hometeams check my-district.toml --json\n"
    "\nexit status: 0 valid, 2 invalid or missing file",
    add_arguments=_add_arguments,
    run=_run,
)
