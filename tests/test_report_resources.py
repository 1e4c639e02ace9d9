"""Tests of the resource answer: hours, FTE and cost per week and per year (``_resources``)."""

from __future__ import annotations

import pytest

from hometeams.errors import InvalidArgument
from hometeams.experiment import Comparison
from hometeams.report._html import report_html
from hometeams.report._resources import resource_rows, resource_sentences, resource_text

WEEK = 7 * 1440.0
METRICS = ["rostered_hours", "staff_hours", "overtime_hours"]
# Four weeks measured. Fixed: 14 staff-evenings of 8 h a day = 112 h a day, 784 h a week,
# 3136 h in four weeks, with 8 h of overtime. Pooled: one 8-hour evening fewer every day,
# 104 h a day = 728 h a week = 2912 h in four weeks, with 16 h of overtime.
RESULT = Comparison(
    ["fixed", "pooled"],
    METRICS,
    [
        [[3136.0, 3144.0, 8.0], [3136.0, 3140.0, 4.0]],
        [[2912.0, 2928.0, 16.0], [2912.0, 2932.0, 20.0]],
    ],
    baseline="fixed",
)


def test_rows_per_week_and_fte_by_hand() -> None:
    """Per week: total / 4 weeks; FTE: per week / 37.5; paid a year: (rostered + overtime) * 52."""
    rows = resource_rows(RESULT, period=4 * WEEK, cost_per_hour=500)
    assert rows[0] == [
        "model", "rostered h", "FTE", "worked h", "FTE", "overtime h", "paid h/year", "NOK/year"
    ]  # fmt: skip
    fixed, pooled = rows[1], rows[2]
    # fixed: 784 h a week = 20.9 FTE; worked (3144 + 3140) / 2 / 4 = 785.5; overtime 6 / 4 = 1.5
    # paid a year (784 + 1.5) * 52 = 40 846; at 500 kr = 20 423 000
    assert fixed == [
        "fixed",
        "784.0",
        "20.9",
        "785.5",
        "20.9",
        "1.5",
        "40\xa0846",
        "20\xa0423\xa0000",
    ]
    # pooled: 728 h a week = 19.4 FTE; worked 2930 / 4 = 732.5; overtime 18 / 4 = 4.5
    # paid a year (728 + 4.5) * 52 = 38 090; at 500 kr = 19 045 000
    assert pooled == [
        "pooled",
        "728.0",
        "19.4",
        "732.5",
        "19.5",
        "4.5",
        "38\xa0090",
        "19\xa0045\xa0000",
    ]


def test_sentence_says_one_shift_a_day_fewer() -> None:
    """56 hours a week fewer is 8 a day: one 8-hour shift, 1.5 FTE, 2912 hours a year."""
    (sentence,) = resource_sentences(RESULT, period=4 * WEEK, shift_hours=8.0, cost_per_hour=500)
    assert sentence == (
        "pooled has 56.0 fewer rostered hours a week than fixed: 8.0 a day (one 8-hour shift), "
        "1.5 FTE, 2912 hours a year (NOK 1\xa0456\xa0000 a year)."
    )


def test_shifts_that_are_not_whole_are_counted_with_a_decimal() -> None:
    """8 hours a day of 7.5-hour shifts is 1.1 shifts; in Norwegian with a decimal comma."""
    (sentence,) = resource_sentences(RESULT, period=4 * WEEK, shift_hours=7.5, lang="nb")
    assert "8,0 i døgnet (1,1 vakter på 7,5 timer)" in sentence


def test_hours_per_fte_changes_the_fte_only() -> None:
    """With a 35.5-hour week, 56 hours are 1.6 FTE (56 / 35.5 = 1.58)."""
    (sentence,) = resource_sentences(RESULT, period=4 * WEEK, hours_per_fte=35.5)
    assert ", 1.6 FTE," in sentence
    assert "2912 hours a year" in sentence


def test_more_and_the_same() -> None:
    """A model with more hours says more; one with as many says the same."""
    flipped = Comparison(
        ["pooled", "fixed", "twin"], METRICS,
        [RESULT.values[1], RESULT.values[0], RESULT.values[1]], baseline="pooled",
    )  # fmt: skip
    more, same = resource_sentences(flipped, period=4 * WEEK)
    assert more.startswith("fixed has 56.0 more rostered hours a week than pooled")
    assert same == "twin has the same rostered hours as pooled: 728.0 a week."


def test_text_states_the_convention_and_the_period() -> None:
    """The text says how many weeks were measured, the FTE week and the cost per hour."""
    text = "\n".join(resource_text(RESULT, period=4 * WEEK, cost_per_hour=500))
    assert "4 weeks measured" in text
    assert "1 FTE = 37.5 hours a week, 1950 hours a year" in text
    assert "NOK 500 per paid hour" in text
    assert "\xa0" not in text


def test_without_the_hour_metrics_there_is_no_answer() -> None:
    """A comparison without rostered, worked and overtime hours gives no resource rows."""
    only = Comparison(["a", "b"], ["wait"], [[[1.0], [2.0]], [[3.0], [4.0]]], baseline="a")
    assert resource_rows(only, period=WEEK) == []
    assert resource_text(only, period=WEEK) == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"period": 0}, "period: must be a finite number > 0"),
        ({"period": WEEK, "cost_per_hour": -1}, "cost_per_hour: must be a finite number > 0"),
        ({"period": WEEK, "hours_per_fte": 0}, "hours_per_fte: must be a finite number > 0"),
    ],
)
def test_bad_options_are_refused(options: dict[str, float], message: str) -> None:
    """A period, cost or FTE week that is not a positive number is refused by name."""
    with pytest.raises(InvalidArgument, match=message):
        resource_text(RESULT, **options)  # type: ignore[arg-type]


def test_report_leads_with_the_resources() -> None:
    """With a period, the report's first section is the resource answer, before the findings."""
    doc = report_html(RESULT, period=4 * WEEK, plots=False, lang="nb", names={"pooled": "samlet"})
    assert doc.index('id="resources"') < doc.index('id="findings"')
    assert "samlet har 56,0 færre turnustimer i uken enn fixed" in doc
    without = report_html(RESULT, plots=False)
    assert 'id="resources"' not in without
