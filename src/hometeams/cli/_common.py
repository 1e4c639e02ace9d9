"""What every subcommand shares: its description as a value, the input and output options.

A subcommand is a :class:`Command` value: a name, help texts, a function that adds its
arguments and a function that runs it and returns the exit status. Adding a subcommand (``run``,
``compare``, ``erlang``...) means writing a module with one ``COMMAND`` and listing its name,
module and one-line help in ``hometeams.cli._main.INDEX`` (so that ``hometeams --help`` need
not import it).

The options mean the same everywhere: ``--seed`` (the root seed; replication ``i`` of every
model uses its ``i``-th child), ``--replications``, ``--workers`` (1 runs in this process; the
default is one worker per core), ``--json`` (machine-readable output on standard output),
``--out DIR`` (files written there, never over existing ones without ``--overwrite``) and
``--lang nb|en``. A FILE may be an organisation file or a scenario file; the content decides.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from hometeams.cli._exit import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK
from hometeams.errors import InvalidArgument
from hometeams.io import EXAMPLES, ScenarioFile, example_organisation, planning_kind, read_file
from hometeams.metrics import METRICS
from hometeams.model import Organisation

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_FAILED",
    "EXIT_OK",
    "HEADLINE",
    "Command",
    "add_organisation_input",
    "add_output_options",
    "add_run_options",
    "add_scenario_input",
    "check_free",
    "choose_metrics",
    "columns",
    "load_organisation",
    "load_scenario",
    "print_json",
    "warn_findings",
]


HEADLINE: tuple[str, ...] = (
    "on_time_share",
    "mean_delay",
    "p90_delay",
    "unserved_share",
    "competence_match",
    "mean_distinct_staff_14d",
    "mean_upc",
    "travel_share",
    "travel_per_visit",
    "face_to_face_share",
    "utilisation",
    "idle_share",
    "overtime_hours",
    "staff_hours",
)
"""The metrics a table shows unless the file or ``--metrics`` names others: service,
competence, continuity, then travel and face-to-face share beside utilisation, and the hours
over the period (with work lists, plan deviation and moved visits after travel). ``compare``
leads with the hours per week and in FTE besides."""


@attrs.frozen
class Command:
    """A subcommand of ``hometeams``.

    Attributes
    ----------
    name
        What the user types (``check``).
    help
        One line for ``hometeams --help``.
    description
        A paragraph for ``hometeams NAME --help``.
    epilog
        Examples of use, shown after the options.
    add_arguments
        Adds the subcommand's arguments to its parser.
    run
        Runs it on the parsed arguments; returns the exit status.
    """

    name: str
    help: str
    description: str
    epilog: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


# -- input -------------------------------------------------------------------------------------


def add_organisation_input(parser: argparse.ArgumentParser) -> None:
    """Add ``FILE`` or ``--example A..E`` (exactly one of them)."""
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="an organisation file or a scenario file (TOML); for a scenario, its organisation",
    )
    parser.add_argument(
        "--example",
        metavar="NAME",
        help=f"a built-in example organisation instead of a file: {', '.join(EXAMPLES)} "
        "(the case municipalities of the national mapping; also case-a ... case-e)",
    )


def add_scenario_input(parser: argparse.ArgumentParser) -> None:
    """Add the scenario ``FILE`` argument."""
    parser.add_argument("file", metavar="FILE", help="a scenario file (TOML)")


def load_organisation(
    args: argparse.Namespace, parser: argparse.ArgumentParser
) -> tuple[Organisation, str]:
    """The organisation the arguments name, and how to call it in messages.

    ``FILE`` may be a scenario file: its organisation is used (the whole scenario is checked
    on the way). A usage error (neither or both of ``FILE`` and ``--example``) exits through
    ``parser`` with status 2; a bad file raises :class:`~hometeams.errors.InvalidScenario`.
    """
    if (args.file is None) == (args.example is None):
        parser.error("give an organisation FILE or --example NAME (one of them)")
    if args.example is not None:
        org = example_organisation(args.example)  # validates the name
        key = args.example.strip().upper().replace("_", "-").removesuffix(".TOML")
        return org, f"built-in example {key.removeprefix('CASE-')}"
    found = read_file(args.file)
    if isinstance(found, ScenarioFile):
        return found.scenario.organisation, str(args.file)
    return found, str(args.file)


def load_scenario(path: str) -> ScenarioFile:
    """The scenario file at ``path``; an organisation file is refused with advice."""
    found = read_file(path)
    if isinstance(found, Organisation):
        raise InvalidArgument(
            f"{path}: this is an organisation file; this command needs a scenario file that "
            'names it (organisation = { file = "..." }) with a roster, demand and models -- '
            "see docs/how-to/scenario-file.md"
        )
    return found


def warn_findings(file: ScenarioFile, *, source: str, lang: str = "en") -> None:
    """Print what the scenario cannot do on standard error, so a run's output stays clean.

    These are the ``error`` findings of :meth:`~hometeams.io.ScenarioFile.audit`, in ``lang``:
    jobs nobody rostered may take and periods with more work than rostered minutes;
    ``hometeams check`` lists the rest.
    """
    for finding in file.audit():
        if finding.severity == "error":
            text = f"{finding.path}: {finding.text(lang)}"
            print(f"hometeams: warning: {source}: {text}", file=sys.stderr)


# -- options -----------------------------------------------------------------------------------


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--lang nb|en`` and ``--json``."""
    parser.add_argument(
        "--lang",
        choices=("nb", "en"),
        default="en",
        help="language of the text output: nb (bokmål) or en (English, the default)",
    )
    parser.add_argument(
        "--json", action="store_true", help="print machine-readable JSON instead of text"
    )


