"""Tests of span of control (lederspenn)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given

from hometeams.errors import InvalidArgument
from hometeams.graph import DEFAULT_MAX_FTE, Span, span_of_control
from hometeams.model import Organisation, Staff, Unit
from strategies import district, organisations


def test_district_spans_by_hand() -> None:
    """Head leads lena, sara, nina (2.6 FTE); lena kari + ola (1.3); sara per (1.0)."""
    spans = span_of_control(district())
    assert [(s.leader, s.heads, s.too_large) for s in spans] == [
        ("head", 3, False),
        ("lena", 2, False),
        ("sara", 1, False),
    ]
    assert [s.fte for s in spans] == pytest.approx([2.6, 1.3, 1.0])


def test_district_lines_below_each_leader_by_hand() -> None:
    """The whole line below a leader: head has 6 (lena, sara, nina and theirs).

    ::

        head -> lena -> kari, ola
             -> sara -> per
             -> nina
    """
    assert [(s.leader, s.below) for s in span_of_control(district())] == [
        ("head", 6),
        ("lena", 2),
        ("sara", 1),
    ]


def test_thresholds_flag_leaders() -> None:
    """A 2 FTE limit flags head only; a 1-head limit flags head and lena."""
    org = district()
    assert [s.leader for s in span_of_control(org, max_fte=2.0) if s.too_large] == ["head"]
    flagged = [s.leader for s in span_of_control(org, max_heads=1) if s.too_large]
    assert flagged == ["head", "lena"]


def test_seed_001_department_head_is_flagged() -> None:
    """One leader for 33 FTE (seed 001, L33) is above the default limit of 20 FTE."""
    staff = [Staff("head", profession="nurse")]
    staff += [Staff(f"s{i}", profession="nurse", fte=0.75, unit="dept") for i in range(44)]
    org = Organisation("LBS", staff=staff, units=[Unit("dept", leader="head")])
    (span,) = span_of_control(org)
    assert span == Span("head", heads=44, fte=33.0, too_large=True, below=44)
    assert DEFAULT_MAX_FTE < 33.0


def test_no_leaders_gives_no_spans() -> None:
    """An organisation without reporting lines has no spans (not an error: nobody leads)."""
    org = Organisation("flat", staff=[Staff("a", profession="nurse")])
    assert span_of_control(org) == ()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_fte": 0}, "max_fte: must be a positive number of FTE, got 0"),
        ({"max_fte": math.nan}, "max_fte: must be a positive number of FTE, got nan"),
        ({"max_fte": True}, "max_fte"),
        ({"max_heads": 0}, "max_heads: must be a positive integer or None, got 0"),
        ({"max_heads": 2.5}, "max_heads"),
    ],
)
def test_rejects_bad_thresholds(kwargs: dict[str, object], message: str) -> None:
    """Thresholds outside their domain raise InvalidArgument naming the argument and value."""
    with pytest.raises(InvalidArgument, match=message.replace("(", r"\(")):
        span_of_control(district(), **kwargs)  # type: ignore[arg-type]


@given(org=organisations())
def test_spans_add_up_to_the_reporting_lines(org: Organisation) -> None:
    """Heads add up to the number of reporting lines and FTE to their reports' FTE; sorted."""
    spans = span_of_control(org)
    lines = org.reporting_lines
    assert sum(s.heads for s in spans) == len(lines)
    assert sum(s.fte for s in spans) == pytest.approx(sum(org.staff_by_id[r].fte for r in lines))
    assert [(-s.fte, s.leader) for s in spans] == sorted((-s.fte, s.leader) for s in spans)
    assert all(s.too_large == (s.fte > DEFAULT_MAX_FTE) for s in spans)


@given(org=organisations())
def test_line_below_a_leader_counts_reports_of_reports(org: Organisation) -> None:
    """Below = direct reports plus everyone below each of them (the reporting forest)."""
    spans = {s.leader: s for s in span_of_control(org)}
    lines = org.reporting_lines

    def below(leader: str) -> int:
        direct = [r for r, m in lines.items() if m == leader]
        return len(direct) + sum(below(r) for r in direct)

    for leader, span in spans.items():
        assert span.below == below(leader) >= span.heads
