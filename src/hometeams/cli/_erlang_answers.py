"""The four modes of ``hometeams erlang``: requests that wait, and need that is not a queue.

An evening in a district: alarms and unplanned requests arrive at random, each keeps one staff
member busy for a visit, and a request that finds everyone busy waits its turn. With a load of
1.4 erlangs (on average 1.4 staff busy), how often does a request wait at all (Erlang C), how
often would it be turned away if it could not wait (Erlang B), how busy are the staff and how
long is the wait? Or the other way round: the fewest staff that meet a target (the queue mode).

The same evening need is not always a queue -- work that finds everyone busy is not served
later, it is simply unmet, or it is planned work (a caseload) that can be scheduled. Three modes
answer the planner's questions about it:

``poisson``
    The need fluctuates as a Poisson count: with 2 staff, how often is need unmet, how many
    staff stand idle on average, and which staffing covers the need 90 % of the time?
``waste``
    Where the staffed hours go: the work done, the waste of rounding up to whole people, the
    waste of a minimum staffing (floor) and the buffer against fluctuation.
``pooling``
    What merging units gains: two units of 1.5 staffed separately against one of 3.

The words are the ``erlang.`` entries of :mod:`hometeams._words`; numbers follow the report's
style (decimal comma in Norwegian, a true minus sign) with plain spaces for a terminal.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from hometeams._words import plain_number, words
from hometeams.cli._common import EXIT_FAILED, EXIT_OK, columns, print_json
from hometeams.errors import InvalidArgument

__all__ = [
    "as_option",
    "number",
    "percent",
    "queue_answer",
    "run_poisson",
    "run_pooling",
    "run_queue",
    "run_waste",
    "short",
    "target_options",
]


def _say(key: str, lang: str, **fields: object) -> str:
    """The entry ``erlang.<key>`` of the word table in ``lang``, fields filled in."""
    return words(f"erlang.{key}", lang, **fields)


def number(value: float, digits: int, lang: str) -> str:
    """``value`` with ``digits`` decimals in the report's number style, plain spaces.

    Examples
    --------
    >>> number(-0.125, 3, "nb"), number(12345.0, 0, "en")
    ('−0,125', '12 345')
    """
    from hometeams.report import format_number  # noqa: PLC0415 - shared number style

    return format_number(value, digits, lang).replace("\u00a0", " ")


def percent(value: float, lang: str) -> str:
    """A share as a percentage with one decimal: ``0.4444`` is ``44.4 %``."""
    return f"{number(100 * value, 1, lang)} %"


def short(value: float, lang: str) -> str:
    """A value the user typed, as short as it goes: ``1.4``, ``1,4``."""
    return plain_number(value, lang)


# -- requests that wait (M/M/c) --------------------------------------------------------------


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
        worst = max(row["servers"] for row in rows)
        text = _say("all_unstable", args.lang, load=short(load, args.lang), n=worst)
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
    visits = (
        ""
        if args.service_time is None
        else _say("visits", lang, minutes=short(args.service_time, lang))
    )
    lines = [_say("queue", lang, load=short(load, lang), visits=visits)]
    if minimum is not None:
        wanted = _say("and", lang).join(
            _say(
                f"target_{key}",
                lang,
                share=percent(value, lang),
                minutes=short(value, lang),
                within=short(args.within or 0.0, lang),
            )
            for key, value in targets.items()
        )
        lines.append(_say("minimum", lang, targets=wanted, n=minimum))
    table = [[_say("staff", lang), *(str(row["servers"]) for row in rows)]]

    def cells(key: str, show: Any) -> list[str]:
        return [_say("unstable", lang) if row[key] is None else show(row[key]) for row in rows]

    table.append([_say("erlang_b", lang), *(percent(row["erlang_b"], lang) for row in rows)])
    table.append([_say("erlang_c", lang), *cells("erlang_c", lambda v: percent(v, lang))])
    table.append([_say("occupancy", lang), *cells("occupancy", lambda v: percent(v, lang))])
    if args.service_time is None:
        table.append(
            [
                _say("mean_wait", lang),
                *cells(
                    "mean_wait", lambda v: f"{number(v, 3, lang)} {_say('visit_lengths', lang)}"
                ),
            ]
        )
    else:
        table.append(
            [_say("mean_wait", lang), *cells("mean_wait", lambda v: f"{number(v, 1, lang)} min")]
        )
    if args.within is not None:
        label = _say("within", lang, minutes=short(args.within, lang))
        table.append([label, *cells("wait_longer", lambda v: percent(v, lang))])
    return "\n".join([*lines, "", columns(table, right=range(1, len(rows) + 1))])


# -- need that is not a queue ----------------------------------------------------------------


def run_poisson(args: argparse.Namespace) -> int:
    """Need as a Poisson count: shortfall, idle staff and utilisation per staffing."""
    from hometeams import analytic  # noqa: PLC0415 - scipy loads only when asked

    lang = args.lang
    if not (args.staff or args.coverage is not None or args.cost_ratio is not None):
        raise InvalidArgument("give --staff N ..., --coverage P or --cost-ratio R (or several)")
    staff = list(args.staff or [])
    answers: dict[str, Any] = {"mode": "poisson", "mean": args.mean}
    lines = [_say("poisson", lang, mean=short(args.mean, lang))]
    if args.coverage is not None:
        with as_option("mean", "--mean"):
            n = int(analytic.poisson_min_staff(args.mean, coverage=args.coverage))
        answers["coverage_staff"] = n
        lines.append(_say("coverage", lang, pct=percent(args.coverage, lang), n=n))
        staff = staff or [n]
    if args.cost_ratio is not None:
        with as_option("mean", "--mean"):
            n = int(analytic.newsvendor_staff(args.mean, cost_ratio=args.cost_ratio))
        answers["cost_staff"] = n
        lines.append(_say("cost", lang, ratio=short(args.cost_ratio, lang), n=n))
        staff = staff or [n]
    rows = [analytic.poisson_staffing(args.mean, s) for s in staff]
    answers["staffing"] = [
        {
            "staff": r.staff,
            "shortfall_probability": r.shortfall_probability,
            "expected_shortfall": r.expected_shortfall,
            "expected_idle": r.expected_idle,
            "utilisation": None if math.isnan(r.utilisation) else r.utilisation,
        }
        for r in rows
    ]
    if args.json:
        print_json(answers)
        return EXIT_OK
    table = [
        [_say("staff", lang), *(str(r.staff) for r in rows)],
        [_say("short_p", lang), *(percent(r.shortfall_probability, lang) for r in rows)],
        [_say("short", lang), *(number(r.expected_shortfall, 3, lang) for r in rows)],
        [_say("idle", lang), *(number(r.expected_idle, 3, lang) for r in rows)],
        [_say("utilisation", lang), *(percent(r.utilisation, lang) for r in rows)],
    ]
    print("\n".join([*lines, "", columns(table, right=range(1, len(rows) + 1))]))
    return EXIT_OK


def run_waste(args: argparse.Namespace) -> int:
    """Where the staffed hours go: used work, rounding and floor waste, the buffer."""
    from hometeams import analytic  # noqa: PLC0415 - scipy loads only when asked

    lang = args.lang
    w = analytic.staffing_waste(
        args.need,
        floor=args.floor,
        staff=args.staff,
        demand="poisson" if args.poisson or args.coverage is not None else "deterministic",
        coverage=args.coverage,
    )
    if args.json:
        print_json(
            {
                "mode": "waste",
                "need": w.need,
                "floor": w.floor,
                "staff": w.staff,
                "demand": w.demand,
                "used": w.used,
                "rounding_waste": w.rounding_waste,
                "floor_waste": w.floor_waste,
                "buffer": w.buffer,
                "idle": w.idle,
                "idle_share": w.idle_share,
                "shortfall": w.shortfall,
            }
        )
        return EXIT_OK
    floor = _say("floor", lang, floor=w.floor) if w.floor else ""
    head = _say("waste", lang, need=short(w.need, lang), floor=floor, staff=w.staff)
    table = [
        [_say("used", lang), number(w.used, 3, lang)],
        [_say("rounding", lang), number(w.rounding_waste, 3, lang)],
        [_say("floor_waste", lang), number(w.floor_waste, 3, lang)],
        [_say("buffer", lang), number(w.buffer, 3, lang)],
        [_say("idle_share", lang), percent(w.idle_share, lang)],
    ]
    if w.shortfall:
        table.append([_say("shortfall", lang), number(w.shortfall, 3, lang)])
    print("\n".join([head, "", columns(table, right=[1])]))
    return EXIT_OK


def run_pooling(args: argparse.Namespace) -> int:
    """Separate units against one merged unit, at the same target."""
    from hometeams import analytic  # noqa: PLC0415 - scipy loads only when asked

    lang = args.lang
    targets = target_options(args)
    if "blocking" in targets:
        raise InvalidArgument("--target-blocking: not used by pooling; give a waiting target")
    mu = 1.0 if args.service_time is None else 1.0 / args.service_time
    kind = args.kind
    need = "--need (each, and their sum when merged)"
    with as_option("arrival_rate / service_rate", need), as_option("mean", need):
        result = analytic.compare_pooling(
            args.need,
            kind=kind,
            floor=args.floor,
            coverage=args.coverage,
            max_wait_probability=targets.get("wait_probability"),
            max_mean_wait=targets.get("mean_wait"),
            service_level=targets.get("service_level"),
            within=args.within if "service_level" in targets else None,
            service_rate=mu,
        )
    units = [(f"{_say('unit', lang)} {i + 1}", u) for i, u in enumerate(result.separate)]
    units += [
        (_say("merged", lang), result.merged),
        (_say("summed", lang), result.merged_to_summed_need),
    ]
    if args.json:
        print_json(
            {
                "mode": "pooling",
                "kind": kind,
                "floor": args.floor,
                "units": [
                    {
                        "name": name,
                        "load": u.load,
                        "staff": u.staff,
                        "idle": u.idle,
                        "idle_share": u.idle_share,
                        "shortfall": u.shortfall,
                        "wait_probability": u.wait_probability,
                        "mean_wait": None
                        if u.mean_wait is None or math.isinf(u.mean_wait)
                        else u.mean_wait,
                        "stable": u.stable,
                    }
                    for name, u in units
                ],
                "staff_saved": result.staff_saved,
                "unstable_if_merged_to_summed_need": result.unstable_if_merged_to_summed_need,
            }
        )
        return EXIT_OK
    floor = _say("floor", lang, floor=args.floor) if args.floor else ""
    table = [[_say(key, lang) for key in ("unit", "load", "staff", "idle", "idle_share")]]
    table += [
        [
            name,
            number(u.load, 2, lang),
            str(u.staff),
            number(u.idle, 2, lang),
            percent(u.idle_share, lang),
        ]
        for name, u in units
    ]
    lines = [_say("pooling", lang, k=len(result.separate), kind=kind, floor=floor), ""]
    lines += [columns(table, right=range(1, 5)), "", _say("saved", lang, n=result.staff_saved)]
    if result.unstable_if_merged_to_summed_need:
        lines.append(_say("breaks", lang))
    print("\n".join(lines))
    return EXIT_OK
