"""Tests for reading a district from a workbook or a folder of CSV files (``read_workbook``)."""

from __future__ import annotations

import copy
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.io import read_workbook
from hometeams.scenario import Fixed, LogNormal, Shift
from workbooks import SMALL, write_folder, write_xlsx

MINUTES = 60.0


def _sheets() -> dict[str, list[list[object]]]:
    return copy.deepcopy(SMALL)


def _read(tmp_path: Path, sheets: dict[str, list[list[object]]], **options: object):  # type: ignore[no-untyped-def]
    return read_workbook(write_folder(tmp_path / "nord", sheets), **options)  # type: ignore[arg-type]


def _error(tmp_path: Path, sheets: dict[str, list[list[object]]], **options: object) -> str:
    with pytest.raises(InvalidScenario) as info:
        _read(tmp_path, sheets, **options)
    return str(info.value)


# -- what each column form means ----------------------------------------------------------------


def test_small_district_reads_as_written(tmp_path: Path) -> None:
    """Staff, users, teams and zones of ``SMALL`` are what its rows say, read by hand."""
    scenario = _read(tmp_path, _sheets())
    org = scenario.organisation
    assert scenario.name == org.name == "nord"
    assert [(s.id, s.profession, s.fte, s.zone) for s in org.staff] == [
        ("kari", "nurse", 0.8, "nord"),
        ("ola", "health-worker", 0.5, "nord"),
        ("per", "nurse", 1.0, "sør"),
    ]
    assert org.staff_by_id["kari"].competences == {"wound-care", "medication"}
    assert [(t.id, t.staff_ids) for t in org.teams] == [
        ("nord", ("kari", "ola")),
        ("sør", ("per",)),
    ]
    # b1 has no team in the sheet: the team of its zone; b2 names it.
    assert [(u.id, u.zone, u.team, u.primary_contact) for u in org.users] == [
        ("b1", "nord", "nord", "kari"),
        ("b2", "sør", "sør", None),
    ]
    assert scenario.horizon == 4 * 7 * 24 * MINUTES


def test_visit_columns(tmp_path: Path) -> None:
    """Days, times, a from/to window, a decimal comma, sd and two staff become the visit plan."""
    first, second = _read(tmp_path, _sheets()).demand.visits
    assert (sorted(first.days), first.times, first.window) == ([0, 1, 2, 3, 4], (480.0, 1200.0), 60)
    assert first.duration == LogNormal(mean=30, sd=10)
    assert first.required == {"medication"}
    # fra 09:00 til 11:00: planned at 09:00, on time until 11:00, a window of 120 minutes.
    assert (sorted(second.days), second.times, second.window) == ([0, 2, 4], (540.0,), 120)
    assert second.duration == Fixed(45.5)
    assert (second.preferred, second.n_staff) == ({"wound-care"}, 2)


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ("mon-fri", [0, 1, 2, 3, 4]),
        ("man;ons;fre", [0, 2, 4]),
        ("all", [0, 1, 2, 3, 4, 5, 6]),
        ("alle", [0, 1, 2, 3, 4, 5, 6]),
        ("", [0, 1, 2, 3, 4, 5, 6]),
        ("lør-søn", [5, 6]),
        ("fre-man", [0, 4, 5, 6]),
        ("Hverdager", [0, 1, 2, 3, 4]),
    ],
)
def test_days(tmp_path: Path, days: str, expected: list[int]) -> None:
    """Each way of writing days reads as the weekdays it names (Monday = 0)."""
    sheets = _sheets()
    sheets["besøk"][1][1] = days
    assert sorted(_read(tmp_path, sheets).demand.visits[0].days) == expected


@pytest.mark.parametrize(
    ("fte", "expected"), [("0.8", 0.8), ("80 %", 0.8), ("80%", 0.8), ("0,75", 0.75), ("1", 1.0)]
)
def test_fte(tmp_path: Path, fte: str, expected: float) -> None:
    """A position size reads as a fraction or a percentage with its sign."""
    sheets = _sheets()
    sheets["ansatte"][1][2] = fte
    assert _read(tmp_path, sheets).organisation.staff[0].fte == expected


