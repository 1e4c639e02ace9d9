"""The ``hometeams`` entry point: parse, dispatch to a subcommand, turn errors into exit codes.

Bad input -- a damaged organisation file, a missing file, an unknown example, a wrong option --
is the user's to fix, so it gets one or a few lines on standard error naming what is wrong and
where, and exit status 2; never a traceback. A run that fails for reasons of its own (a
:class:`~hometeams.errors.HometeamsError` other than bad input) exits with 1.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Sequence

from hometeams import __version__
from hometeams.cli import _analyse, _check, _compare, _demo, _erlang, _run
from hometeams.cli._common import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, Command
from hometeams.cli._terminal import escaped_output
from hometeams.errors import HometeamsError, InvalidArgument, InvalidScenario

__all__ = ["COMMANDS", "build_parser", "main"]

COMMANDS: tuple[Command, ...] = (
    _demo.COMMAND,
    _check.COMMAND,
    _analyse.COMMAND,
    _run.COMMAND,
    _compare.COMMAND,
    _erlang.COMMAND,
)
"""The subcommands, in the order ``hometeams --help`` lists them."""

_MAX_NOTE_LINES = 5
_WIDTH = 79


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand of :data:`COMMANDS`."""
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
    for command in COMMANDS:
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
        The exit status: 0 success, 1 a failed run, 2 bad input.

    Examples
    --------
    >>> main(["check", "no-such-file.toml"])
    2
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
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
