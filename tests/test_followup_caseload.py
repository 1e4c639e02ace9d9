"""Tests of the caseload distribution and its comparison with the 2023 survey."""

from __future__ import annotations

import math

import pytest
from hypothesis import given

from hometeams.errors import InvalidArgument
from hometeams.followup import (
    SURVEY_2023,
    Band,
    CaseloadSurvey,
    ComplexNeedsUser,
    CoordinatorRole,
    FollowUpProgramme,
    caseload_distribution,
    compare_with_survey,
)
from hometeams.followup._analyses.caseload import wilson_interval
from test_followup_strategies import programmes


def _programme(loads: list[int]) -> FollowUpProgramme:
    roles = [CoordinatorRole(f"c{i}", hours_per_week=10) for i in range(len(loads))]
    users = [
        ComplexNeedsUser(f"u{i}-{k}", age=30, services=["nav"], coordinator=f"c{i}")
        for i, n in enumerate(loads)
        for k in range(n)
    ]
    return FollowUpProgramme("x", coordinators=roles, users=users)


def test_survey_figures_are_the_published_ones() -> None:
    """35 % coordinate one user and 22 % two, of 66 coordinators (seed 003 L1690-1692)."""
    assert SURVEY_2023.n == 66
    assert SURVEY_2023.shares[:2] == (0.35, 0.22)
    assert 0.15 < SURVEY_2023.shares[3] < 0.20  # "just under one in five"
    assert [b.label for b in SURVEY_2023.bins] == ["1", "2", "3-5", "6+"]


def test_distribution_counts_hand_example() -> None:
    """Caseloads 1, 1, 2, 4, 5, 7, 0 fall in bins 1:2, 2:1, 3-5:2, 6+:1, with one idle."""
    d = caseload_distribution(_programme([1, 1, 2, 4, 5, 7, 0]))
    assert d.counts == (2, 1, 2, 1)
    assert d.idle == 1
    assert d.coordinators == 6
    assert d.shares == pytest.approx((2 / 6, 1 / 6, 2 / 6, 1 / 6))
    assert d.mean == pytest.approx(20 / 6)
    assert d.caseloads == (7, 5, 4, 2, 1, 1, 0)


def test_custom_bins_follow_the_2011_question() -> None:
    """With bins 1-5 and 6+ (the 2011 survey: 87 % had 1-5 users) the counts regroup."""
    d = caseload_distribution(_programme([1, 2, 5, 6, 9]), bins=[Band(1, 5), Band(6)])
    assert d.counts == (3, 2)


def test_wilson_interval_textbook_value() -> None:
    """50 of 100 gives the textbook 95 % Wilson interval 0.4038-0.5962."""
    low, high = wilson_interval(0.5, 100)
    assert (low, high) == pytest.approx((0.4038, 0.5962), abs=5e-5)


def test_wilson_interval_for_the_survey_share_of_one_user() -> None:
    """35 % of 66: centre (p + z²/2n)/(1 + z²/n), half-width from the Wilson formula."""
    z = 1.959963984540054  # the 97.5 % normal quantile
    n, p = 66, 0.35
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    assert wilson_interval(p, n) == pytest.approx((centre - half, centre + half))
    assert wilson_interval(p, n) == pytest.approx((0.246, 0.471), abs=1e-3)


def test_comparison_reports_shares_difference_and_range() -> None:
    """Each bin gets observed and survey shares, their difference and whether it is in range."""
    rows = compare_with_survey(caseload_distribution(_programme([1] * 9 + [2])))
    one = rows[0]
    assert (one.observed, one.observed_share, one.survey_share) == (9, 0.9, 0.35)
    assert one.difference == pytest.approx(0.55)
    assert one.within is False
    assert rows[2].observed_share == 0.0
    assert rows[2].within is False  # the survey's 3-5 range does not reach 0


def test_survey_like_distribution_is_within_every_range() -> None:
    """Caseloads shaped like the survey (7, 4, 5, 3 of 19) are within every range."""
    rows = compare_with_survey(
        caseload_distribution(_programme([1] * 7 + [2] * 4 + [3] * 5 + [7] * 3))
    )
    assert all(r.within for r in rows)


def test_comparison_needs_a_coordinator_with_users_and_the_same_bins() -> None:
    """No coordinated user, or different bins, is refused rather than answered with nothing."""
    with pytest.raises(InvalidArgument, match="no coordinator has a user"):
        compare_with_survey(caseload_distribution(_programme([0, 0])))
    other = caseload_distribution(_programme([1]), bins=[Band(1, 5), Band(6)])
    with pytest.raises(InvalidArgument, match="differ"):
        compare_with_survey(other)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n": 0}, "n: must be"),
        ({"shares": (0.5, 0.5, 0.1, 0.0)}, "add up to 1"),
        ({"shares": (0.5, 0.5)}, "one share per bin"),
        ({"shares": (1.5, -0.5, 0.0, 0.0)}, r"shares\[0\]"),
    ],
)
def test_bad_surveys_are_refused(kwargs: dict[str, object], message: str) -> None:
    """A survey needs a sample size and one share per bin adding up to 1."""
    fields: dict[str, object] = {"n": 10, "bins": SURVEY_2023.bins, "shares": SURVEY_2023.shares}
    fields.update(kwargs)
    with pytest.raises(InvalidArgument, match=message):
        CaseloadSurvey("bad", **fields)  # type: ignore[arg-type]


@given(programmes())
def test_distribution_accounts_for_every_role_and_user(programme: FollowUpProgramme) -> None:
    """Bins plus idle count every role once; the caseloads add up to the coordinated users."""
    d = caseload_distribution(programme)
    assert d.coordinators + d.idle == len(programme.coordinators)
    assert sum(d.caseloads) == sum(1 for u in programme.users if u.coordinator is not None)
    if d.coordinators:
        assert sum(d.shares) == pytest.approx(1.0)
        rows = compare_with_survey(d)
        assert all(r.low <= r.survey_share <= r.high for r in rows)
