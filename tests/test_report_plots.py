"""Tests of the report's plots: what each figure draws."""

from __future__ import annotations

import math
import sys

import pytest
from scipy import stats

from hometeams.errors import InvalidArgument
from hometeams.experiment import Comparison
from hometeams.model import Membership, Organisation, Staff, Team
from hometeams.records import Records
from hometeams.report import (
    PALETTE,
    plot_comparison,
    plot_distinct_staff,
    plot_organisation,
    plot_tradeoff,
    plot_utilisation,
)
from strategies import jobs_table, shifts_table

DAY = 1440.0


def fortnight_records(staff_of_visit: list[str], *, warmup: float = 0.0) -> Records:
    """One user visited at 08:00 on each of 14 days by the given staff, day shifts for all."""
    people = sorted(set(staff_of_visit))
    shifts = [
        (p, warmup + d * DAY + 420.0, warmup + d * DAY + 900.0) for d in range(14) for p in people
    ]
    jobs = [
        ("olsen", s, "", warmup + d * DAY + 480.0, warmup + d * DAY + 510.0, 0.0)
        for d, s in enumerate(staff_of_visit)
    ]
    return Records(
        jobs_table(jobs), shifts_table(shifts), warmup=warmup, horizon=warmup + 14 * DAY
    )  # fmt: skip


def small_comparison() -> Comparison:
    """Two models, two replications, known values."""
    return Comparison(
        ["fixed", "pooled"],
        ["idle_share", "on_time_share", "mean_delay"],
        [[[0.30, 0.80, 14.0], [0.32, 0.82, 16.0]], [[0.22, 0.90, 11.0], [0.25, 0.91, 12.0]]],
        baseline="fixed",
    )


# -- comparison bars ---------------------------------------------------------------------------


def test_comparison_bars_are_means_with_t_intervals():
    """Each bar is a model's mean (shares in per cent) and its whiskers the t interval."""
    fig = plot_comparison(small_comparison(), metrics=["idle_share"])
    ax = fig.axes[0]
    widths = sorted(p.get_width() for p in ax.patches)
    assert widths == pytest.approx([23.5, 31.0])  # (22 + 25) / 2 and (30 + 32) / 2 per cent
    # Two replications: half-width = t(0.975, 1) * sd / sqrt(2), sd of (30, 32) = sqrt(2).
    half = stats.t.ppf(0.975, 1) * math.sqrt(2.0) / math.sqrt(2.0)
    spans = [tuple(line.get_xdata()) for line in ax.lines if len(set(line.get_ydata())) == 1]
    assert any(
        lo == pytest.approx(31.0 - half) and hi == pytest.approx(31.0 + half) for lo, hi in spans
    )


def test_comparison_draws_one_panel_per_metric_in_order():
    """Panels follow the metrics asked for; spare grid cells are hidden."""
    fig = plot_comparison(small_comparison(), metrics=["mean_delay", "idle_share"], columns=3)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    titles = [ax.get_title(loc="left").replace("\n", " ") for ax in visible]
    assert titles == ["Mean delay (min)", "Idle share (%)"]
    fig = plot_comparison(small_comparison(), columns=2)
    assert len([ax for ax in fig.axes if ax.get_visible()]) == 3
    assert len(fig.axes) == 4


def test_comparison_marks_a_metric_with_no_values():
    """A metric undefined in every replication gets a note instead of empty bars."""
    result = Comparison(["a", "b"], ["competence_match"], [[[math.nan]] * 2, [[math.nan]] * 2],
                        baseline="a")  # fmt: skip
    ax = plot_comparison(result, lang="nb").axes[0]
    assert [t.get_text() for t in ax.texts] == ["ikke definert"]
    assert not ax.patches


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"metrics": ["wait"]}, r"metrics: \['wait'\] not among"),
        ({"metrics": "idle_share"}, "got the string"),
        ({"metrics": []}, "at least one"),
        ({"metrics": ["idle_share", "idle_share"]}, "unique"),
        ({"columns": 0}, "columns: must be an integer >= 1, got 0"),
        ({"lang": "sv"}, "lang: must be one of"),
    ],
)
def test_comparison_rejects_bad_arguments(kwargs, message):
    """Bad options are errors naming the option and the value."""
    with pytest.raises(InvalidArgument, match=message):
        plot_comparison(small_comparison(), **kwargs)


