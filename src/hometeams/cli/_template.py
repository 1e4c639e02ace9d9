"""``hometeams template``: an empty workbook for a district, to fill in and import.

A planner starting from nothing gets the sheets ``hometeams import`` reads -- staff, users,
visits, rota, shift times and travel -- each with its header and one example row, in Norwegian
(``--lang nb``: ``ansatte``, ``brukere``, ``besøk``, ``turnus``, ``vakter``, ``reisetid``) or
English; as one ``.xlsx`` workbook, or as a folder of CSV files when ``-o`` names a folder::

    hometeams template -o mal.xlsx --lang nb
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hometeams._words import words
from hometeams.cli._common import EXIT_OK, Command

__all__ = ["COMMAND"]


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        type=Path,
        required=True,
        help="the workbook to write (.xlsx), or a folder for one CSV file per sheet",
    )
    parser.add_argument(
        "--lang",
        choices=("nb", "en"),
        default="en",
        help="language of the sheet and column names: nb (bokmål) or en (English, the default)",
    )
    parser.add_argument("--overwrite", action="store_true", help="replace existing files")


def _run(args: argparse.Namespace) -> int:
    from hometeams.io import TEMPLATES, write_template  # noqa: PLC0415 - keep --help fast

    out = write_template(args.output, lang=args.lang, overwrite=args.overwrite)
    print(words("template.done", args.lang, out=out, sheets=", ".join(TEMPLATES[args.lang])))
    return EXIT_OK


COMMAND = Command(
    name="template",
    help="write an empty workbook (or folder of CSV files) to fill in and import",
    description="Write the sheets that 'hometeams import' reads -- staff, users, visits, rota, "
    "shift times and travel -- each with its header and one example row, as an .xlsx workbook "
    "or, when PATH has no extension, as a folder of CSV files.",
    epilog="examples:\n  hometeams template -o mal.xlsx --lang nb\n"
    "  hometeams template -o district-sheets --lang en",
    add_arguments=_add_arguments,
    run=_run,
)
