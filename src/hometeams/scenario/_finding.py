"""A finding: something a planner should know about a valid scenario, located by field path.

A scenario can be valid and still ask for what cannot happen: a visit needing a competence
nobody rostered holds, more evening work than evening staff. Such a gap is reported, not
refused; :meth:`~hometeams.scenario.Scenario.findings` and :func:`~hometeams.scenario.audit`
report them as :class:`Finding` values.

A finding is made once and read in either language: the library's own findings carry their
sentence as a phrase of the word table (an entry's key and its fields), so
``hometeams check --lang nb`` says in bokmål what ``message`` says in English.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

import attrs

from hometeams._words import Phrase, check_lang
from hometeams.errors import InvalidArgument

__all__ = ["SEVERITIES", "Finding", "Number", "Severity"]


Severity = Literal["error", "warning", "info"]
"""How much a finding matters: ``error`` (the scenario asks for what the roster cannot do),
``warning`` (likely a mistake, or a problem under some organisation models), ``info``."""

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
"""The severities, most serious first."""

Number = float | int | str
"""A value among a finding's numbers: a count, minutes, hours, a share, or where (a zone, a
weekday, a period)."""


def _numbers(
    values: Mapping[str, Number] | Iterable[tuple[str, Number]],
) -> tuple[tuple[str, Number], ...]:
    items = values.items() if isinstance(values, Mapping) else values
    return tuple((str(key), value) for key, value in items)


def _severity(value: Severity) -> Severity:
    if value not in SEVERITIES:
        raise InvalidArgument(f"severity: must be one of {', '.join(SEVERITIES)}, got {value!r}")
    return value


@attrs.frozen
class Finding:
    """Something a planner should know about a valid scenario, located by field path.

    Parameters
    ----------
    path
        The field the finding is about, from the scenario's root
        (``demand.visits[2].required``, ``organisation.staff.kari.fte``, ``roster``).
    message
        One sentence a planner can act on, in English; with ``phrase``, its English text
        (the default).
    kind
        What sort of finding: ``capacity``, ``contract``, ``coverage``, ``outside-shift``,
        ``competence``, ``two-person``, ``gap``, ``no-team`` (``""`` if not given).
    severity
        ``error``, ``warning`` (the default) or ``info``.
    numbers
        The numbers behind the message, by name (minutes, hours, counts, and where: zone,
        weekday, period); a mapping or pairs, kept in order.
    phrase
        The sentence as an entry of the word table with its fields, so that :meth:`text` can
        say it in either language; ``None`` for a sentence given only as ``message``.

    Examples
    --------
    >>> str(Finding("demand.visits[2].required", "no rostered staff holds 'wound-care'"))
    "demand.visits[2].required: no rostered staff holds 'wound-care'"
    >>> f = Finding("organisation.staff.kari.fte", "rostered 40 h a week against 28.1 h",
    ...             kind="contract", numbers={"rostered_hours": 40.0, "contract_hours": 28.125})
    >>> f.data()["numbers"]
    {'rostered_hours': 40.0, 'contract_hours': 28.125}

    Made from a phrase, a finding has its message in English and its text in Norwegian too:

    >>> from hometeams._words import phrase
    >>> f = Finding("organisation.staff.ola", phrase=phrase("findings.no_team"), kind="no-team")
    >>> f.message, f.text("nb")
    ('in no team', 'er ikke med i noe team')
    """

    path: str
    message: str = ""
    kind: str = attrs.field(default="", kw_only=True)
    severity: Severity = attrs.field(default="warning", converter=_severity, kw_only=True)
    numbers: tuple[tuple[str, Number], ...] = attrs.field(
        default=(), converter=_numbers, kw_only=True
    )
    # Not compared: two findings are the same when their path, message, kind... are.
    phrase: Phrase | None = attrs.field(default=None, kw_only=True, eq=False)

    def __attrs_post_init__(self) -> None:
        if self.phrase is None:
            if not self.message:
                raise InvalidArgument("message: must not be empty, or give a phrase, got ''")
            return
        english = self.phrase.text("en")
        if not self.message:
            object.__setattr__(self, "message", english)  # frozen: set once, here
        elif self.message != english:
            raise InvalidArgument(
                f"message: must be the phrase's English text {english!r}, got {self.message!r}"
            )

    def text(self, lang: str) -> str:
        """The message in ``lang`` (``"en"`` or ``"nb"``): the phrase's, else ``message``.

        Examples
        --------
        >>> Finding("roster", "Monday evening: 48 minutes over").text("nb")
        'Monday evening: 48 minutes over'
        """
        check_lang(lang)
        return self.message if self.phrase is None else self.phrase.text(lang)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"

    def data(self) -> dict[str, object]:
        """The finding as plain data: ``kind``, ``severity``, ``path``, ``message``, ``numbers``."""
        return {
            "kind": self.kind,
            "severity": self.severity,
            "path": self.path,
            "message": self.message,
            "numbers": dict(self.numbers),
        }
