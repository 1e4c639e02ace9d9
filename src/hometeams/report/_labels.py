"""The words and numbers of a comparison report, in English and Norwegian (bokmål).

A leader group in a Norwegian municipality reads "Andel i tide: 72,4 %" and "+4,1 prosentpoeng
(95 % KI 2,0 til 6,2)"; a researcher abroad reads "On-time share: 72.4 %" and "+4.1 percentage
points (95 % CI 2.0 to 6.2)". Every string of the HTML report and its plots lives here, in
:data:`REPORT_TEXT` (one flat dict per language), so that a translation is one more dict and
nothing is translated twice.

Numbers follow the language: a decimal comma in Norwegian and a decimal point in English, a
non-breaking space between thousands (from five digits) and a true minus sign (``−``) in
both. A metric's unit (from :data:`~hometeams.metrics.METRICS`) decides how it is
shown: shares in per cent (and differences of shares in percentage points), minutes and hours
with one decimal, indices with three. A metric the catalogue does not know is shown with four
significant digits and no unit.

:func:`describe_difference` turns one paired difference into the sentence a planner would say
out loud: "Idle share is lower with pooled than with fixed: −5.2 percentage points (95 % CI
−6.0 to −4.4) — better."
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from hometeams.errors import InvalidArgument
from hometeams.experiment import Comparison, Interval
from hometeams.metrics import METRICS

__all__ = [
    "FAMILIES",
    "LANGUAGES",
    "REPORT_TEXT",
    "check_lang",
    "decimals",
    "describe_difference",
    "difference_kind",
    "format_bounds",
    "format_number",
    "format_short",
    "format_value",
    "level_text",
    "metric_label",
    "sentence_case",
    "text",
    "verdict",
]

LANGUAGES: tuple[str, ...] = ("en", "nb")
"""The report's languages: English and Norwegian (bokmål)."""

FAMILIES: tuple[str, ...] = ("service", "staff time", "continuity", "other")
"""Metric families in the order a report shows them (``other``: not in the catalogue)."""