def test_plots_draw_dollar_signs_literally():
    """A model name with dollar signs is text, not mathematics."""
    result = Comparison(["$a$ plan", "b"], ["wait"], [[[1.0], [2.0]], [[3.0], [4.0]]],
                        baseline="$a$ plan")  # fmt: skip
    ax = plot_comparison(result).axes[0]
    assert ax.get_yticklabels()[0].get_text() == r"\$a\$ plan"
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(ax.figure).draw()  # would raise on unbalanced mathtext


# -- trade-off ------------------------------------------------------------------------------


def test_tradeoff_places_each_model_at_its_two_means():
    """Each model's point is (idle share, on-time share) in per cent, in its own colour."""
    fig = plot_tradeoff(small_comparison(), lang="nb")
    ax = fig.axes[0]
    points = [line for line in ax.lines if line.get_marker() == "o"]
    xy = [(float(p.get_xdata()[0]), float(p.get_ydata()[0])) for p in points]
    assert xy == [pytest.approx((31.0, 81.0)), pytest.approx((23.5, 90.5))]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["fixed", "pooled"]
    assert ax.get_xlabel() == "Ledig gang (%) (lavere er bedre)"


def test_tradeoff_needs_both_metrics():
    """A missing axis metric is named in the error."""
    result = Comparison(["a"], ["idle_share"], [[[0.1], [0.2]]], baseline="a")
    with pytest.raises(InvalidArgument, match="y: 'on_time_share' is not among"):
        plot_tradeoff(result)


# -- distinct staff --------------------------------------------------------------------------


def test_distinct_staff_bars_are_shares_of_user_fortnights():
    """One fortnight each: fixed meets 2 staff, pooled 4; the bars say 100 % at 2 and at 4."""
    fixed = fortnight_records(["kari", "per"] * 7)
    pooled = fortnight_records(["kari", "per", "ola", "eva"] * 3 + ["kari", "per"])
    ax = plot_distinct_staff({"fixed": fixed, "pooled": pooled}).axes[0]
    heights = [float(p.get_height()) for p in ax.patches]
    assert heights == [0.0, 100.0, 0.0, 0.0, 0.0, 0.0, 0.0, 100.0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "fixed (mean 2.0)", "pooled (mean 4.0)",
    ]  # fmt: skip
    assert ax.patches[0].get_facecolor()[:3] != ax.patches[4].get_facecolor()[:3]


def test_distinct_staff_counts_both_staff_of_a_two_person_visit():
    """The user meets both staff of a two-person visit."""
    run = fortnight_records(["kari"] * 14)
    jobs = jobs_table([("olsen", "kari", "per", 480.0, 510.0, 0.0)])
    two = Records(jobs, run.shifts, horizon=14 * DAY)
    ax = plot_distinct_staff({"two": two}).axes[0]
    assert [float(p.get_height()) for p in ax.patches] == [0.0, 100.0]


def test_distinct_staff_starts_its_windows_at_the_warmup():
    """Windows are counted from the end of the warm-up, so a whole fortnight after it counts."""
    run = fortnight_records(["kari", "per"] * 7, warmup=3 * DAY)
    ax = plot_distinct_staff({"fixed": run}).axes[0]
    assert [float(p.get_height()) for p in ax.patches] == [0.0, 100.0]


def test_distinct_staff_refuses_a_run_without_a_whole_window():
    """A run shorter than the window is an error naming the model, not an empty plot."""
    short = fortnight_records(["kari"] * 7)
    short = Records(short.jobs, short.shifts, horizon=7 * DAY)
    with pytest.raises(InvalidArgument, match=r"records_by_model\['short'\]: no user had"):
        plot_distinct_staff({"short": short})
    with pytest.raises(InvalidArgument, match="window: must be finite and > 0"):
        plot_distinct_staff({"short": short}, window=0)
    with pytest.raises(InvalidArgument, match="non-empty mapping"):
        plot_distinct_staff({})


# -- utilisation plot ------------------------------------------------------------------------


