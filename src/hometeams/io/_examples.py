"""The five case municipalities of the national mapping, as built-in example organisations.

The SOF report *Faste team i hjemmetjenesten* (2024) describes five anonymised municipalities,
A to E, from a village of 7,000 with two home-nursing districts to a city district of 60,000 with
four geographic districts and several specialist teams (seed 000, §3.2; ``domain.md`` §4). Each
is shipped as an organisation file inside the package, with comments citing the report's lines
for every number taken from it and marking every assumed number as an assumption, so that
``hometeams analyse --example D`` works without any file of one's own.

The packaged files are the source of truth; ``examples/organisations/`` in the repository holds
byte-identical copies for reading and editing (a test keeps them equal).
"""

from __future__ import annotations

import functools
from importlib import resources

from hometeams.errors import InvalidArgument
from hometeams.io._toml import loads_organisation
from hometeams.model import Organisation

__all__ = ["EXAMPLES", "example_organisation", "example_text"]

EXAMPLES: tuple[str, ...] = ("A", "B", "C", "D", "E")
"""Keys of the built-in example organisations, the case municipalities A-E."""


def _key(name: str) -> str:
    if isinstance(name, str):
        key = name.strip().lower().removesuffix(".toml").replace("_", "-").removeprefix("case-")
        if key.upper() in EXAMPLES:
            return key.upper()
    raise InvalidArgument(
        f"example: must be one of {', '.join(EXAMPLES)} (or case-a ... case-e), got {name!r}"
    )


def _file_name(key: str) -> str:
    return f"case_{key.lower()}.toml"


def example_text(name: str) -> str:
    """The TOML text of a built-in example, with its comments (a starting point to edit).

    Parameters
    ----------
    name
        ``"A"`` ... ``"E"``, in either case, or ``"case-d"`` / ``"case_d"``.

    Raises
    ------
    InvalidArgument
        For an unknown name.

    Examples
    --------
    >>> example_text("D").splitlines()[0]
    '# Kommune D: a city district of about 60,000 inhabitants (L844).'
    """
    key = _key(name)
    source = resources.files("hometeams").joinpath("data", "organisations", _file_name(key))
    return source.read_text(encoding="utf-8")


@functools.cache
def _example(key: str) -> Organisation:
    source = f"{_file_name(key)} (built-in example {key})"
    return loads_organisation(example_text(key), source=source)


def example_organisation(name: str) -> Organisation:
    """A built-in example organisation: one of the case municipalities A-E.

    Parameters
    ----------
    name
        ``"A"`` ... ``"E"``, in either case, or ``"case-d"`` / ``"case_d"``.

    Raises
    ------
    InvalidArgument
        For an unknown name.

    Examples
    --------
    >>> org = example_organisation("D")
    >>> org.name
    'Kommune D'
    >>> [round(org.team_fte(t)) for t in ("d1", "d2", "d3", "d4")]
    [17, 17, 17, 17]
    >>> example_organisation("F")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: example: must be one of A, B, C, D, E (or case-a ... case-e), got 'F'
    """  # noqa: E501 - a doctest's output line cannot be wrapped
    return _example(_key(name))