_EN = {
    # page
    "title": "Comparison of organisation models",
    "subtitle": "Organisation: {name}",
    "date": "Date: {date}",
    "footer": "Made with hometeams {version}. Figures are simulated, not observed.",
    # sections
    "findings": "Main findings",
    "setup": "What was compared",
    "summary": "Results per model",
    "differences": "Differences from {baseline}",
    "figures": "Figures",
    "how_to_read": "How to read this report",
    # setup
    "models": "Models",
    "baseline_mark": "baseline",
    "replications": "Replications",
    "replications_value": "{n} per model, on the same realised demand and absences",
    "level": "Confidence level",
    "seed": "Seed",
    "seed_none": "not recorded",
    "warmup": "Warm-up",
    "warmup_none": "not stated (no simulation records given)",
    "horizon": "Simulated period",
    "days": "{n} days",
    "day": "{n} day",
    "no_warmup": "none",
    "minutes_value": "{n} minutes",
    "precision": "Stopping rule",
    "precision_value": "interval half-width at most {target}{scope}",
    "precision_relative": " of the mean",
    "precision_differences": " (differences)",
    "reached": "reached",
    "not_reached": "not reached",
    "organisation": "Organisation",
    "organisation_value": "{staff} staff ({fte} FTE), {teams} teams, {zones} zones, {users} users",
    # tables
    "metric": "Metric",
    "ci": "{pct} % CI",
    "better": "better",
    "worse": "worse",
    "family.service": "Service to users",
    "family.staff time": "Staff time",
    "family.continuity": "Continuity of care",
    "family.other": "Other figures",
    "summary_note": "Mean over the replications, with its {pct} % confidence interval below.",
    "differences_note": (
        "Paired difference (model minus {baseline}) with its {pct} % confidence interval. "
        "Marked better or worse only where the interval excludes zero."
    ),
    # findings
    "compared_with": "{model} compared with {baseline}",
    "higher": (
        "{Metric} is higher with {model} than with {baseline}: {diff} ({pct} % CI {low} to {high})"
    ),
    "lower": (
        "{Metric} is lower with {model} than with {baseline}: {diff} ({pct} % CI {low} to {high})"
    ),
    "unclear": (
        "No clear difference in {metric} between {model} and {baseline}: {diff} "
        "({pct} % CI {low} to {high})"
    ),
    "same": "{Metric} is the same with {model} and {baseline} in every replication",
    "no_interval": (
        "{Metric} differs by {diff} between {model} and {baseline}; with fewer than two "
        "replications there is no interval"
    ),
    "undefined": "{Metric} is not defined for {model} and {baseline} in any replication",
    "better_suffix": " — better.",
    "worse_suffix": " — worse.",
    "end": ".",
    "no_clear": "No clear difference in: {metrics}.",
    "same_list": "The same in every replication: {metrics}.",
    "no_interval_list": "No interval (too few replications): {metrics}.",
    "undefined_list": "Not defined in any replication: {metrics}.",
    "see_tables": "Every metric is in the tables below.",
    "only_one_model": "Only one model was run, so there is nothing to compare it with.",
    # units
    "unit.pp": "pp",
    "unit.pp_long": "percentage points",
    "unit.minutes": "min",
    "unit.hours": "h",
    "unit.hours_long": "hours",
    # figures
    "fig.comparison": (
        "Mean of each metric per model; the black lines are the {pct} % confidence intervals "
        "and the dashed line is {baseline}."
    ),
    "fig.tradeoff": (
        "Idle staff time against visits on time, one point per model with its {pct} % "
        "intervals in both directions. Better is up and to the left."
    ),
    "fig.distinct": (
        "How many different staff a user met in a fortnight, in one simulated run per model: "
        "the share of user-fortnights with 1, 2, 3, … staff. Fewer faces means more continuity."
    ),
    "fig.utilisation": (
        "Utilisation by hour of the week, in one simulated run per model: minutes busy or "
        "travelling within shifts over minutes rostered, summed over the weeks after the "
        "warm-up. Gaps are hours when nobody is rostered."
    ),
    "fig.organisation": (
        "The organisation: staff (grey dots) and teams (coloured by kind, sized by FTE); a "
        "line joins a person to every team that holds part of their position."
    ),
    "fig.missing_window": (
        "Distinct staff per fortnight: not shown, because the simulated period after the "
        "warm-up is shorter than 14 days."
    ),
    "axis.share_of_windows": "Share of user-fortnights (%)",
    "axis.distinct_staff": "Different staff met in 14 days",
    "axis.utilisation": "Utilisation (%)",
    "axis.lower_better": "{label} (lower is better)",
    "axis.higher_better": "{label} (higher is better)",
    "legend.mean": "{model} (mean {mean})",
    "legend.staff": "Staff",
    "plot.undefined": "not defined",
    "days.short": "Mon Tue Wed Thu Fri Sat Sun",
    "category.specialist": "Specialist team",
    "category.allocation": "Allocation team",
    "category.geographic": "Geographic team",
    "category.night": "Night team",
    "category.other": "Other team",
    # how to read
    "read.1": (
        "Each model was simulated {n} times (replications). A figure in the tables is the "
        "mean over these runs; its {pct} % confidence interval (CI) is the range that, "
        "computed this way, contains the model's true mean in {pct} of 100 such experiments."
    ),
    "read.2": (
        "In every replication all models met the same realised demand and the same absences "
        "(common random numbers). The differences are therefore taken replication by "
        "replication (paired), and their intervals are narrower than the two separate "
        "intervals suggest: read the differences, not the overlap of the intervals."
    ),
    "read.3": (
        "A difference is clear when its interval does not include zero. No clear difference "
        "does not mean that the models are equal, only that these replications cannot tell "
        "them apart; more replications narrow the intervals."
    ),
    "read.4": (
        "Shares are in per cent, and differences of shares in percentage points: from 70 % "
        "to 75 % is +5 percentage points. Better and worse follow each metric's direction: "
        "less idle time and less delay are better, more visits on time is better."
    ),
    "read.5": (
        "The results are only as good as the scenario: staff, rosters, demand, durations and "
        "travel times as entered. Check those before acting on the figures."
    ),
}

