"""Tests of the HTML report and its words and numbers in English and Norwegian."""

from __future__ import annotations

import datetime as dt
import html
import math
import re
import string
from html.parser import HTMLParser

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument
from hometeams.experiment import Comparison, Interval, Precision
from hometeams.report._format import format_bounds, format_number, format_value
from hometeams.report._html import report_html, write_report
from hometeams.report._labels import REPORT_TEXT, check_lang, metric_label
from hometeams.report._reading import describe_difference, sentence_case
from test_report_plots import district, fortnight_records

NBSP = "\u00a0"


def comparison(**kwargs: object) -> Comparison:
    """Fixed zone teams against pooled evenings, three replications, hand-checkable values.

    Paired differences of idle share: -0.09, -0.08, -0.07 (mean -0.08, sd 0.01); of on-time
    share: +0.06, +0.05, +0.04 (mean +0.05, sd 0.01); of wait: +1, -1, 0 (mean 0, sd 1).
    """
    return Comparison(
        ["fixed", "pooled"],
        ["idle_share", "on_time_share", "wait"],
        [
            [[0.31, 0.80, 10.0], [0.29, 0.82, 12.0], [0.30, 0.81, 11.0]],
            [[0.22, 0.86, 11.0], [0.21, 0.87, 11.0], [0.23, 0.85, 11.0]],
        ],
        baseline="fixed",
        seed=np.random.SeedSequence(7),
        **kwargs,  # type: ignore[arg-type]
    )


T2 = 4.302652729911275  # t(0.975, 2 degrees of freedom), from tables
HALF = T2 * 0.01 / math.sqrt(3)  # half-width of both share differences: 0.02484


# -- numbers and words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "digits", "lang", "sign", "expected"),
    [
        (1234.5678, 2, "en", False, "1234.57"),  # four digits: not grouped
        (12345.678, 2, "en", False, f"12{NBSP}345.68"),
        (-1234567.8, 1, "nb", False, f"−1{NBSP}234{NBSP}567,8"),
        (-0.25, 1, "nb", False, "−0,2"),  # round half to even, true minus sign
        (0.04, 1, "en", True, "0.0"),  # rounds to zero: no sign
        (-0.04, 1, "en", True, "0.0"),
        (3.0, 0, "en", True, "+3"),
        (math.nan, 1, "nb", False, "–"),
        (-math.inf, 1, "en", False, "−∞"),
    ],
)
def test_format_number_follows_the_language(value, digits, lang, sign, expected):
    """Decimal mark and sign follow the language; five digits and more are grouped."""
    assert format_number(value, digits, lang, sign=sign) == expected


@given(st.floats(-1e7, 1e7, allow_nan=False), st.integers(0, 4), st.sampled_from(["en", "nb"]))
def test_format_number_reads_back_as_the_rounded_value(value, digits, lang):
    """Undoing the language's marks gives back the value rounded to the shown decimals."""
    shown = format_number(value, digits, lang, sign=True)
    plain = shown.replace("−", "-")
    plain = plain.replace(NBSP, "").replace(",", ".")
    assert float(plain) == pytest.approx(round(value, digits), abs=10.0**-digits)


@pytest.mark.parametrize(
    ("value", "metric", "lang", "kwargs", "expected"),
    [
        (0.724, "on_time_share", "en", {}, f"72.4{NBSP}%"),
        (0.041, "on_time_share", "nb", {"difference": True}, f"+4,1{NBSP}%-poeng"),
        (
            0.041,
            "on_time_share",
            "en",
            {"difference": True, "long": True},
            "+4.1 percentage points",
        ),
        (12.34, "mean_delay", "nb", {}, f"12,3{NBSP}min"),
        (-3.0, "overtime_hours", "en", {"difference": True, "long": True}, "−3.0 hours"),
        (0.71234, "mean_upc", "en", {}, "0.712"),
        (8.8333, "wait", "en", {}, "8.833"),  # not in the catalogue: four significant digits
        (math.nan, "idle_share", "en", {}, "–"),
    ],
)
def test_format_value_shows_the_metric_in_its_unit(value, metric, lang, kwargs, expected):
    """Shares in per cent (differences in points), minutes and hours with units, indices bare."""
    assert format_value(value, metric, lang, **kwargs) == expected


def test_format_bounds_uses_the_language_separator():
    """Norwegian bounds are separated by a semicolon, since the comma is the decimal mark."""
    iv = Interval(0.05, 0.025, 0.075, n=3)
    assert format_bounds(iv, "on_time_share", "nb", digits=1, difference=True) == "[+2,5; +7,5]"
    assert format_bounds(iv, "on_time_share", "en", digits=1, difference=False) == "[2.5, 7.5]"
    assert format_bounds(Interval(1.0, math.nan, math.nan, n=1), "wait", "en", digits=1,
                         difference=False) == "–"  # fmt: skip


