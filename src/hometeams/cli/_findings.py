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

from hometeams.scenario import ContractLine, Finding, LoadCell

__all__ = ["contract_data", "findings_lines", "load_data"]

_SHOWN = 5
"""Warnings shown per kind; the rest are counted."""

_ORDER = {"error": 0, "warning": 1, "info": 2}

_LINES = {
    "en": {
        "findings": "Findings",
        "none": "No findings.",
        "more": "  ... and {n} more {kind} {word} (--json lists them all)",
        "counted": "  info: {n} {kind} {word} (--json lists them)",
    },
    "nb": {
        "findings": "Funn",
        "none": "Ingen funn.",
        "more": "  ... og {n} {word} til av typen {kind} (--json viser alle)",
        "counted": "  merknad: {n} {word} av typen {kind} (--json viser dem)",
    },
}
_NAMES = {  # (one, several)
    "en": {
        "error": ("error", "errors"),
        "warning": ("warning", "warnings"),
        "info": ("info", "info"),
        "finding": ("finding", "findings"),
    },
    "nb": {
        "error": ("feil", "feil"),
        "warning": ("advarsel", "advarsler"),
        "info": ("merknad", "merknader"),
        "finding": ("funn", "funn"),
    },
}


def _counted(n: int, word: tuple[str, str]) -> str:
    return f"{n} {word[0] if n == 1 else word[1]}"


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
    words, names = _LINES[lang], _NAMES[lang]
    if not found:
        return [words["none"]]
    ordered = sorted(found, key=lambda f: _ORDER[f.severity])  # stable: file order within
    severities = Counter(f.severity for f in found)
    counts = ", ".join(
        _counted(severities[s], names[s]) for s in ("error", "warning", "info") if severities[s]
    )
    lines = [f"{words['findings']} ({counts}):"]
    shown: Counter[str] = Counter()
    hidden: dict[tuple[str, str], int] = {}
    for finding in ordered:
        group = (finding.severity, finding.kind)
        if finding.severity == "error" or (
            finding.severity == "warning" and shown[finding.kind] < _SHOWN
        ):
            lines.append(f"  {names[finding.severity][0]}: {finding}")
            shown[finding.kind] += finding.severity == "warning"
        else:
            hidden[group] = hidden.get(group, 0) + 1
    for (severity, kind), n in hidden.items():
        key = "more" if severity == "warning" else "counted"
        word = names["warning" if severity == "warning" else "finding"][n != 1]
        lines.append(words[key].format(n=n, kind=kind or "?", word=word))
    return lines


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