_NB = {
    "title": "Sammenligning av organisasjonsmodeller",
    "subtitle": "Organisasjon: {name}",
    "date": "Dato: {date}",
    "footer": "Laget med hometeams {version}. Tallene er simulerte, ikke observerte.",
    "findings": "Hovedfunn",
    "setup": "Hva som ble sammenlignet",
    "summary": "Resultater per modell",
    "differences": "Forskjeller fra {baseline}",
    "figures": "Figurer",
    "how_to_read": "Slik leser du rapporten",
    "models": "Modeller",
    "baseline_mark": "sammenligningsgrunnlag",
    "replications": "Replikasjoner",
    "replications_value": "{n} per modell, med samme realiserte etterspørsel og fravær",
    "level": "Konfidensnivå",
    "seed": "Frø (seed)",
    "seed_none": "ikke registrert",
    "warmup": "Innsvingningsperiode",
    "warmup_none": "ikke oppgitt (ingen simuleringsdata gitt)",
    "horizon": "Simulert periode",
    "days": "{n} dager",
    "day": "{n} dag",
    "no_warmup": "ingen",
    "minutes_value": "{n} minutter",
    "precision": "Stoppregel",
    "precision_value": "halv intervallbredde høyst {target}{scope}",
    "precision_relative": " av snittet",
    "precision_differences": " (forskjeller)",
    "reached": "nådd",
    "not_reached": "ikke nådd",
    "organisation": "Organisasjon",
    "organisation_value": (
        "{staff} ansatte ({fte} årsverk), {teams} team, {zones} soner, {users} brukere"
    ),
    "metric": "Indikator",
    "ci": "{pct} % KI",
    "better": "bedre",
    "worse": "dårligere",
    "family.service": "Tjenesten til brukerne",
    "family.staff time": "Personalets tid",
    "family.continuity": "Kontinuitet",
    "family.other": "Andre tall",
    "summary_note": "Snitt over replikasjonene, med {pct} % konfidensintervall under.",
    "differences_note": (
        "Parvis forskjell (modell minus {baseline}) med {pct} % konfidensintervall. Merket "
        "bedre eller dårligere bare der intervallet ikke inneholder null."
    ),
    "compared_with": "{model} sammenlignet med {baseline}",
    "higher": (
        "{Metric} er høyere med {model} enn med {baseline}: {diff} ({pct} % KI {low} til {high})"
    ),
    "lower": (
        "{Metric} er lavere med {model} enn med {baseline}: {diff} ({pct} % KI {low} til {high})"
    ),
    "unclear": (
        "Ingen klar forskjell i {metric} mellom {model} og {baseline}: {diff} "
        "({pct} % KI {low} til {high})"
    ),
    "same": "{Metric} er lik med {model} og {baseline} i alle replikasjoner",
    "no_interval": (
        "{Metric} skiller seg med {diff} mellom {model} og {baseline}; med færre enn to "
        "replikasjoner finnes det ikke noe intervall"
    ),
    "undefined": "{Metric} er ikke definert for {model} og {baseline} i noen replikasjon",
    "better_suffix": " — bedre.",
    "worse_suffix": " — dårligere.",
    "end": ".",
    "no_clear": "Ingen klar forskjell i: {metrics}.",
    "same_list": "Likt i alle replikasjoner: {metrics}.",
    "no_interval_list": "Ikke noe intervall (for få replikasjoner): {metrics}.",
    "undefined_list": "Ikke definert i noen replikasjon: {metrics}.",
    "see_tables": "Alle indikatorene står i tabellene nedenfor.",
    "only_one_model": "Bare én modell ble kjørt, så det er ingenting å sammenligne med.",
    "unit.pp": "%-poeng",
    "unit.pp_long": "prosentpoeng",
    "unit.minutes": "min",
    "unit.hours": "t",
    "unit.hours_long": "timer",
    "fig.comparison": (
        "Snitt av hver indikator per modell; de svarte strekene er {pct} % "
        "konfidensintervall, og den stiplede linjen er {baseline}."
    ),
    "fig.tradeoff": (
        "Ledig gang mot besøk i tide, ett punkt per modell med {pct} % intervall i begge "
        "retninger. Bedre er opp og mot venstre."
    ),
    "fig.distinct": (
        "Hvor mange ulike ansatte en bruker møtte på fjorten dager, i én simulert kjøring per "
        "modell: andelen bruker-fjortendager med 1, 2, 3, … ansatte. Færre ansikter betyr mer "
        "kontinuitet."
    ),
    "fig.utilisation": (
        "Utnyttelsesgrad per time i uken, i én simulert kjøring per modell: minutter i arbeid "
        "eller på vei innenfor vaktene delt på minutter i turnus, summert over ukene etter "
        "innsvingningsperioden. Hull er timer der ingen står i turnus."
    ),
    "fig.organisation": (
        "Organisasjonen: ansatte (grå prikker) og team (farget etter type, størrelse etter "
        "årsverk); en strek binder en ansatt til hvert team som har en del av stillingen."
    ),
    "fig.missing_window": (
        "Ulike ansatte per fjorten dager: ikke vist, fordi den simulerte perioden etter "
        "innsvingningen er kortere enn 14 dager."
    ),
    "axis.share_of_windows": "Andel bruker-fjortendager (%)",
    "axis.distinct_staff": "Ulike ansatte møtt på 14 dager",
    "axis.utilisation": "Utnyttelsesgrad (%)",
    "axis.lower_better": "{label} (lavere er bedre)",
    "axis.higher_better": "{label} (høyere er bedre)",
    "legend.mean": "{model} (snitt {mean})",
    "legend.staff": "Ansatte",
    "plot.undefined": "ikke definert",
    "days.short": "man tir ons tor fre lør søn",
    "category.specialist": "Fagteam",
    "category.allocation": "Forvaltningsteam",
    "category.geographic": "Geografisk team (sone)",
    "category.night": "Nattpatrulje",
    "category.other": "Annet team",
    "read.1": (
        "Hver modell ble simulert {n} ganger (replikasjoner). Et tall i tabellene er snittet "
        "over disse kjøringene; {pct} % konfidensintervall (KI) er området som, regnet slik, "
        "inneholder modellens sanne snitt i {pct} av 100 slike forsøk."
    ),
    "read.2": (
        "I hver replikasjon møtte alle modellene samme realiserte etterspørsel og samme fravær "
        "(felles tilfeldige tall). Forskjellene er derfor regnet replikasjon for replikasjon "
        "(parvis), og intervallene deres er smalere enn de to separate intervallene antyder: "
        "les forskjellene, ikke om intervallene overlapper."
    ),
    "read.3": (
        "En forskjell er klar når intervallet ikke inneholder null. Ingen klar forskjell betyr "
        "ikke at modellene er like, bare at disse replikasjonene ikke skiller dem; flere "
        "replikasjoner gir smalere intervall."
    ),
    "read.4": (
        "Andeler er i prosent, og forskjeller i andeler i prosentpoeng: fra 70 % til 75 % er "
        "+5 prosentpoeng. Bedre og dårligere følger retningen til hver indikator: mindre ledig "
        "gang og kortere forsinkelse er bedre, flere besøk i tide er bedre."
    ),
    "read.5": (
        "Resultatene er ikke bedre enn scenarioet: ansatte, turnus, etterspørsel, varigheter og "
        "reisetider slik de er lagt inn. Kontroller dem før du handler på tallene."
    ),
}

