"""Tests of the text and JSON organisation analysis (``hometeams analyse``)."""

from __future__ import annotations

import json
import re
import string

import pytest
from hypothesis import given

from hometeams.errors import InvalidArgument
from hometeams.model import Organisation, Staff, Unit
from hometeams.report import LABELS, analysis_dict, analysis_text
from strategies import district, organisations


def _section(text: str, heading: str) -> list[str]:
    """The lines of one section: from below its underline to the next blank-line heading."""
    lines = text.splitlines()
    start = lines.index(heading) + 2
    end = start
    while end < len(lines) and not (
        lines[end] == "" and end + 2 < len(lines) and set(lines[end + 2]) == {"-"}
    ):
        end += 1
    return lines[start:end]


def test_headline_in_both_languages() -> None:
    """7 staff with 5.9 FTE in 4 teams, 2 zones, 5 users; bokmål uses a decimal comma."""
    assert analysis_text(district()).splitlines()[:3] == [
        "Analysis of Distrikt",
        "====================",
        "staff: 7 (5.9 FTE) · teams: 4 · zones: 2 · users: 5",
    ]
    assert analysis_text(district(), lang="nb").splitlines()[2] == (
        "ansatte: 7 (5,9 årsverk) · team: 4 · soner: 2 · brukere: 5"
    )


def test_span_section() -> None:
    """Leaders by FTE of direct reports: head 3 / 2.6, lena 2 / 1.3, sara 1 / 1.0."""
    text = analysis_text(district())
    rows = [line.split() for line in _section(text, _span_heading("en"))[1:]]
    assert rows == [["head", "3", "2.6"], ["lena", "2", "1.3"], ["sara", "1", "1.0"]]


def _span_heading(lang: str) -> str:
    return LABELS[lang]["span"].format(max_fte="20,0" if lang == "nb" else "20.0")


def test_large_span_is_flagged() -> None:
    """One leader for 33 FTE (seed 001) is marked too large."""
    staff = [Staff("head", profession="nurse")]
    staff += [Staff(f"s{i}", profession="nurse", unit="dept") for i in range(33)]
    org = Organisation("LBS", staff=staff, units=[Unit("dept", leader="head")])
    (row,) = _section(analysis_text(org), _span_heading("en"))[1:]
    assert row.split() == ["head", "33", "33.0", "too", "large"]
    (row,) = _section(analysis_text(org, lang="nb"), _span_heading("nb"))[1:]
    assert row.split() == ["head", "33", "33,0", "for", "stort"]


def test_coverage_section() -> None:
    """Dementia: 0.8 FTE / 1 user in Nord, 1.0 / 1 in Sør, 1.8 / 2 overall (by hand)."""
    lines = _section(analysis_text(district()), LABELS["en"]["coverage"])
    assert lines[0].split() == ["competence", "Nord", "Sør", "whole", "service"]
    dementia = next(line for line in lines if line.strip().startswith("dementia care"))
    assert re.split(r"\s{2,}", dementia.strip()) == [
        "dementia care",
        "0.8 / 1",
        "1.0 / 1",
        "1.8 / 2",
    ]


def test_risk_reach_and_uncovered_sections() -> None:
    """Sara alone holds wound care; memory reaches u1 and u3; nobody covers u5's palliation."""
    text = analysis_text(district())
    risk = "\n".join(_section(text, LABELS["en"]["risk"].format(k=2)))
    assert "whole service -- palliative care: nobody (needed by 1)" in risk
    assert "sara (1.0 FTE) -- only one with wound care; users exposed: 1" in risk
    # Bus factors below 2 (see test_graph_risk): nina serves zone south from a team without
    # zones, so its welfare technology hangs on one person, not on nobody.
    assert "zone Nord -- palliative care: 0 (nobody)" in risk
    assert "zone Sør -- welfare technology: 1 (nina); wound care: 1 (sara)" in risk
    reach = _section(text, LABELS["en"]["reach"])
    assert reach[1].split() == ["Hukommelsesteam", "0.4", "2", "2", "0", "0", "(0", "%)"]
    assert _section(text, LABELS["en"]["uncovered"]) == ["  u5 -- palliative care"]
    assert _section(text, LABELS["en"]["overlap"]) == ["  No overlapping teams."]


def test_unknown_language() -> None:
    """An unknown lang raises InvalidArgument listing the languages."""
    with pytest.raises(InvalidArgument, match="lang: must be one of en, nb, got 'de'"):
        analysis_text(district(), lang="de")


def test_labels_agree_across_languages() -> None:
    """Every language has the same keys, and each label the same placeholders."""
    fields = {
        lang: {k: {f for _, f, _, _ in string.Formatter().parse(v) if f} for k, v in labels.items()}
        for lang, labels in LABELS.items()
    }
    assert fields["nb"] == fields["en"]


@given(org=organisations())
def test_text_lines_fit_a_terminal(org: Organisation) -> None:
    """Every line of the analysis, in both languages, is at most 100 characters."""
    for lang in LABELS:
        text = analysis_text(org, lang=lang)
        assert max(len(line) for line in text.splitlines()) <= 100
        assert not text.endswith("\n")


@given(org=organisations())
def test_dict_is_json_and_matches_the_text(org: Organisation) -> None:
    """The dict survives a JSON round trip unchanged and has the headline counts."""
    data = analysis_dict(org)
    assert json.loads(json.dumps(data, allow_nan=False)) == data
    assert data["organisation"]["staff"] == len(org.staff)
    assert len(data["coverage"]["zone"]) == len(org.zones) * len(data["coverage"]["organisation"])
    assert set(data["uncovered_needs"]) == set(org.uncovered_needs())


def test_dict_of_the_district() -> None:
    """The dict holds the same figures as the text (by hand)."""
    data = analysis_dict(district())
    assert data["span_of_control"][0] == {
        "leader": "head",
        "heads": 3,
        "fte": 2.6,
        "too_large": False,
        "below": 6,
    }
    assert [r["team"] for r in data["specialist_reach"]] == ["memory", "vt"]
    assert data["specialist_reach"][0]["unreached_share"] == 0.0
    assert data["key_person_risk"]["absences"][0]["staff"] == "sara"
    assert data["key_person_risk"]["absences"][0]["team_gaps"] == [
        ["south", "nursing"],
        ["south", "wound-care"],
    ]
    assert data["uncovered_needs"] == {"u5": ["palliation"]}
