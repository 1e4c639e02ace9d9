"""``hometeams import``: a district's workbook (or folder of CSV files) as a scenario file.

The planner exports the staff list, the users, the visits and the rota into one workbook -- the
sheets of ``hometeams template`` -- and one command turns it into a checked scenario file, with
comments saying what each part is and two organisation models to compare (fixed teams and
pooled)::

    hometeams import distrikt.xlsx -o distrikt.toml --lang nb

The file is read back before it is written and must come back equal, so what ``check`` and
``compare`` see is what the workbook says. A damaged sheet gets one line naming the sheet, the
row and the column, and exit status 2; nothing is written over an existing file without
``--overwrite``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hometeams._words import counted, words
from hometeams.cli._common import EXIT_OK, Command, check_free

__all__ = ["COMMAND", "commented"]

_REPLICATIONS = 10
_SHOWN = 3
"""Findings printed after an import; ``hometeams check`` lists them all."""
_SEED = 2026

_PARTS = {
    "[organisation]": "import.part.organisation",
    "[[organisation.teams]]": "import.part.teams",
    "[roster]": "import.part.roster",
    "[[demand.visits]]": "import.part.visits",
    "[travel]": "import.part.travel",
    "[[models]]": "import.part.models",
    "[experiment]": "import.part.experiment",
}
"""The comment above each part of the file, by the part's header line."""
_NOUNS = {"staff": "staff", "users": "users", "plans": "visit_plans", "per_week": "visits"}


def _counted(lang: str, key: str, n: int) -> str:
    if key == "cycle":
        return words(f"cycle.{'one' if n == 1 else 'other'}", lang, n=n)
    return counted(n, _NOUNS[key], lang)


def commented(text: str, *, lang: str, source: str, out: str) -> str:
    r"""A scenario file's text with a header and a comment above each part.

    Examples
    --------
    >>> print(commented('name = "x"\n\n[roster]\nlines = []\n', lang="en", source="x.xlsx",
    ...                 out="x.toml"))  # doctest: +ELLIPSIS
    # Scenario file written by `hometeams import x.xlsx`.
    ...
    name = "x"
    <BLANKLINE>
    # The rota (roster sheet), one line per person, shift and week of the cycle.
    [roster]
    lines = []
    <BLANKLINE>
    """
    head = words("import.head", lang, source=source, out=out).splitlines()
    lines = [*(f"# {line}".rstrip() for line in head), ""]
    seen: set[str] = set()
    for line in text.splitlines():
        part = _PARTS.get(line.strip())
        if part is not None and line.strip() not in seen:
            seen.add(line.strip())
            lines.append(f"# {words(part, lang)}")
        lines.append(line)
    return "\n".join(lines) + "\n"


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "source", metavar="WORKBOOK_OR_FOLDER", help="an .xlsx workbook or a folder of CSV files"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        required=True,
        help="the scenario file to write",
    )
    parser.add_argument(
        "--overwrite", action="store_true", help="replace the scenario file if it exists"
    )
    parser.add_argument(
        "--ignore-unknown",
        action="store_true",
        help="skip sheets and columns it does not know instead of refusing the workbook",
    )
    parser.add_argument(
        "--speed",
        type=float,
        metavar="KM/H",
        help="travel speed, for a travel sheet of zone coordinates",
    )
    parser.add_argument("--name", help="the district's name (default: the file name)")
    parser.add_argument(
        "--lang",
        choices=("nb", "en"),
        default="en",
        help="language of the comments, the model names and the output: nb or en (default)",
    )


def _run(args: argparse.Namespace) -> int:
    from hometeams._files import write_text  # noqa: PLC0415
    from hometeams.errors import HometeamsError  # noqa: PLC0415 - keep --help fast
    from hometeams.io import (  # noqa: PLC0415
        ExperimentSettings,
        ModelSpec,
        ScenarioFile,
        dumps_scenario,
        loads_scenario,
        read_workbook,
    )
    from hometeams.sim import FixedTeams, Pooled  # noqa: PLC0415

    out: Path = args.output
    check_free([out], overwrite=args.overwrite)
    scenario = read_workbook(
        args.source, name=args.name, speed=args.speed, ignore_unknown=args.ignore_unknown
    )
    fixed, pooled = (words(f"import.model.{m}", args.lang) for m in ("fixed", "pooled"))
    file = ScenarioFile(
        scenario,
        [ModelSpec(fixed, FixedTeams()), ModelSpec(pooled, Pooled())],
        experiment=ExperimentSettings(replications=_REPLICATIONS, seed=_SEED),
    )
    text = commented(dumps_scenario(file), lang=args.lang, source=args.source, out=str(out))
    if loads_scenario(text, source=str(out)) != file:  # pragma: no cover - a bug, not input
        raise HometeamsError(f"{out}: the scenario file would not read back as the workbook")
    write_text(out, text, overwrite=args.overwrite)
    findings = file.findings()
    for finding in findings[:_SHOWN]:
        text = f"{finding.path}: {finding.text(args.lang)}"
        print(f"hometeams: warning: {out}: {text}", file=sys.stderr)
    if len(findings) > _SHOWN:
        more = words("import.more", args.lang, n=len(findings) - _SHOWN, out=out)
        print(f"hometeams: warning: {more}", file=sys.stderr)
    counts = {
        "staff": len(scenario.organisation.staff),
        "users": len(scenario.organisation.users),
        "plans": len(scenario.demand.visits),
        "per_week": sum(plan.per_week() for plan in scenario.demand.visits),
        "cycle": scenario.roster.cycle,
    }
    counts_text = {key: _counted(args.lang, key, n) for key, n in counts.items()}
    print(words("import.done", args.lang, out=out, **counts_text))
    return EXIT_OK


COMMAND = Command(
    name="import",
    help="turn a workbook (.xlsx) or a folder of CSV files into a scenario file",
    description="Read a district's staff, users, visits and rota (and optionally shift times "
    "and travel times) from one .xlsx workbook or a folder of CSV files -- sheets and columns "
    "in English or Norwegian, as 'hometeams template' writes them -- and write a checked, "
    "commented scenario file with two models to compare: fixed teams and pooled.",
    epilog="examples:\n  hometeams template -o mal.xlsx --lang nb\n"
    "  hometeams import mal.xlsx -o distrikt.toml --lang nb\n"
    "  hometeams import exports/ -o district.toml --speed 40 --ignore-unknown",
    add_arguments=_add_arguments,
    run=_run,
)