def test_labels_come_from_the_metric_catalogue():
    """Catalogue metrics get their labels; others keep their names; acronyms keep capitals."""
    assert metric_label("unserved_share", "nb") == "Andel ikke utført"
    assert metric_label("unserved_share", "en") == "Unserved share"
    assert metric_label("wait", "nb") == "wait"
    assert sentence_case("Mean delay") == "mean delay"
    assert sentence_case("SECON (sekvensiell kontinuitet)") == "SECON (sekvensiell kontinuitet)"


def test_both_languages_have_the_same_strings_and_fields():
    """Every string exists in both languages and asks for the same {fields}."""
    en, nb = REPORT_TEXT["en"], REPORT_TEXT["nb"]
    assert set(en) == set(nb)
    fields = string.Formatter()
    for key in en:
        names_en = {f for _, f, _, _ in fields.parse(en[key]) if f}
        names_nb = {f for _, f, _, _ in fields.parse(nb[key]) if f}
        assert names_en == names_nb, key


def test_check_lang_names_the_languages():
    """An unknown language is an error listing the two the report speaks."""
    with pytest.raises(InvalidArgument, match=r"lang: must be one of \['en', 'nb'\], got 'de'"):
        check_lang("de")


def test_describe_difference_reads_a_clear_improvement():
    """Idle share 8 points lower with pooled, interval clear of zero, lower is better."""
    text = describe_difference(comparison(), "pooled", "idle_share")
    low, high = (-0.08 - HALF) * 100, (-0.08 + HALF) * 100
    assert text == (
        "Idle share is lower with pooled than with fixed: −8.0 percentage points "
        f"(95 % CI −{abs(low):.1f} to −{abs(high):.1f}) — better."
    )
    assert f"{low:.1f}" == "-10.5"


def test_describe_difference_in_norwegian():
    """The Norwegian sentence has Norwegian words and decimal commas."""
    text = describe_difference(comparison(), "pooled", "on_time_share", lang="nb")
    assert text == (
        "Andel i tide er høyere med pooled enn med fixed: +5,0 prosentpoeng "
        "(95 % KI 2,5 til 7,5) — bedre."
    )


def test_describe_difference_says_when_there_is_no_clear_difference():
    """An interval around zero is no clear difference, with neither better nor worse."""
    text = describe_difference(comparison(), "pooled", "wait")
    half = T2 * 1.0 / math.sqrt(3)  # 2.484: four significant digits, so three decimals
    assert text == (
        "No clear difference in wait between pooled and fixed: 0.000 "
        f"(95 % CI −{half:.3f} to {half:.3f})."
    )


def test_describe_difference_without_interval_or_values():
    """One replication gives no interval; a metric never defined says so."""
    one = Comparison(["a", "b"], ["mean_delay"], [[[10.0]], [[12.5]]], baseline="a")
    assert describe_difference(one, "b", "mean_delay") == (
        "Mean delay differs by +2.5 min between b and a; with fewer than two replications "
        "there is no interval."
    )
    none = Comparison(["a", "b"], ["competence_match"], [[[math.nan]] * 2] * 2, baseline="a")
    assert describe_difference(none, "b", "competence_match", lang="nb") == (
        "Riktig kompetanse er ikke definert for b og a i noen replikasjon."
    )
    same = Comparison(["a", "b"], ["jobs"], [[[5.0], [6.0]], [[5.0], [6.0]]], baseline="a")
    assert describe_difference(same, "b", "jobs") == (
        "Jobs is the same with b and a in every replication."
    )


def test_describe_difference_marks_a_worse_result():
    """More idle time is worse."""
    worse = Comparison(["a", "b"], ["idle_share"], [[[0.1], [0.2]], [[0.2], [0.3]]], baseline="a")
    assert describe_difference(worse, "b", "idle_share").endswith("— worse.")


# -- the document ----------------------------------------------------------------------------


class Tags(HTMLParser):
    """Collect start tags, ids and text of a document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record the tag and its id."""
        self.tags.append(tag)
        self.ids += [v for k, v in attrs if k == "id" and v is not None]

    def handle_data(self, data: str) -> None:
        """Record text between tags."""
        self.text.append(data)


def parse(doc: str) -> Tags:
    parser = Tags()
    parser.feed(doc)
    return parser


