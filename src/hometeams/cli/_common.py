"""What every subcommand shares: its description as a value, the input and output options.

A subcommand is a :class:`Command` value: a name, help texts, a function that adds its
arguments and a function that runs it and returns the exit status. Adding a subcommand (``run``,
``compare``, ``erlang``...) means writing a module with one ``COMMAND`` and listing it in
``hometeams.cli._main.COMMANDS``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

import attrs

from hometeams.io import EXAMPLES, example_organisation, read_organisation
from hometeams.model import Organisation

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_FAILED",
    "EXIT_OK",
    "Command",
    "add_organisation_input",
    "add_output_options",
    "load_organisation",
    "print_json",
]

EXIT_OK = 0
EXIT_FAILED = 1
"""A run that failed (e.g. an unstable system)."""
EXIT_BAD_INPUT = 2
"""A damaged or missing file, a wrong option: the user's input, not the run, is at fault."""


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


def add_organisation_input(parser: argparse.ArgumentParser) -> None:
    """Add ``FILE`` or ``--example A..E`` (exactly one of them)."""
    parser.add_argument("file", nargs="?", metavar="FILE", help="an organisation file (TOML)")
    parser.add_argument(
        "--example",
        metavar="NAME",
        help=f"a built-in example organisation instead of a file: {', '.join(EXAMPLES)} "
        "(the case municipalities of the national mapping; also case-a ... case-e)",
    )


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


def load_organisation(
    args: argparse.Namespace, parser: argparse.ArgumentParser
) -> tuple[Organisation, str]:
    """The organisation the arguments name, and how to call it in messages.

    A usage error (neither or both of ``FILE`` and ``--example``) exits through ``parser``
    with status 2; a bad file raises :class:`~hometeams.errors.InvalidScenario`.
    """
    if (args.file is None) == (args.example is None):
        parser.error("give an organisation FILE or --example NAME (one of them)")
    if args.example is not None:
        org = example_organisation(args.example)  # validates the name
        key = args.example.strip().upper().replace("_", "-").removesuffix(".TOML")
        return org, f"built-in example {key.removeprefix('CASE-')}"
    return read_organisation(args.file), str(args.file)


def print_json(data: Any) -> None:
    """Print ``data`` as indented UTF-8 JSON (Norwegian letters kept as they are)."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
