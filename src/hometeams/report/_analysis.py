"""The organisation analysis a planner reads in a terminal (``hometeams analyse``).

One page per organisation: the headline figures, then each analysis of :mod:`hometeams.graph`
in the order a planner asks the questions -- who leads how many, where each competence is,
which people the service cannot do without, how far the specialist teams reach, which teams do
the same work, and which users need a competence nobody has.

Labels are the ``analysis.`` entries of the library's word table (:mod:`hometeams._words`),
one entry holding both languages; :data:`LABELS` shows them per language.
:func:`analysis_dict` gives the same content as plain JSON-serialisable data for
``hometeams analyse --json``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs

from hometeams._words import LANGUAGES, WORDS, plain_number
from hometeams.errors import InvalidArgument
from hometeams.graph import (
    DEFAULT_CASELOAD_PER_FTE,
    DEFAULT_MAX_FTE,
    DEFAULT_SUPERVISED_PER_FTE,
    Coverage,
    KeyPersonRisk,
    Reach,
    competence_coverage,
    key_person_risk,
    relevant_competences,
    span_of_control,
    specialist_reach,
    team_overlap,
)
from hometeams.model import Organisation, TeamCategory

__all__ = ["LABELS", "analysis_dict", "analysis_text"]

LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        lang: MappingProxyType(
            {
                key.removeprefix("analysis."): word.text(lang)
                for key, word in WORDS.items()
                if key.startswith("analysis.")
            }
        )
        for lang in LANGUAGES
    }
)
"""Report labels per language; ``{placeholders}`` are filled with :meth:`str.format`.

