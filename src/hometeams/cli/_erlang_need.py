"""``hometeams erlang poisson|waste|pooling``: staffing a need that is not a queue.

A district's evening need is 1.4 staff on average. It is not a queue -- work that finds
everyone busy is not served later, it is simply unmet, or it is planned work (a caseload) that
can be scheduled. Three modes answer the planner's questions about it:

``poisson``
    The need fluctuates as a Poisson count: with 2 staff, how often is need unmet, how many
    staff stand idle on average, and which staffing covers the need 90 % of the time?
``waste``
    Where the staffed hours go: the work done, the waste of rounding up to whole people, the
    waste of a minimum staffing (floor) and the buffer against fluctuation.
``pooling``
    What merging units gains: two units of 1.5 staffed separately against one of 3.
"""

from __future__ import annotations

import argparse
import math
from typing import Any

from hometeams.cli._common import EXIT_OK, columns, print_json
from hometeams.cli._erlang_queue import as_option, target_options
from hometeams.cli._erlang_words import WORDS, number, percent, short
from hometeams.errors import InvalidArgument

__all__ = ["run_poisson", "run_pooling", "run_waste"]


def run_poisson(args: argparse.Namespace) -> int:
    """Need as a Poisson count: shortfall, idle staff and utilisation per staffing."""
    from hometeams import analytic  # noqa: PLC0415 - scipy loads only when asked

    lang, words = args.lang, WORDS[args.lang]
    if not (args.staff or args.coverage is not None or args.cost_ratio is not None):
        raise InvalidArgument("give --staff N ..., --coverage P or --cost-ratio R (or several)")
    staff = list(args.staff or [])
    answers: dict[str, Any] = {"mode": "poisson", "mean": args.mean}
    lines = [words["poisson"].format(mean=short(args.mean, lang))]
    if args.coverage is not None:
        with as_option("mean", "--mean"):
            n = int(analytic.poisson_min_staff(args.mean, coverage=args.coverage))
        answers["coverage_staff"] = n
        lines.append(words["coverage"].format(pct=percent(args.coverage, lang), n=n))
        staff = staff or [n]
    if args.cost_ratio is not None:
        with as_option("mean", "--mean"):
            n = int(analytic.newsvendor_staff(args.mean, cost_ratio=args.cost_ratio))
        answers["cost_staff"] = n
        lines.append(words["cost"].format(ratio=short(args.cost_ratio, lang), n=n))
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
        [words["short_p"], *(percent(r.shortfall_probability, lang) for r in rows)],
        [words["short"], *(number(r.expected_shortfall, 3, lang) for r in rows)],
        [words["idle"], *(number(r.expected_idle, 3, lang) for r in rows)],
        [words["utilisation"], *(percent(r.utilisation, lang) for r in rows)],
    ]
    print("\n".join([*lines, "", columns(table, right=range(1, len(rows) + 1))]))
    return EXIT_OK


def run_waste(args: argparse.Namespace) -> int:
    """Where the staffed hours go: used work, rounding and floor waste, the buffer."""
    from hometeams import analytic  # noqa: PLC0415 - scipy loads only when asked

    lang, words = args.lang, WORDS[args.lang]
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
    head = words["waste"].format(need=short(w.need, lang), floor=floor, staff=w.staff)
    table = [
        [words["used"], number(w.used, 3, lang)],
        [words["rounding"], number(w.rounding_waste, 3, lang)],
        [words["floor_waste"], number(w.floor_waste, 3, lang)],
        [words["buffer"], number(w.buffer, 3, lang)],
        [words["idle_share"], percent(w.idle_share, lang)],
    ]
    if w.shortfall:
        table.append([words["shortfall"], number(w.shortfall, 3, lang)])
    print("\n".join([head, "", columns(table, right=[1])]))
    return EXIT_OK


def run_pooling(args: argparse.Namespace) -> int:
    """Separate units against one merged unit, at the same target."""
    from hometeams import analytic  # noqa: PLC0415 - scipy loads only when asked

    lang, words = args.lang, WORDS[args.lang]
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
        [
            name,
            number(u.load, 2, lang),
            str(u.staff),
            number(u.idle, 2, lang),
            percent(u.idle_share, lang),
        ]
        for name, u in units
    ]
    lines = [words["pooling"].format(k=len(result.separate), kind=kind, floor=floor), ""]
    lines += [columns(table, right=range(1, 5)), "", words["saved"].format(n=result.staff_saved)]
    if result.unstable_if_merged_to_summed_need:
        lines.append(words["breaks"])
    print("\n".join(lines))
    return EXIT_OK
