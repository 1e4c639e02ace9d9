"""``hometeams erlang``: quick analytic answers about staffing, before any simulation.

Four questions a planner asks at the whiteboard, each a mode:

``hometeams erlang --load 1.4 --servers 2 3``
    Requests that wait (the M/M/c queue): with an evening need of 1.4 staff, how often does a
    request find everyone busy (Erlang C), how often would it be turned away if it could not
    wait (Erlang B), how busy are the staff, how long is the wait? ``--target-...`` options
    give the fewest staff that meet a target instead.
``hometeams erlang poisson --mean 1.4 --staff 2``
    Need that fluctuates and is simply unmet at busy moments: shortfall, idle staff,
    utilisation (need as a Poisson count).
``hometeams erlang waste --need 1.4 --floor 2``
    Where the staffed hours go: used work, the rounding waste of whole people, the floor's
    waste, the buffer.
``hometeams erlang pooling --need 1.5 1.5``
    What merging units gains: separate staffing against one merged unit.

Loads and needs are in erlangs -- the mean number of staff the work keeps busy: arrivals per
hour times the visit length in hours (``--per-hour 2.8 --service-time 30`` is a load of 1.4).

This module holds the options and the dispatch; the four modes are in ``_erlang_answers``, and
their words in the library's word table (the ``erlang.`` entries of :mod:`hometeams._words`).
"""

from __future__ import annotations

import argparse
import math

from hometeams.cli._common import Command
from hometeams.cli._erlang_answers import run_poisson, run_pooling, run_queue, run_waste
from hometeams.errors import InvalidArgument

__all__ = ["COMMAND"]


# -- arguments --------------------------------------------------------------------------------


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        msg = f"must be a number, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not math.isfinite(value) or value < 0:
        msg = f"must be a finite number >= 0, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _length(text: str) -> float:
    value = _positive(text)
    if value == 0:
        msg = f"must be a length of time > 0, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _share(text: str) -> float:
    value = _positive(text)
    if not 0 < value < 1:
        msg = f"must be a probability between 0 and 1, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _whole(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        msg = f"must be a whole number, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if value < 0:
        msg = f"must be >= 0, got {value}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("nb", "en"), default="en", help="nb or en")
    parser.add_argument("--json", action="store_true", help="print the answer as JSON")


def _waiting_targets(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--service-time", type=_length, metavar="MIN", help="mean visit length in minutes"
    )
    parser.add_argument(
        "--within", type=_positive, metavar="MIN", help="a waiting time in minutes to report on"
    )
    parser.add_argument(
        "--target-wait-probability",
        type=_share,
        metavar="P",
        help="fewest staff so that at most this share of requests waits at all",
    )
    parser.add_argument(
        "--target-mean-wait",
        type=_positive,
        metavar="MIN",
        help="fewest staff so that the mean wait is at most this (needs --service-time)",
    )
    parser.add_argument(
        "--target-service-level",
        type=_share,
        metavar="P",
        help="fewest staff so that this share waits no longer than --within",
    )


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--load", type=_positive, metavar="ERLANGS", help="offered load")
    parser.add_argument(
        "--per-hour",
        type=_positive,
        metavar="N",
        help="requests per hour (with --service-time, instead of --load)",
    )
    parser.add_argument(
        "--servers", type=_whole, nargs="+", metavar="N", help="staff on duty (one or more)"
    )
    _waiting_targets(parser)
    parser.add_argument(
        "--target-blocking",
        type=_share,
        metavar="P",
        help="fewest staff so that at most this share would be turned away (Erlang B)",
    )
    _common(parser)
    modes = parser.add_subparsers(dest="mode", metavar="MODE", title="other modes")
    poisson = modes.add_parser(
        "poisson",
        help="need as a Poisson count: shortfall and idle staff",
        epilog="example:\n  hometeams erlang poisson --mean 1.4 --staff 1 2 3",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    poisson.add_argument("--mean", type=_positive, required=True, metavar="STAFF")
    poisson.add_argument("--staff", type=_whole, nargs="+", metavar="N")
    poisson.add_argument("--coverage", type=_share, metavar="P")
    poisson.add_argument("--cost-ratio", type=_positive, metavar="R")
    _common(poisson)
    waste = modes.add_parser(
        "waste",
        help="where the staffed hours go: used, rounding, floor, buffer",
        epilog="example:\n  hometeams erlang waste --need 1.4 --floor 2",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    waste.add_argument("--need", type=_positive, required=True, metavar="STAFF")
    waste.add_argument("--floor", type=_whole, default=0, metavar="N")
    waste.add_argument("--staff", type=_whole, metavar="N")
    waste.add_argument("--poisson", action="store_true", help="the need fluctuates (Poisson)")
    waste.add_argument("--coverage", type=_share, metavar="P", help="with a Poisson need")
    _common(waste)
    pooling = modes.add_parser(
        "pooling",
        help="separate units against one merged unit",
        epilog="example:\n  hometeams erlang pooling --need 1.5 1.5",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    pooling.add_argument("--need", type=_positive, nargs="+", required=True, metavar="STAFF")
    pooling.add_argument(
        "--kind",
        choices=("caseload", "poisson", "queue"),
        default="caseload",
        help="schedulable caseload (default), fluctuating need, or a queue",
    )
    pooling.add_argument("--floor", type=_whole, default=0, metavar="N")
    pooling.add_argument("--coverage", type=_share, metavar="P", help="for --kind poisson")
    _waiting_targets(pooling)
    pooling.set_defaults(target_blocking=None)
    _common(pooling)


_MODES = {"poisson": run_poisson, "waste": run_waste, "pooling": run_pooling}


def _run(args: argparse.Namespace) -> int:
    mode = getattr(args, "mode", None)
    if mode is None:
        return run_queue(args)
    if getattr(args, "load", None) is not None or getattr(args, "servers", None):
        raise InvalidArgument(f"--load and --servers belong to the queue mode, not {mode!r}")
    return _MODES[mode](args)


COMMAND = Command(
    name="erlang",
    help="quick analytic answers: Erlang B/C, minimum staff, Poisson need, waste, pooling",
    description="Closed-form staffing answers for a shift, before simulating anything: "
    "requests that wait (M/M/c, Erlang B and C), the fewest staff that meet a target, need "
    "that fluctuates (Poisson), where whole-person staffing wastes time, and what merging "
    "units gains. Loads are in erlangs: the mean number of staff the work keeps busy.",
    epilog="examples:\n"
    "  hometeams erlang --load 1.4 --servers 2 3\n"
    "  hometeams erlang --load 1.4 --servers 2 --service-time 45 --within 15\n"
    "  hometeams erlang --load 1.4 --target-wait-probability 0.2\n"
    "  hometeams erlang --per-hour 2.8 --service-time 30 --target-mean-wait 10\n"
    "  hometeams erlang poisson --mean 1.4 --staff 2\n"
    "  hometeams erlang waste --need 1.4 --floor 2\n"
    "  hometeams erlang pooling --need 1.5 1.5\n"
    "\nexit status: 0 success, 1 no stable queue at the staffing asked, 2 a wrong option",
    add_arguments=_add_arguments,
    run=_run,
)
