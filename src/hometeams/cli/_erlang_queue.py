"""``hometeams erlang`` without a mode: requests that wait, as an M/M/c queue.

An evening in a district: alarms and unplanned requests arrive at random, each keeps one staff
member busy for a visit, and a request that finds everyone busy waits its turn. With a load of
1.4 erlangs (on average 1.4 staff busy), how often does a request wait at all (Erlang C), how
often would it be turned away if it could not wait (Erlang B), how busy are the staff and how
long is the wait? Or the other way round: the fewest staff that meet a target.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from hometeams.cli._common import EXIT_FAILED, EXIT_OK, columns, print_json
from hometeams.cli._erlang_words import WORDS, number, percent, short
from hometeams.errors import InvalidArgument

__all__ = ["as_option", "queue_answer", "run_queue", "target_options"]


def target_options(args: argparse.Namespace) -> dict[str, float]:
    """The ``--target-...`` options given, by name (``wait_probability``, ``blocking``...)."""
    out = {}
    for key in ("wait_probability", "mean_wait", "service_level", "blocking"):
        value = getattr(args, f"target_{key}")
        if value is not None:
            out[key] = value
    return out


@contextmanager
def as_option(argument: str, option: str) -> Iterator[None]:
    """Errors about the library's ``argument`` named by the command line's ``option`` instead.

    Examples
    --------
    >>> with as_option("mean", "--mean"):
    ...     raise InvalidArgument("mean: must be at most 1e+06, got 1e+15")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: --mean: must be at most 1e+06, got 1e+15
    """
    try:
        yield
    except InvalidArgument as err:
        prefix = f"{argument}: "
        if not str(err).startswith(prefix):
            raise
        raise InvalidArgument(f"{option}: {str(err).removeprefix(prefix)}") from None


def _load_option(args: argparse.Namespace) -> str:
    """The option the load came from: ``--load``, or ``--per-hour`` with ``--service-time``."""
    return "--load" if args.load is not None else "--per-hour x --service-time / 60"


def _load(args: argparse.Namespace) -> float:
    if (args.load is None) == (args.per_hour is None):
        raise InvalidArgument("give the load: --load ERLANGS, or --per-hour N with --service-time")
    if args.load is not None:
        return float(args.load)
    if args.service_time is None:
        raise InvalidArgument("--per-hour: needs --service-time MINUTES to make a load")
    return float(args.per_hour) * float(args.service_time) / 60.0


def queue_answer(
    load: float,
    servers: Sequence[int],
    *,
    service_time: float | None = None,
    within: float | None = None,
) -> list[dict[str, Any]]:
    """M/M/c measures for each staff count; waits in minutes (or visit lengths without a time).

    Examples
    --------
    >>> row = queue_answer(2.0, [3], service_time=60.0, within=30.0)[0]
    >>> round(row["erlang_c"], 6), round(row["mean_wait"], 4), round(row["wait_longer"], 6)
    (0.444444, 26.6667, 0.269569)
    >>> queue_answer(2.0, [2])[0]["stable"]
    False
    """
    from hometeams import analytic  # noqa: PLC0415 - scipy loads only when asked

    mu = 1.0 if service_time is None else 1.0 / service_time
    out = []
    for c in servers:
        row: dict[str, Any] = {
            "servers": c,
            "erlang_b": analytic.erlang_b(c, load),
            "stable": load < c,
        }
        if load < c:
            q = analytic.mmc(load * mu, mu, servers=c)
            row.update(
                erlang_c=q.wait_probability,
                occupancy=q.occupancy,
                mean_wait=q.mean_wait,
                wait_longer=None if within is None else 1.0 - q.service_level(within),
            )
        else:
            row.update(erlang_c=None, occupancy=None, mean_wait=None, wait_longer=None)
        out.append(row)
    return out


def run_queue(args: argparse.Namespace) -> int:
    """The queue mode: a table of staffings, or the fewest staff that meet the targets."""
    from hometeams import analytic  # noqa: PLC0415 - scipy loads only when asked

    load = _load(args)
    targets = target_options(args)
    if args.within is not None and args.service_time is None:
        raise InvalidArgument("--within: needs --service-time MINUTES (waits are in minutes)")
    if ("mean_wait" in targets or "service_level" in targets) and args.service_time is None:
        raise InvalidArgument("--target-mean-wait and --target-service-level need --service-time")
    if "service_level" in targets and args.within is None:
        raise InvalidArgument("--target-service-level: needs --within MINUTES")
    if bool(targets) == bool(args.servers):
        raise InvalidArgument(
            "give --servers N ... to see a staffing, or a --target-... to find the fewest staff "
            "(one of them)"
        )
    minimum = None
    servers = list(args.servers or [])
    if targets:
        mu = 1.0 if args.service_time is None else 1.0 / args.service_time
        with as_option("arrival_rate / service_rate", _load_option(args)):
            minimum = int(
                analytic.min_servers(
                    load * mu,
                    mu,
                    max_wait_probability=targets.get("wait_probability"),
                    max_mean_wait=targets.get("mean_wait"),
                    service_level=targets.get("service_level"),
                    within=args.within if "service_level" in targets else None,
                    max_blocking=targets.get("blocking"),
                )
            )
        servers = [minimum - 1, minimum] if minimum > 1 else [minimum]
    rows = queue_answer(load, servers, service_time=args.service_time, within=args.within)
    if args.json:
        print_json(
            {
                "mode": "queue",
                "load": load,
                "service_time": args.service_time,
                "within": args.within,
                "targets": targets,
                "minimum_staff": minimum,
                "staffing": rows,
            }
        )
    else:
        print(_queue_text(rows, load=load, args=args, minimum=minimum, targets=targets))
    if not any(row["stable"] for row in rows):
        words = WORDS[args.lang]
        worst = max(row["servers"] for row in rows)
        text = words["all_unstable"].format(load=short(load, args.lang), n=worst)
        print(f"hometeams erlang: error: {text}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _queue_text(
    rows: list[dict[str, Any]],
    *,
    load: float,
    args: argparse.Namespace,
    minimum: int | None,
    targets: dict[str, float],
) -> str:
    lang = args.lang
    words = WORDS[lang]
    visits = (
        ""
        if args.service_time is None
        else words["visits"].format(minutes=short(args.service_time, lang))
    )
    lines = [words["queue"].format(load=short(load, lang), visits=visits)]
    if minimum is not None:
        wanted = " and ".join(
            words[f"target_{key}"].format(
                share=percent(value, lang),
                minutes=short(value, lang),
                within=short(args.within or 0.0, lang),
            )
            for key, value in targets.items()
        )
        lines.append(words["minimum"].format(targets=wanted, n=minimum))
    table = [[words["staff"], *(str(row["servers"]) for row in rows)]]

    def cells(key: str, show: Any) -> list[str]:
        return [words["unstable"] if row[key] is None else show(row[key]) for row in rows]

    table.append([words["erlang_b"], *(percent(row["erlang_b"], lang) for row in rows)])
    table.append([words["erlang_c"], *cells("erlang_c", lambda v: percent(v, lang))])
    table.append([words["occupancy"], *cells("occupancy", lambda v: percent(v, lang))])
    if args.service_time is None:
        table.append(
            [
                words["mean_wait"],
                *cells("mean_wait", lambda v: f"{number(v, 3, lang)} {words['visit_lengths']}"),
            ]
        )
    else:
        table.append(
            [words["mean_wait"], *cells("mean_wait", lambda v: f"{number(v, 1, lang)} min")]
        )
    if args.within is not None:
        label = words["within"].format(minutes=short(args.within, lang))
        table.append([label, *cells("wait_longer", lambda v: percent(v, lang))])
    return "\n".join([*lines, "", columns(table, right=range(1, len(rows) + 1))])
