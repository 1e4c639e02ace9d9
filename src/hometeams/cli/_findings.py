"""How ``hometeams check`` shows a scenario's findings: most serious first, a few of each kind.

A district of 120 staff whose roster puts half of them over their position would bury the one
evening that cannot be done under sixty contract lines. So the text shows every error, the
first few warnings of each kind with a count of the rest, and only a count of the ``info``
findings; ``--json`` has them all, each with its kind, severity, path, message and numbers,
beside the whole load table and contract table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from hometeams._words import counted, plain_number, words
from hometeams.cli._common import columns
from hometeams.scenario import ContractLine, Finding, LoadCell

__all__ = ["contract_data", "findings_lines", "load_data", "load_lines"]

_SHOWN = 5
"""Warnings shown per kind; the rest are counted."""

_ORDER = {"error": 0, "warning": 1, "info": 2}


def findings_lines(found: Sequence[Finding], *, lang: str = "en") -> list[str]:
    r"""The findings as text lines: a header with counts, errors, warnings, then info counts.

    Examples
    --------
    >>> found = [Finding("roster", "Monday evening: 48 minutes over", kind="capacity",
    ...                  severity="error"),
    ...          Finding("organisation.staff.kari.fte", "2.5 hours over", kind="contract",
    ...                  severity="info")]
    >>> print("\n".join(findings_lines(found)))
    Findings (1 error, 1 info):
      error: roster: Monday evening: 48 minutes over
      info: 1 contract finding (--json lists them)
    >>> findings_lines([], lang="nb")
    ['Ingen funn.']
    """
    if not found:
        return [words("findings.none", lang)]
    ordered = sorted(found, key=lambda f: _ORDER[f.severity])  # stable: file order within
    severities = Counter(f.severity for f in found)
    counts = ", ".join(
        counted(severities[s], s, lang) for s in ("error", "warning", "info") if severities[s]
    )
    lines = [f"{words('findings.findings', lang)} ({counts}):"]
    shown: Counter[str] = Counter()
    hidden: dict[tuple[str, str], int] = {}
    for finding in ordered:
        group = (finding.severity, finding.kind)
        if finding.severity == "error" or (
            finding.severity == "warning" and shown[finding.kind] < _SHOWN
        ):
            severity = words(f"noun.{finding.severity}.one", lang)
            lines.append(f"  {severity}: {finding.path}: {finding.text(lang)}")
            shown[finding.kind] += finding.severity == "warning"
        else:
            hidden[group] = hidden.get(group, 0) + 1
    for (severity, kind), n in hidden.items():
        key = "more" if severity == "warning" else "counted"
        noun = "warning" if severity == "warning" else "finding"
        word = words(f"noun.{noun}.{'one' if n == 1 else 'other'}", lang)
        lines.append(words(f"findings.{key}", lang, n=n, kind=kind or "?", word=word))
    return lines


_WEEKDAYS = tuple(
    f"weekday.{day}"
    for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
)
_HEAD = ("zone", "day", "period", "planned", "unplanned", "load", "rostered", "over", "busy",
         "on_duty", "need")  # fmt: skip


def load_lines(cells: Sequence[LoadCell], *, lang: str = "en") -> list[str]:
    r"""The load table as text: one row per zone (``(all)`` first), day of the cycle and period.

    Examples
    --------
    >>> from hometeams.model import Period
    >>> cell = LoadCell("", 0, Period.EVENING, length=480.0, planned=528.0, unplanned=0.0,
    ...                 rostered=480.0, need=2)
    >>> print("\n".join(load_lines([cell], lang="nb")[1:]))
    sone    dag     vakt   planlagt  uplanlagt  arbeid  turnus  over  opptatt  på vakt  behov
    (alle)  mandag  kveld       528          0     528     480    48      1,1        1      2
    """

    def number(value: float) -> str:
        return plain_number(round(value, 1), lang)

    def day(cell: LoadCell) -> str:
        name = words(_WEEKDAYS[cell.cycle_day % 7], lang)
        if cell.cycle == 1:
            return name
        return words("weekday.in_week", lang, day=name, week=cell.cycle_day // 7 + 1)

    rows = [[words(f"load.head.{key}", lang) for key in _HEAD]]
    rows += [
        [
            cell.zone or words("load.all", lang),
            day(cell),
            words(f"period.{cell.period.value}", lang),
            *(f"{value:.0f}" for value in (cell.planned, cell.unplanned, cell.load)),
            f"{cell.rostered:.0f}",
            f"{max(cell.excess, 0):.0f}" if cell.excess > 0 else "",
            number(cell.busy),
            number(cell.on_duty),
            str(cell.need),
        ]
        for cell in cells
    ]
    return [words("load.title", lang), *columns(rows, right=range(3, 11)).splitlines()]


def load_data(cells: Sequence[LoadCell]) -> list[dict[str, object]]:
    """The load table as plain data for ``--json`` (zone ``""`` is the whole district)."""
    return [
        {
            "zone": c.zone,
            "cycle_day": c.cycle_day,
            "weekday": c.weekday,
            "period": c.period.value,
            "load_minutes": round(c.load, 3),
            "planned_minutes": round(c.planned, 3),
            "unplanned_minutes": round(c.unplanned, 3),
            "rostered_minutes": round(c.rostered, 3),
            "staff_busy": round(c.busy, 3),
            "staff_on_duty": round(c.on_duty, 3),
            "staff_need": c.need,
        }
        for c in cells
    ]


def contract_data(lines: Sequence[ContractLine]) -> list[dict[str, object]]:
    """The contract table as plain data for ``--json``."""
    return [
        {
            "staff": line.staff,
            "fte": line.fte,
            "rostered_hours": round(line.rostered_hours, 4),
            "contract_hours": round(line.contract_hours, 4),
            "over_hours": round(line.over, 4),
        }
        for line in lines
    ]