REPORT_TEXT: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {"en": MappingProxyType(_EN), "nb": MappingProxyType(_NB)}
)
"""Every string of the report and its plots, per language; ``{name}`` fields are filled in."""

_MISSING = "–"
_MINUS = "\u2212"
_NBSP = "\u00a0"
_DECIMALS = {"share": 1, "minutes": 1, "hours": 1, "index": 3, "jobs": 1, "users": 1, "staff": 1}


def check_lang(lang: object) -> str:
    """Return ``lang`` if the report speaks it, else raise naming it.

    Examples
    --------
    >>> check_lang("nb")
    'nb'
    >>> check_lang("de")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: lang: must be one of ['en', 'nb'], got 'de'
    """
    if not isinstance(lang, str) or lang not in LANGUAGES:
        raise InvalidArgument(f"lang: must be one of {list(LANGUAGES)}, got {lang!r}")
    return lang


def text(key: str, lang: str, **fields: object) -> str:
    """The string ``key`` in ``lang``, with its ``{fields}`` filled in.

    Examples
    --------
    >>> text("differences", "nb", baseline="faste team")
    'Forskjeller fra faste team'
    """
    return REPORT_TEXT[check_lang(lang)][key].format(**fields)


def sentence_case(label: str) -> str:
    """``label`` as it reads inside a sentence: first letter lower-case unless an acronym.

    Examples
    --------
    >>> sentence_case("On-time share"), sentence_case("UPC (andel hos vanligste ansatt)")
    ('on-time share', 'UPC (andel hos vanligste ansatt)')
    """
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def metric_label(metric: str, lang: str) -> str:
    """The metric's label in ``lang`` from :data:`~hometeams.metrics.METRICS`, else its name.

    Examples
    --------
    >>> metric_label("idle_share", "nb"), metric_label("idle_share", "en")
    ('Ledig gang', 'Idle share')
    >>> metric_label("wait", "nb")  # not in the catalogue
    'wait'
    """
    info = METRICS.get(metric)
    if info is None:
        return metric
    return info.label_nb if check_lang(lang) == "nb" else info.label_en


