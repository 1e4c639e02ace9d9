"""The library's words, in English and Norwegian (bokmål), in one table.

A leader group in a Norwegian municipality reads "Andel i tide" and "Forskjeller fra faste
team"; a researcher abroad reads "On-time share" and "Differences from fixed teams". Every
user-facing word of the library -- the report's headings and sentences, the command line's
lines, the units and the table headings -- is one entry of :data:`WORDS`: a dotted key
(``"report.differences"``, ``"erlang.queue"``) and a :class:`Word` holding both languages, so
a word without its translation cannot be written down. ``{name}`` fields are filled in by
:func:`words`; a test checks that both languages of an entry have the same fields.

The keys start with the part of the library that speaks them (``report.``, ``erlang.``,
``table.``, ...). Names of things in the data -- the national team types and professions of
:mod:`hometeams.model`, the metric catalogue's labels -- stay with their data: they are part
of the model, not of how it is shown.

A sentence made now and said later -- a finding of ``hometeams check``, read in English by the
library and in either language by the command line -- is a :class:`Phrase`: a key and its
fields, which may be numbers, lists and other phrases, each said in the language asked for.

Numbers are not words, but every language writes them its own way: :func:`plain_number` is the
one rule for plain text (a decimal comma in Norwegian, and a space before a percent sign);
the report's typography (a true minus sign, thousands grouped) is
:func:`hometeams.report.format_number`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple, TypeAlias

from hometeams.errors import InvalidArgument

__all__ = [
    "LANGUAGES",
    "WORDS",
    "Field",
    "Phrase",
    "Word",
    "check_lang",
    "counted",
    "phrase",
    "plain_number",
    "words",
]

LANGUAGES: tuple[str, ...] = ("en", "nb")
"""The library's languages: English and Norwegian (bokmål)."""


class Word(NamedTuple):
    """One word or sentence in both languages; ``{name}`` fields are filled in.

    Examples
    --------
    >>> Word("Seed", "Frø (seed)").text("nb")
    'Frø (seed)'
    """

    en: str
    nb: str

    def text(self, lang: str) -> str:
        """The template in ``lang`` (``"en"`` or ``"nb"``), fields not filled in."""
        return self.nb if lang == "nb" else self.en


