"""The words of a comparison report, in English and Norwegian (bokmål).

A leader group in a Norwegian municipality reads "Andel i tide" and "Forskjeller fra faste
team"; a researcher abroad reads "On-time share" and "Differences from fixed teams". Every
string of the HTML report and its plots lives here, in :data:`REPORT_TEXT` (one flat dict per
language), so that a translation is one more dict and nothing is translated twice. Metric
labels come from the catalogue, :data:`~hometeams.metrics.METRICS`.

How numbers are written in each language is in ``_format``; the plain-language sentence for a
difference (:func:`~hometeams.report.describe_difference`) is in ``_reading``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from hometeams.errors import InvalidArgument
from hometeams.metrics import METRICS

__all__ = [
    "FAMILIES",
    "LANGUAGES",
    "REPORT_TEXT",
    "check_lang",
    "metric_label",
    "text",
]

LANGUAGES: tuple[str, ...] = ("en", "nb")
"""The report's languages: English and Norwegian (bokmål)."""

FAMILIES: tuple[str, ...] = ("service", "staff time", "continuity", "other")
"""Metric families in the order a report shows them (``other``: not in the catalogue)."""

_EN = {
    # resources
    "res.heading": "Resources per week (means over the replications)",
    "res.model": "model",
    "res.rostered": "rostered h",
    "res.fte": "FTE",
    "res.worked": "worked h",
    "res.overtime": "overtime h",
    "res.paid_year": "paid h/year",
    "res.cost_year": "NOK/year",
    "res.fewer": (
        "{model} has {week} fewer rostered hours a week than {baseline}: {day} a day{shifts}, "
        "{fte} FTE, {year} hours a year"
    ),
    "res.more": (
        "{model} has {week} more rostered hours a week than {baseline}: {day} a day{shifts}, "
        "{fte} FTE, {year} hours a year"
    ),
    "res.same": "{model} has the same rostered hours as {baseline}: {rostered} a week",
    "res.cost": " (NOK {cost} a year)",
    "res.count": "one two three",
    "res.shift": "{n} {h}-hour shift",
    "res.shifts_whole": "{n} {h}-hour shifts",
    "res.shifts": "{n} shifts of {h} hours",
    "res.convention": (
        "Hours are per week of the {measured} measured; 1 FTE = {hours} hours a week, "
        "{year} hours a year (52 weeks); paid hours are rostered plus overtime."
    ),
    "res.cost_convention": " Cost: NOK {cost} per paid hour.",
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
    "weeks": "{n} weeks",
    "week": "{n} week",
    "no_warmup": "none",
    "minutes_value": "{n} minutes",
    "precision": "Stopping rule",
    "precision_value": "interval half-width at most {target}{scope}",
    "precision_relative": " of the mean",
    "precision_differences": " (differences)",
    "reached": "reached",
    "not_reached": "not reached",
    "organisation": "Organisation",
    "organisation_value": (
        "{staff} staff ({fte} FTE); teams: {teams}, zones: {zones}, users: {users}"
    ),
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
        "Marked better or worse only where the interval excludes zero and the mean is outside "
        "the metric's relevance band; inside it, no practical difference."
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
    "negligible": (
        "No practical difference in {metric} between {model} and {baseline}: {diff} "
        "({pct} % CI {low} to {high}), within ±{band}"
    ),
    "better_suffix": " — better.",
    "worse_suffix": " — worse.",
    "end": ".",
    "no_clear": "No clear difference in: {metrics}.",
    "negligible_list": "No practical difference (within the relevance band) in: {metrics}.",
    "negligible_tag": "no practical difference",
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
        "them apart; more replications narrow the intervals. A clear difference smaller than "
        "the metric's relevance band (say 1 percentage point of visits on time, 5 minutes of "
        "delay) is reported as no practical difference: real, but too small to matter."
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
    "res.heading": "Ressurser per uke (snitt over replikasjonene)",
    "res.model": "modell",
    "res.rostered": "turnustimer",
    "res.fte": "årsverk",
    "res.worked": "arbeidede t",
    "res.overtime": "overtid t",
    "res.paid_year": "betalte t/år",
    "res.cost_year": "kr/år",
    "res.fewer": (
        "{model} har {week} færre turnustimer i uken enn {baseline}: {day} i døgnet{shifts}, {fte} "
        "årsverk, {year} timer i året"
    ),
    "res.more": (
        "{model} har {week} flere turnustimer i uken enn {baseline}: {day} i døgnet{shifts}, {fte} "
        "årsverk, {year} timer i året"
    ),
    "res.same": "{model} har like mange turnustimer som {baseline}: {rostered} i uken",
    "res.cost": " ({cost} kr i året)",
    "res.count": "én to tre",
    "res.shift": "{n} vakt på {h} timer",
    "res.shifts_whole": "{n} vakter på {h} timer",
    "res.shifts": "{n} vakter på {h} timer",
    "res.convention": (
        "Timer per uke over de {measured} som er målt; 1 årsverk = {hours} timer i uken, "
        "{year} timer i året (52 uker); betalte timer er turnustimer pluss overtid."
    ),
    "res.cost_convention": " Kostnad: {cost} kr per betalt time.",
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
    "weeks": "{n} uker",
    "week": "{n} uke",
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
        "{staff} ansatte ({fte} årsverk); team: {teams}, soner: {zones}, brukere: {users}"
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
        "bedre eller dårligere bare der intervallet ikke inneholder null og snittet er utenfor "
        "indikatorens relevansgrense; innenfor den er det ingen praktisk forskjell."
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
    "negligible": (
        "Ingen praktisk forskjell i {metric} mellom {model} og {baseline}: {diff} "
        "({pct} % KI {low} til {high}), innenfor ±{band}"
    ),
    "better_suffix": " — bedre.",
    "worse_suffix": " — dårligere.",
    "end": ".",
    "no_clear": "Ingen klar forskjell i: {metrics}.",
    "negligible_list": "Ingen praktisk forskjell (innenfor relevansgrensen) i: {metrics}.",
    "negligible_tag": "ingen praktisk forskjell",
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
        "replikasjoner gir smalere intervall. En klar forskjell som er mindre enn indikatorens "
        "relevansgrense (for eksempel 1 prosentpoeng besøk i tide eller 5 minutter "
        "forsinkelse) omtales som ingen praktisk forskjell: reell, men for liten til å bety noe."
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
