"""Tests for ``hometeams erlang`` (``hometeams.cli._erlang``).

Expected values are the published reference values in ``reference-values.md`` or worked by
hand from the Erlang B recursion ``B(k) = a B(k-1) / (k + a B(k-1))`` and
``C = c B / (c - a (1 - B))``. For the load a = 1.4: B(2) = 0.289941, C(2) = 0.576471;
B(3) = 0.119180, C(3) = 0.202362; B(4) = 0.040043, C(4) = 0.060304.
"""

from __future__ import annotations

import json

import pytest

from hometeams.cli import main


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["erlang", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def _row(out: str, label: str) -> list[str]:
    for line in out.splitlines():
        if line.startswith(label):
            return line[len(label) :].split()
    raise AssertionError(f"no row {label!r} in\n{out}")


def test_queue_at_a_given_staffing(capsys: pytest.CaptureFixture[str]) -> None:
    """The 1.4-versus-2 evening as a queue: B(2, 1.4) = 29.0 %, C = 57.6 %, occupancy 70 %."""
    status, out, _ = _run(["--load", "1.4", "--servers", "2", "3"], capsys)
    assert status == 0
    assert out.splitlines()[0] == "Requests that wait (M/M/c): load 1.4 erlangs"
    assert _row(out, "staff") == ["2", "3"]
    assert _row(out, "turned away if all are busy (Erlang B)") == ["29.0", "%", "11.9", "%"]
    assert _row(out, "wait at all (Erlang C)") == ["57.6", "%", "20.2", "%"]
    assert _row(out, "occupancy") == ["70.0", "%", "46.7", "%"]


def test_waits_in_minutes_with_a_visit_length(capsys: pytest.CaptureFixture[str]) -> None:
    """M/M/3 with a = 2 (reference values): Wq = 0.444444 visit lengths, P(Wq > 0.5) = 0.2696.

    With one-hour visits that is a mean wait of 26.7 minutes and 27.0 % waiting over 30.
    """
    status, out, _ = _run(
        ["--load", "2", "--servers", "3", "--service-time", "60", "--within", "30"], capsys
    )
    assert status == 0
    assert _row(out, "mean wait") == ["26.7", "min"]
    assert _row(out, "wait longer than 30 min") == ["27.0", "%"]
    status, out, _ = _run(["--load", "2", "--servers", "3"], capsys)
    assert _row(out, "mean wait") == ["0.444", "×", "visit", "length"]


def test_fewest_staff_for_a_target(capsys: pytest.CaptureFixture[str]) -> None:
    """At most 20 % waiting needs 4 staff at a = 1.4, since C(3) = 20.2 % and C(4) = 6.0 %."""
    status, out, _ = _run(["--load", "1.4", "--target-wait-probability", "0.2"], capsys)
    assert status == 0
    assert out.splitlines()[1] == "Fewest staff with at most 20.0 % waiting: 4"
    assert _row(out, "wait at all (Erlang C)") == ["20.2", "%", "6.0", "%"]
    _, out, _ = _run(["--load", "1.4", "--target-wait-probability", "0.25", "--json"], capsys)
    assert json.loads(out)["minimum_staff"] == 3


def test_load_from_arrivals_and_visit_length(capsys: pytest.CaptureFixture[str]) -> None:
    """2.8 requests an hour of 30 minutes is a load of 1.4 erlangs."""
    _, out, _ = _run(["--per-hour", "2.8", "--service-time", "30", "--servers", "2", "--json"],
                     capsys)  # fmt: skip
    data = json.loads(out)
    assert data["load"] == pytest.approx(1.4)
    assert data["staffing"][0]["erlang_b"] == pytest.approx(0.289941, abs=1e-6)


def test_an_unstable_queue_is_a_failed_run(capsys: pytest.CaptureFixture[str]) -> None:
    """A load at or above the staff has no steady state: B is shown, C is not, exit 1."""
    status, out, err = _run(["--load", "2", "--servers", "2"], capsys)
    assert status == 1
    assert _row(out, "wait at all (Erlang C)") == ["unstable"]
    assert err == (
        "hometeams erlang: error: a load of 2 erlangs needs more than 2 staff: the queue would "
        "grow without end\n"
    )


def test_poisson_need(capsys: pytest.CaptureFixture[str]) -> None:
    """Poisson need of 1.4 with 2 staff (reference values): P(N > 2) = 16.7 %, idle 0.838."""
    status, out, _ = _run(["poisson", "--mean", "1.4", "--staff", "1", "2", "3"], capsys)
    assert status == 0
    assert _row(out, "share of moments with unmet need") == [
        "40.8", "%", "16.7", "%", "5.4", "%"
    ]  # fmt: skip
    assert _row(out, "mean unmet need (staff)") == ["0.647", "0.238", "0.072"]
    assert _row(out, "mean idle staff") == ["0.247", "0.838", "1.672"]


def test_poisson_coverage_in_norwegian(capsys: pytest.CaptureFixture[str]) -> None:
    """P(N <= 2) = 0.833 < 0.9 <= P(N <= 3) = 0.946 for mean 1.4: three staff, in Norwegian."""
    status, out, _ = _run(["poisson", "--mean", "1.4", "--coverage", "0.9", "--lang", "nb"],
                          capsys)  # fmt: skip
    assert status == 0
    assert out.splitlines()[1] == "Færrest ansatte som dekker alt behov 90,0 % av tiden: 3"


def test_waste_of_whole_people(capsys: pytest.CaptureFixture[str]) -> None:
    """Need 1.4 staffed with 2: 0.6 of a person idle, 30 % of staffed time (reference)."""
    status, out, _ = _run(["waste", "--need", "1.4", "--floor", "2"], capsys)
    assert status == 0
    assert out.splitlines()[0] == "Need 1.4 staff, floor 2: staffed 2"
    assert _row(out, "used work") == ["1.400"]
    assert _row(out, "rounding waste (whole people)") == ["0.600"]
    assert _row(out, "idle share") == ["30.0", "%"]


def test_pooling_two_units(capsys: pytest.CaptureFixture[str]) -> None:
    """Two coordinators' caseloads of 1.5: 2 + 2 apart, ceil(3.0) = 3 merged, one saved."""
    status, out, _ = _run(["pooling", "--need", "1.5", "1.5", "--json"], capsys)
    assert status == 0
    data = json.loads(out)
    assert [u["staff"] for u in data["units"]] == [2, 2, 3, 3]
    assert data["staff_saved"] == 1
    _, out, _ = _run(["pooling", "--need", "1.5", "1.5"], capsys)
    assert "Merging saves 1 staff at the same target." in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--servers", "2"], "give the load: --load ERLANGS, or --per-hour N with --service-time"),
        (["--load", "1.4"], "give --servers N ... to see a staffing, or a --target-..."),
        (["--load", "1.4", "--servers", "2", "--within", "15"],
         "--within: needs --service-time MINUTES"),
        (["--load", "-1", "--servers", "2"], "argument --load: must be a finite number >= 0"),
        (["--load", "1.4", "--target-wait-probability", "1.5"],
         "argument --target-wait-probability: must be a probability between 0 and 1"),
        (["poisson", "--mean", "1.4"], "give --staff N ..., --coverage P or --cost-ratio R"),
        (["--load", "1.4", "poisson", "--mean", "1"], "--load and --servers belong to the queue"),
    ],
)  # fmt: skip
def test_wrong_options_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """A question that cannot be answered as asked gets status 2 and says what is missing."""
    status, out, err = _run(argv, capsys)
    assert (status, out) == (2, "")
    assert message in err