def test_utilisation_plot_draws_one_line_per_model_over_the_week():
    """One step line per model across 168 hours, with day names in the language."""
    runs = {"fixed": fortnight_records(["kari"] * 14), "pooled": fortnight_records(["per"] * 14)}
    ax = plot_utilisation(runs).axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
    ]
    steps = [p for p in ax.patches if type(p).__name__ == "StepPatch"]
    assert len(steps) == 2
    assert ax.get_xlim() == (0.0, 168.0)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["fixed", "pooled"]


def test_utilisation_plot_rejects_a_bad_mapping():
    """Values that are not Records are named."""
    with pytest.raises(InvalidArgument, match=r"records_by_model\['a'\]: must be Records"):
        plot_utilisation({"a": 1})  # type: ignore[dict-item]


# -- organisation ----------------------------------------------------------------------------


def district() -> Organisation:
    """Two zone teams and a memory team sharing two nurses."""
    return Organisation(
        "District 1",
        staff=[Staff(f"s{i}", profession="nurse") for i in range(6)],
        teams=[
            Team("north", name="North", category="geographic",
                 members=[Membership("s0", share=0.8), "s1", "s2"]),
            Team("south", name="South", category="geographic",
                 members=[Membership("s3", share=0.8), "s4", "s5"]),
            Team("memory", name="Memory team", category="specialist",
                 members=[Membership("s0", share=0.2), Membership("s3", share=0.2)]),
        ],
    )  # fmt: skip


def test_organisation_graph_colours_teams_by_category_and_is_repeatable():
    """Teams are labelled and coloured by category; the same organisation draws the same."""
    first = plot_organisation(district()).axes[0]
    labels = sorted(t.get_text() for t in first.texts)
    assert labels == ["Memory team", "North", "South"]
    legend = [t.get_text() for t in first.get_legend().get_texts()]
    assert legend == ["Specialist team", "Geographic team", "Staff"]
    second = plot_organisation(district()).axes[0]
    a = [c.get_offsets().tolist() for c in first.collections]
    b = [c.get_offsets().tolist() for c in second.collections]
    assert a == b


def test_organisation_graph_needs_something_to_draw():
    """An organisation without staff or teams is an error, not an empty picture."""
    with pytest.raises(InvalidArgument, match="has no staff or teams"):
        plot_organisation(Organisation("empty"))
    with pytest.raises(InvalidArgument, match="must be an Organisation"):
        plot_organisation("District 1")  # type: ignore[arg-type]


# -- shared behaviour ------------------------------------------------------------------------


def test_plots_leave_pyplot_alone():
    """No plot registers a figure with pyplot's global state."""
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    plot_comparison(small_comparison())
    plot_organisation(district())
    assert plt.get_fignums() == before


def test_models_keep_their_palette_colour_across_plots():
    """Model i is drawn in PALETTE[i] in the bars and in the trade-off."""
    from matplotlib.colors import to_rgb

    bars = plot_comparison(small_comparison(), metrics=["idle_share"]).axes[0].patches
    assert [to_rgb(p.get_facecolor()) for p in bars] == [to_rgb(c) for c in PALETTE[:2]]


def test_missing_matplotlib_says_how_to_install_it(monkeypatch):
    """Without matplotlib a plot raises ImportError naming the plot extra."""
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(ImportError, match=r"pip install 'hometeams\[plot\]'"):
        plot_comparison(small_comparison())


def test_comparison_whiskers_of_a_share_stop_at_zero():
    """Unserved shares 0, 0, 0, 0, 0.15 %: the whisker runs from 0 to 0.113 %, not below 0."""
    result = Comparison(
        ["fixed"], ["unserved_share"], [[[0.0], [0.0], [0.0], [0.0], [0.0015]]], baseline="fixed"
    )
    ax = plot_comparison(result, metrics=["unserved_share"]).axes[0]
    spans = [tuple(line.get_xdata()) for line in ax.lines if len(set(line.get_ydata())) == 1]
    # Mean 0.03 %, s.e. 0.03 %, t(0.975, 4) = 2.776445: the t interval is 0.03 ± 0.0833 %.
    assert spans == [(0.0, pytest.approx(0.03 + 2.776445 * 0.03, abs=1e-6))]