def test_roster_codes_and_a_multi_week_cycle(tmp_path: Path) -> None:
    """D, K/A and N are day, evening and night; each week of a cycle gets its own lines."""
    sheets = _sheets()
    header = [
        "ansatt",
        *(f"{d}{w}" for w in (1, 2) for d in ("man", "tir", "ons", "tor", "fre", "lør", "søn")),
    ]
    sheets["turnus"] = [
        header,
        ["kari", "D", "D", "", "", "", "", "", "", "", "A", "K", "", "", ""],
        ["ola", "", "", "", "", "", "", "", "n", "", "", "", "", "", ""],
        ["per", *([""] * 14)],
    ]
    roster = _read(tmp_path, sheets).roster
    assert roster.cycle == 2
    found = {
        (line.staff, line.shift, tuple(sorted(line.days)), tuple(sorted(line.weeks or ())))
        for line in roster.lines
    }
    assert found == {
        ("kari", "day", (0, 1), (0,)),
        ("kari", "evening", (2, 3), (1,)),
        ("ola", "night", (0,), (1,)),
    }


def test_english_headers_in_any_case(tmp_path: Path) -> None:
    """English sheet and column names, in any case, read like the Norwegian ones."""
    english = {
        "Staff": [["ID", "Profession", "FTE", "Competences", "Zone"], *SMALL["ansatte"][1:]],
        "users": [["id", "zone", "needs", "team", "Primary_Contact"], *SMALL["brukere"][1:]],
        "VISITS": [
            [
                "user",
                "days",
                "time",
                "from",
                "to",
                "minutes",
                "sd",
                "required",
                "preferred",
                "staff",
            ],
            *SMALL["besøk"][1:],
        ],
        "roster": [
            ["staff", "mon1", "tue1", "wed1", "thu1", "fri1", "sat1", "sun1"],
            *SMALL["turnus"][1:],
        ],
    }
    assert _read(tmp_path, english) == _read(tmp_path / "nb", _sheets())


def test_semicolon_separated_csv(tmp_path: Path) -> None:
    """CSV saved by a Norwegian Excel (``;`` between cells) reads the same."""
    folder = write_folder(tmp_path / "nord", _sheets(), delimiter=";")
    assert read_workbook(folder) == _read(tmp_path / "other", _sheets())


def test_xlsx_cells_of_every_type(tmp_path: Path) -> None:
    """Numbers, time cells and percentages stored as numbers read as a planner sees them."""
    sheets = _sheets()
    sheets["ansatte"][1][2] = 0.8
    sheets["besøk"][1][2] = dt.time(8, 15)
    sheets["besøk"][1][5] = 30
    scenario = read_workbook(write_xlsx(tmp_path / "nord.xlsx", sheets))
    assert scenario.organisation.staff[0].fte == 0.8
    assert scenario.demand.visits[0].times == (8 * 60 + 15,)
    assert scenario.demand.visits[0].duration.mean == 30


def test_shift_times_from_the_shifts_sheet(tmp_path: Path) -> None:
    """A shifts sheet moves the day shift and adds a long day; default times add nothing."""
    sheets = _sheets()
    sheets["vakter"] = [
        ["kode", "start", "slutt"],
        ["D", "07:30", "15:00"],
        ["N", "23:00", "07:00"],
        ["L", "07:30", "19:30"],
    ]
    sheets["turnus"][2][1] = "L"
    roster = _read(tmp_path, sheets).roster
    assert set(roster.shifts) == {
        Shift("day", start="07:30", end="15:00"),
        Shift("l", start="07:30", end="19:30"),
    }
    assert any(line.staff == "ola" and line.shift == "l" for line in roster.lines)


