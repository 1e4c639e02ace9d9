"""Tests for staff lists (``hometeams.io._csv``): reading CSV, position sizes, errors by line."""

from __future__ import annotations

import csv
import doctest
import io
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument, InvalidScenario
from hometeams.io import (
    dumps_organisation,
    loads_organisation,
    organisation_from_staff_csv,
    read_staff_csv,
)
from hometeams.io._csv import parse_fte
from hometeams.model import PROFESSIONS, Organisation, Profession, Staff
from strategies import organisations

EXAMPLE = Path(__file__).parent.parent / "examples" / "organisations" / "staff_list.csv"


def _csv(tmp_path: Path, text: str, name: str = "staff.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path, **kwargs: object) -> InvalidScenario:
    with pytest.raises(InvalidScenario) as info:
        read_staff_csv(path, **kwargs)  # type: ignore[arg-type]
    assert info.value.source == str(path)
    return info.value


# -- position sizes ---------------------------------------------------------------------------


@given(st.integers(min_value=1, max_value=100), st.sampled_from(["{} %", "{}%", "{}\u00a0%"]))
def test_percentages_are_read_as_fractions(percent: int, form: str) -> None:
    """``80 %``, ``80%`` and ``80`` with a no-break space before ``%`` are all 0.8."""
    assert parse_fte(form.format(percent)) == percent / 100


@pytest.mark.parametrize(
    ("text", "fte"),
    [("0.8", 0.8), ("0,8", 0.8), ("1", 1.0), (" 0.5 ", 0.5), ("80,5 %", 0.805), ("12.5%", 0.125)],
)
def test_fractions_and_decimal_commas(text: str, fte: float) -> None:
    """Fractions of full time are read as they are, with a point or a comma."""
    assert parse_fte(text) == pytest.approx(fte, abs=1e-12)


@pytest.mark.parametrize("text", ["80", "100", "1.5"])
def test_bare_numbers_above_one_are_ambiguous(text: str) -> None:
    """``80`` could be 80 % or a typo; it is refused with both readings offered."""
    with pytest.raises(InvalidScenario, match="ambiguous") as info:
        parse_fte(text)
    assert f"'{text} %'" in info.value.rule


@pytest.mark.parametrize("text", ["", "full", "-0.5", "0.8 FTE", "%"])
def test_other_position_sizes_are_refused(text: str) -> None:
    """Anything but a number or a percentage is refused, naming what was found."""
    with pytest.raises(InvalidScenario, match="position size"):
        parse_fte(text)


# -- reading ----------------------------------------------------------------------------------


def test_example_staff_list() -> None:
    """The shipped example reads with Norwegian labels resolved to catalogue ids."""
    staff = {s.id: s for s in read_staff_csv(EXAMPLE)}
    assert len(staff) == 11
    kari = staff["kari"]
    assert kari.profession == "nurse"
    assert kari.fte == 0.8
    assert kari.competences == {"dementia", "wound-care", "medication"}
    assert (kari.zone, kari.unit, kari.reports_to, kari.name) == (
        "nord",
        "hjemmetjenesten",
        "anne",
        "Kari Nordmann",
    )
    assert staff["per"].profession == "specialist-nurse"
    assert staff["ola"].fte == 0.75
    assert staff["eva"].zone is None
    assert staff["anne"].reports_to is None


def test_columns_in_any_order_and_case(tmp_path: Path) -> None:
    """Column names are matched ignoring order, case and surrounding spaces."""
    path = _csv(tmp_path, " FTE ,Profession,ID\n50 %,Registered nurse,kari\n")
    assert read_staff_csv(path) == (Staff("kari", profession="nurse", fte=0.5),)


def test_blank_lines_are_skipped_and_do_not_shift_line_numbers(tmp_path: Path) -> None:
    """Blank lines are ignored, and an error still names the physical line."""
    path = _csv(tmp_path, "id,profession,fte\n\nkari,nurse,1\n\nola,nurse,2\n")
    err = _error(path)
    assert err.path == "line 5, column 'fte'"


def test_quoted_cells_with_the_delimiter(tmp_path: Path) -> None:
    """A quoted cell may hold a comma (a decimal comma, a name with a comma)."""
    path = _csv(tmp_path, 'id,profession,fte,name\nkari,nurse,"0,8","Nordmann, Kari"\n')
    (kari,) = read_staff_csv(path)
    assert (kari.fte, kari.name) == (0.8, "Nordmann, Kari")


def test_semicolon_files_with_another_separator(tmp_path: Path) -> None:
    """A spreadsheet's semicolon CSV reads with ``delimiter=";"`` and ``separator="|"``."""
    path = _csv(
        tmp_path, "id;profession;fte;competences\nkari;sykepleier;0,8;demensomsorg|sårstell\n"
    )
    (kari,) = read_staff_csv(path, delimiter=";", separator="|")
    assert kari.competences == {"dementia", "wound-care"}


def test_delimiter_and_separator_must_differ(tmp_path: Path) -> None:
    """Splitting competences on the cell delimiter is impossible and refused."""
    path = _csv(tmp_path, "id;profession;fte\n")
    with pytest.raises(InvalidArgument, match="separator"):
        read_staff_csv(path, delimiter=";")


def test_own_professions_may_be_allowed(tmp_path: Path) -> None:
    """A profession outside the catalogue is accepted when passed in, by id or label."""
    own = Profession("music-therapist", care_level=3, nb="musikkterapeut", en="music therapist")
    path = _csv(tmp_path, "id,profession,fte\nkari,Musikkterapeut,1\n")
    (kari,) = read_staff_csv(path, professions={**PROFESSIONS, own.id: own})
    assert kari.profession == "music-therapist"


def test_ignore_unknown_columns(tmp_path: Path) -> None:
    """Extra columns are refused by default and skipped when asked."""
    path = _csv(tmp_path, "id,profession,fte,phone\nkari,nurse,1,12345678\n")
    err = _error(path)
    assert err.path == "line 1"
    assert "unknown column 'phone'" in err.rule
    assert read_staff_csv(path, ignore_unknown_columns=True) == (Staff("kari", profession="nurse"),)


@given(organisations(max_users=0), st.booleans())
def test_staff_list_round_trip(org: Organisation, as_percent: bool) -> None:
    """Any staff list written as CSV reads back as the same staff members."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["id", "profession", "fte", "competences", "zone", "unit", "reports_to", "name"]
    )
    for s in org.staff:
        fte = f"{round(s.fte * 100)} %" if as_percent else repr(s.fte)
        cells = [s.id, s.profession, fte, ";".join(sorted(s.competences))]
        writer.writerow([*cells, s.zone or "", s.unit or "", s.reports_to or "", s.name])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "staff.csv"
        path.write_text(out.getvalue(), encoding="utf-8")
        staff = read_staff_csv(
            path, professions=org.all_professions, competences=org.all_competences
        )
    assert staff == org.staff


# -- errors by line and column ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path", "rule"),
    [
        ("id,profession,fte\nkari,nurse,1.2\n", "line 2, column 'fte'", "ambiguous"),
        ("id,profession,fte\nkari,nurse,101 %\n", "line 2, column 'fte'", "<= 1, got 1.01"),
        ("id,profession,fte\nkari,sykepleiar,1\n", "line 2, column 'profession'", "'sykepleier'"),
        (
            "id,profession,fte,competences\nkari,nurse,1,demens;sårstell\n",
            "line 2, column 'competences'",
            "unknown competence 'demens'",
        ),
        (
            "id,profession,fte\nkari,nurse,1\nola,nurse,1\nkari,nurse,1\n",
            "line 4, column 'id'",
            "duplicate id 'kari', first on line 2",
        ),
        ("id,profession,fte\nkari nordmann,nurse,1\n", "line 2, column 'id'", "'kari nordmann'"),
        ("id,profession,fte,zone\nkari,nurse,1,sør øst\n", "line 2, column 'zone'", "'sør øst'"),
        ("id,profession,fte\nkari,nurse\n", "line 2", "expected 3 cells like the first row, got 2"),
        ("id,profession\nkari,nurse\n", "line 1", "missing required column(s) 'fte'"),
        ("id,profesion,fte\n", "line 1", "did you mean 'profession'?"),
        ("id,profession,fte,fte\n", "line 1", "column 'fte' appears twice"),
        ("", "", "the file is empty"),
        ('id,profession,fte\nkari,"nurse,1\n', "line 2", "not valid CSV"),
    ],
)
def test_errors_name_the_line_and_column(tmp_path: Path, text: str, path: str, rule: str) -> None:
    """Every bad cell, row or header names the file, the line and the column."""
    err = _error(_csv(tmp_path, text))
    assert err.path == path
    assert rule in err.rule


# -- a first organisation ---------------------------------------------------------------------


def test_organisation_from_example_staff_list() -> None:
    """One geographic team per zone with everyone living there; units without leaders."""
    org = organisation_from_staff_csv(EXAMPLE)
    assert org.name == "staff_list"
    assert [z.id for z in org.zones] == ["nord", "sor"]
    assert [u.id for u in org.units] == ["hjemmetjenesten"]
    assert org.teams_by_id["nord"].staff_ids == ("anne", "kari", "per", "ola", "siri", "aisha")
    # By hand from the CSV: 100 + 80 + 100 + 75 + 60 + 50 % = 4.65 FTE; 100 + 100 + 80 + 60 % = 3.4.
    assert org.team_fte("nord") == pytest.approx(4.65)
    assert org.team_fte("sor") == pytest.approx(3.4)
    assert org.teams_of("eva") == ()
    assert org.manager_of("kari") == "anne"
    assert loads_organisation(dumps_organisation(org)) == org


def test_organisation_carries_own_professions(tmp_path: Path) -> None:
    """A profession of one's own used in the list is added to the organisation."""
    own = Profession("music-therapist", care_level=3, nb="musikkterapeut")
    path = _csv(tmp_path, "id,profession,fte\nkari,musikkterapeut,1\nola,nurse,1\n")
    org = organisation_from_staff_csv(path, name="Test", professions={**PROFESSIONS, own.id: own})
    assert org.professions == (own,)
    assert org.care_level("kari") == 3


@pytest.mark.parametrize(
    ("rows", "path", "rule"),
    [
        (
            "kari,nurse,1,\nola,nurse,1,per\n",
            "line 3, column 'reports_to'",
            "unknown staff member 'per'",
        ),
        ("kari,nurse,1,ola\nola,nurse,1,kari\n", "line 2, column 'reports_to'", "cycle"),
    ],
)
def test_organisation_errors_name_the_line(tmp_path: Path, rows: str, path: str, rule: str) -> None:
    """Errors only the whole organisation can find still name the CSV line and column."""
    csv_path = _csv(tmp_path, "id,profession,fte,reports_to\n" + rows)
    with pytest.raises(InvalidScenario) as info:
        organisation_from_staff_csv(csv_path)
    assert info.value.source == str(csv_path)
    assert info.value.path == path
    assert rule in info.value.rule


# -- the how-to guide -------------------------------------------------------------------------

GUIDE = Path(__file__).parent.parent / "docs" / "how-to" / "staff-list.md"


def test_how_to_guide_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ``python`` block of docs/how-to/staff-list.md runs as a doctest and passes."""
    blocks = re.findall(r"```python\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 3
    (tmp_path / "examples" / "organisations").mkdir(parents=True)
    shutil.copy(EXAMPLE, tmp_path / "examples" / "organisations" / EXAMPLE.name)
    monkeypatch.chdir(tmp_path)
    test = doctest.DocTestParser().get_doctest("\n".join(blocks), {}, GUIDE.name, str(GUIDE), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    out = io.StringIO()
    runner.run(test, out=out.write)
    assert runner.failures == 0, out.getvalue()
    assert runner.tries >= 10