@pytest.mark.parametrize("mode", [[], ["poisson"], ["waste"], ["pooling"]])
def test_every_mode_has_help_with_an_example(
    capsys: pytest.CaptureFixture[str], mode: list[str]
) -> None:
    """``hometeams erlang [MODE] --help`` exits 0 and shows an example."""
    status, out, _ = _run([*mode, "--help"], capsys)
    assert status == 0
    assert "hometeams erlang" in out.split("example")[1]


def test_two_targets_are_joined_in_the_answers_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Two targets read as one phrase in the language asked for.

    At a = 1.4 with 30-minute visits, C(3) = 20.2 % misses "at most 20 % waiting" (4 staff),
    while 3 staff already wait 0.202 / 1.6 × 30 = 3.8 min on average (within 5): so 4.
    """
    args = ["--load", "1.4", "--service-time", "30", "--target-wait-probability", "0.2",
            "--target-mean-wait", "5"]  # fmt: skip
    _, out, _ = _run([*args, "--lang", "nb"], capsys)
    assert out.splitlines()[1] == (
        "Færrest ansatte med høyst 20,0 % som venter og gjennomsnittlig ventetid høyst 5 min: 4"
    )
    _, out, _ = _run(args, capsys)
    assert out.splitlines()[1] == (
        "Fewest staff with at most 20.0 % waiting and a mean wait of at most 5 min: 4"
    )