def test_travel_matrix_with_a_mirrored_half(tmp_path: Path) -> None:
    """An empty cell takes its mirror's minutes; the matrix is symmetric."""
    sheets = _sheets()
    sheets["reisetid"] = [["sone", "nord", "sør"], ["nord", 0, 15], ["sør", "", 0]]
    travel = _read(tmp_path, sheets).travel
    assert (travel.minutes("nord", "sør"), travel.minutes("sør", "nord")) == (15, 15)


def test_travel_matrix_one_way(tmp_path: Path) -> None:
    """Different minutes each way stay different."""
    sheets = _sheets()
    sheets["reisetid"] = [["sone", "nord", "sør"], ["nord", 0, 15], ["sør", 20, 0]]
    travel = _read(tmp_path, sheets).travel
    assert (travel.minutes("nord", "sør"), travel.minutes("sør", "nord")) == (15, 20)


def test_travel_from_coordinates_and_a_speed(tmp_path: Path) -> None:
    """3-4-5: zones 5 km apart at 30 km/h are 10 minutes apart; lat/lon use great circles."""
    sheets = _sheets()
    sheets["reisetid"] = [["sone", "x", "y"], ["nord", 0, 0], ["sør", 3, 4]]
    assert _read(tmp_path, sheets, speed=30).travel.minutes("nord", "sør") == 10
    # One degree of latitude is 2 * pi * 6371 / 360 = 111.19 km: 111.2 minutes at 60 km/h.
    sheets["reisetid"] = [["sone", "lat", "lon"], ["nord", 60, 10], ["sør", 59, 10]]
    assert _read(tmp_path / "deg", sheets, speed=60).travel.minutes("nord", "sør") == 111.2


def test_unknown_columns_and_sheets_may_be_ignored(tmp_path: Path) -> None:
    """With ignore_unknown, an extra column and an extra sheet are skipped."""
    sheets = _sheets()
    for row, value in zip(sheets["ansatte"], ["avdeling", "a", "b", "c"], strict=True):
        row.append(value)
    sheets["notater"] = [["tekst"], ["hei"]]
    assert _read(tmp_path, sheets, ignore_unknown=True) == _read(tmp_path / "plain", _sheets())


# -- damaged sheets -------------------------------------------------------------------------


def _damage(sheet: str, row: int, column: int, value: object) -> dict[str, list[list[object]]]:
    sheets = _sheets()
    sheets[sheet][row][column] = value
    return sheets


@pytest.mark.parametrize(
    ("sheets", "where", "rule"),
    [
        (
            _damage("besøk", 2, 5, "tretti"),
            "besøk[row 3].minutter",
            "must be a number > 0, got 'tretti'",
        ),
        (_damage("besøk", 1, 1, "man-fry"), "besøk[row 2].dager", "unknown day 'fry'"),
        (_damage("besøk", 1, 2, "25:00"), "besøk[row 2].tid", "must be a clock time"),
        (_damage("besøk", 2, 4, "09:00"), "besøk[row 3].til", "must differ from the start"),
        (_damage("besøk", 1, 9, "3"), "besøk[row 2].antall", "must be 1 or 2 staff, got '3'"),
        (
            _damage("besøk", 1, 0, "b11"),
            "besøk[row 2].bruker",
            "unknown user id 'b11'; did you mean 'b1'?",
        ),
        (
            _damage("besøk", 1, 7, "sårsstell"),
            "besøk[row 2].krav",
            "unknown competence 'sårsstell'",
        ),
        (_damage("ansatte", 2, 2, "80"), "ansatte[row 3].stilling", "ambiguous position size '80'"),
        (_damage("ansatte", 2, 1, "lege2"), "ansatte[row 3].yrke", "unknown profession 'lege2'"),
        (
            _damage("ansatte", 3, 0, "kari"),
            "ansatte[row 4].id",
            "duplicate staff id 'kari', first in row 2",
        ),
        (
            _damage("brukere", 1, 4, "karo"),
            "brukere[row 2].primærkontakt",
            "unknown staff id 'karo'",
        ),
        (_damage("brukere", 1, 3, "vest"), "brukere[row 2].team", "unknown team 'vest'; the teams"),
        (
            _damage("turnus", 2, 0, "kary"),
            "turnus[row 3].ansatt",
            "unknown staff id 'kary'; did you mean 'kari'?",
        ),
        (_damage("turnus", 1, 3, "X"), "turnus[row 2].ons1", "unknown shift code 'X'"),
        (
            _damage("turnus", 0, 6, "sun1"),
            "turnus[row 1]",
            "columns 'sun1' and 'søn1' are the same day",
        ),
        (_damage("turnus", 0, 7, "søn2"), "turnus[row 1]", "missing the column of søn1"),
        (
            _damage("ansatte", 0, 3, "kompetanser"),
            "ansatte[row 1]",
            "unknown column 'kompetanser'; did you mean 'kompetanse'?",
        ),
        (_damage("ansatte", 0, 2, "prosent"), "ansatte[row 1]", "unknown column 'prosent'"),
    ],
)
def test_damaged_sheet_names_sheet_row_and_column(
    tmp_path: Path, sheets: dict[str, list[list[object]]], where: str, rule: str
) -> None:
    """A damaged cell is refused with the file, the sheet, the row, the column and the rule."""
    message = _error(tmp_path, sheets)
    assert f"{tmp_path / 'nord'}" in message
    assert f": {where}: " in message
    assert rule in message


