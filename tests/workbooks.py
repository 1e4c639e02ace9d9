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


def district(
    *, staff_per_zone: int = 15, users_per_zone: int = 40
) -> dict[str, list[list[object]]]:
    """A district of three zones (45 staff and 120 users by default) with a six-week rota.

    Deterministic: staff ``k`` of a zone is a nurse when ``k % 3 == 0`` (day shifts on
    weekdays), a health worker when ``k % 3 == 1`` (evenings on alternate days) and an assistant
    otherwise (nights every third day). User ``j`` has a morning visit every day and, when ``j``
    is even, an evening visit on weekdays.
    """
    professions = ("sykepleier", "helsefagarbeider", "assistent")
    ftes = ("100 %", "0.8", "75 %", "0.5")
    staff: list[list[object]] = [["id", "yrke", "stilling", "kompetanse", "sone", "navn"]]
    roster: list[list[object]] = [["ansatt", *(f"{d}{w}" for w in range(1, 7) for d in _DAYS)]]
    users: list[list[object]] = [["id", "sone", "behov", "primærkontakt"]]
    visits: list[list[object]] = [["bruker", "dager", "tid", "minutter", "sd", "krav"]]
    for z, zone in enumerate(_ZONES):
        for k in range(staff_per_zone):
            sid = f"{zone}-{k + 1:02d}"
            competences = "sårstell;legemiddelhåndtering" if k % 3 == 0 else ""
            staff.append([sid, professions[k % 3], ftes[k % 4], competences, zone, sid.title()])
            cells: list[object] = []
            for w in range(6):
                for d in range(7):
                    if k % 3 == 0:
                        cells.append("D" if d < 5 else "")
                    elif k % 3 == 1:
                        cells.append("K" if (d + w + k) % 2 == 0 else "")
                    else:
                        cells.append("N" if (d + w + k) % 3 == 0 else "")
            roster.append([sid, *cells])
        for j in range(users_per_zone):
            uid = f"{zone[0]}{z}-{j + 1:03d}"
            contact = f"{zone}-{(j % staff_per_zone) + 1:02d}"
            users.append([uid, zone, "sårstell" if j % 5 == 0 else "", contact])
            visits.append([uid, "alle", "08:00", 20 + j % 4 * 5, 5, ""])
            if j % 2 == 0:
                visits.append([uid, "man-fre", "19:30", 25, "", "legemiddelhåndtering"])
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