A view of the ``analysis.`` entries of the library's word table, :mod:`hometeams._words`.
"""

_MAX_ABSENCES = 10
_WIDTH = 100


def _labels(lang: str) -> Mapping[str, str]:
    try:
        return LABELS[lang]
    except KeyError:
        raise InvalidArgument(
            f"lang: must be one of {', '.join(sorted(LABELS))}, got {lang!r}"
        ) from None


def _number(lang: str) -> Callable[[float], str]:
    def fmt(value: float) -> str:
        return plain_number(value, lang, ".1f")

    return fmt


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Plain columns: the first left-aligned, the others right-aligned."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines


def _wrap(text: str) -> list[str]:
    """One indented paragraph of at most :data:`_WIDTH` characters."""
    return textwrap.wrap(
        text, width=_WIDTH, initial_indent="  ", subsequent_indent="      ", break_on_hyphens=False
    )


def _heading(text: str) -> list[str]:
    return ["", text, "-" * len(text)]


class _Report:
    def __init__(self, org: Organisation, lang: str) -> None:
        self.org = org
        self.lang = lang
        self.t = _labels(lang)
        self.num = _number(lang)

    def competence(self, competence: str) -> str:
        known = self.org.all_competences.get(competence)
        return known.label(self.lang) if known is not None else competence

    def team(self, team: str) -> str:
        found = self.org.teams_by_id[team]
        return found.name or found.id

    def zone(self, zone: str) -> str:
        found = self.org.zones_by_id[zone]
        return found.name or found.id

    def staff(self, staff: str) -> str:
        found = self.org.staff_by_id[staff]
        return found.name or found.id

    def headline(self) -> list[str]:
        org, t = self.org, self.t
        title = t["title"].format(name=org.name)
        return [
            title,
            "=" * len(title),
            t["headline"].format(
                staff=len(org.staff),
                fte=self.num(org.fte),
                teams=len(org.teams),
                zones=len(org.zones),
                users=len(org.users),
            ),
        ]

    def span(self) -> list[str]:
        t = self.t
        out = _heading(t["span"].format(max_fte=self.num(DEFAULT_MAX_FTE)))
        spans = span_of_control(self.org)
        if not spans:
            return [*out, "  " + t["no_leaders"]]
        rows = [
            [
                self.staff(s.leader),
                str(s.heads),
                self.num(s.fte),
                t["too_large"] if s.too_large else "",
            ]
            for s in spans
        ]
        return out + _table([t["leader"], t["heads"], t["fte"], ""], rows)

    def coverage(self) -> list[str]:
        t = self.t
        out = _heading(t["coverage"])
        competences = relevant_competences(self.org)
        whole = {c.competence: c for c in competence_coverage(self.org)}
        by_zone = {(c.group, c.competence): c for c in competence_coverage(self.org, by="zone")}
        # One column per zone, then the whole service; split into several tables if too wide.
        columns = [
            [self.zone(z.id), *(self.cell(by_zone[z.id, c]) for c in competences)]
            for z in self.org.zones
        ]
        columns.append([t["whole"], *(self.cell(whole[c]) for c in competences)])
        first = [t["competence"], *(self.competence(c) for c in competences)]
        tables: list[list[list[str]]] = [[]]
        width = 2 + max(len(x) for x in first)
        for column in columns:
            extra = 2 + max(len(x) for x in column)
            if tables[-1] and width + extra > _WIDTH:
                tables.append([])
                width = 2 + max(len(x) for x in first)
            tables[-1].append(column)
            width += extra
        for n, table in enumerate(tables):
            rows = [list(row) for row in zip(first, *table, strict=True)]
            out += ([""] if n else []) + _table(rows[0], rows[1:])
        return out

    def cell(self, coverage: Coverage) -> str:
        return f"{self.num(coverage.fte)} / {coverage.users}"

    def risk(self, risk: KeyPersonRisk) -> list[str]:
        t = self.t
        out = _heading(t["risk"].format(k=risk.k))
        if not risk.rare:
            out.append("  " + t["no_risk"].format(k=risk.k))
        groups: dict[tuple[str, str | None], list[str]] = {}
        for r in risk.rare:
            holders = ", ".join(self.staff(h) for h in r.holders) or t["nobody"]
            need = f" ({t['users_need'].format(n=r.users)})" if r.users else ""
            item = f"{self.competence(r.competence)}: {holders}{need}"
            groups.setdefault((r.scope, r.group), []).append(item)
        for (scope, group), items in groups.items():
            if scope == "organisation":
                where = t["whole"]
            elif scope == "zone":
                where = t["in_zone"].format(group=self.zone(str(group)))
            else:
                where = t["in_team"].format(group=self.team(str(group)))
            out += _wrap(f"{where} -- " + "; ".join(items))
        out += ["", t["absences"] + ":"]
        shown = [a for a in risk.absences if a.sole or a.users_exposed][:_MAX_ABSENCES]
        if not shown:
            out.append("  " + t["no_absence"])
        for a in shown:
            parts = []
            if a.sole:
                parts.append(t["sole"].format(items=", ".join(self.competence(c) for c in a.sole)))
            if a.users_exposed:
                parts.append(t["exposed"].format(n=len(a.users_exposed)))
            by_team: dict[str, list[str]] = {}
            for team, c in a.team_gaps:
                by_team.setdefault(team, []).append(self.competence(c))
            if by_team:
                gaps = "; ".join(f"{self.team(k)} ({', '.join(v)})" for k, v in by_team.items())
                parts.append(t["gaps"].format(items=gaps))
            who = f"{self.staff(a.staff)} ({self.num(a.fte)} {t['fte']})"
            out += _wrap(f"{who} -- " + "; ".join(parts))
        out += ["", t["bus"].format(k=risk.k) + ":"]
        zones: dict[str, list[str]] = {}
        for b in risk.bus_factors:
            if b.size < risk.k:
                names = ", ".join(self.staff(s) for s in b.staff) or t["nobody"]
                item = f"{self.competence(b.competence)}: {b.size} ({names})"
                zones.setdefault(b.zone, []).append(item)
        if not zones:
            out.append("  " + t["no_bus"].format(k_less=risk.k - 1))
        for zone, items in zones.items():
            out += _wrap(f"{t['in_zone'].format(group=self.zone(zone))} -- " + "; ".join(items))
        return out

    def reach(self, reaches: Sequence[Reach]) -> list[str]:
        t = self.t
        out = _heading(t["reach"])
        if not reaches:
            return [*out, "  " + t["no_specialists"]]
        rows = [
            [
                self.team(r.team),
                self.num(r.fte),
                str(r.users),
                str(r.direct),
                str(r.through_staff),
                f"{r.unreached} ({round(100 * r.unreached_share)} %)",
            ]
            for r in reaches
        ]
        header = [t["team"], t["fte"], t["users"], t["direct"], t["through"], t["unreached"]]
        note = t["reach_note"].format(
            caseload=f"{DEFAULT_CASELOAD_PER_FTE:g}", supervised=f"{DEFAULT_SUPERVISED_PER_FTE:g}"
        )
        return out + _table(header, rows) + _wrap(note)

    def overlap(self) -> list[str]:
        t = self.t
        out = _heading(t["overlap"])
        overlaps = team_overlap(self.org)
        if not overlaps:
            return [*out, "  " + t["no_overlap"]]
        for o in overlaps:
            parts = [t["similarity"].format(value=f"{o.similarity:.2f}")]
            if o.same_type:
                parts.append(t["same_type"])
            if o.shared:
                shared = ", ".join(self.competence(c) for c in o.shared)
                parts.append(t["shared"].format(items=shared))
            out += _wrap(f"{self.team(o.a)} / {self.team(o.b)} -- " + "; ".join(parts))
        return out

    def uncovered(self) -> list[str]:
        t = self.t
        out = _heading(t["uncovered"])
        gaps = self.org.uncovered_needs()
        if not gaps:
            return [*out, "  " + t["no_uncovered"]]
        for user, needs in gaps.items():
            out += _wrap(f"{user} -- " + ", ".join(self.competence(c) for c in sorted(needs)))
        return out


def _reaches(org: Organisation) -> list[Reach]:
    return [
        specialist_reach(org, team.id)
        for team in org.teams
        if team.category is TeamCategory.SPECIALIST
    ]


def analysis_text(org: Organisation, *, lang: str = "en") -> str:
    """The analysis of an organisation as plain text for a terminal.

    Sections: headline figures (staff, FTE, teams, zones, users); span of control with leaders
    above :data:`~hometeams.graph.DEFAULT_MAX_FTE` flagged; competence coverage per zone and
    for the whole service; key-person risk (competences held by fewer than two people, the
    absences that leave a competence without a holder, and the zones' bus factors below two);
    reach of each specialist team; overlapping teams; needs nobody covers. Each analysis is
    defined in :mod:`hometeams.graph`.

    Parameters
    ----------
    org
        The organisation.
    lang
        ``"en"`` (English) or ``"nb"`` (Norwegian bokmål) labels; see :data:`LABELS`.

    Returns
    -------
    str
        Lines of at most about 100 characters, ending without a newline.

    Raises
    ------
    InvalidArgument
        If ``lang`` is not a language of :data:`LABELS`.

    Examples
    --------
    >>> from hometeams.model import Organisation, Staff, Team, Unit, User, Zone
    >>> org = Organisation("Distrikt 1", zones=[Zone("north", name="Nord")],
    ...     units=[Unit("north", leader="anne")],
    ...     staff=[Staff("anne", profession="nurse", competences=["dementia"], zone="north"),
    ...            Staff("ola", profession="health-worker", fte=0.5, zone="north",
    ...                  unit="north")],
    ...     teams=[Team("north", name="Sone Nord", category="geographic", zones=["north"],
    ...                 members=["anne", "ola"])],
    ...     users=[User("u1", zone="north", needs=["dementia", "palliation"], team="north")])
    >>> print(analysis_text(org))  # doctest: +NORMALIZE_WHITESPACE
    Analysis of Distrikt 1
    ======================
    staff: 2 (1.5 FTE) · teams: 1 · zones: 1 · users: 1
    <BLANKLINE>
    Span of control (direct reports; flagged above 20.0 FTE)
    --------------------------------------------------------
      leader  heads  FTE
      anne        1  0.5
    <BLANKLINE>
    Competence coverage by zone (FTE holding / users needing)
    ---------------------------------------------------------
      competence       Nord  whole service
      dementia care   1.0 / 1        1.0 / 1
      palliative care 0.0 / 1        0.0 / 1
    ...
    >>> print(analysis_text(org, lang="nb").splitlines()[2])
    ansatte: 2 (1,5 årsverk) · team: 1 · soner: 1 · brukere: 1
    """
    report = _Report(org, lang)
    lines = [
        *report.headline(),
        *report.span(),
        *report.coverage(),
        *report.risk(key_person_risk(org)),
        *report.reach(_reaches(org)),
        *report.overlap(),
        *report.uncovered(),
    ]
    return "\n".join(lines)


def _record(value: Any) -> Any:
    return attrs.asdict(value, recurse=True)


def analysis_dict(org: Organisation) -> dict[str, Any]:
    """The analysis of an organisation as JSON-serialisable data (``hometeams analyse --json``).

    Parameters
    ----------
    org
        The organisation.

    Returns
    -------
    dict
        ``organisation`` (name and headline counts), ``span_of_control``, ``coverage`` (per
        ``organisation``, ``zone`` and ``team``), ``key_person_risk`` (``k``, ``rare``,
        ``absences``), ``specialist_reach``, ``team_overlap`` and ``uncovered_needs``: lists of
        records as dicts of strings, numbers, booleans, ``None`` and lists, with the field names
        of :mod:`hometeams.graph`'s result types.

    Examples
    --------
    >>> import json
    >>> from hometeams.model import Organisation, Staff, User, Zone
    >>> org = Organisation("d", zones=[Zone("n")],
    ...     staff=[Staff("kari", profession="nurse", competences=["dementia"])],
    ...     users=[User("u1", zone="n", needs=["palliation"])])
    >>> data = analysis_dict(org)
    >>> data["organisation"]
    {'name': 'd', 'staff': 1, 'fte': 1.0, 'teams': 0, 'zones': 1, 'users': 1}
    >>> data["uncovered_needs"]
    {'u1': ['palliation']}
    >>> json.loads(json.dumps(data)) == data
    True
    """
    risk = key_person_risk(org)
    data = {
        "organisation": {
            "name": org.name,
            "staff": len(org.staff),
            "fte": round(org.fte, 9),
            "teams": len(org.teams),
            "zones": len(org.zones),
            "users": len(org.users),
        },
        "span_of_control": [_record(s) for s in span_of_control(org)],
        "coverage": {
            by: [_record(c) for c in competence_coverage(org, by=by)]
            for by in ("organisation", "zone", "team")
        },
        "key_person_risk": _record(risk),
        "specialist_reach": [
            {**_record(r), "unreached_share": r.unreached_share} for r in _reaches(org)
        ],
        "team_overlap": [_record(o) for o in team_overlap(org)],
        "uncovered_needs": {u: sorted(n) for u, n in org.uncovered_needs().items()},
    }
    return dict(_listify(data))


def _listify(value: Any) -> Any:
    """Tuples to lists, so that the data equals its own JSON round trip."""
    if isinstance(value, dict):
        return {k: _listify(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_listify(v) for v in value]
    return value
