"""Tests for ``hometeams template`` and ``hometeams import``."""

from __future__ import annotations

import copy
from pathlib import Path

import openpyxl
import pytest

from hometeams.cli import main
from hometeams.io import read_scenario, read_workbook
from hometeams.scenario import LogNormal
from workbooks import SMALL, district, write_folder, write_xlsx

# The sheets and columns issue 11 lists, in Norwegian and in English.
NB = {
    "ansatte": ["id", "yrke", "stilling", "kompetanse", "sone", "enhet", "navn"],
    "brukere": ["id", "sone", "behov", "team", "primærkontakt"],
    "besøk": ["bruker", "dager", "tid", "fra", "til", "minutter", "sd", "krav", "ønsket", "antall"],
    "turnus": ["ansatt", "man1", "tir1", "ons1", "tor1", "fre1", "lør1", "søn1"],
    "vakter": ["kode", "start", "slutt"],
    "reisetid": ["sone", "nord"],
}
EN = {
    "staff": ["id", "profession", "fte", "competences", "zone", "unit", "name"],
    "users": ["id", "zone", "needs", "team", "primary_contact"],
    "visits": [
        "user", "days", "time", "from", "to", "minutes", "sd", "required", "preferred", "staff"
    ],
    "roster": ["staff", "mon1", "tue1", "wed1", "thu1", "fri1", "sat1", "sun1"],
    "shifts": ["code", "start", "end"],
    "travel": ["zone", "north"],
}  # fmt: skip


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def test_help_lists_both_commands(capsys: pytest.CaptureFixture[str]) -> None:
    """``hometeams --help`` names ``template`` and ``import``."""
    status, out, _ = _run(["--help"], capsys)
    assert status == 0
    assert "template" in out
    assert "import" in out


@pytest.mark.parametrize(("lang", "sheets"), [("nb", NB), ("en", EN)])
def test_template_has_every_sheet_header_and_one_example_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, sheets: dict[str, list[str]]
) -> None:
    """The template holds the issue's sheets and columns, one example row each, and imports."""
    path = tmp_path / "mal.xlsx"
    status, out, _ = _run(["template", "-o", str(path), "--lang", lang], capsys)
    assert status == 0
    assert str(path) in out
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == list(sheets)
    for name, header in sheets.items():
        rows = list(book[name].iter_rows(values_only=True))
        assert list(rows[0]) == header
        assert len(rows) == 2
    scenario = read_workbook(path)
    assert len(scenario.organisation.staff) == len(scenario.demand.visits) == 1


def test_template_as_a_folder_of_csv_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-o`` without an extension writes one CSV file per sheet, which imports the same."""
    folder = tmp_path / "mal"
    assert _run(["template", "-o", str(folder), "--lang", "nb"], capsys)[0] == 0
    assert sorted(p.stem for p in folder.iterdir()) == sorted(NB)
    assert _run(["template", "-o", str(tmp_path / "mal.xlsx"), "--lang", "nb"], capsys)[0] == 0
    from_folder = read_workbook(folder)
    from_book = read_workbook(tmp_path / "mal.xlsx")
    assert from_folder.organisation.staff == from_book.organisation.staff
    assert from_folder.demand == from_book.demand


def test_template_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An existing file is kept, with exit status 2 and one line, unless ``--overwrite``."""
    path = tmp_path / "mal.xlsx"
    path.write_text("mine")
    status, _, err = _run(["template", "-o", str(path)], capsys)
    assert status == 2
    assert len(err.splitlines()) == 1
    assert path.read_text() == "mine"
    assert _run(["template", "-o", str(path), "--overwrite"], capsys)[0] == 0