def _unit(metric: str) -> str | None:
    info = METRICS.get(metric)
    return None if info is None else info.unit


def decimals(metric: str, values: Iterable[float] = (), *, spread: float | None = None) -> int:
    """Decimals to show ``metric`` with.

    By the unit (a share's decimals are those of its percentage), else four significant
    digits of the largest of ``values``. With ``spread`` -- an interval's half-width -- up to
    three more, so that the half-width shows at least one significant digit: an interval of
    ``[−0.007, 0.022]`` minutes should not read "0.0 to 0.0".

    Examples
    --------
    >>> decimals("on_time_share"), decimals("mean_upc"), decimals("wait", [8.83, 11.2])
    (1, 3, 2)
    >>> decimals("mean_delay", spread=0.0147), decimals("on_time_share", spread=0.02)
    (2, 1)
    """
    unit = _unit(metric)
    if unit in _DECIMALS:
        base = _DECIMALS[unit]
    else:
        finite = [abs(v) for v in values if math.isfinite(v) and v != 0]
        base = min(max(3 - math.floor(math.log10(max(finite))), 0), 6) if finite else 2
    if spread is None or not math.isfinite(spread) or spread <= 0:
        return base
    shown = spread * (100.0 if unit == "share" else 1.0)
    return max(base, min(base + 3, -math.floor(math.log10(shown))))


