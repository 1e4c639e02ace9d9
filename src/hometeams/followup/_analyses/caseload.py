"""How many users each coordinator has, and how that compares with the 2023 survey.

Of the 66 coordinators who answered the evaluation's survey in 2023, "the majority coordinated
one (35 per cent) or two (22 per cent) persons ... and just under one in five coordinated more
than five" (seed 003 L1690-1692). In 2011, 87 per cent of Norway's roughly 10,000 coordinators
had one to five users (seed 002 L137, L162-163). A municipality can hold its own distribution
against these figures: many coordinators with one user each spread the role thin and make it
hard to build experience; a few with many users concentrate risk
(:func:`~hometeams.followup.concentration`).

The survey is small, so its shares are estimates: :func:`compare_with_survey` puts a Wilson score
interval around each published share (at the survey's sample size) and says whether the
municipality's share lies inside it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs
from scipy.stats import norm

from hometeams.errors import InvalidArgument
from hometeams.followup._model.bands import Band, check_partition
from hometeams.followup._model.programme import FollowUpProgramme

__all__ = [
    "SURVEY_2023",
    "SURVEY_BINS",
    "CaseloadDistribution",
    "CaseloadSurvey",
    "SurveyComparison",
    "caseload_distribution",
    "compare_with_survey",
    "wilson_interval",
]

SURVEY_BINS: tuple[Band, ...] = (Band(1, 1), Band(2, 2), Band(3, 5), Band(6))
"""The survey's caseload bins: 1, 2, 3-5 and more than 5 users."""


@attrs.frozen
class CaseloadDistribution:
    """Coordinators counted by the number of users they coordinate.

    Attributes
    ----------
    bins
        The caseload bins, a partition of 1, 2, 3, ...
    counts
        Coordinators with a caseload in each bin.
    idle
        Coordinators with a role but no user (not in any bin, not in the shares).
    caseloads
        Every coordinator's caseload, idle ones included, sorted from largest to smallest.

    Examples
    --------
    >>> d = CaseloadDistribution(bins=SURVEY_BINS, counts=(2, 1, 1, 0), idle=1,
    ...                          caseloads=(4, 2, 1, 1, 0))
    >>> d.coordinators, d.shares, d.mean
    (4, (0.5, 0.25, 0.25, 0.0), 2.0)
    """

    bins: tuple[Band, ...]
    counts: tuple[int, ...]
    idle: int
    caseloads: tuple[int, ...]

    @property
    def coordinators(self) -> int:
        """Coordinators with at least one user."""
        return sum(self.counts)

    @property
    def shares(self) -> tuple[float, ...]:
        """The share of coordinators (with at least one user) in each bin.

        Raises
        ------
        InvalidArgument
            If no coordinator has a user, so the shares are undefined.
        """
        total = self.coordinators
        if total == 0:
            raise InvalidArgument("distribution: no coordinator has a user; shares are undefined")
        return tuple(c / total for c in self.counts)

    @property
    def mean(self) -> float:
        """Mean caseload of the coordinators with at least one user (``nan`` if none)."""
        busy = [c for c in self.caseloads if c > 0]
        return sum(busy) / len(busy) if busy else math.nan


def caseload_distribution(
    programme: FollowUpProgramme, *, bins: Sequence[Band] = SURVEY_BINS
) -> CaseloadDistribution:
    """Count coordinators by caseload.

    Parameters
    ----------
    programme
        The follow-up programme.
    bins
        Caseload bins partitioning 1, 2, 3, ...; the survey's bins by default.

    Returns
    -------
    CaseloadDistribution

    Examples
    --------
    >>> from hometeams.followup import ComplexNeedsUser, CoordinatorRole, FollowUpProgramme
    >>> roles = [CoordinatorRole(s, hours_per_week=8) for s in ("a", "b", "c", "d")]
    >>> users = [ComplexNeedsUser(f"u{i}", age=30, services=["nav"], coordinator=c)
    ...          for i, c in enumerate("abbccccccc")]
    >>> d = caseload_distribution(FollowUpProgramme("x", coordinators=roles, users=users))
    >>> [b.label for b in d.bins], d.counts, d.idle, d.caseloads
    (['1', '2', '3-5', '6+'], (1, 1, 0, 1), 1, (7, 2, 1, 0))
    """
    checked = check_partition(bins, name="bins", start=1)
    loads = sorted((len(users) for users in programme.caseloads.values()), reverse=True)
    counts = tuple(sum(1 for n in loads if band.contains(n)) for band in checked)
    return CaseloadDistribution(
        bins=checked, counts=counts, idle=sum(1 for n in loads if n == 0), caseloads=tuple(loads)
    )


@attrs.frozen
class CaseloadSurvey:
    """Published caseload shares: the bins, the share in each, the sample size and the source.

    Examples
    --------
    >>> SURVEY_2023.n, SURVEY_2023.shares
    (66, (0.35, 0.22, 0.24, 0.19))
    """

    name: str
    n: int = attrs.field(kw_only=True)
    bins: tuple[Band, ...] = attrs.field(kw_only=True)
    shares: tuple[float, ...] = attrs.field(kw_only=True)
    source: str = attrs.field(default="", kw_only=True)

    def __attrs_post_init__(self) -> None:
        if isinstance(self.n, bool) or not isinstance(self.n, int) or self.n < 1:
            raise InvalidArgument(f"n: must be an integer >= 1, got {self.n!r}")
        check_partition(self.bins, name="bins", start=1)
        if len(self.shares) != len(self.bins):
            raise InvalidArgument(
                f"shares: must have one share per bin ({len(self.bins)}), got {len(self.shares)}"
            )
        for i, share in enumerate(self.shares):
            if not 0.0 <= share <= 1.0:
                raise InvalidArgument(f"shares[{i}]: must be in [0, 1], got {share!r}")
        if not math.isclose(sum(self.shares), 1.0, abs_tol=1e-9):
            raise InvalidArgument(f"shares: must add up to 1, got {sum(self.shares)!r}")