@pytest.fixture(scope="module")
def full_report() -> str:
    """An English report with every part: records, organisation, figures."""
    runs = {
        "fixed": fortnight_records(["kari", "per"] * 7),
        "pooled": fortnight_records(["kari", "per", "ola", "eva"] * 3 + ["kari", "per"]),
    }
    return report_html(comparison(), records=runs, org=district(), date="1 March 2026")


def test_report_has_every_section_in_reading_order(full_report):
    """Findings, setup, results, differences, figures and how-to-read, in that order."""
    ids = parse(full_report).ids
    sections = ["findings", "setup", "summary", "differences", "figures", "how-to-read"]
    assert [i for i in ids if i in sections] == sections
    figures = [i for i in ids if i.startswith("fig-") and "-" not in i[4:]]
    assert figures == ["fig-comparison", "fig-tradeoff", "fig-utilisation", "fig-organisation"]
    assert "fig-distinct-staff" in ids


def test_report_is_self_contained(full_report):
    """No scripts, no external resources, no URLs at all; figures are inline SVG."""
    parsed = parse(full_report)
    assert "script" not in parsed.tags
    assert "img" not in parsed.tags
    assert "link" not in parsed.tags
    assert not re.search(r"https?:|//[a-z]|url\((?!#)", full_report)
    assert parsed.tags.count("svg") == 5


def test_report_ids_are_unique(full_report):
    """Every id in the page is unique, including those inside the five figures."""
    ids = parse(full_report).ids
    assert len(ids) == len(set(ids))


def test_report_figure_references_point_inside_their_own_figure(full_report):
    """Every href="#…" and url(#…) in the figures names an id of the same figure."""
    ids = set(parse(full_report).ids)
    references = re.findall(r'href="#([^"]+)"|url\(#([^)]+)\)', full_report)
    targets = [a or b for a, b in references]
    assert targets
    assert set(targets) <= ids
    for figure in ("fig-comparison", "fig-organisation"):
        start = full_report.index(f'<figure id="{figure}">')
        block = full_report[start : full_report.index("</figure>", start)]
        inner = re.findall(r'(?:href="#|url\(#)([^")]+)', block)
        assert all(name.startswith(figure + "-") for name in inner)


def test_report_shows_what_was_compared(full_report):
    """Models, baseline, replications, level, seed, warm-up, period and organisation are given."""
    setup = full_report[full_report.index('id="setup"') : full_report.index('id="summary"')]
    pairs = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", setup))
    assert "fixed" in pairs["Models"]
    assert "baseline" in pairs["Models"]
    assert pairs["Replications"] == "3 per model, on the same realised demand and absences"
    assert pairs["Confidence level"] == f"95{NBSP}%"
    assert pairs["Seed"] == "7"
    assert pairs["Warm-up"] == "none"
    assert pairs["Simulated period"] == "14 days"
    assert pairs["Organisation"] == ("District 1: 6 staff (6.0 FTE); teams: 3, zones: 0, users: 0")
    assert "Date: 1 March 2026" in full_report


def test_report_gives_the_warmup_in_days_in_the_language():
    """A one-day warm-up is "1 dag", a longer one "3 dager"."""
    for warmup, expected in ((1440.0, "1 dag"), (3 * 1440.0, "3 dager")):
        run = fortnight_records(["kari"] * 14, warmup=warmup)
        doc = report_html(
            comparison(), records={"fixed": run, "pooled": run}, lang="nb", plots=False
        )
        assert f"<dt>Innsvingningsperiode</dt><dd>{expected}</dd>" in doc


def test_report_tables_hold_means_intervals_and_differences(full_report):
    """The tables show each mean with its interval and each difference with a verdict."""
    summary = full_report[full_report.index('id="summary"') : full_report.index('id="differences"')]
    assert f"30.0{NBSP}%" in summary  # fixed idle share: (31 + 29 + 30) / 3
    assert f"22.0{NBSP}%" in summary
    differences = full_report[
        full_report.index('id="differences"') : full_report.index('id="figures"')
    ]
    low, high = (-0.08 - HALF) * 100, (-0.08 + HALF) * 100
    assert f"[−{abs(low):.1f}, −{abs(high):.1f}]" in differences
    assert differences.count('class="better"') == 2  # idle share down, on-time share up
    assert 'class="worse"' not in differences


