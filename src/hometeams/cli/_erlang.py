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
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from typing import Any

from hometeams.cli._common import EXIT_FAILED, EXIT_OK, Command, columns, print_json
from hometeams.errors import InvalidArgument

__all__ = ["COMMAND", "queue_answer"]

_EN = {
    "queue": "Requests that wait (M/M/c): load {load} erlangs{visits}",
    "visits": ", visits of {minutes} min",
    "staff": "staff",
    "erlang_b": "turned away if all are busy (Erlang B)",
    "erlang_c": "wait at all (Erlang C)",
    "occupancy": "occupancy",
    "mean_wait": "mean wait",
    "within": "wait longer than {minutes} min",
    "unstable": "unstable",
    "visit_lengths": "× visit length",
    "minimum": "Fewest staff with {targets}: {n}",
    "target_wait_probability": "at most {share} waiting",
    "target_mean_wait": "a mean wait of at most {minutes} min",
    "target_service_level": "{share} waiting at most {within} min",
    "target_blocking": "at most {share} turned away",
    "all_unstable": "a load of {load} erlangs needs more than {n} staff: the queue would grow "
    "without end",
    "poisson": "Need as a Poisson count with mean {mean} staff",
    "short_p": "share of moments with unmet need",
    "short": "mean unmet need (staff)",
    "idle": "mean idle staff",
    "utilisation": "utilisation",
    "coverage": "Fewest staff covering all need {pct} of the time: {n}",
    "cost": "Staff with the least expected cost (unmet need {ratio} × idle): {n}",
    "waste": "Need {need} staff{floor}: staffed {staff}",
    "floor": ", floor {floor}",
    "used": "used work",
    "rounding": "rounding waste (whole people)",
    "floor_waste": "floor waste",
    "buffer": "buffer",
    "idle_share": "idle share",
    "shortfall": "unmet need",
    "pooling": "Pooling {k} units ({kind}){floor}",
    "unit": "unit",
    "load": "load",
    "merged": "merged",
    "summed": "merged at the summed need",
    "saved": "Merging saves {n} staff at the same target.",
    "breaks": "Cut to the summed need, the merged queue would be unstable.",
}
_NB = {
    "queue": "Forespørsler som venter (M/M/c): belastning {load} erlang{visits}",
    "visits": ", besøk på {minutes} min",
    "staff": "ansatte",
    "erlang_b": "avvist om alle er opptatt (Erlang B)",
    "erlang_c": "må vente (Erlang C)",
    "occupancy": "beleggsgrad",
    "mean_wait": "gjennomsnittlig ventetid",
    "within": "venter over {minutes} min",
    "unstable": "ustabil",
    "visit_lengths": "× besøkslengde",
    "minimum": "Færrest ansatte med {targets}: {n}",
    "target_wait_probability": "høyst {share} som venter",
    "target_mean_wait": "gjennomsnittlig ventetid høyst {minutes} min",
    "target_service_level": "{share} som venter høyst {within} min",
    "target_blocking": "høyst {share} avvist",
    "all_unstable": "en belastning på {load} erlang trenger flere enn {n} ansatte: køen ville "
    "vokse uten ende",
    "poisson": "Behov som poissonfordelt antall med snitt {mean} ansatte",
    "short_p": "andel av tiden med udekket behov",
    "short": "gjennomsnittlig udekket behov (ansatte)",
    "idle": "gjennomsnittlig ledige ansatte",
    "utilisation": "utnyttelsesgrad",
    "coverage": "Færrest ansatte som dekker alt behov {pct} av tiden: {n}",
    "cost": "Ansatte med lavest forventet kostnad (udekket behov {ratio} × ledig tid): {n}",
    "waste": "Behov {need} ansatte{floor}: bemannet {staff}",
    "floor": ", minstebemanning {floor}",
    "used": "utført arbeid",
    "rounding": "avrundingssvinn (hele personer)",
    "floor_waste": "svinn fra minstebemanning",
    "buffer": "buffer",
    "idle_share": "ledig gang",
    "shortfall": "udekket behov",
    "pooling": "Sammenslåing av {k} enheter ({kind}){floor}",
    "unit": "enhet",
    "load": "belastning",
    "merged": "slått sammen",
    "summed": "slått sammen til summert behov",
    "saved": "Sammenslåing sparer {n} ansatte med samme mål.",
    "breaks": "Kuttet til summert behov ville den sammenslåtte køen vært ustabil.",
}
_WORDS = {"en": _EN, "nb": _NB}


def _num(value: float, digits: int, lang: str) -> str:
    from hometeams.report._labels import format_number  # noqa: PLC0415 - shared number style

    return format_number(value, digits, lang).replace("\u00a0", " ")


def _pct(value: float, lang: str) -> str:
    return f"{_num(100 * value, 1, lang)} %"