def format_number(value: float, digits: int, lang: str, *, sign: bool = False) -> str:
    r"""``value`` with ``digits`` decimals and the language's decimal mark.

    Numbers of five digits or more are grouped in threes by a non-breaking space in both
    languages (as Språkrådet and SI recommend), so that an English interval ``[12 674.5,
    12 746.9]`` cannot be misread; shorter numbers are not grouped.

    Examples
    --------
    >>> format_number(-1234.56, 1, "nb"), format_number(12345.6, 0, "en", sign=True)
    ('−1234,6', '+12\xa0346')
    >>> format_number(float("nan"), 1, "en"), format_number(-0.01, 1, "en", sign=True)
    ('–', '0.0')
    """
    check_lang(lang)
    if math.isnan(value):
        return _MISSING
    if math.isinf(value):
        return ("" if value > 0 else _MINUS) + "∞"
    body = f"{abs(value):.{digits}f}"
    whole, _, fraction = body.partition(".")
    if len(whole) > 4:
        whole = f"{int(whole):,}".replace(",", _NBSP)
    body = whole + ("," if lang == "nb" else ".") + fraction if fraction else whole
    rounded_zero = round(abs(value), digits) == 0
    if value < 0 and not rounded_zero:
        return _MINUS + body
    if sign and not rounded_zero:
        return "+" + body
    return body


def format_short(value: float, lang: str) -> str:
    """``value`` with as few decimals as it needs (up to six significant digits).

    For axis ticks and settings such as a precision target, where ``0.5`` should not read
    ``0.500``.

    Examples
    --------
    >>> format_short(0.5, "nb"), format_short(-2500.0, "en"), format_short(0.125, "en")
    ('0,5', '−2500', '0.125')
    """
    short = f"{value:.6g}"
    places = len(short.split(".")[1]) if "." in short and "e" not in short else 0
    return format_number(value, places, lang)


def format_value(
    value: float,
    metric: str,
    lang: str,
    *,
    digits: int | None = None,
    difference: bool = False,
    long: bool = False,
) -> str:
    r"""``value`` of ``metric`` with its unit: a level (``72.4 %``) or a difference (``+4.1 pp``).

    Parameters
    ----------
    value
        The value in the metric's own unit (a share as a fraction).
    metric
        Its name; the unit comes from :data:`~hometeams.metrics.METRICS`.
    lang
        ``"en"`` or ``"nb"``.
    digits
        Decimals; by default :func:`decimals` of the metric and value.
    difference
        Whether ``value`` is a difference: signed, and shares in percentage points.
    long
        Spell out percentage points and hours, with plain spaces (for sentences).

    Examples
    --------
    >>> format_value(0.724, "on_time_share", "nb")
    '72,4\xa0%'
    >>> format_value(0.041, "on_time_share", "en", difference=True, long=True)
    '+4.1 percentage points'
    >>> format_value(-2.5, "mean_delay", "nb", difference=True)
    '−2,5\xa0min'
    """
    unit = _unit(metric)
    places = decimals(metric, [value]) if digits is None else digits
    if unit == "share":
        number = format_number(value * 100.0, places, lang, sign=difference)
        if number == _MISSING:
            return number
        if not difference:
            return number + _NBSP + "%"
        return number + (" " if long else _NBSP) + text("unit.pp_long" if long else "unit.pp", lang)
    number = format_number(value, places, lang, sign=difference)
    if number == _MISSING:
        return number
    if unit == "minutes":
        return number + (" " if long else _NBSP) + text("unit.minutes", lang)
    if unit == "hours":
        return (
            number
            + (" " if long else _NBSP)
            + text("unit.hours_long" if long else "unit.hours", lang)
        )
    return number


def format_bounds(iv: Interval, metric: str, lang: str, *, digits: int, difference: bool) -> str:
    """An interval's bounds as ``[low, high]`` (``[low; high]`` in Norwegian), no unit.

    Examples
    --------
    >>> from hometeams.experiment import Interval
    >>> format_bounds(Interval(0.7, 0.68, 0.72, n=5), "utilisation", "nb", digits=1,
    ...               difference=False)
    '[68,0; 72,0]'
    """
    if math.isnan(iv.low) or math.isnan(iv.high):
        return _MISSING
    scale = 100.0 if _unit(metric) == "share" else 1.0
    sep = "; " if lang == "nb" else ", "
    low = format_number(iv.low * scale, digits, lang, sign=difference)
    high = format_number(iv.high * scale, digits, lang, sign=difference)
    return f"[{low}{sep}{high}]"


