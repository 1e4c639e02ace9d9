"""``hometeams analyse``: the organisation's structure, read as a planner would.

Span of control, competence coverage by zone and period, people the organisation cannot do
without, how far specialists reach: the analysis :mod:`hometeams.report` writes, for a file or
one of the built-in case municipalities (``hometeams analyse --example D``).
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

__all__ = ["COMMAND"]


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_organisation_input(parser)
    add_output_options(parser)


def _run(args: argparse.Namespace) -> int:
    # Imported here so that ``hometeams check`` does not pay for the report's dependencies.
    from hometeams.report import analysis_dict, analysis_text  # noqa: PLC0415

    org, _ = load_organisation(args, args.parser)
    if args.json:
        print_json(analysis_dict(org))
    else:
        print(analysis_text(org, lang=args.lang))
    return EXIT_OK


COMMAND = Command(
    name="analyse",
    help="print the analysis of an organisation (span of control, coverage, key persons)",
    description="Read an organisation file (or a built-in example) and print its analysis: "
    "leader spans, competence coverage, key-person risk, specialist reach and team overlap.",
    epilog="examples:\n"
    "  hometeams analyse --example D\n"
    "  hometeams analyse my-district.toml --lang nb\n"
    "  hometeams analyse --example case-e --json > case-e.json\n"
    "\nexit status: 0 success, 2 invalid or missing file",
    add_arguments=_add_arguments,
    run=_run,
)