def check_lang(lang: object) -> str:
    """Return ``lang`` if the library speaks it, else raise naming it.

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


def words(key: str, lang: str, /, **fields: object) -> str:
    """The entry ``key`` of :data:`WORDS` in ``lang``, with its ``{fields}`` filled in.

    Examples
    --------
    >>> words("report.differences", "nb", baseline="faste team")
    'Forskjeller fra faste team'
    >>> words("report.differences", "en", baseline="fixed teams")
    'Differences from fixed teams'
    """
    return WORDS[key].text(check_lang(lang)).format(**fields)


def counted(n: int, noun: str, lang: str) -> str:
    """``n`` and the noun, ``noun.<noun>.one`` for one and ``noun.<noun>.other`` otherwise.

    Examples
    --------
    >>> counted(1, "zones", "en"), counted(2, "zones", "en"), counted(2, "zones", "nb")
    ('1 zone', '2 zones', '2 soner')
    """
    form = "one" if n == 1 else "other"
    return f"{n} {words(f'noun.{noun}.{form}', lang)}"


def plain_number(value: float, lang: str, /, spec: str = "g") -> str:
    """``value`` formatted by ``spec`` as plain text in ``lang``.

    Norwegian writes a decimal comma and a space before a percent sign; English as Python
    does. ``spec`` is a format specification without thousands grouping.

    Examples
    --------
    >>> plain_number(0.75, "nb"), plain_number(2.5, "en", ".2f"), plain_number(0.26, "nb", ".0%")
    ('0,75', '2.50', '26 %')
    """
    text = format(value, spec)
    if check_lang(lang) == "nb":
        return text.replace(".", ",").replace("%", " %")
    return text


Field: TypeAlias = "str | int | float | Phrase | tuple[Field, ...]"
"""A field of a :class:`Phrase`: text and whole numbers as they are, a decimal number by
:func:`plain_number` (its template's format spec applies), a phrase in the same language, a
tuple as its items joined by commas."""


class Phrase(NamedTuple):
    """An entry of :data:`WORDS` with its fields, to be said in either language later.

    Make one with :func:`phrase`.

    Examples
    --------
    >>> said = phrase("findings.more_items", items=("a", "b"), n=2)
    >>> said.text("en"), said.text("nb")
    ('a, b and 2 more', 'a, b og 2 til')
    """

    key: str
    fields: tuple[tuple[str, Field], ...] = ()

    def text(self, lang: str) -> str:
        """The phrase in ``lang``, its fields said in ``lang`` too."""
        return words(self.key, lang, **{name: _said(value, lang) for name, value in self.fields})


def phrase(key: str, /, **fields: Field) -> Phrase:
    """The entry ``key`` of :data:`WORDS` with ``fields``, to be said later.

    Examples
    --------
    >>> share = phrase("findings.capacity.share", share=0.26)
    >>> share.text("en"), share.text("nb")
    (' (26%)', ' (26 %)')
    >>> phrase("no.such.key")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: key: not an entry of the word table, got 'no.such.key'
    """
    if key not in WORDS:
        raise InvalidArgument(f"key: not an entry of the word table, got {key!r}")
    return Phrase(key, tuple(fields.items()))


class _Number:
    """A decimal number that formats itself in a language (:func:`plain_number`)."""

    __slots__ = ("lang", "value")

    def __init__(self, value: float, lang: str) -> None:
        self.value = value
        self.lang = lang

    def __format__(self, spec: str) -> str:
        return plain_number(self.value, self.lang, spec)


def _said(value: Field, lang: str) -> object:
    if isinstance(value, Phrase):
        return value.text(lang)
    if isinstance(value, tuple):
        return ", ".join(format(_said(item, lang)) for item in value)
    if isinstance(value, float):
        return _Number(value, lang)
    return value


WORDS: Mapping[str, Word] = MappingProxyType(
    {
        # the comparison report and its plots (hometeams.report)
        "report.res.heading": Word(
            "Resources per week (means over the replications)",
            "Ressurser per uke (snitt over replikasjonene)",
        ),
        "report.res.model": Word("model", "modell"),
        "report.res.rostered": Word("rostered h", "turnustimer"),
        "report.res.fte": Word("FTE", "årsverk"),
        "report.res.worked": Word("worked h", "arbeidede t"),
        "report.res.overtime": Word("overtime h", "overtid t"),
        "report.res.paid_year": Word("paid h/year", "betalte t/år"),
        "report.res.cost_year": Word("NOK/year", "kr/år"),
        "report.res.fewer": Word(
            "{model} has {week} fewer rostered hours a week than {baseline}: {day} a day{shifts}, "
            "{fte} FTE, {year} hours a year",
            "{model} har {week} færre turnustimer i uken enn {baseline}: {day} i døgnet{shifts}, "
            "{fte} årsverk, {year} timer i året",
        ),
        "report.res.more": Word(
            "{model} has {week} more rostered hours a week than {baseline}: {day} a day{shifts}, "
            "{fte} FTE, {year} hours a year",
            "{model} har {week} flere turnustimer i uken enn {baseline}: {day} i døgnet{shifts}, "
            "{fte} årsverk, {year} timer i året",
        ),
        "report.res.same": Word(
            "{model} has the same rostered hours as {baseline}: {rostered} a week",
            "{model} har like mange turnustimer som {baseline}: {rostered} i uken",
        ),
        "report.res.cost": Word(" (NOK {cost} a year)", " ({cost} kr i året)"),
        "report.res.count": Word("one two three", "én to tre"),
        "report.res.shift": Word("{n} {h}-hour shift", "{n} vakt på {h} timer"),
        "report.res.shifts_whole": Word("{n} {h}-hour shifts", "{n} vakter på {h} timer"),
        "report.res.shifts": Word("{n} shifts of {h} hours", "{n} vakter på {h} timer"),
        "report.res.convention": Word(
            "Hours are per week of the {measured} measured; 1 FTE = {hours} hours a week, {year} "
            "hours a year (52 weeks); paid hours are rostered plus overtime.",
            "Timer per uke over de {measured} som er målt; 1 årsverk = {hours} timer i uken, "
            "{year} timer i året (52 uker); betalte timer er turnustimer pluss overtid.",
        ),
        "report.res.cost_convention": Word(
            " Cost: NOK {cost} per paid hour.",
            " Kostnad: {cost} kr per betalt time.",
        ),
        "report.title": Word(
            "Comparison of organisation models",
            "Sammenligning av organisasjonsmodeller",
        ),
        "report.subtitle": Word("Organisation: {name}", "Organisasjon: {name}"),
        "report.date": Word("Date: {date}", "Dato: {date}"),
        "report.footer": Word(
            "Made with hometeams {version}. Figures are simulated, not observed.",
            "Laget med hometeams {version}. Tallene er simulerte, ikke observerte.",
        ),
        "report.findings": Word("Main findings", "Hovedfunn"),
        "report.setup": Word("What was compared", "Hva som ble sammenlignet"),
        "report.summary": Word("Results per model", "Resultater per modell"),
        "report.differences": Word("Differences from {baseline}", "Forskjeller fra {baseline}"),
        "report.figures": Word("Figures", "Figurer"),
        "report.how_to_read": Word("How to read this report", "Slik leser du rapporten"),
        "report.models": Word("Models", "Modeller"),
        "report.baseline_mark": Word("baseline", "sammenligningsgrunnlag"),
        "report.replications": Word("Replications", "Replikasjoner"),
        "report.replications_value": Word(
            "{n} per model, on the same realised demand and absences",
            "{n} per modell, med samme realiserte etterspørsel og fravær",
        ),
        "report.level": Word("Confidence level", "Konfidensnivå"),
        "report.seed": Word("Seed", "Frø (seed)"),
        "report.seed_none": Word("not recorded", "ikke registrert"),
        "report.warmup": Word("Warm-up", "Innsvingningsperiode"),
        "report.warmup_none": Word(
            "not stated (no simulation records given)",
            "ikke oppgitt (ingen simuleringsdata gitt)",
        ),
        "report.horizon": Word("Simulated period", "Simulert periode"),
        "report.days": Word("{n} days", "{n} dager"),
        "report.day": Word("{n} day", "{n} dag"),
        "report.weeks": Word("{n} weeks", "{n} uker"),
        "report.week": Word("{n} week", "{n} uke"),
        "report.no_warmup": Word("none", "ingen"),
        "report.minutes_value": Word("{n} minutes", "{n} minutter"),
        "report.precision": Word("Stopping rule", "Stoppregel"),
        "report.precision_value": Word(
            "interval half-width at most {target}{scope}",
            "halv intervallbredde høyst {target}{scope}",
        ),
        "report.precision_relative": Word(" of the mean", " av snittet"),
        "report.precision_differences": Word(" (differences)", " (forskjeller)"),
        "report.reached": Word("reached", "nådd"),
        "report.not_reached": Word("not reached", "ikke nådd"),
        "report.organisation": Word("Organisation", "Organisasjon"),
        "report.organisation_value": Word(
            "{staff} staff ({fte} FTE); teams: {teams}, zones: {zones}, users: {users}",
            "{staff} ansatte ({fte} årsverk); team: {teams}, soner: {zones}, brukere: {users}",
        ),
        "report.metric": Word("Metric", "Indikator"),
        "report.ci": Word("{pct} % CI", "{pct} % KI"),
        "report.better": Word("better", "bedre"),
        "report.worse": Word("worse", "dårligere"),
        "report.family.service": Word("Service to users", "Tjenesten til brukerne"),
        "report.family.staff time": Word("Staff time", "Personalets tid"),
        "report.family.continuity": Word("Continuity of care", "Kontinuitet"),
        "report.family.other": Word("Other figures", "Andre tall"),
        "report.summary_note": Word(
            "Mean over the replications, with its {pct} % confidence interval below.",
            "Snitt over replikasjonene, med {pct} % konfidensintervall under.",
        ),
        "report.differences_note": Word(
            "Paired difference (model minus {baseline}) with its {pct} % confidence interval. "
            "Marked better or worse only where the interval excludes zero and the mean is outside "
            "the metric's relevance band; inside it, no practical difference.",
            "Parvis forskjell (modell minus {baseline}) med {pct} % konfidensintervall. Merket "
            "bedre eller dårligere bare der intervallet ikke inneholder null og snittet er "
            "utenfor indikatorens relevansgrense; innenfor den er det ingen praktisk forskjell.",
        ),
        "report.compared_with": Word(
            "{model} compared with {baseline}",
            "{model} sammenlignet med {baseline}",
        ),
        "report.higher": Word(
            "{Metric} is higher with {model} than with {baseline}: {diff} ({pct} % CI {low} to "
            "{high})",
            "{Metric} er høyere med {model} enn med {baseline}: {diff} ({pct} % KI {low} til "
            "{high})",
        ),
        "report.lower": Word(
            "{Metric} is lower with {model} than with {baseline}: {diff} ({pct} % CI {low} to "
            "{high})",
            "{Metric} er lavere med {model} enn med {baseline}: {diff} ({pct} % KI {low} til "
            "{high})",
        ),
        "report.unclear": Word(
            "No clear difference in {metric} between {model} and {baseline}: {diff} ({pct} % CI "
            "{low} to {high})",
            "Ingen klar forskjell i {metric} mellom {model} og {baseline}: {diff} ({pct} % KI "
            "{low} til {high})",
        ),
        "report.same": Word(
            "{Metric} is the same with {model} and {baseline} in every replication",
            "{Metric} er lik med {model} og {baseline} i alle replikasjoner",
        ),
        "report.no_interval": Word(
            "{Metric} differs by {diff} between {model} and {baseline}; with fewer than two "
            "replications there is no interval",
            "{Metric} skiller seg med {diff} mellom {model} og {baseline}; med færre enn to "
            "replikasjoner finnes det ikke noe intervall",
        ),
        "report.undefined": Word(
            "{Metric} is not defined for {model} and {baseline} in any replication",
            "{Metric} er ikke definert for {model} og {baseline} i noen replikasjon",
        ),
        "report.negligible": Word(
            "No practical difference in {metric} between {model} and {baseline}: {diff} ({pct} % "
            "CI {low} to {high}), within ±{band}",
            "Ingen praktisk forskjell i {metric} mellom {model} og {baseline}: {diff} ({pct} % KI "
            "{low} til {high}), innenfor ±{band}",
        ),
        "report.better_suffix": Word(" — better.", " — bedre."),
        "report.worse_suffix": Word(" — worse.", " — dårligere."),
        "report.end": Word(".", "."),
        "report.no_clear": Word(
            "No clear difference in: {metrics}.",
            "Ingen klar forskjell i: {metrics}.",
        ),
        "report.negligible_list": Word(
            "No practical difference (within the relevance band) in: {metrics}.",
            "Ingen praktisk forskjell (innenfor relevansgrensen) i: {metrics}.",
        ),
        "report.negligible_tag": Word("no practical difference", "ingen praktisk forskjell"),
        "report.same_list": Word(
            "The same in every replication: {metrics}.",
            "Likt i alle replikasjoner: {metrics}.",
        ),
        "report.no_interval_list": Word(
            "No interval (too few replications): {metrics}.",
            "Ikke noe intervall (for få replikasjoner): {metrics}.",
        ),
        "report.undefined_list": Word(
            "Not defined in any replication: {metrics}.",
            "Ikke definert i noen replikasjon: {metrics}.",
        ),
        "report.see_tables": Word(
            "Every metric is in the tables below.",
            "Alle indikatorene står i tabellene nedenfor.",
        ),
        "report.only_one_model": Word(
            "Only one model was run, so there is nothing to compare it with.",
            "Bare én modell ble kjørt, så det er ingenting å sammenligne med.",
        ),
        "report.unit.pp": Word("pp", "%-poeng"),
        "report.unit.pp_long": Word("percentage points", "prosentpoeng"),
        "report.unit.minutes": Word("min", "min"),
        "report.unit.hours": Word("h", "t"),
        "report.unit.hours_long": Word("hours", "timer"),
        "report.fig.comparison": Word(
            "Mean of each metric per model; the black lines are the {pct} % confidence intervals "
            "and the dashed line is {baseline}.",
            "Snitt av hver indikator per modell; de svarte strekene er {pct} % "
            "konfidensintervall, og den stiplede linjen er {baseline}.",
        ),
        "report.fig.tradeoff": Word(
            "Idle staff time against visits on time, one point per model with its {pct} % "
            "intervals in both directions. Better is up and to the left.",
            "Ledig gang mot besøk i tide, ett punkt per modell med {pct} % intervall i begge "
            "retninger. Bedre er opp og mot venstre.",
        ),
        "report.fig.distinct": Word(
            "How many different staff a user met in a fortnight, in one simulated run per model: "
            "the share of user-fortnights with 1, 2, 3, … staff. Fewer faces means more "
            "continuity.",
            "Hvor mange ulike ansatte en bruker møtte på fjorten dager, i én simulert kjøring per "
            "modell: andelen bruker-fjortendager med 1, 2, 3, … ansatte. Færre ansikter betyr mer "
            "kontinuitet.",
        ),
        "report.fig.utilisation": Word(
            "Utilisation by hour of the week, in one simulated run per model: minutes busy or "
            "travelling within shifts over minutes rostered, summed over the weeks after the "
            "warm-up. Gaps are hours when nobody is rostered.",
            "Utnyttelsesgrad per time i uken, i én simulert kjøring per modell: minutter i arbeid "
            "eller på vei innenfor vaktene delt på minutter i turnus, summert over ukene etter "
            "innsvingningsperioden. Hull er timer der ingen står i turnus.",
        ),
        "report.fig.organisation": Word(
            "The organisation: staff (grey dots) and teams (coloured by kind, sized by FTE); a "
            "line joins a person to every team that holds part of their position.",
            "Organisasjonen: ansatte (grå prikker) og team (farget etter type, størrelse etter "
            "årsverk); en strek binder en ansatt til hvert team som har en del av stillingen.",
        ),
        "report.fig.missing_window": Word(
            "Distinct staff per fortnight: not shown, because the simulated period after the "
            "warm-up is shorter than 14 days.",
            "Ulike ansatte per fjorten dager: ikke vist, fordi den simulerte perioden etter "
            "innsvingningen er kortere enn 14 dager.",
        ),
        "report.axis.share_of_windows": Word(
            "Share of user-fortnights (%)",
            "Andel bruker-fjortendager (%)",
        ),
        "report.axis.distinct_staff": Word(
            "Different staff met in 14 days",
            "Ulike ansatte møtt på 14 dager",
        ),
        "report.axis.utilisation": Word("Utilisation (%)", "Utnyttelsesgrad (%)"),
        "report.axis.lower_better": Word("{label} (lower is better)", "{label} (lavere er bedre)"),
        "report.axis.higher_better": Word(
            "{label} (higher is better)",
            "{label} (høyere er bedre)",
        ),
        "report.legend.mean": Word("{model} (mean {mean})", "{model} (snitt {mean})"),
        "report.legend.staff": Word("Staff", "Ansatte"),
        "report.plot.undefined": Word("not defined", "ikke definert"),
        "report.days.short": Word("Mon Tue Wed Thu Fri Sat Sun", "man tir ons tor fre lør søn"),
        "report.category.specialist": Word("Specialist team", "Fagteam"),
        "report.category.allocation": Word("Allocation team", "Forvaltningsteam"),
        "report.category.geographic": Word("Geographic team", "Geografisk team (sone)"),
        "report.category.night": Word("Night team", "Nattpatrulje"),
        "report.category.other": Word("Other team", "Annet team"),
        "report.read.1": Word(
            "Each model was simulated {n} times (replications). A figure in the tables is the "
            "mean over these runs; its {pct} % confidence interval (CI) is the range that, "
            "computed this way, contains the model's true mean in {pct} of 100 such experiments.",
            "Hver modell ble simulert {n} ganger (replikasjoner). Et tall i tabellene er snittet "
            "over disse kjøringene; {pct} % konfidensintervall (KI) er området som, regnet slik, "
            "inneholder modellens sanne snitt i {pct} av 100 slike forsøk.",
        ),
        "report.read.2": Word(
            "In every replication all models met the same realised demand and the same absences "
            "(common random numbers). The differences are therefore taken replication by "
            "replication (paired), and their intervals are narrower than the two separate "
            "intervals suggest: read the differences, not the overlap of the intervals.",
            "I hver replikasjon møtte alle modellene samme realiserte etterspørsel og samme "
            "fravær (felles tilfeldige tall). Forskjellene er derfor regnet replikasjon for "
            "replikasjon (parvis), og intervallene deres er smalere enn de to separate "
            "intervallene antyder: les forskjellene, ikke om intervallene overlapper.",
        ),
        "report.read.3": Word(
            "A difference is clear when its interval does not include zero. No clear difference "
            "does not mean that the models are equal, only that these replications cannot tell "
            "them apart; more replications narrow the intervals. A clear difference smaller than "
            "the metric's relevance band (say 1 percentage point of visits on time, 5 minutes of "
            "delay) is reported as no practical difference: real, but too small to matter.",
            "En forskjell er klar når intervallet ikke inneholder null. Ingen klar forskjell "
            "betyr ikke at modellene er like, bare at disse replikasjonene ikke skiller dem; "
            "flere replikasjoner gir smalere intervall. En klar forskjell som er mindre enn "
            "indikatorens relevansgrense (for eksempel 1 prosentpoeng besøk i tide eller 5 "
            "minutter forsinkelse) omtales som ingen praktisk forskjell: reell, men for liten til "
            "å bety noe.",
        ),
        "report.read.4": Word(
            "Shares are in per cent, and differences of shares in percentage points: from 70 % to "
            "75 % is +5 percentage points. Better and worse follow each metric's direction: less "
            "idle time and less delay are better, more visits on time is better.",
            "Andeler er i prosent, og forskjeller i andeler i prosentpoeng: fra 70 % til 75 % er "
            "+5 prosentpoeng. Bedre og dårligere følger retningen til hver indikator: mindre "
            "ledig gang og kortere forsinkelse er bedre, flere besøk i tide er bedre.",
        ),
        "report.read.5": Word(
            "The results are only as good as the scenario: staff, rosters, demand, durations and "
            "travel times as entered. Check those before acting on the figures.",
            "Resultatene er ikke bedre enn scenarioet: ansatte, turnus, etterspørsel, varigheter "
            "og reisetider slik de er lagt inn. Kontroller dem før du handler på tallene.",
        ),
        # hometeams erlang (hometeams.cli)
        "erlang.queue": Word(
            "Requests that wait (M/M/c): load {load} erlangs{visits}",
            "Forespørsler som venter (M/M/c): belastning {load} erlang{visits}",
        ),
        "erlang.visits": Word(", visits of {minutes} min", ", besøk på {minutes} min"),
        "erlang.staff": Word("staff", "ansatte"),
        "erlang.erlang_b": Word(
            "turned away if all are busy (Erlang B)",
            "avvist om alle er opptatt (Erlang B)",
        ),
        "erlang.erlang_c": Word("wait at all (Erlang C)", "må vente (Erlang C)"),
        "erlang.occupancy": Word("occupancy", "beleggsgrad"),
        "erlang.mean_wait": Word("mean wait", "gjennomsnittlig ventetid"),
        "erlang.within": Word("wait longer than {minutes} min", "venter over {minutes} min"),
        "erlang.unstable": Word("unstable", "ustabil"),
        "erlang.visit_lengths": Word("× visit length", "× besøkslengde"),
        "erlang.minimum": Word(
            "Fewest staff with {targets}: {n}",
            "Færrest ansatte med {targets}: {n}",
        ),
        "erlang.target_wait_probability": Word(
            "at most {share} waiting",
            "høyst {share} som venter",
        ),
        "erlang.target_mean_wait": Word(
            "a mean wait of at most {minutes} min",
            "gjennomsnittlig ventetid høyst {minutes} min",
        ),
        "erlang.target_service_level": Word(
            "{share} waiting at most {within} min",
            "{share} som venter høyst {within} min",
        ),
        "erlang.target_blocking": Word("at most {share} turned away", "høyst {share} avvist"),
        "erlang.and": Word(" and ", " og "),
        "erlang.all_unstable": Word(
            "a load of {load} erlangs needs more than {n} staff: the queue would grow without end",
            "en belastning på {load} erlang trenger flere enn {n} ansatte: køen ville vokse uten "
            "ende",
        ),
        "erlang.poisson": Word(
            "Need as a Poisson count with mean {mean} staff",
            "Behov som poissonfordelt antall med snitt {mean} ansatte",
        ),
        "erlang.short_p": Word(
            "share of moments with unmet need",
            "andel av tiden med udekket behov",
        ),
        "erlang.short": Word("mean unmet need (staff)", "gjennomsnittlig udekket behov (ansatte)"),
        "erlang.idle": Word("mean idle staff", "gjennomsnittlig ledige ansatte"),
        "erlang.utilisation": Word("utilisation", "utnyttelsesgrad"),
        "erlang.coverage": Word(
            "Fewest staff covering all need {pct} of the time: {n}",
            "Færrest ansatte som dekker alt behov {pct} av tiden: {n}",
        ),
        "erlang.cost": Word(
            "Staff with the least expected cost (unmet need {ratio} × idle): {n}",
            "Ansatte med lavest forventet kostnad (udekket behov {ratio} × ledig tid): {n}",
        ),
        "erlang.waste": Word(
            "Need {need} staff{floor}: staffed {staff}",
            "Behov {need} ansatte{floor}: bemannet {staff}",
        ),
        "erlang.floor": Word(", floor {floor}", ", minstebemanning {floor}"),
        "erlang.used": Word("used work", "utført arbeid"),
        "erlang.rounding": Word("rounding waste (whole people)", "avrundingssvinn (hele personer)"),
        "erlang.floor_waste": Word("floor waste", "svinn fra minstebemanning"),
        "erlang.buffer": Word("buffer", "buffer"),
        "erlang.idle_share": Word("idle share", "ledig gang"),
        "erlang.shortfall": Word("unmet need", "udekket behov"),
        "erlang.pooling": Word(
            "Pooling {k} units ({kind}){floor}",
            "Sammenslåing av {k} enheter ({kind}){floor}",
        ),
        "erlang.unit": Word("unit", "enhet"),
        "erlang.load": Word("load", "belastning"),
        "erlang.merged": Word("merged", "slått sammen"),
        "erlang.summed": Word("merged at the summed need", "slått sammen til summert behov"),
        "erlang.saved": Word(
            "Merging saves {n} staff at the same target.",
            "Sammenslåing sparer {n} ansatte med samme mål.",
        ),
        "erlang.breaks": Word(
            "Cut to the summed need, the merged queue would be unstable.",
            "Kuttet til summert behov ville den sammenslåtte køen vært ustabil.",
        ),
        # the plain-text table of a comparison (hometeams.experiment, hometeams compare)
        "table.metric": Word("metric", "indikator"),
        "table.model": Word("model", "modell"),
        "table.n": Word("n", "n"),
        "table.mean": Word("mean", "snitt"),
        "table.ci": Word("{level} % CI", "{level} % KI"),
        "table.difference": Word("difference from {baseline}", "forskjell fra {baseline}"),
        # hometeams compare (hometeams.cli)
        "compare.setup": Word(
            "{n} models, {reps} replications each on the same demand and absences, seed {seed}",
            "{n} modeller, {reps} replikasjoner hver på samme etterspørsel og fravær, frø {seed}",
        ),
        "compare.clear": Word(
            "Differences from {baseline} that matter (the interval excludes zero, the mean is "
            "outside the metric's relevance band):",
            "Forskjeller fra {baseline} som betyr noe (intervallet utelukker null, snittet er "
            "utenfor indikatorens relevansgrense):",
        ),
        "compare.unclear": Word(
            "No differences from {baseline} that matter in these metrics.",
            "Ingen forskjeller fra {baseline} som betyr noe i disse indikatorene.",
        ),
        "compare.measured": Word(
            "; totals over the {measured} measured",
            "; summer over de {measured} som er målt",
        ),
        "compare.empty": Word(
            "No value for {metric}: no replication gave one{why}.",
            "Ingen verdi for {metric}: ingen replikasjon ga noen{why}.",
        ),
        # why a metric may have no value at all (compare.empty's {why}), by metric
        "empty.mean_distinct_staff_14d": Word(
            " (it counts whole 14 days after the warm-up, and {measured} were measured: make "
            "the horizon at least the warm-up and 14 days)",
            " (den teller hele 14 dager etter innkjøringen, og {measured} ble målt: sett "
            "horisonten til minst innkjøringen og 14 dager)",
        ),
        # hometeams check (hometeams.cli)
        "check.fte": Word("FTE", "årsverk"),
        "check.findings": Word("Findings:", "Funn:"),
        "check.none": Word("No findings.", "Ingen funn."),
        "check.uncovered": Word(
            "needs that no staff member has the competence for",
            "behov som ingen ansatt har kompetanse til",
        ),
        "check.no_team": Word("staff in no team", "ansatte uten team"),
        "check.organisation": Word("organisation", "organisasjon"),
        "check.in_file": Word("written in the file", "skrevet i fila"),
        "check.file": Word("from {path}", "fra {path}"),
        "check.example": Word("built-in example {key}", "innebygd eksempel {key}"),
        "check.roster": Word(
            "roster: {lines}, {cycle} cycle; {horizon} simulated, {warmup}",
            "turnus: {lines}, {cycle} syklus; {horizon} simulert, {warmup}",
        ),
        "check.warmup": Word("the first {warmup} a warm-up", "de første {warmup} innkjøring"),
        "check.no_warmup": Word("no warm-up", "ingen innkjøring"),
        "check.demand": Word(
            "demand: {visits} ({per_week} a week), {arrivals}, {alarms}, {discharges}",
            "etterspørsel: {visits} ({per_week} i uka), {arrivals}, {alarms}, {discharges}",
        ),
        "check.models": Word("models ({n}): {models}", "modeller ({n}): {models}"),
        "check.own": Word("own {parts}", "egen {parts}"),
        "check.experiment": Word(
            "experiment: {replications}, seed {seed}, baseline {baseline}",
            "eksperiment: {replications}, frø {seed}, sammenlignet med {baseline}",
        ),
        "check.fresh": Word("fresh each run", "nytt for hver kjøring"),
        "check.size": Word(
            "size: about {jobs} jobs and {shifts} shifts a replication, about {mb} MB",
            "størrelse: om lag {jobs} oppdrag og {shifts} vakter per replikasjon, om lag {mb} MB",
        ),
        "check.part.organisation": Word("organisation", "organisasjon"),
        "check.part.roster": Word("roster", "turnus"),
        "check.part.floors": Word("floors", "bemanningsgulv"),
        "cycle.one": Word("a 1-week", "1 ukes"),
        "cycle.other": Word("a {n}-week", "{n} ukers"),
        # units of time, as format_minutes writes them
        "unit.weeks": Word("weeks", "uker"),
        "unit.week": Word("week", "uke"),
        "unit.days": Word("days", "dager"),
        "unit.day": Word("day", "dag"),
        "unit.hours": Word("hours", "timer"),
        "unit.hour": Word("hour", "time"),
        # counted nouns: noun.<name>.one for 1, noun.<name>.other for any other count
        "noun.staff.one": Word("staff", "ansatt"),
        "noun.staff.other": Word("staff", "ansatte"),
        "noun.teams.one": Word("team", "team"),
        "noun.teams.other": Word("teams", "team"),
        "noun.zones.one": Word("zone", "sone"),
        "noun.zones.other": Word("zones", "soner"),
        "noun.units.one": Word("unit", "enhet"),
        "noun.units.other": Word("units", "enheter"),
        "noun.users.one": Word("user", "bruker"),
        "noun.users.other": Word("users", "brukere"),
        "noun.lines.one": Word("line", "linje"),
        "noun.lines.other": Word("lines", "linjer"),
        "noun.visit_plans.one": Word("visit plan", "besøksplan"),
        "noun.visit_plans.other": Word("visit plans", "besøksplaner"),
        "noun.visits.one": Word("visit", "besøk"),
        "noun.visits.other": Word("visits", "besøk"),
        "noun.arrivals.one": Word("arrival process", "ankomstprosess"),
        "noun.arrivals.other": Word("arrival processes", "ankomstprosesser"),
        "noun.alarms.one": Word("alarm source", "alarmkilde"),
        "noun.alarms.other": Word("alarm sources", "alarmkilder"),
        "noun.discharges.one": Word("discharge source", "utskrivingskilde"),
        "noun.discharges.other": Word("discharge sources", "utskrivingskilder"),
        "noun.replications.one": Word("replication", "replikasjon"),
        "noun.replications.other": Word("replications", "replikasjoner"),
        # the findings of hometeams check and import (hometeams.cli)
        "findings.findings": Word("Findings", "Funn"),
        "findings.none": Word("No findings.", "Ingen funn."),
        "findings.more": Word(
            "  ... and {n} more {kind} {word} (--json lists them all)",
            "  ... og {n} {word} til av typen {kind} (--json viser alle)",
        ),
        "findings.counted": Word(
            "  info: {n} {kind} {word} (--json lists them)",
            "  merknad: {n} {word} av typen {kind} (--json viser dem)",
        ),
        # the findings themselves (hometeams.scenario, hometeams.io, hometeams.cli)
        "findings.more_items": Word("{items} and {n} more", "{items} og {n} til"),
        "findings.and": Word("{first} and {then}", "{first} og {then}"),
        "findings.time": Word("{time} on {day}", "{day} kl. {time}"),
        "findings.when": Word("{day} {period}", "{day} {period}"),
        "findings.of_model": Word(
            "under model {model!r} (models[{i}]): {finding}",
            "i modell {model!r} (models[{i}]): {finding}",
        ),
        "findings.competence.one": Word(
            "no rostered staff member holds all of {needs}; these jobs go unserved",
            "ingen ansatte i turnus har kompetansen {needs}; disse oppdragene blir ikke utført",
        ),
        "findings.competence.other": Word(
            "no rostered staff member holds all of {needs}; these jobs go unserved",
            "ingen ansatte i turnus har alle kompetansene {needs}; disse oppdragene blir ikke "
            "utført",
        ),
        "findings.competence.nobody": Word(
            "no rostered staff member is rostered; these jobs go unserved",
            "ingen ansatte står i turnus; disse oppdragene blir ikke utført",
        ),
        "findings.two_person": Word(
            "a two-person visit, but only {n} rostered staff member(s) can go",
            "besøket krever dobbeltbemanning, men bare {n} av de ansatte i turnus kan ta det",
        ),
        "findings.coverage": Word(
            "nobody who can make the visit is on shift within its window at {times}",
            "ingen som kan ta besøket, er på vakt innenfor tidsvinduet for {times}",
        ),
        "findings.outside_shift": Word(
            "the visit's window lies outside every rostered shift at {times}",
            "besøkets tidsvindu ligger utenfor alle vakter i turnusen: {times}",
        ),
        "findings.team": Word(
            "under fixed teams only team {team!r} may take the visit, and none of its members "
            "who can is on shift for it within its window at {times}",
            "med faste team kan bare team {team!r} ta besøket, og ingen av teamets medlemmer "
            "som kan ta det, er på vakt innenfor tidsvinduet for {times}",
        ),
        "findings.gap": Word(
            "nobody{holding} is on duty {start}-{end} {days}, while work arrives: {work} a week",
            "ingen{holding} er på vakt kl. {start}-{end} {days}, mens det kommer arbeid: {work} "
            "i uken",
        ),
        "findings.gap.holding": Word(" holding {needs}", " som har {needs},"),
        "findings.gap.every_day": Word("on every day", "alle dager"),
        "findings.gap.on_days": Word("on {days}", "på {days}"),
        "findings.gap.visits": Word("{n:g} planned visits", "{n:g} planlagte besøk"),
        "findings.gap.arrivals": Word(
            "{n:g} expected unplanned jobs from {name!r}",
            "{n:g} forventede uplanlagte oppdrag fra {name!r}",
        ),
        "findings.gap.alarms": Word(
            "{n:g} expected alarms from {name!r}", "{n:g} forventede alarmer fra {name!r}"
        ),
        "findings.capacity.district": Word("{when}: {work}{zones}", "{when}: {work}{zones}"),
        "findings.capacity.zone": Word(
            "{when} in zone {zone!r}: {work}; only a model that lends staff between zones can "
            "meet it",
            "{when} i sone {zone!r}: {work}; bare en modell som låner ansatte mellom soner kan "
            "dekke det",
        ),
        "findings.capacity.work": Word(
            "{load:.0f} staff-minutes of work ({planned:.0f} planned, {unplanned:.0f} expected "
            "unplanned) against {rostered:.0f} rostered: {excess:.0f} minutes{share} more than "
            "{who} can do, before any travel; the analytic need is {need} staff on duty, the "
            "roster has {on_duty:.1f}",
            "{load:.0f} personalminutter arbeid ({planned:.0f} planlagt, {unplanned:.0f} "
            "forventet uplanlagt) mot {rostered:.0f} i turnus: {excess:.0f} minutter{share} mer "
            "enn {who} rekker, før reisetid; analytisk behov er {need} på vakt, turnusen har "
            "{on_duty:g}",
        ),
        "findings.capacity.share": Word(" ({share:.0%})", " ({share:.0%})"),
        "findings.capacity.everyone": Word("everyone on shift", "alle på vakt"),
        "findings.capacity.zone_staff": Word(
            "the zone's own staff on shift",
            "sonens egne ansatte på vakt",
        ),
        "findings.capacity.by_zone": Word(
            "; minutes over by zone: {zones}",
            "; minutter over per sone: {zones}",
        ),
        "findings.capacity.zone_minutes": Word("{zone} {minutes:.0f}", "{zone} {minutes:.0f}"),
        "findings.contract": Word(
            "rostered {rostered:g} hours a week against a {percent:g} % position of "
            "{contract:g} hours: {over:g} hours ({share:.0%}) over",
            "turnusført {rostered:g} timer i uka mot en {percent:g} % stilling på {contract:g} "
            "timer: {over:g} timer ({share:.0%}) over",
        ),
        "findings.needs": Word(
            "needs {needs}, which no staff member has",
            "har behov for {needs}, som ingen ansatte har kompetanse i",
        ),
        "findings.no_team": Word("in no team", "er ikke med i noe team"),
        # the load table of hometeams check
        "load.title": Word(
            "Offered load against rostered minutes (staff-minutes a period; need: Poisson, "
            "covering the work at a random moment with probability 0.9):",
            "Arbeidsmengde mot turnusførte minutter (personalminutter per vakt; behov: Poisson, "
            "dekker arbeidet i et tilfeldig øyeblikk med sannsynlighet 0,9):",
        ),
        "load.head.zone": Word("zone", "sone"),
        "load.head.day": Word("day", "dag"),
        "load.head.period": Word("period", "vakt"),
        "load.head.planned": Word("planned", "planlagt"),
        "load.head.unplanned": Word("unplanned", "uplanlagt"),
        "load.head.load": Word("load", "arbeid"),
        "load.head.rostered": Word("rostered", "turnus"),
        "load.head.over": Word("over", "over"),
        "load.head.busy": Word("busy", "opptatt"),
        "load.head.on_duty": Word("on duty", "på vakt"),
        "load.head.need": Word("need", "behov"),
        "load.all": Word("(all)", "(alle)"),
        # days and periods
        "weekday.monday": Word("Monday", "mandag"),
        "weekday.tuesday": Word("Tuesday", "tirsdag"),
        "weekday.wednesday": Word("Wednesday", "onsdag"),
        "weekday.thursday": Word("Thursday", "torsdag"),
        "weekday.friday": Word("Friday", "fredag"),
        "weekday.saturday": Word("Saturday", "lørdag"),
        "weekday.sunday": Word("Sunday", "søndag"),
        "weekday.in_week": Word("{day} of week {week}", "{day} uke {week}"),
        "period.day": Word("day", "dag"),
        "period.evening": Word("evening", "kveld"),
        "period.night": Word("night", "natt"),
        "noun.error.one": Word("error", "feil"),
        "noun.error.other": Word("errors", "feil"),
        "noun.warning.one": Word("warning", "advarsel"),
        "noun.warning.other": Word("warnings", "advarsler"),
        "noun.info.one": Word("info", "merknad"),
        "noun.info.other": Word("info", "merknader"),
        "noun.finding.one": Word("finding", "funn"),
        "noun.finding.other": Word("findings", "funn"),
        # hometeams import (hometeams.cli)
        "import.model.fixed": Word("fixed teams", "faste team"),
        "import.model.pooled": Word("pooled", "samlet"),
        "import.more": Word(
            "{n} more findings: hometeams check {out}",
            "{n} funn til: hometeams check {out} --lang nb",
        ),
        "import.done": Word(
            "Wrote {out}: {staff}, {users}, {plans} ({per_week} a week), {cycle} rota; next: "
            "hometeams check {out}",
            "Skrev {out}: {staff}, {users}, {plans} ({per_week} i uka), {cycle} turnus; neste: "
            "hometeams check {out} --lang nb",
        ),
        # the comments of the scenario file it writes: a header, then one per part
        "import.head": Word(
            "Scenario file written by `hometeams import {source}`.\n"
            "Check it with `hometeams check {out}` and compare the models with\n"
            "`hometeams compare {out} --report report.html`. Edit freely: the models, the\n"
            "experiment and the horizon are starting points. Reference: docs/reference/\n"
            "scenario-file.md",
            "Scenariofil skrevet av `hometeams import {source}`.\n"
            "Sjekk den med `hometeams check {out} --lang nb` og sammenlign modellene med\n"
            "`hometeams compare {out} --lang nb --report rapport.html`. Rediger fritt:\n"
            "modellene, eksperimentet og perioden er et utgangspunkt. Referanse:\n"
            "docs/reference/scenario-file.md",
        ),
        "import.part.organisation": Word(
            "The organisation: the staff, users and zones of the sheets; one geographic team per "
            "zone.",
            "Organisasjonen: ansatte, brukere og soner fra arkene; ett geografisk team per sone.",
        ),
        "import.part.teams": Word(
            "One team per zone, of everyone whose home zone it is.",
            "Ett team per sone, med alle som har den som hjemmesone.",
        ),
        "import.part.roster": Word(
            "The rota (roster sheet), one line per person, shift and week of the cycle.",
            "Turnusen (arket turnus), én linje per person, vakt og uke i syklusen.",
        ),
        "import.part.visits": Word(
            "The visits (visits sheet), one plan per row.",
            "Besøkene (arket besøk), én plan per rad.",
        ),
        "import.part.travel": Word(
            "Travel times between zones in minutes (travel sheet).",
            "Reisetid mellom soner i minutter (arket reisetid).",
        ),
        "import.part.models": Word(
            "The organisation models to compare: add your own (overflow, continuity-first, ...).",
            "Organisasjonsmodellene som sammenlignes: legg til dine egne (overflow, "
            "continuity-first, ...).",
        ),
        "import.part.experiment": Word(
            "Replications and seed of the comparison.",
            "Replikasjoner og frø for sammenligningen.",
        ),
        # hometeams demo (hometeams.cli)
        "demo.next": Word(
            "Wrote {files} to {folder}/. Make it yours: edit {folder}/scenario.toml and run\n  "
            "hometeams compare {folder}/scenario.toml --report {folder}/report.html --overwrite",
            "Skrev {files} til {folder}/. Gjør den til din egen: rediger {folder}/scenario.toml "
            "og kjør\n  hometeams compare {folder}/scenario.toml --report {folder}/report.html "
            "--overwrite --lang nb",
        ),
        # hometeams template (hometeams.cli)
        "template.done": Word(
            "Wrote {out} ({sheets}). Replace the example rows with your district's and run\n  "
            "hometeams import {out} -o district.toml",
            "Skrev {out} ({sheets}). Bytt ut eksempelradene med distriktets egne og kjør\n  "
            "hometeams import {out} -o distrikt.toml --lang nb",
        ),
        # the organisation analysis (hometeams.report, hometeams analyse)
        "analysis.title": Word("Analysis of {name}", "Analyse av {name}"),
        "analysis.headline": Word(
            "staff: {staff} ({fte} FTE) · teams: {teams} · zones: {zones} · users: {users}",
            "ansatte: {staff} ({fte} årsverk) · team: {teams} · soner: {zones} · brukere: {users}",
        ),
        "analysis.span": Word(
            "Span of control (direct reports; flagged above {max_fte} FTE)",
            "Lederspenn (direkte underordnede; flagget over {max_fte} årsverk)",
        ),
        "analysis.leader": Word("leader", "leder"),
        "analysis.heads": Word("heads", "personer"),
        "analysis.fte": Word("FTE", "årsverk"),
        "analysis.too_large": Word("too large", "for stort"),
        "analysis.no_leaders": Word("No reporting lines.", "Ingen rapporteringslinjer."),
        "analysis.coverage": Word(
            "Competence coverage by zone (FTE holding / users needing)",
            "Kompetansedekning per sone (årsverk med kompetansen / brukere med behov)",
        ),
        "analysis.competence": Word("competence", "kompetanse"),
        "analysis.whole": Word("whole service", "hele tjenesten"),
        "analysis.no_zone": Word("(no home zone)", "(ingen hjemmesone)"),
        "analysis.risk": Word(
            "Key-person risk (competences held by fewer than {k} people)",
            "Nøkkelpersonrisiko (kompetanse som færre enn {k} personer har)",
        ),
        "analysis.nobody": Word("nobody", "ingen"),
        "analysis.users_need": Word("needed by {n}", "behov hos {n}"),
        "analysis.in_zone": Word("zone {group}", "sone {group}"),
        "analysis.in_team": Word("team {group}", "team {group}"),
        "analysis.no_risk": Word(
            "No competence hangs on fewer than {k} people.",
            "Ingen kompetanse hviler på færre enn {k} personer.",
        ),
        "analysis.absences": Word("If one person is away", "Hvis én person er borte"),
        "analysis.sole": Word("only one with {items}", "eneste med {items}"),
        "analysis.exposed": Word("users exposed: {n}", "utsatte brukere: {n}"),
        "analysis.gaps": Word("gaps in {items}", "hull i {items}"),
        "analysis.no_absence": Word(
            "No single absence leaves a competence without a holder.",
            "Ingen enkeltperson er eneste med en kompetanse.",
        ),
        "analysis.bus": Word(
            "Bus factor per zone: fewest absences that leave a user's need uncovered (below {k})",
            "Bussfaktor per sone: færrest fravær før en brukers behov står udekket (under {k})",
        ),
        "analysis.no_bus": Word(
            "In every zone, every need survives the absence of any {k_less} people.",
            "I alle soner tåler alle behov at hvilke som helst {k_less} er borte.",
        ),
        "analysis.reach": Word(
            "Specialist reach (users needing the team's competence)",
            "Fagteamenes rekkevidde (brukere med behov for teamets kompetanse)",
        ),
        "analysis.team": Word("team", "team"),
        "analysis.users": Word("users", "brukere"),
        "analysis.direct": Word("direct", "direkte"),
        "analysis.through": Word("through staff", "gjennom andre"),
        "analysis.unreached": Word("unreached", "nås ikke"),
        "analysis.no_specialists": Word("No specialist teams.", "Ingen fagteam."),
        "analysis.reach_note": Word(
            "Assumes {caseload} users per FTE followed directly, {supervised} staff per FTE "
            "supervised.",
            "Forutsetter {caseload} brukere per årsverk fulgt direkte, {supervised} ansatte per "
            "årsverk veiledet.",
        ),
        "analysis.overlap": Word(
            "Teams with overlapping functions",
            "Team med overlappende funksjoner",
        ),
        "analysis.similarity": Word("similarity {value}", "likhet {value}"),
        "analysis.same_type": Word("same type", "samme type"),
        "analysis.shared": Word("shared: {items}", "felles: {items}"),
        "analysis.no_overlap": Word("No overlapping teams.", "Ingen overlappende team."),
        "analysis.uncovered": Word(
            "Needs nobody in the organisation covers",
            "Behov ingen i organisasjonen dekker",
        ),
        "analysis.no_uncovered": Word(
            "Every need is covered by at least one person.",
            "Alle behov dekkes av minst én person.",
        ),
        # hometeams run (hometeams.cli); its table's headings are the table.* entries
        "run.header": Word(
            "model {model!r} ({kind}), {replications}, seed {seed}",
            "modell {model!r} ({kind}), {replications}, frø {seed}",
        ),
        "run.counts": Word(
            "{jobs} jobs and {shifts} shifts after the warm-up{per}",
            "{jobs} oppdrag og {shifts} vakter etter innkjøringen{per}",
        ),
        "run.per": Word(" (replication 1)", " (replikasjon 1)"),
        "run.value": Word("value", "verdi"),
        # metric labels (hometeams.metrics.METRICS: label_en, label_nb)
        "metric.jobs": Word("Jobs", "Oppdrag"),
        "metric.served": Word("Served jobs", "Utførte oppdrag"),
        "metric.unserved": Word("Unserved jobs", "Ikke utførte oppdrag"),
        "metric.unserved_share": Word("Unserved share", "Andel ikke utført"),
        "metric.on_time_share": Word("On-time share", "Andel i tide"),
        "metric.late_share": Word("Late share", "Andel forsinket"),
        "metric.mean_delay": Word("Mean delay", "Gjennomsnittlig forsinkelse"),
        "metric.p90_delay": Word("Delay, 90th percentile", "Forsinkelse, 90-persentil"),
        "metric.competence_match": Word("Competence match", "Riktig kompetanse"),
        "metric.plan_deviation": Word("Plan deviation", "Avvik fra plan"),
        "metric.moved_visits_share": Word("Moved visits share", "Andel flyttede besøk"),
        "metric.rostered_hours": Word("Rostered hours", "Turnustimer"),
        "metric.staff_hours": Word("Staff-hours worked", "Arbeidede timer"),
        "metric.utilisation": Word("Utilisation", "Utnyttelsesgrad"),
        "metric.idle_share": Word("Idle share", "Ledig gang"),
        "metric.face_to_face_share": Word("Face-to-face share", "Andel ansiktstid"),
        "metric.travel_hours": Word("Travel hours", "Reisetid, timer"),
        "metric.travel_share": Word("Travel share", "Andel reisetid"),
        "metric.travel_per_visit": Word("Travel per visit", "Reisetid per besøk"),
        "metric.overtime_hours": Word("Overtime hours in the period", "Overtidstimer i perioden"),
        "metric.absent_hours": Word("Absent hours", "Fraværstimer"),
        "metric.absent_share": Word("Absent share", "Fraværsandel"),
        "metric.users": Word("Users", "Brukere"),
        "metric.continuity_users": Word(
            "Users with two or more visits",
            "Brukere med minst to besøk",
        ),
        "metric.mean_distinct_staff_14d": Word(
            "Distinct staff per 14 days",
            "Ulike ansatte per 14 dager",
        ),
        "metric.mean_upc": Word(
            "Usual provider continuity (UPC)",
            "UPC (andel hos vanligste ansatt)",
        ),
        "metric.mean_coc": Word("Continuity of care index (COC)", "COC (Bice–Boxerman)"),
        "metric.mean_secon": Word(
            "Sequential continuity (SECON)",
            "SECON (sekvensiell kontinuitet)",
        ),
        "metric.mean_mmci": Word(
            "Modified modified continuity index (MMCI)",
            "MMCI (modifisert kontinuitetsindeks)",
        ),
        "metric.mean_hhi": Word("Herfindahl–Hirschman concentration (HHI)", "HHI (konsentrasjon)"),
        "metric.mean_known_provider": Word("Known-provider share", "Andel besøk av kjent ansatt"),
    }
)
"""Every user-facing word of the library, by dotted key; add a word here, in both languages."""