def _kind(iv: Interval) -> str:
    """Which sentence an interval calls for."""
    if iv.n == 0 or math.isnan(iv.mean):
        return "undefined"
    if math.isnan(iv.low) or math.isnan(iv.high):
        return "no_interval"
    if iv.low == iv.high == iv.mean == 0.0:
        return "same"
    if iv.low > 0:
        return "higher"
    if iv.high < 0:
        return "lower"
    return "unclear"


def difference_kind(comparison: Comparison, model: str, metric: str) -> str:
    """``higher``, ``lower``, ``unclear``, ``same``, ``no_interval`` or ``undefined``."""
    return _kind(comparison.difference(model, metric))


def verdict(metric: str, kind: str) -> str | None:
    """``better``/``worse`` for a clear difference of a metric with a direction, else ``None``."""
    info = METRICS.get(metric)
    if info is None or info.higher_is_better is None or kind not in ("higher", "lower"):
        return None
    return "better" if (kind == "higher") == info.higher_is_better else "worse"


def describe_difference(
    comparison: Comparison, model: str, metric: str, *, lang: str = "en"
) -> str:
    """One paired difference from the baseline as a plain sentence.

    A difference is *clear* when its interval excludes zero; for a metric with a direction in
    :data:`~hometeams.metrics.METRICS` the sentence then ends with better or worse.

    Parameters
    ----------
    comparison
        The comparison.
    model
        A model other than the baseline (the baseline compared with itself is "the same").
    metric
        One of the comparison's metrics.
    lang
        ``"en"`` or ``"nb"``.

    Examples
    --------
    >>> from hometeams.experiment import Comparison
    >>> result = Comparison(["fixed", "pooled"], ["on_time_share"],
    ...                     [[[0.70], [0.72], [0.71]], [[0.74], [0.77], [0.75]]],
    ...                     baseline="fixed")
    >>> print(describe_difference(result, "pooled", "on_time_share"))
    On-time share is higher with pooled than with fixed: +4.3 percentage points
    (95 % CI 2.9 to 5.8) — better.
    >>> print(describe_difference(result, "pooled", "on_time_share", lang="nb"))
    Andel i tide er høyere med pooled enn med fixed: +4,3 prosentpoeng (95 % KI 2,9 til 5,8)
    — bedre.
    """
    check_lang(lang)
    iv = comparison.difference(model, metric)
    kind = _kind(iv)
    places = decimals(metric, [iv.mean, iv.low, iv.high], spread=iv.half_width)
    scale = 100.0 if _unit(metric) == "share" else 1.0
    label = metric_label(metric, lang)
    fields = {
        "model": model,
        "baseline": comparison.baseline,
        "metric": sentence_case(label),
        "Metric": label[:1].upper() + label[1:],
        "diff": format_value(iv.mean, metric, lang, digits=places, difference=True, long=True),
        "pct": format_number(comparison.level * 100.0, _level_digits(comparison.level), lang),
        "low": format_number(iv.low * scale, places, lang),
        "high": format_number(iv.high * scale, places, lang),
    }
    sentence = text(kind, lang, **fields)
    judged = verdict(metric, kind)
    suffix = text(f"{judged}_suffix", lang) if judged else text("end", lang)
    return sentence + suffix


def _level_digits(level: float) -> int:
    """Decimals that show a confidence level in per cent exactly enough (95, 99.5)."""
    pct = level * 100.0
    return 0 if abs(pct - round(pct)) < 1e-9 else 1


def level_text(level: float, lang: str) -> str:
    """The confidence level in per cent as the report writes it (``95``, ``99,5``)."""
    return format_number(level * 100.0, _level_digits(level), lang)
