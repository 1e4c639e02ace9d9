r"""Text for a terminal: control characters in names are shown, never obeyed.

A name in a file is printed as it is written -- except the characters a terminal would act on.
``name = "EVIL\u001b]0;pwned\u0007\u001b[2J"`` would change the terminal's title and clear the
screen if printed raw; while a command runs, standard output and standard error escape every
control character (C0 and C1, bar newline, tab and the carriage return that redraws the
progress line) and the bidirectional overrides that reorder text, as ``\u001b``. The escape is
the JSON one, so JSON output stays valid JSON.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

__all__ = ["escape_controls", "escaped_output"]

_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def escape_controls(text: str) -> str:
    r"""``text`` with every control character written as ``\uXXXX``.

    Examples
    --------
    >>> escape_controls("EVIL\x1b]0;pwned\x07\x1b[2J")
    'EVIL\\u001b]0;pwned\\u0007\\u001b[2J'
    >>> escape_controls("Kari Nordmann\tsone 2\n")
    'Kari Nordmann\tsone 2\n'
    """
    return _CONTROLS.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


class _Escaping:
    """A text stream that escapes control characters on their way to ``stream``."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escape_controls(text))
        return len(text)

    def writelines(self, lines: Iterator[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, fileno, isatty, encoding ...
        return getattr(self._stream, name)


@contextlib.contextmanager
def escaped_output() -> Iterator[None]:
    """Escape control characters on standard output and standard error within the block."""
    out: Any = _Escaping(sys.stdout)
    err: Any = _Escaping(sys.stderr)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        yield
