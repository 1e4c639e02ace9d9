"""``--limit NAME=VALUE``: raise (or lower) the most a run may hold, on purpose.

``check``, ``run`` and ``compare`` estimate the size of a run from the scenario before
realising it and refuse one beyond the limits of :class:`~hometeams.scenario.Limits` with a
line naming the field, the estimate and the limit. A planner who means a ten-year horizon says
so: ``--limit horizon="1040 weeks" --limit jobs=5000000 --limit memory=16000``.
"""

from __future__ import annotations

import argparse
import math

import attrs

from hometeams.errors import InvalidScenario
from hometeams.io import ScenarioFile, parse_minutes
from hometeams.scenario import Limits, SizeEstimate

__all__ = ["add_limit_option", "checked_size", "limits_from"]

_NAMES = {
    "horizon": 'a length of time, e.g. "1040 weeks"',
    "jobs": "jobs in one replication",
    "shifts": "shifts in one replication",
    "memory": "megabytes one replication may need",
    "replications": "replications per model",
}


def _limit(text: str) -> tuple[str, float]:
    """``NAME=VALUE`` as a name and a number (a horizon in minutes).

    Examples
    --------
    >>> _limit("jobs=5e6"), _limit("horizon=2 weeks")
    (('jobs', 5000000.0), ('horizon', 20160.0))
    """
    name, sep, raw = text.partition("=")
    name = name.strip()
    if not sep or name not in _NAMES:
        msg = f"must be NAME=VALUE with NAME one of {', '.join(_NAMES)}, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    try:
        value = parse_minutes(raw.strip(), field=name) if name == "horizon" else float(raw)
    except (InvalidScenario, ValueError):
        msg = f"{name}: must be {_NAMES[name]}, got {raw!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not math.isfinite(value) or value < 1:
        msg = f"{name}: must be a finite number >= 1, got {raw!r}"
        raise argparse.ArgumentTypeError(msg)
    return name, value


def add_limit_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--limit NAME=VALUE`` (repeatable)."""
    parser.add_argument(
        "--limit",
        type=_limit,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="raise a limit on the size of a run on purpose: horizon (default 520 weeks), "
        "jobs and shifts per replication (1000000 each), memory in MB per replication (2048), "
        "replications per model (10000); repeatable",
    )


def limits_from(args: argparse.Namespace) -> Limits:
    """The limits the ``--limit`` options give (the defaults for the rest).

    Examples
    --------
    >>> limits_from(argparse.Namespace(limit=[("jobs", 5e6)])).jobs
    5000000.0
    """
    return attrs.evolve(Limits(), **dict(getattr(args, "limit", None) or ()))


def checked_size(
    file: ScenarioFile, *, source: str, limits: Limits, replications: int | None = None
) -> SizeEstimate:
    """The size of one replication of ``file``'s largest model; beyond ``limits`` an error.

    The file's own replications (and, under a stopping rule, its ``max_replications``) are
    held to the limit too, unless ``replications`` -- given on the command line, and checked
    there -- replaces them.

    Raises
    ------
    InvalidScenario
        Located in ``source``, naming the field, the estimate and the limit.
    """
    settings = file.experiment
    counts = [] if replications is not None else [("replications", settings.replications)]
    if settings.precision is not None:
        counts.append(("max_replications", settings.max_replications))
    for field, count in counts:
        if count > limits.replications:
            raise InvalidScenario(
                f"{count:,} replications are more than the limit of {limits.replications:,.0f}; "
                "raise the limit on purpose with --limit replications=N",
                path=f"experiment.{field}",
                source=source,
            )
    try:
        return file.size(limits=limits)
    except InvalidScenario as err:
        located = err.within("", source=source)
        for note in getattr(err, "__notes__", []):
            located.add_note(note)
        raise located from None
