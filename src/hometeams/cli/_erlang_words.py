"""The words and numbers of ``hometeams erlang``, in English and Norwegian (bokmål).

One flat table per language for all four modes, so that "staff", "idle" and "floor" read the
same in the queue table, the Poisson table and the pooling table; numbers follow the report's
style (decimal comma in Norwegian, a true minus sign) with plain spaces for a terminal.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["WORDS", "number", "percent", "short"]

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
WORDS: Mapping[str, Mapping[str, str]] = {"en": _EN, "nb": _NB}
"""The strings of every mode, per language; ``{name}`` fields are filled in."""


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
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "nb" else text