def test_missing_required_column(tmp_path: Path) -> None:
    """A sheet without a required column names it in both languages."""
    sheets = _sheets()
    sheets["ansatte"] = [row[:2] + row[3:] for row in sheets["ansatte"]]
    assert "ansatte[row 1]: missing column(s) 'fte' ('stilling')" in _error(tmp_path, sheets)


def test_missing_sheet_and_unknown_sheet(tmp_path: Path) -> None:
    """A workbook without a required sheet, or with an unknown one, is refused by name."""
    sheets = _sheets()
    del sheets["turnus"]
    assert "missing sheet(s) 'roster' ('turnus')" in _error(tmp_path, sheets)
    sheets = _sheets()
    sheets["besok2"] = [["x"]]
    assert "unknown sheet 'besok2'; did you mean 'besøk'?" in _error(tmp_path / "b", sheets)


def test_overlapping_shifts_point_at_the_rota(tmp_path: Path) -> None:
    """A rule the whole scenario checks (overlapping shifts) is located in the rota's row."""
    sheets = _sheets()
    sheets["vakter"] = [["kode", "start", "slutt"], ["L", "20:00", "08:00"]]
    sheets["turnus"][1][1:3] = ["L", "D"]  # Monday 20:00 to Tuesday 08:00, then Tuesday 07:00
    message = _error(tmp_path, sheets)
    assert ": turnus[row 2]." in message


def test_coordinates_without_a_speed(tmp_path: Path) -> None:
    """Zone coordinates without a speed cannot become minutes; the message says how to give one."""
    sheets = _sheets()
    sheets["reisetid"] = [["sone", "x", "y"], ["nord", 0, 0], ["sør", 3, 4]]
    assert "reisetid: zone coordinates need a travel speed" in _error(tmp_path, sheets)
    with pytest.raises(InvalidArgument, match="speed: must be a number of km/h > 0, got -5"):
        _read(tmp_path / "neg", sheets, speed=-5)


def test_a_value_outside_the_named_columns(tmp_path: Path) -> None:
    """A cell to the right of the last named column is refused, not silently dropped."""
    sheets = _sheets()
    sheets["brukere"][2].append("ekstra")
    assert "brukere[row 3]: the cell 'ekstra' is in a column without a header" in _error(
        tmp_path, sheets
    )


def test_not_a_workbook(tmp_path: Path) -> None:
    """A file that is neither .xlsx nor a folder is refused; a damaged .xlsx too."""
    path = tmp_path / "nord.ods"
    path.write_text("x")
    with pytest.raises(InvalidScenario, match=r"must be an \.xlsx workbook or a folder"):
        read_workbook(path)
    broken = tmp_path / "nord.xlsx"
    broken.write_text("not a zip")
    with pytest.raises(InvalidScenario, match=r"cannot be read as an \.xlsx workbook"):
        read_workbook(broken)