def _fill(path: Path) -> None:
    """Replace the template's example rows with a small district, as a planner would."""
    book = openpyxl.load_workbook(path)
    for name, rows in SMALL.items():
        sheet = book[name]
        sheet.delete_rows(2, sheet.max_row)
        header = [cell.value for cell in sheet[1]]
        for row in rows[1:]:
            by_name = dict(zip(rows[0], row, strict=True))
            sheet.append([by_name.get(column) for column in header])
    book["reisetid"].delete_rows(1, 2)
    for row in (["sone", "nord", "sør"], ["nord", 0, 12], ["sør", 12, 0]):
        book["reisetid"].append(row)
    book["vakter"].delete_rows(2, 1)
    book["vakter"].append(["K", "15:00", "22:30"])
    book.save(path)


def test_workbook_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Template, filled in, imported, read back: the same scenario, with what was typed."""
    book = tmp_path / "mal.xlsx"
    assert _run(["template", "-o", str(book), "--lang", "nb"], capsys)[0] == 0
    _fill(book)
    out = tmp_path / "distrikt.toml"
    status, printed, err = _run(["import", str(book), "-o", str(out), "--lang", "nb"], capsys)
    assert status == 0, err
    assert printed.startswith(f"Skrev {out}: 3 ansatte, 2 brukere, 2 besøksplaner")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Scenariofil skrevet av `hometeams import")
    assert "# Turnusen (arket turnus)" in text
    file = read_scenario(out)
    assert file.scenario == read_workbook(book)
    assert file.model_names == ("faste team", "samlet")
    scenario = file.scenario
    assert scenario.organisation.staff_by_id["kari"].fte == 0.8
    assert scenario.demand.visits[0].duration == LogNormal(mean=30, sd=10)
    assert scenario.travel.minutes("sør", "nord") == 12
    evening = scenario.roster.shift_times("evening", day=420, evening=900, night=1380)
    assert (evening.start, evening.end) == (15 * 60, 22 * 60 + 30)
    assert _run(["check", str(out)], capsys)[0] == 0


def test_import_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An existing scenario file is kept unless ``--overwrite``."""
    source = write_folder(tmp_path / "nord", SMALL)
    out = tmp_path / "nord.toml"
    out.write_text("mine")
    status, _, err = _run(["import", str(source), "-o", str(out)], capsys)
    assert status == 2
    assert "pass --overwrite" in err
    assert out.read_text() == "mine"
    assert _run(["import", str(source), "-o", str(out), "--overwrite"], capsys)[0] == 0


@pytest.mark.parametrize(
    "damage",
    [
        ("besøk", 1, 5, "-5", "besøk[row 2].minutter"),
        ("turnus", 3, 0, "pål", "turnus[row 4].ansatt"),
        ("turnus", 2, 4, "Q", "turnus[row 3].tor1"),
        ("ansatte", 1, 2, "åtti", "ansatte[row 2].stilling"),
        ("ansatte", 0, 2, "prosent", "ansatte[row 1]"),
    ],
)
def test_import_of_a_damaged_sheet_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: tuple[str, int, int, str, str]
) -> None:
    """A damaged sheet: exit 2, one line naming workbook, sheet, row and column; nothing written."""
    sheet, row, column, value, where = damage
    sheets = copy.deepcopy(SMALL)
    sheets[sheet][row][column] = value
    book = write_xlsx(tmp_path / "nord.xlsx", sheets)
    out = tmp_path / "nord.toml"
    status, printed, err = _run(["import", str(book), "-o", str(out)], capsys)
    assert (status, printed) == (2, "")
    assert len(err.splitlines()) == 1
    assert err.startswith(f"hometeams import: error: {book}: {where}")
    assert not out.exists()