SURVEY_2023 = CaseloadSurvey(
    "Coordinator survey, pilot municipalities, 2023",
    n=66,
    bins=SURVEY_BINS,
    shares=(0.35, 0.22, 0.24, 0.19),
    source="SINTEF final evaluation 2024, seed 003 L1690-1692",
)
"""The 2023 survey of 66 coordinators (seed 003 L1690-1692).

1 user 35 % and 2 users 22 % are published. "Just under one in five" with more than five is
read as 19 % (an interpretation). The 3-5 share, 24 %, is not published: it is the remainder
``1 - 0.35 - 0.22 - 0.19``.
"""


@attrs.frozen
class SurveyComparison:
    """One caseload bin: the municipality's share beside the survey's, with the survey's interval.

    Attributes
    ----------
    bin
        The caseload bin.
    observed
        Coordinators in the bin.
    observed_share
        Their share of coordinators with at least one user.
    survey_share
        The survey's share.
    low, high
        The Wilson score interval around the survey share at the survey's sample size.
    difference
        ``observed_share - survey_share``.
    within
        Whether ``low <= observed_share <= high``.

    Examples
    --------
    >>> row = SurveyComparison(bin=Band(1, 1), observed=5, observed_share=0.5, survey_share=0.35,
    ...                        low=0.246, high=0.471, difference=0.15, within=False)
    >>> row.bin.label, row.within
    ('1', False)
    """

    bin: Band
    observed: int
    observed_share: float
    survey_share: float
    low: float
    high: float
    difference: float
    within: bool


def wilson_interval(share: float, n: int, *, confidence: float = 0.95) -> tuple[float, float]:
    """The Wilson score interval for a proportion ``share`` estimated from ``n`` answers.

    Examples
    --------
    >>> low, high = wilson_interval(0.5, 100)
    >>> round(low, 4), round(high, 4)
    (0.4038, 0.5962)
    """
    if not 0.0 <= share <= 1.0:
        raise InvalidArgument(f"share: must be in [0, 1], got {share!r}")
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise InvalidArgument(f"n: must be an integer >= 1, got {n!r}")
    if not 0.0 < confidence < 1.0:
        raise InvalidArgument(f"confidence: must be > 0 and < 1, got {confidence!r}")
    z = float(norm.ppf(0.5 + confidence / 2))
    z2n = z * z / n
    centre = (share + z2n / 2) / (1 + z2n)
    half = z / (1 + z2n) * math.sqrt(share * (1 - share) / n + z2n / (4 * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def compare_with_survey(
    distribution: CaseloadDistribution,
    survey: CaseloadSurvey = SURVEY_2023,
    *,
    confidence: float = 0.95,
) -> tuple[SurveyComparison, ...]:
    """Compare a caseload distribution with a survey, bin by bin.

    Parameters
    ----------
    distribution
        From :func:`caseload_distribution`, with the survey's bins.
    survey
        The published figures; the 2023 survey by default.
    confidence
        Confidence level of the interval around each survey share.

    Returns
    -------
    tuple of SurveyComparison
        One per bin, in bin order.

    Raises
    ------
    InvalidArgument
        If the bins differ or no coordinator has a user.

    Examples
    --------
    >>> from hometeams.followup import ComplexNeedsUser, CoordinatorRole, FollowUpProgramme
    >>> roles = [CoordinatorRole(s, hours_per_week=8) for s in "abcd"]
    >>> users = [ComplexNeedsUser(f"u{i}", age=30, services=["nav"], coordinator=c)
    ...          for i, c in enumerate("abbcccdddddddd")]
    >>> rows = compare_with_survey(caseload_distribution(
    ...     FollowUpProgramme("x", coordinators=roles, users=users)))
    >>> [(r.bin.label, r.observed_share, r.survey_share, r.within) for r in rows]
    [('1', 0.25, 0.35, True), ('2', 0.25, 0.22, True), ('3-5', 0.25, 0.24, True),
     ('6+', 0.25, 0.19, True)]
    """
    if distribution.bins != survey.bins:
        mine = [b.label for b in distribution.bins]
        theirs = [b.label for b in survey.bins]
        raise InvalidArgument(f"distribution: bins {mine} differ from the survey's {theirs}")
    shares = distribution.shares
    rows = []
    for band, count, share, published in zip(
        distribution.bins, distribution.counts, shares, survey.shares, strict=True
    ):
        low, high = wilson_interval(published, survey.n, confidence=confidence)
        rows.append(
            SurveyComparison(
                bin=band,
                observed=count,
                observed_share=share,
                survey_share=published,
                low=low,
                high=high,
                difference=share - published,
                within=low <= share <= high,
            )
        )
    return tuple(rows)