def test_report_is_deterministic_and_reads_no_clock():
    """The same input gives the same bytes, and no date appears unless one is given."""
    runs = {"fixed": fortnight_records(["kari"] * 14), "pooled": fortnight_records(["per"] * 14)}
    first = report_html(comparison(), records=runs, org=district(), lang="nb")
    second = report_html(comparison(), records=runs, org=district(), lang="nb")
    assert first == second
    today = dt.date.today()
    words = " ".join(parse(first).text)  # the page's text, figures' labels included
    for stamp in (today.isoformat(), today.strftime("%d.%m.%Y"), str(today.year)):
        assert not re.search(rf"\b{re.escape(stamp)}\b", words)


def test_report_in_norwegian():
    """A Norwegian report has Norwegian headings, lang="nb" and decimal commas."""
    doc = report_html(comparison(), lang="nb", plots=False)
    assert '<html lang="nb">' in doc
    for heading in ("Hovedfunn", "Hva som ble sammenlignet", "Resultater per modell",
                    "Forskjeller fra fixed", "Slik leser du rapporten"):  # fmt: skip
        assert f">{heading}</h2>" in doc
    assert f"30,0{NBSP}%" in doc
    assert "Ledig gang er lavere med pooled enn med fixed" in doc


def test_report_escapes_every_user_string():
    """Model names, title and organisation name cannot inject markup."""
    evil = "<script>alert('x')</script>"
    result = Comparison([evil, "b & c"], ["wait"], [[[1.0], [2.0]], [[3.0], [5.0]]],
                        baseline=evil)  # fmt: skip
    doc = report_html(result, title="<b>Kveld</b>", org=district(), lang="nb")
    parsed = parse(doc)
    assert "script" not in parsed.tags
    assert "b" not in parsed.tags
    assert html.escape(evil) in doc
    assert "b &amp; c" in doc
    assert "<title>&lt;b&gt;Kveld&lt;/b&gt;</title>" in doc


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12), min_size=2, max_size=3, unique=True))
def test_any_model_names_become_text_not_markup(names):
    """Whatever the names, the page has only the report's own tags and shows each name."""
    values = np.arange(len(names) * 2, dtype=float).reshape(len(names), 2, 1)
    result = Comparison(names, ["wait"], values, baseline=names[0])
    doc = report_html(result, plots=False)
    allowed = {"html", "head", "meta", "title", "style", "body", "main", "header", "h1", "p",
               "section", "h2", "h3", "ul", "li", "dl", "dt", "dd", "span", "div", "table",
               "thead", "tbody", "tr", "th", "td", "br", "footer"}  # fmt: skip
    parsed = parse(doc)
    assert set(parsed.tags) <= allowed
    for name in names:
        assert html.escape(name) in doc


def test_report_with_one_model_has_nothing_to_compare():
    """A single model gets its table but no differences."""
    single = Comparison(["only"], ["wait"], [[[1.0], [2.0]]], baseline="only")
    doc = report_html(single, plots=False)
    assert "Only one model was run" in doc
    assert 'id="differences"' not in doc
    assert 'id="summary"' in doc


def test_report_without_plots_needs_no_figures():
    """plots=False leaves out the figures section."""
    doc = report_html(comparison(), plots=False)
    assert "<svg" not in doc
    assert 'id="figures"' not in doc


def test_report_lists_headline_findings_and_points_to_the_tables():
    """By default the findings lead with the headline metrics; the rest are in the tables."""
    result = Comparison(
        ["a", "b"], ["jobs", "idle_share"],
        [[[100.0, 0.31], [110.0, 0.29], [105.0, 0.30]], [[100.0, 0.22], [110.0, 0.21],
         [105.0, 0.23]]], baseline="a",
    )  # fmt: skip
    doc = report_html(result, plots=False)
    findings = doc[doc.index('id="findings"') : doc.index('id="setup"')]
    assert "Idle share is lower with b" in findings
    assert "Jobs" not in findings
    assert "Every metric is in the tables below." in findings
    chosen = report_html(result, plots=False, metrics=["jobs"])
    findings = chosen[chosen.index('id="findings"') : chosen.index('id="setup"')]
    assert "The same in every replication: Jobs." in findings


def test_report_shows_the_stopping_rule():
    """A precision target and whether it was reached are part of what was compared."""
    doc = report_html(comparison(precision=Precision(0.5, differences=True), reached=False),
                      plots=False)  # fmt: skip
    assert "interval half-width at most 0.5 (differences) (not reached)" in doc