def test_import_of_a_missing_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A workbook that is not there: exit 2 and one line naming it."""
    status, _, err = _run(["import", str(tmp_path / "nope.xlsx"), "-o", "x.toml"], capsys)
    assert status == 2
    assert "nope.xlsx" in err
    assert len(err.splitlines()) == 1


def test_a_district_of_45_staff_and_120_users_imports_with_one_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The district of ``workbooks.district`` becomes a scenario; counts are the builder's."""
    sheets = district()
    book = write_xlsx(tmp_path / "distrikt.xlsx", sheets)
    out = tmp_path / "distrikt.toml"
    status, printed, err = _run(["import", str(book), "-o", str(out), "--lang", "nb"], capsys)
    assert (status, err) == (0, "")
    # 3 zones x 40 users: a daily plan each, a weekday plan for every even user and a
    # Monday-and-Thursday plan for every fifth.
    plans, per_week = 120 + 60 + 24, 120 * 7 + 60 * 5 + 24 * 2
    assert printed.startswith(
        f"Skrev {out}: 45 ansatte, 120 brukere, {plans} besøksplaner ({per_week} besøk i uka), "
        "6 ukers turnus"
    )
    scenario = read_scenario(out).scenario
    assert len(scenario.organisation.staff) == 45
    assert len(scenario.organisation.users) == 120
    assert scenario.horizon == 6 * 7 * 1440  # whole cycles, at least four weeks
    filled = sum(1 for row in sheets["turnus"][1:] for cell in row[1:] if cell)
    assert sum(len(line.days) for line in scenario.roster.lines) == filled
    assert scenario.travel.minutes("sør", "nord") == 20


def test_the_example_district_is_the_test_district() -> None:
    """``examples/regneark/elvebakken`` (the tutorial's) is what ``district()`` builds."""
    folder = Path(__file__).resolve().parents[1] / "examples" / "regneark" / "elvebakken"
    for name, rows in district().items():
        text = (folder / f"{name}.csv").read_text(encoding="utf-8").splitlines()
        assert text == [",".join(str(cell) for cell in row) for row in rows], name


def test_only_the_first_findings_are_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Many findings: three lines and a count, then ``check`` lists them all."""
    sheets = copy.deepcopy(SMALL)
    for i in range(5):  # night visits that nobody is on shift for
        sheets["besøk"].append(["b2", "alle", f"03:{i}0", "", "", "20", "", "", "", "1"])
    out = tmp_path / "nord.toml"
    status, _, err = _run(
        ["import", str(write_folder(tmp_path / "nord", sheets)), "-o", str(out)], capsys
    )
    assert status == 0
    lines = err.splitlines()
    assert len(lines) == 4
    # Seven findings: the five night visits, and two for b1's 20:00 medication visit in SMALL:
    # on Monday and Tuesday only ola, who has no medication competence, works the evening
    # (coverage); on Wednesday and Thursday nobody does (outside every shift).
    assert lines[-1] == f"hometeams: warning: 4 more findings: hometeams check {out}"


def test_import_warns_of_findings_in_the_language_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With ``--lang nb`` the findings printed after an import are bokmål.

    In ``SMALL``, b1's 20:00 medication visit on Wednesday and Thursday falls where nobody works
    the evening.
    """
    out = tmp_path / "nord.toml"
    status, _, err = _run(
        ["import", str(write_folder(tmp_path / "nord", SMALL)), "-o", str(out), "--lang", "nb"],
        capsys,
    )
    assert status == 0
    assert (
        f"hometeams: warning: {out}: demand.visits[0].times: besøkets tidsvindu ligger utenfor "
        "alle vakter i turnusen: onsdag kl. 20:00, torsdag kl. 20:00"
    ) in err.splitlines()


def test_import_with_zone_coordinates_and_a_speed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--speed`` turns coordinates into minutes: 6-8-10 km at 40 km/h is 15 minutes."""
    sheets = copy.deepcopy(SMALL)
    sheets["reisetid"] = [["sone", "x", "y"], ["nord", 0, 0], ["sør", 6, 8]]
    folder = write_folder(tmp_path / "nord", sheets)
    out = tmp_path / "nord.toml"
    status, _, err = _run(["import", str(folder), "-o", str(out)], capsys)
    assert status == 2
    assert "reisetid: zone coordinates need a travel speed" in err
    assert _run(["import", str(folder), "-o", str(out), "--speed", "40"], capsys)[0] == 0
    assert read_scenario(out).scenario.travel.minutes("sør", "nord") == 15
