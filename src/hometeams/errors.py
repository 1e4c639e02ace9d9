"""The errors ``hometeams`` raises.

Every error the library raises on purpose derives from :class:`HometeamsError`. Mistakes in what a
user wrote -- an organisation file, a scenario, a function argument -- raise
:class:`InvalidScenario` or :class:`InvalidArgument`, which are also :class:`ValueError`, and
whose message names the field, the offending value and the rule it breaks::

    teams[2].members[0].share: must be > 0 and <= 1, got 1.4

Examples
--------
>>> from hometeams.errors import InvalidScenario
>>> err = InvalidScenario("must be > 0, got -5", path="demand.visits[4].duration.mean")
>>> str(err)
'demand.visits[4].duration.mean: must be > 0, got -5'
>>> isinstance(err, ValueError)
True
"""

from __future__ import annotations

__all__ = [
    "HometeamsError",
    "InvalidArgument",
    "InvalidScenario",
    "InvalidSettings",
    "UnstableSystem",
    "format_path",
    "shorten",
]

_MAX_MESSAGE = 600
"""The longest message an error keeps; the middle of a longer one is left out."""
_MAX_VALUE = 80


def shorten(value: object, *, limit: int = _MAX_VALUE) -> str:
    """``repr(value)``, with the middle of a long one left out.

    Examples
    --------
    >>> shorten("kari")
    "'kari'"
    >>> print(shorten("k" * 1000))
    'kkk...kkk…[927 characters left out]…kkk...kkk'
    """
    try:
        text = repr(value)
    except Exception:
        text = f"<{type(value).__name__}>"
    return _clip(text, limit)


def _clip(text: str, limit: int = _MAX_MESSAGE) -> str:
    if len(text) <= limit:
        return text
    head = limit // 2
    tail = limit - head - 5
    left_out = len(text) - head - tail
    return f"{text[:head]}…[{left_out} characters left out]…{text[-tail:]}"


class HometeamsError(Exception):
    """Root of every error that ``hometeams`` raises deliberately."""


class InvalidScenario(HometeamsError, ValueError):  # noqa: N818 - the name says what is wrong
    """An organisation, scenario or file that breaks a rule.

    Parameters
    ----------
    rule
        What is wrong, with the offending value, e.g. ``"must be > 0, got -5"``.
    path
        Where: a field path such as ``"teams[2].members[0].share"``; empty when the whole object
        is at fault.
    source
        The file the value came from, if any.
    """

    def __init__(self, rule: str, *, path: str = "", source: str | None = None) -> None:
        self.rule = _clip(rule)
        self.path = _clip(path, _MAX_VALUE * 2)
        self.source = source
        super().__init__(self._render())

    def _render(self) -> str:
        where = self.path
        if self.source is not None:
            where = f"{self.source}: {where}" if where else self.source
        return f"{where}: {self.rule}" if where else self.rule

    def within(self, prefix: str, *, source: str | None = None) -> InvalidScenario:
        """Return a copy located under ``prefix`` (and in ``source``, if given).

        Examples
        --------
        >>> str(InvalidScenario("unknown team 'x'", path="team").within("users[3]"))
        "users[3].team: unknown team 'x'"
        """
        path = _join(prefix, self.path)
        err = type(self)(self.rule, path=path, source=source if source is not None else self.source)
        err.__cause__ = self.__cause__
        return err


class InvalidArgument(HometeamsError, ValueError):  # noqa: N818 - the name says what is wrong
    """A function argument outside its domain; the message names the argument and value.

    A message longer than a few hundred characters keeps its start and end, so that a huge
    value does not become a huge line.
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*(_clip(a) if isinstance(a, str) else a for a in args))


class InvalidSettings(InvalidScenario, InvalidArgument):
    """Experiment settings that cannot be: a Python argument, or a field of a file's table.

    Both an :class:`InvalidScenario` (with the field's path, which a file reader puts under
    ``experiment``) and an :class:`InvalidArgument`, so that either is caught.

    Examples
    --------
    >>> err = InvalidSettings("must be a whole number >= 2, got 1", path="replications")
    >>> str(err), isinstance(err, InvalidArgument), isinstance(err, InvalidScenario)
    ('replications: must be a whole number >= 2, got 1', True, True)
    """


class UnstableSystem(HometeamsError, ValueError):  # noqa: N818 - the name says what is wrong
    """A queue whose offered load is at or above its capacity has no steady state."""


def _join(prefix: str, path: str) -> str:
    if not prefix:
        return path
    if not path:
        return prefix
    return prefix + path if path.startswith("[") else f"{prefix}.{path}"


def format_path(*parts: str | int) -> str:
    """Join field names and list indices into a field path.

    Examples
    --------
    >>> format_path("teams", 2, "members", 0, "share")
    'teams[2].members[0].share'
    """
    out = ""
    for part in parts:
        out = f"{out}[{part}]" if isinstance(part, int) else _join(out, part)
    return out