def _short(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "nb" else text


# -- queue ----------------------------------------------------------------------------------


def _targets(args: argparse.Namespace) -> dict[str, float]:
    out = {}
    for key in ("wait_probability", "mean_wait", "service_level", "blocking"):
        value = getattr(args, f"target_{key}")
        if value is not None:
            out[key] = value
    return out


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


def _queue(args: argparse.Namespace) -> int:
    from hometeams import analytic  # noqa: PLC0415 - scipy loads only when asked

    load = _load(args)
    targets = _targets(args)
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
        words = _WORDS[args.lang]
        worst = max(row["servers"] for row in rows)
        text = words["all_unstable"].format(load=_short(load, args.lang), n=worst)
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
    words = _WORDS[lang]
    visits = (
        ""
        if args.service_time is None
        else words["visits"].format(minutes=_short(args.service_time, lang))
    )
    lines = [words["queue"].format(load=_short(load, lang), visits=visits)]
    if minimum is not None:
        wanted = " and ".join(
            words[f"target_{key}"].format(
                share=_pct(value, lang),
                minutes=_short(value, lang),
                within=_short(args.within or 0.0, lang),
            )
            for key, value in targets.items()
        )
        lines.append(words["minimum"].format(targets=wanted, n=minimum))
    table = [[words["staff"], *(str(row["servers"]) for row in rows)]]

    def cells(key: str, show: Any) -> list[str]:
        return [words["unstable"] if row[key] is None else show(row[key]) for row in rows]

    table.append([words["erlang_b"], *(_pct(row["erlang_b"], lang) for row in rows)])
    table.append([words["erlang_c"], *cells("erlang_c", lambda v: _pct(v, lang))])
    table.append([words["occupancy"], *cells("occupancy", lambda v: _pct(v, lang))])
    if args.service_time is None:
        table.append(
            [
                words["mean_wait"],
                *cells("mean_wait", lambda v: f"{_num(v, 3, lang)} {words['visit_lengths']}"),
            ]
        )
    else:
        table.append([words["mean_wait"], *cells("mean_wait", lambda v: f"{_num(v, 1, lang)} min")])
    if args.within is not None:
        label = words["within"].format(minutes=_short(args.within, lang))
        table.append([label, *cells("wait_longer", lambda v: _pct(v, lang))])
    return "\n".join([*lines, "", columns(table, right=range(1, len(rows) + 1))])


# -- poisson, waste, pooling ----------------------------------------------------------------


def _poisson(args: argparse.Namespace) -> int:
    from hometeams import analytic  # noqa: PLC0415 - scipy loads only when asked

    lang, words = args.lang, _WORDS[args.lang]
    if not (args.staff or args.coverage is not None or args.cost_ratio is not None):
        raise InvalidArgument("give --staff N ..., --coverage P or --cost-ratio R (or several)")
    staff = list(args.staff or [])
    answers: dict[str, Any] = {"mode": "poisson", "mean": args.mean}
    lines = [words["poisson"].format(mean=_short(args.mean, lang))]
    if args.coverage is not None:
        n = int(analytic.poisson_min_staff(args.mean, coverage=args.coverage))
        answers["coverage_staff"] = n
        lines.append(words["coverage"].format(pct=_pct(args.coverage, lang), n=n))
        staff = staff or [n]
    if args.cost_ratio is not None:
        n = int(analytic.newsvendor_staff(args.mean, cost_ratio=args.cost_ratio))
        answers["cost_staff"] = n
        lines.append(words["cost"].format(ratio=_short(args.cost_ratio, lang), n=n))
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
        [words["staff"], *(str(r.staff) for r in rows)],
        [words["short_p"], *(_pct(r.shortfall_probability, lang) for r in rows)],
        [words["short"], *(_num(r.expected_shortfall, 3, lang) for r in rows)],
        [words["idle"], *(_num(r.expected_idle, 3, lang) for r in rows)],
        [words["utilisation"], *(_pct(r.utilisation, lang) for r in rows)],
    ]
    print("\n".join([*lines, "", columns(table, right=range(1, len(rows) + 1))]))
    return EXIT_OK


def _waste(args: argparse.Namespace) -> int:
    from hometeams import analytic  # noqa: PLC0415 - scipy loads only when asked

    lang, words = args.lang, _WORDS[args.lang]
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
    floor = words["floor"].format(floor=w.floor) if w.floor else ""
    head = words["waste"].format(need=_short(w.need, lang), floor=floor, staff=w.staff)
    table = [
        [words["used"], _num(w.used, 3, lang)],
        [words["rounding"], _num(w.rounding_waste, 3, lang)],
        [words["floor_waste"], _num(w.floor_waste, 3, lang)],
        [words["buffer"], _num(w.buffer, 3, lang)],
        [words["idle_share"], _pct(w.idle_share, lang)],
    ]
    if w.shortfall:
        table.append([words["shortfall"], _num(w.shortfall, 3, lang)])
    print("\n".join([head, "", columns(table, right=[1])]))
    return EXIT_OK


def _pooling(args: argparse.Namespace) -> int:
    from hometeams import analytic  # noqa: PLC0415 - scipy loads only when asked

    lang, words = args.lang, _WORDS[args.lang]
    targets = _targets(args)
    if "blocking" in targets:
        raise InvalidArgument("--target-blocking: not used by pooling; give a waiting target")
    mu = 1.0 if args.service_time is None else 1.0 / args.service_time
    kind = args.kind
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
    units = [(f"{words['unit']} {i + 1}", u) for i, u in enumerate(result.separate)]
    units += [(words["merged"], result.merged), (words["summed"], result.merged_to_summed_need)]
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
    floor = words["floor"].format(floor=args.floor) if args.floor else ""
    table = [[words["unit"], words["load"], words["staff"], words["idle"], words["idle_share"]]]
    table += [
        [name, _num(u.load, 2, lang), str(u.staff), _num(u.idle, 2, lang), _pct(u.idle_share, lang)]
        for name, u in units
    ]
    lines = [words["pooling"].format(k=len(result.separate), kind=kind, floor=floor), ""]
    lines += [columns(table, right=range(1, 5)), "", words["saved"].format(n=result.staff_saved)]
    if result.unstable_if_merged_to_summed_need:
        lines.append(words["breaks"])
    print("\n".join(lines))
    return EXIT_OK


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
        "--service-time", type=_positive, metavar="MIN", help="mean visit length in minutes"
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


_MODES = {"poisson": _poisson, "waste": _waste, "pooling": _pooling}


def _run(args: argparse.Namespace) -> int:
    mode = getattr(args, "mode", None)
    if mode is None:
        return _queue(args)
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
