"""Planners' workbooks built in tests: small sheets to damage, and a 45-staff, 120-user district.

A workbook here is a mapping from sheet name to rows (the header first); :func:`write_xlsx`
saves it with openpyxl and :func:`write_folder` as a folder of CSV files, as a planner's export
would.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path

import openpyxl

__all__ = ["SMALL", "district", "write_folder", "write_xlsx"]

Sheets = Mapping[str, Sequence[Sequence[object]]]

SMALL: dict[str, list[list[object]]] = {
    "ansatte": [
        ["id", "yrke", "stilling", "kompetanse", "sone"],
        ["kari", "sykepleier", "80 %", "sårstell;legemiddelhåndtering", "nord"],
        ["ola", "helsefagarbeider", "0.5", "", "nord"],
        ["per", "sykepleier", "1", "legemiddelhåndtering", "sør"],
    ],
    "brukere": [
        ["id", "sone", "behov", "team", "primærkontakt"],
        ["b1", "nord", "sårstell", "", "kari"],
        ["b2", "sør", "", "sør", ""],
    ],
    "besøk": [
        ["bruker", "dager", "tid", "fra", "til", "minutter", "sd", "krav", "ønsket", "antall"],
        ["b1", "man-fre", "08:00;20:00", "", "", "30", "10", "legemiddelhåndtering", "", "1"],
        ["b2", "man;ons;fre", "", "09:00", "11:00", "45,5", "", "", "sårstell", "2"],
    ],
    "turnus": [
        ["ansatt", "man1", "tir1", "ons1", "tor1", "fre1", "lør1", "søn1"],
        ["kari", "D", "D", "D", "D", "D", "", ""],
        ["ola", "K", "K", "", "", "K", "A", "A"],
        ["per", "D", "D", "D", "D", "D", "-", "N"],
    ],
}
"""A small valid district in Norwegian: three staff, two users, two visit plans, one week."""


def write_xlsx(path: Path, sheets: Sheets) -> Path:
    """Save ``sheets`` as an .xlsx workbook with openpyxl."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def write_folder(path: Path, sheets: Sheets, *, delimiter: str = ",") -> Path:
    """Save ``sheets`` as one CSV file per sheet in the folder ``path``."""
    path.mkdir(parents=True, exist_ok=True)
    for name, rows in sheets.items():
        with (path / f"{name}.csv").open("w", newline="", encoding="utf-8") as fh:
            csv.writer(fh, delimiter=delimiter).writerows(
                [["" if cell is None else str(cell) for cell in row] for row in rows]
            )
    return path


_ZONES = ("nord", "sentrum", "sør")
_DAYS = ("man", "tir", "ons", "tor", "fre", "lør", "søn")
_CYCLE = 42  # days of a six-week rota
# Staff k of a zone: profession, competences, shift code (day, evening, night), position size.
_NURSE, _HEALTH_WORKER = "sårstell;legemiddelhåndtering", "legemiddelhåndtering"
_STAFF = (
    *(("sykepleier", _NURSE, "D", fte) for fte in ("100 %", "0.8", "75 %")),
    *(("helsefagarbeider", _HEALTH_WORKER, "D", fte)
      for fte in ("100 %", "0.8", "0.8", "75 %", "0.6", "0.8")),
    ("assistent", "", "D", "0.5"),
    ("sykepleier", _NURSE, "K", "0.8"),
    *(("helsefagarbeider", _HEALTH_WORKER, "K", fte) for fte in ("100 %", "75 %", "0.6")),
    ("helsefagarbeider", _HEALTH_WORKER, "N", "0.6"),
)  # fmt: skip


def _fraction(text: str) -> float:
    return float(text.removesuffix(" %")) / 100 if text.endswith("%") else float(text)


def _worked(k: int, fte: float) -> list[bool]:
    """The days of the cycle staff ``k`` works, as 8-hour shifts.

    ``fte`` x 37.5 hours a week, spread evenly over the six weeks (weekends included) and
    offset by ``k`` so that colleagues alternate.
    """
    n = round(fte * 37.5 * 6 / 8)
    return [
        (j * n) // _CYCLE != ((j + 1) * n) // _CYCLE
        for j in ((d + 5 * k) % _CYCLE for d in range(_CYCLE))
    ]


def district(users_per_zone: int = 40) -> dict[str, list[list[object]]]:
    """A district of three zones, 45 staff and 120 users (by default), with a six-week rota.

    Deterministic. Each zone has the 15 staff of ``_STAFF``: ten on day shifts, four on
    evenings, one on nights, each working their position size (37.5 hours a week for 100 %)
    in 8-hour shifts spread over the cycle. User ``j`` of a zone has a morning visit every day
    (08:00 to 11:30 in half hours, 20 to 35 minutes), an evening visit with medication on
    weekdays if ``j`` is even, and wound care on Mondays and Thursdays if ``j % 5 == 0``.
    """
    staff: list[list[object]] = [["id", "yrke", "stilling", "kompetanse", "sone", "navn"]]
    roster: list[list[object]] = [["ansatt", *(f"{d}{w}" for w in range(1, 7) for d in _DAYS)]]
    users: list[list[object]] = [["id", "sone", "behov", "primærkontakt"]]
    visits: list[list[object]] = [
        ["bruker", "dager", "tid", "fra", "til", "minutter", "sd", "krav"]
    ]
    for z, zone in enumerate(_ZONES):
        for k, (profession, competences, code, fte) in enumerate(_STAFF):
            sid = f"{zone}-{k + 1:02d}"
            staff.append([sid, profession, fte, competences, zone, sid.title()])
            worked = _worked(k + 5 * z, _fraction(fte))
            roster.append([sid, *(code if on else "" for on in worked)])
        for j in range(users_per_zone):
            uid = f"{zone[:2]}{j + 1:03d}"
            contact = f"{zone}-{(j % 9) + 1:02d}"
            users.append([uid, zone, "sårstell" if j % 5 == 0 else "", contact])
            start = f"{8 + (j % 8) // 2:02d}:{30 * (j % 2):02d}"
            visits.append([uid, "alle", start, "", "", 20 + j % 4 * 5, 5, ""])
            if j % 2 == 0:
                evening = f"{16 + (j % 10) // 2:02d}:00"
                visits.append([uid, "man-fre", evening, "", "", 25, "", "legemiddelhåndtering"])
            if j % 5 == 0:
                visits.append([uid, "man;tor", "", "12:00", "14:00", 40, 10, "sårstell"])
    travel: list[list[object]] = [
        ["sone", *_ZONES],
        ["nord", 0, 12, 20],
        ["sentrum", 12, 0, 10],
        ["sør", 20, 10, 0],
    ]
    return {
        "ansatte": staff,
        "brukere": users,
        "besøk": visits,
        "turnus": roster,
        "reisetid": travel,
    }
