"""A one-line progress display for long comparisons and sweeps.

Forty replications of eight simulated weeks take a while. When the planner watches a terminal,
a single line on standard error counts the finished runs (``hometeams: 17/40 runs``), rewritten
in place with a carriage return; in a script, a notebook or a log nothing is written unless asked
for. A callable can take the counts instead (e.g. to drive a notebook widget).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO, TypeAlias

from hometeams.errors import InvalidArgument

__all__ = ["Progress", "ProgressSetting"]

ProgressSetting: TypeAlias = bool | Callable[[int, int], None] | None
"""``None``: a line on standard error if it is a terminal; ``True``/``False``: always/never;
a callable: called as ``callback(done, total)`` after each finished run."""

_MIN_INTERVAL = 0.1  # seconds between redraws, so that fast runs do not flood the terminal


class Progress:
    r"""Counts finished runs and reports them as ``setting`` asks.

    Parameters
    ----------
    setting
        See :data:`ProgressSetting`.
    stream
        Where the line goes; standard error by default (read when the progress starts, so that
        a redirected ``sys.stderr`` is honoured).

    Examples
    --------
    >>> import io
    >>> from hometeams.experiment._progress import Progress
    >>> out = io.StringIO()
    >>> with Progress(True, stream=out) as progress:
    ...     progress.add(total=2)
    ...     progress.done()
    ...     progress.done()
    >>> out.getvalue().replace(chr(13), "|")
    '|hometeams: 0/2 runs|hometeams: 2/2 runs\n'
    >>> with Progress(None, stream=out) as progress:  # a StringIO is not a terminal
    ...     progress.add(total=2)
    """

    def __init__(self, setting: ProgressSetting, *, stream: TextIO | None = None) -> None:
        if setting is not None and not isinstance(setting, bool) and not callable(setting):
            raise InvalidArgument(
                f"progress: must be None, True, False or a callable(done, total), got {setting!r}"
            )
        self._stream = sys.stderr if stream is None else stream
        self._callback: Callable[[int, int], None] | None = None
        self._show = False
        if callable(setting):
            self._callback = setting
        elif setting is None:
            isatty = getattr(self._stream, "isatty", None)
            self._show = bool(isatty()) if callable(isatty) else False
        else:
            self._show = setting
        self._done = 0
        self._total = 0
        self._last = -float("inf")
        self._drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, *, total: int) -> None:
        """Announce ``total`` more runs."""
        self._total += total
        self._report(force=True)

    def done(self) -> None:
        """Count one finished run."""
        self._done += 1
        self._report(force=self._done == self._total)

    def close(self) -> None:
        """End the line, if one was drawn."""
        if self._drawn:
            self._stream.write("\n")
            self._stream.flush()
            self._drawn = False

    def _report(self, *, force: bool) -> None:
        if self._callback is not None:
            self._callback(self._done, self._total)
            return
        if not self._show:
            return
        now = time.monotonic()
        if not force and now - self._last < _MIN_INTERVAL:
            return
        self._last = now
        self._stream.write(f"\rhometeams: {self._done}/{self._total} runs")
        self._stream.flush()
        self._drawn = True
