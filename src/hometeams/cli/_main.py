"""The ``hometeams`` entry point: parse, dispatch to a subcommand, turn errors into exit codes.

Bad input -- a damaged organisation file, a missing file, an unknown example, a wrong option --
is the user's to fix, so it gets one or a few lines on standard error naming what is wrong and
where, and exit status 2; never a traceback. A run that fails for reasons of its own (a
:class:`~hometeams.errors.HometeamsError` other than bad input) exits with 1; one stopped with
Ctrl-C says so in one line and exits with 130. ``hometeams`` alone prints the help and exits
with 2, as for any other missing argument.

``hometeams --help`` answers at once: the subcommands' modules, and with them numpy, scipy and
the library, are imported only for the subcommand the command line names (:data:`INDEX`).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from hometeams._version import __version__
from hometeams.cli._exit import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK
from hometeams.cli._terminal import escaped_output
from hometeams.errors import HometeamsError, InvalidArgument, InvalidScenario

if TYPE_CHECKING:
    from hometeams.cli._common import Command

__all__ = ["INDEX", "build_parser", "main"]  # and COMMANDS, made on first use

INDEX: tuple[tuple[str, str, str], ...] = (
    (
        "demo",
        "hometeams.cli._demo",
        "the 1.4-versus-2 evening: a whole comparison and report, no files needed",
    ),
    (
        "check",
        "hometeams.cli._check",
        "validate an organisation or scenario file and list findings",
    ),
    (
        "analyse",
        "hometeams.cli._analyse",
        "print the analysis of an organisation (span of control, coverage, key persons)",
    ),
    ("run", "hometeams.cli._run", "simulate one model of a scenario file and print its figures"),
    (
        "compare",
        "hometeams.cli._compare",
        "compare the models of a scenario file, with intervals and paired differences",
    ),
    (
        "erlang",
        "hometeams.cli._erlang",
        "quick analytic answers: Erlang B/C, minimum staff, Poisson need, waste, pooling",
    ),
    (
        "template",
        "hometeams.cli._template",
        "write an empty workbook (or folder of CSV files) to fill in and import",
    ),
    (
        "import",
        "hometeams.cli._import",
        "turn a workbook (.xlsx) or a folder of CSV files into a scenario file",
    ),
)
"""Each subcommand's name, module (holding its ``COMMAND``) and one-line help, in the order
``hometeams --help`` lists them; a test keeps the help equal to the module's."""


def _command(module: str) -> Command:
    command: Command = importlib.import_module(module).COMMAND
    return command


def __getattr__(name: str) -> object:
    if name == "COMMANDS":  # every subcommand, importing every module: for tests and docs
        return tuple(_command(module) for _, module, _ in INDEX)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


_MAX_NOTE_LINES = 5
_WIDTH = 79


def _chosen(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names: its first word that is not an option."""
    return next((word for word in argv if not word.startswith("-")), None)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand of :data:`INDEX`.

    Only the subcommand that ``argv`` names gets its options (its module is imported then);
    the others are listed by name and help. With ``argv`` ``None``, every subcommand has its
    options.
    """
    parser = argparse.ArgumentParser(
        prog="hometeams",
        description="Plan, analyse and simulate team organisation in municipal home care.",
        epilog="examples:\n  hometeams demo\n  hometeams analyse --example D\n"
        "  hometeams check my-district.toml\n  hometeams compare evening.toml --lang nb "
        "--report rapport.html\n  hometeams erlang --load 1.4 --servers 2\n"
        "\nrun 'hometeams COMMAND --help' for a command's options",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    commands.required = True
    chosen = None if argv is None else _chosen(argv)
    for name, module, help_ in INDEX:
        if argv is not None and name != chosen:
            commands.add_parser(name, help=help_)
            continue
        command = _command(module)
        sub = commands.add_parser(
            command.name,
            help=command.help,
            description=textwrap.fill(command.description, width=_WIDTH),
            epilog=command.epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.add_arguments(sub)
        sub.set_defaults(run=command.run, parser=sub)
    return parser


def _report(prog: str, err: BaseException) -> None:
    print(f"{prog}: error: {err}", file=sys.stderr)
    notes = getattr(err, "__notes__", [])
    for note in notes[:_MAX_NOTE_LINES]:
        print(f"  {note}", file=sys.stderr)


def _os_error(err: OSError) -> str:
    where = f"{err.filename}: " if err.filename is not None else ""
    return f"{where}{err.strerror or err}"


def _silence_stdout() -> None:
    """Point standard output at the null device so the interpreter's final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file behind stdout (io.UnsupportedOperation)
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``hometeams`` command with ``argv`` (``sys.argv[1:]`` by default).

    Returns
    -------
    int
        The exit status: 0 success, 1 a failed run, 2 bad input, 130 stopped with Ctrl-C.

    Examples
    --------
    >>> main(["check", "no-such-file.toml"])
    2
    """
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        return _main(words)
    except KeyboardInterrupt:
        print("hometeams: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _main(words: list[str]) -> int:
    parser = build_parser(words)
    if not words:  # ``hometeams`` alone: the help, and the status of a missing argument
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        args = parser.parse_args(words)
    except SystemExit as exit_:  # --help, --version, or a usage error already printed
        return exit_.code if isinstance(exit_.code, int) else EXIT_BAD_INPUT
    prog = args.parser.prog
    with escaped_output():
        return _dispatch(args, prog)


def _dispatch(args: argparse.Namespace, prog: str) -> int:
    """Run the chosen subcommand and turn its errors into exit statuses."""
    try:
        status: int = args.run(args)
    except SystemExit as exit_:  # a usage error found by the subcommand
        return exit_.code if isinstance(exit_.code, int) else EXIT_BAD_INPUT
    except (InvalidScenario, InvalidArgument) as err:
        _report(prog, err)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # the reader went away (``hometeams analyse ... | head``)
        _silence_stdout()
        return EXIT_OK
    except OSError as err:
        print(f"{prog}: error: {_os_error(err)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except HometeamsError as err:
        _report(prog, err)
        return EXIT_FAILED
    return status