def test_report_notes_a_run_too_short_for_a_fortnight():
    """Without a whole 14-day window the distinct-staff figure is replaced by a note."""
    run = fortnight_records(["kari"] * 7)
    from hometeams.records import Records

    short = Records(run.jobs, run.shifts, horizon=7 * 1440.0)
    doc = report_html(comparison(), records={"fixed": short, "pooled": short})
    assert "shorter than 14 days" in doc
    assert 'id="fig-distinct-staff"' not in doc
    assert 'id="fig-utilisation"' in doc


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"records": {"fixed": None}}, r"records: missing the models \['pooled'\]"),
        ({"records": {"other": None}}, r"records: \['other'\] are not models"),
        ({"records": [1]}, "records: must be a mapping"),
        ({"metrics": ["nope"]}, r"metrics: \['nope'\] not among"),
        ({"metrics": "wait"}, "metrics: must be a list"),
        ({"lang": "sv"}, "lang: must be one of"),
        ({"title": 3}, "title: must be a string or None, got 3"),
        ({"org": "District 1"}, "org: must be an Organisation or None"),
        ({"plots": "yes"}, "plots: must be True or False"),
    ],
)
def test_report_rejects_bad_arguments(kwargs, message):
    """Each bad argument is an error naming it."""
    with pytest.raises(InvalidArgument, match=message):
        report_html(comparison(), **kwargs)


def test_report_needs_a_comparison():
    """Anything but a Comparison is named in the error."""
    with pytest.raises(InvalidArgument, match="comparison: must be a Comparison, got dict"):
        report_html({"fixed": 1.0})  # type: ignore[arg-type]


def test_report_names_records_that_are_not_records():
    """A value that is not Records is named with its model."""
    run = fortnight_records(["kari"] * 14)
    with pytest.raises(InvalidArgument, match=r"records\['pooled'\]: must be Records, got int"):
        report_html(comparison(), records={"fixed": run, "pooled": 1})  # type: ignore[dict-item]


# -- writing ---------------------------------------------------------------------------------


def test_write_report_writes_utf8_and_never_overwrites_silently(tmp_path):
    """The file is written once; a second write needs overwrite=True and names the path."""
    path = tmp_path / "kveld.html"
    assert write_report(comparison(), path, lang="nb", plots=False) == path
    first = path.read_text(encoding="utf-8")
    assert "Ledig gang" in first
    with pytest.raises(InvalidArgument, match=r"path: '.*kveld\.html' exists; pass overwrite"):
        write_report(comparison(), path, plots=False)
    assert path.read_text(encoding="utf-8") == first
    write_report(comparison(), str(path), plots=False, overwrite=True)
    assert "Idle share" in path.read_text(encoding="utf-8")


def test_write_report_refuses_a_directory_or_a_missing_one(tmp_path):
    """A directory, or a file in a directory that does not exist, is named in the error."""
    with pytest.raises(InvalidArgument, match="is a directory"):
        write_report(comparison(), tmp_path, plots=False)
    with pytest.raises(InvalidArgument, match=r"directory .* does not exist"):
        write_report(comparison(), tmp_path / "nope" / "r.html", plots=False)


def test_write_report_takes_the_comparison_first_and_names_the_old_order(tmp_path):
    """The old order, path first, is an error that says the comparison comes first."""
    path = tmp_path / "r.html"
    with pytest.raises(InvalidArgument, match=r"comparison: must be a Comparison .*got \w*Path"):
        write_report(path, comparison(), plots=False)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="path: must be a file name, got int"):
        write_report(comparison(), 7, plots=False)  # type: ignore[arg-type]
    assert not path.exists()


def test_a_long_model_name_draws_without_a_warning() -> None:
    """A 460-character model name draws without a matplotlib warning and stays whole in tables."""
    import warnings

    name = "a very long model name " * 20
    result = Comparison(
        [name, "b"],
        ["on_time_share", "mean_delay"],
        [[[0.9, 10.0], [0.8, 12.0]], [[0.85, 11.0], [0.7, 13.0]]],
        baseline="b",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        page = report_html(result)
    assert html.escape(name) in page


def test_report_shows_no_negative_bound_of_a_level():
    """A share that was 0 in four of five replications: its interval starts at 0.0 %."""
    result = Comparison(
        ["fixed", "pooled"],
        ["unserved_share"],
        [[[0.0], [0.0], [0.0], [0.0], [0.0015]], [[0.0]] * 5],
        baseline="fixed",
    )
    doc = report_html(result, plots=False)
    summary = doc[doc.index('id="summary"') : doc.index('id="differences"')]
    # Mean 0.03 %, t interval 0.03 ± 2.776445 · 0.03 = [−0.05, 0.11] %, shown from 0 (one
    # decimal: the pooled model's half-width of 0 leaves the decimals of a share).
    assert "[0.0, 0.1]" in summary
    assert "−" not in summary
    differences = doc[doc.index('id="differences"') :]
    assert "[−0.11, +0.05]" in differences  # pooled − fixed: the difference is not cut