def test_column_names_with_spaces_and_hyphens(tmp_path: Path) -> None:
    """``Primær kontakt`` and ``primary-contact`` name the ``primary_contact`` column."""
    sheets = _sheets()
    sheets["brukere"][0][4] = "Primær kontakt"
    assert _read(tmp_path, sheets) == _read(tmp_path / "plain", _sheets())


def test_an_empty_id_cell_is_named_as_such(tmp_path: Path) -> None:
    """A visit without a user says the cell is empty rather than quoting ``''``."""
    message = _error(tmp_path, _damage("besøk", 1, 0, ""))
    assert "besøk[row 2].bruker: must be a user id, got an empty cell" in message


def test_importing_the_library_does_not_load_openpyxl() -> None:
    """The library imports openpyxl only to read or write a workbook (``--help`` stays fast)."""
    code = "import sys, hometeams.cli, hometeams.io; print('openpyxl' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_table_that_does_not_start_in_a1(tmp_path: Path) -> None:
    """Empty rows and columns around the table are skipped; rows keep the sheet's numbers."""
    sheets = {name: [["", *row] for row in rows] for name, rows in _sheets().items()}
    sheets["besøk"] = [[], [], *sheets["besøk"]]
    sheets["besøk"][3][6] = "tretti"  # the first visit, now on row 4, column G
    assert "besøk[row 4].minutter: must be a number > 0, got 'tretti'" in _error(tmp_path, sheets)
    sheets["besøk"][3][6] = "30"
    assert _read(tmp_path / "ok", sheets) == _read(tmp_path / "plain", _sheets())


def test_evening_codes_with_different_times(tmp_path: Path) -> None:
    """A and K are both the evening shift; the shifts sheet cannot give them different times."""
    sheets = _sheets()
    sheets["vakter"] = [
        ["kode", "start", "slutt"],
        ["K", "15:00", "22:00"],
        ["A", "16:00", "23:00"],
    ]
    message = _error(tmp_path, sheets)
    assert "vakter[row 3].kode: 'A' is the evening shift, which row 2 gives other times" in message


@pytest.mark.parametrize(
    ("travel", "where", "rule"),
    [
        (
            [["sone", "nord", "vest"], ["nord", 0, 5], ["sør", 5, 0]],
            "reisetid[row 1]",
            "names the same zones across (row 1) as down (column 1)",
        ),
        (
            [["sone", "nord", "sør"], ["nord", 0, ""], ["sør", "", 0]],
            "reisetid[row 2].sør",
            "empty, and so is sør to nord",
        ),
        (
            [["sone", "nord", "sør"], ["nord", 0, "ti"], ["sør", 10, 0]],
            "reisetid[row 2].sør",
            "must be a number >= 0, got 'ti'",
        ),
        (
            [["sone", "nord", "sør"], ["nord", 0, 10], ["nord", 10, 0]],
            "reisetid[row 3].sone",
            "zone 'nord' has a row already",
        ),
    ],
)
def test_damaged_travel_sheet(
    tmp_path: Path, travel: list[list[object]], where: str, rule: str
) -> None:
    """A travel matrix that cannot be read is refused at its row and column."""
    sheets = _sheets()
    sheets["reisetid"] = travel
    message = _error(tmp_path, sheets)
    assert f": {where}: " in message
    assert rule in message


def test_visits_without_a_start_column(tmp_path: Path) -> None:
    """A visits sheet with neither ``tid`` nor ``fra`` cannot say when visits start."""
    sheets = _sheets()
    sheets["besøk"] = [[*row[:2], *row[5:]] for row in sheets["besøk"]]
    message = _error(tmp_path, sheets)
    assert "besøk[row 1]: missing column 'time' ('tid') or 'from' ('fra')" in message
