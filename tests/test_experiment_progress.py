"""Tests of the progress display: on a terminal, on request, or silent."""

from __future__ import annotations

import io

import pytest

from hometeams.errors import InvalidArgument
from hometeams.experiment._progress import Progress


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        """Always: this stream plays a terminal."""
        return True


def _run(progress: Progress, n: int) -> None:
    with progress:
        progress.add(total=n)
        for _ in range(n):
            progress.done()


def test_terminal_gets_a_rewritten_line() -> None:
    """On a terminal the count is redrawn with carriage returns and ends with a newline."""
    out = Terminal()
    _run(Progress(None, stream=out), 3)
    text = out.getvalue()
    assert text.startswith("\rhometeams: 0/3 runs")
    assert text.endswith("\rhometeams: 3/3 runs\n")
    assert text.count("\n") == 1


def test_silent_when_not_a_terminal() -> None:
    """Without a terminal (a file, a pipe, a log) nothing is written by default."""
    out = io.StringIO()
    _run(Progress(None, stream=out), 3)
    assert out.getvalue() == ""


def test_false_silences_a_terminal_and_true_forces_output() -> None:
    """progress=False is silent even on a terminal; progress=True writes to any stream."""
    quiet, loud = Terminal(), io.StringIO()
    _run(Progress(False, stream=quiet), 2)
    _run(Progress(True, stream=loud), 2)
    assert quiet.getvalue() == ""
    assert loud.getvalue().endswith("2/2 runs\n")


def test_default_stream_is_standard_error(capsys: pytest.CaptureFixture[str]) -> None:
    """Forced output goes to standard error, never standard output."""
    _run(Progress(True), 1)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "1/1 runs" in captured.err


def test_callback_receives_every_count() -> None:
    """A callable gets (done, total) after the announcement and after each finished run."""
    seen: list[tuple[int, int]] = []
    _run(Progress(lambda done, total: seen.append((done, total))), 2)
    assert seen == [(0, 2), (1, 2), (2, 2)]


def test_rejects_other_settings() -> None:
    """A setting that is not None, a bool or a callable is refused."""
    with pytest.raises(InvalidArgument, match="progress: must be None, True, False or a callable"):
        Progress("yes")  # type: ignore[arg-type]