def _count(low: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            msg = f"must be a whole number, got {text!r}"
            raise argparse.ArgumentTypeError(msg) from None
        if value < low:
            msg = f"must be >= {low}, got {value}"
            raise argparse.ArgumentTypeError(msg)
        return value

    return parse


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def add_run_options(
    parser: argparse.ArgumentParser, *, replications: str, out: str, min_replications: int = 1
) -> None:
    """Add --seed, --replications, --workers, --metrics, --out and --overwrite."""
    parser.add_argument(
        "--seed",
        type=_count(0),
        metavar="N",
        help="the root seed (a whole number); the file's by default, else fresh entropy, "
        "which the output reports so the run can be repeated",
    )
    parser.add_argument(
        "--replications",
        type=_count(min_replications),
        metavar="N",
        help=replications,
    )
    parser.add_argument(
        "--workers",
        type=_count(1),
        metavar="N",
        default=default_workers(),
        help="processes to run replications in; 1 runs them here (default: one per core, "
        f"{default_workers()} on this machine)",
    )
    parser.add_argument(
        "--metrics",
        metavar="NAMES",
        help="comma-separated metric names to show, or 'all' (default: the file's, else a "
        "headline set)",
    )
    parser.add_argument("--out", metavar="DIR", type=Path, help=out)
    parser.add_argument(
        "--overwrite", action="store_true", help="replace files that --out (or --report) finds"
    )


def choose_metrics(text: str | None, *, file: ScenarioFile) -> tuple[str, ...]:
    """The metrics to show: ``--metrics``, else the file's experiment metrics, else a headline.

    Raises
    ------
    InvalidArgument
        For an unknown metric name, naming it and the closest known one.
    """
    if text is None:
        if file.experiment.metrics:
            return file.experiment.metrics
        if any(planning_kind(spec.planning) not in ("none", None) for spec in file.models):
            at = HEADLINE.index("travel_per_visit") + 1  # plan figures beside travel
            return (*HEADLINE[:at], "plan_deviation", "moved_visits_share", *HEADLINE[at:])
        return HEADLINE
    if text.strip() == "all":
        return file.experiment.metrics or tuple(METRICS)
    names = tuple(name.strip() for name in text.split(",") if name.strip())
    if not names:
        raise InvalidArgument("--metrics: give metric names separated by commas, or 'all'")
    for name in names:
        if name not in METRICS:
            import difflib  # noqa: PLC0415 - only for the message

            close = difflib.get_close_matches(name, list(METRICS), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise InvalidArgument(f"--metrics: unknown metric {name!r}{hint}")
        if file.experiment.metrics is not None and name not in file.experiment.metrics:
            raise InvalidArgument(
                f"--metrics: {name!r} is not among the file's experiment.metrics "
                f"{list(file.experiment.metrics)}"
            )
    return names


def check_free(paths: Iterable[Path], *, overwrite: bool) -> None:
    """Refuse, before anything runs, to write over an existing file without ``--overwrite``."""
    if overwrite:
        return
    for path in paths:
        if os.path.lexists(path):  # a dangling symbolic link too: it is never followed
            raise InvalidArgument(f"{path} exists; pass --overwrite to replace it")


# -- output ------------------------------------------------------------------------------------


def print_json(data: Any) -> None:
    """Print ``data`` as indented UTF-8 JSON (Norwegian letters kept as they are)."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def columns(rows: Sequence[Sequence[str]], *, right: Iterable[int] = ()) -> str:
    """Rows of cells as aligned text columns (``right``: columns aligned to the right)."""
    aligned = set(right)
    widths = [max(len(row[c]) for row in rows if c < len(row)) for c in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(widths[c]) if c in aligned else cell.ljust(widths[c])
            for c, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
