"""Organisation files: a whole home-care organisation in one TOML file.

A planner describes a district as a short text file: its name, the zones, the units, one line
per staff member (like a row in a staff list), one line per user, and a table per team::

    name = "Distrikt Nord"

    zones = [
        { id = "north", name = "Nord" },
    ]

    staff = [
        { id = "kari", profession = "nurse", competences = ["dementia"], fte = 0.8 },
        { id = "ola", profession = "health-worker", fte = 0.5 },
    ]

    [[teams]]
    id = "memory"
    category = "specialist"
    type = "memory"
    members = ["kari", { staff = "ola", share = 0.2 }]
    periods = ["day"]
    days = ["mon", "tue", "wed", "thu", "fri"]

A bare staff id in ``members`` means the person's whole position; ``{ staff = ..., share = ... }``
gives a share in FTE. Weekdays are ``mon`` ... ``sun`` (Norwegian ``man`` ... ``søn`` and the
numbers 0 = Monday ... 6 = Sunday are read too). Every key not given takes its default; the
same entities may also be written as ``[[staff]]`` tables, which TOML treats identically.

Writing is canonical: entities one per line in a fixed key order, teams as tables, sets sorted,
defaults left out (except each person's ``fte`` and each team's ``category``, which a reader
should never have to guess), so that ``read(write(org)) == org`` and writing what was read gives
the same bytes. Comments in a hand-written file are not kept when it is written back.

Before a file is parsed its size and shape are bounded, so that a damaged or hostile file fails
at once with one line instead of exhausting the parser: at most :data:`MAX_FILE_BYTES` (64 MB,
room for a district of a few hundred thousand staff lines), arrays and inline tables nested at
most :data:`MAX_DEPTH` (32) deep (the deepest real structure, a model's organisation's team's
member, is five), and at most :data:`MAX_KEY_PARTS` (64) dotted parts in one line's keys.
"""

from __future__ import annotations

import enum
import functools
import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import tomli_w

from hometeams._files import check_object_and_path, write_text
from hometeams.errors import InvalidScenario
from hometeams.io._convert import member_data, structure, weekday_names
from hometeams.model import Membership, Organisation, Period, Staff, Team

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_KEY_PARTS",
    "ORGANISATION_LISTS",
    "check_shape",
    "dumps_organisation",
    "loads_organisation",
    "organisation_data",
    "parse_toml",
    "read_organisation",
    "read_text",
    "write_organisation",
]

_MAX_LINE = 100
_INDENT = "    "
_ALWAYS_WRITTEN = frozenset({"fte", "category"})
_FLOATS = (float, float | None)
_KEY_ORDER: Mapping[type, tuple[str, ...]] = {
    Staff: ("id", "profession", "fte", "zone", "unit", "competences", "reports_to", "name"),
}
_PERIOD_ORDER = {period: i for i, period in enumerate(Period)}

ORGANISATION_LISTS = ("zones", "units", "staff", "users", "competences", "professions")
"""An organisation's lists written one entity a line, in this order; its teams follow."""

MAX_FILE_BYTES = 64 * 1024 * 1024
"""The largest file read, in bytes."""
MAX_DEPTH = 32
"""The deepest nesting of arrays and inline tables (and of a table header's brackets)."""
MAX_KEY_PARTS = 64
"""The most dotted parts in the keys of one line (``a.b.c = 1`` has three)."""

_STRINGS_AND_COMMENTS = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'
)
_NOT_BRACKETS = re.compile(r"[^\[\]{}\n]")
_KEY_DOT = re.compile(r"(?<![0-9])\.|\.(?![0-9])")  # a dot that is not inside a number


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def check_shape(text: str, *, source: str | None = None) -> None:
    """Refuse TOML text too large, too deeply nested or with too many dotted key parts.

    Runs in time linear in the text, before the parser sees it.

    Raises
    ------
    InvalidScenario
        Naming the line, the shape found and the limit.

    Examples
    --------
    >>> check_shape("x = [[1, 2], [3]]")
    >>> check_shape("x = " + "[" * 40 + "]" * 40, source="deep.toml")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: deep.toml: line 1: arrays and inline tables nested 33 deep; at most 32 are read
    """  # noqa: E501 - a doctest's output line cannot be wrapped
    if len(text) > MAX_FILE_BYTES:
        raise InvalidScenario(
            f"{len(text):,} characters; files of at most {MAX_FILE_BYTES:,} are read",
            source=source,
        )
    plain = _STRINGS_AND_COMMENTS.sub(lambda m: '""' + "\n" * m[0].count("\n"), text)
    depth = 0
    line = 1
    for char in _NOT_BRACKETS.sub("", plain):
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise InvalidScenario(
                    f"arrays and inline tables nested {depth} deep; at most {MAX_DEPTH} are read",
                    path=f"line {line}",
                    source=source,
                )
        else:
            depth = max(depth - 1, 0)
    for number, row in enumerate(plain.split("\n"), start=1):
        if row.count(".") >= MAX_KEY_PARTS and len(_KEY_DOT.findall(row)) >= MAX_KEY_PARTS:
            raise InvalidScenario(
                f"more than {MAX_KEY_PARTS} dotted key parts in one line; at most "
                f"{MAX_KEY_PARTS} are read",
                path=f"line {number}",
                source=source,
            )


# -- reading -----------------------------------------------------------------------------------


def parse_toml(text: str, *, source: str | None = None) -> dict[str, Any]:
    """Parse TOML text, turning a syntax error into :class:`~hometeams.errors.InvalidScenario`.

    Examples
    --------
    >>> parse_toml('name = "x"')
    {'name': 'x'}
    >>> parse_toml('name = x', source="org.toml")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: org.toml: not valid TOML: Invalid value (at line 1, column 8)
    """
    check_shape(text, source=source)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidScenario(f"not valid TOML: {exc}", source=source) from None
    except RecursionError:  # a shape check_shape lets through but the parser cannot follow
        raise InvalidScenario("not valid TOML: nested too deeply", source=source) from None


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a UTF-8 text file (with or without a byte-order mark).

    Raises
    ------
    OSError
        If the file cannot be read (``FileNotFoundError`` if it does not exist).
    InvalidScenario
        If it is not UTF-8 text.
    """
    file = Path(path)
    size = file.stat().st_size if file.is_file() else 0
    if size > MAX_FILE_BYTES:
        raise InvalidScenario(
            f"{size:,} bytes; files of at most {MAX_FILE_BYTES:,} are read", source=str(path)
        )
    try:
        return file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidScenario(
            f"not UTF-8 text (byte {exc.start}); save the file as UTF-8", source=str(path)
        ) from None


def loads_organisation(text: str, *, source: str | None = None) -> Organisation:
    r"""Read an organisation from TOML text.

    Parameters
    ----------
    text
        The TOML document.
    source
        Where the text came from (a file name), named in error messages.

    Raises
    ------
    InvalidScenario
        If the text is not TOML or does not describe a valid organisation; the message names
        the source, the field path and the rule.

    Examples
    --------
    >>> org = loads_organisation('''
    ... name = "Distrikt Nord"
    ... zones = [{ id = "north" }]
    ... staff = [{ id = "kari", profession = "nurse", fte = 0.8, zone = "north" }]
    ... [[teams]]
    ... id = "north"
    ... category = "geographic"
    ... members = ["kari"]
    ... ''')
    >>> org.team_fte("north")
    0.8
    >>> loads_organisation('name = "x"\nstaff = [{ id = "kari", profession = "nurse", fte = 8 }]',
    ...                    source="org.toml")
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: org.toml: staff[0].fte: must be > 0 and <= 1, got 8.0
    """
    return structure(parse_toml(text, source=source), Organisation, source=source)


def read_organisation(path: str | os.PathLike[str]) -> Organisation:
    r"""Read an organisation file.

    Raises
    ------
    OSError
        If the file cannot be read.
    InvalidScenario
        If it is not valid; the message names the file, the field path and the rule.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "org.toml"
    >>> _ = path.write_text('name = "Distrikt Nord"\n', encoding="utf-8")
    >>> read_organisation(path).name
    'Distrikt Nord'
    """
    return loads_organisation(read_text(path), source=str(path))


# -- writing -----------------------------------------------------------------------------------


def dumps_organisation(org: Organisation) -> str:
    """Write an organisation as canonical TOML text.

    Examples
    --------
    >>> from hometeams.model import Membership, Staff, Team
    >>> org = Organisation("Distrikt Nord",
    ...                    staff=[Staff("kari", profession="nurse", fte=0.8)],
    ...                    teams=[Team("memory", category="specialist", type="memory",
    ...                                members=[Membership("kari", share=0.2)],
    ...                                periods=["day"], days=range(5))])
    >>> print(dumps_organisation(org))
    name = "Distrikt Nord"
    <BLANKLINE>
    staff = [
        { id = "kari", profession = "nurse", fte = 0.8 },
    ]
    <BLANKLINE>
    [[teams]]
    id = "memory"
    category = "specialist"
    type = "memory"
    members = [{ staff = "kari", share = 0.2 }]
    periods = ["day"]
    days = ["mon", "tue", "wed", "thu", "fri"]
    <BLANKLINE>
    >>> loads_organisation(dumps_organisation(org)) == org
    True
    """
    lines = [f"name = {_scalar(org.name)}"]
    for key in ORGANISATION_LISTS:
        items: Sequence[Any] = getattr(org, key)
        if items:
            lines += ["", f"{key} = ["]
            lines += [f"{_INDENT}{_inline_table(_plain_fields(item))}," for item in items]
            lines.append("]")
    for team in org.teams:
        lines += ["", "[[teams]]"]
        lines += [f"{key} = {_value(value)}" for key, value in _plain_fields(team).items()]
    return "\n".join(lines) + "\n"


def organisation_data(org: Organisation) -> dict[str, Any]:
    """An organisation as plain data, laid out as organisation files are (for scenario files).

    Examples
    --------
    >>> from hometeams.model import Staff
    >>> organisation_data(Organisation("x", staff=[Staff("kari", profession="nurse")]))
    {'name': 'x', 'staff': [{'id': 'kari', 'profession': 'nurse', 'fte': 1.0}]}
    """
    out: dict[str, Any] = {"name": org.name}
    for key in (*ORGANISATION_LISTS, "teams"):
        items = getattr(org, key)
        if items:
            out[key] = [_plain_fields(item) for item in items]
    return out


def write_organisation(
    org: Organisation, path: str | os.PathLike[str], *, overwrite: bool = False
) -> Path:
    """Write an organisation file; refuse to replace an existing file unless ``overwrite``.

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    InvalidArgument
        If ``path`` exists and ``overwrite`` is false: nothing a user wrote is lost.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "org.toml"
    >>> org = Organisation("Distrikt Nord")
    >>> write_organisation(org, path).name
    'org.toml'
    >>> write_organisation(org, path)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidArgument: path: '...org.toml' exists; pass overwrite=True to replace it
    """
    check_object_and_path(org, Organisation, "org", path)
    return write_text(path, dumps_organisation(org), overwrite=overwrite)


def _plain_fields(obj: Any) -> dict[str, Any]:
    """An entity's fields as TOML-ready values, in a fixed order, defaults left out.

    (The model's defaults are plain values; a field with an ``attrs.Factory`` default would
    simply always be written.)
    """
    cls: type = type(obj)
    out: dict[str, Any] = {}
    for field in _ordered_fields(cls):
        value = getattr(obj, field.name)
        default = field.default
        if field.name not in _ALWAYS_WRITTEN and default is not attrs.NOTHING and value == default:
            continue
        if field.name in _float_fields(cls) and value is not None:
            value = float(value)  # an int given in Python is written as the float it means
        out[field.name] = _plain(value, days=isinstance(obj, Team) and field.name == "days")
    return out


@functools.cache
def _ordered_fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    """The class's fields, with a person's numbers before their (long) list of competences."""
    fields = attrs.fields(cls)
    order = _KEY_ORDER.get(cls)
    if order is None:
        return tuple(fields)
    by_name = {f.name: f for f in fields}
    return tuple(by_name[name] for name in order)


@functools.cache
def _float_fields(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in attrs.fields(attrs.resolve_types(cls)) if f.type in _FLOATS)


def _plain(value: Any, *, days: bool = False) -> Any:
    if days:
        return weekday_names(value)
    if isinstance(value, Membership):
        return member_data(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, frozenset):
        if all(isinstance(v, Period) for v in value):
            return [p.value for p in sorted(value, key=_PERIOD_ORDER.__getitem__)]
        return sorted(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _scalar(value: str | float) -> str:
    """A TOML scalar, formatted (and escaped) by ``tomli_w``."""
    return tomli_w.dumps({"v": value})[len("v = ") : -1]


def _inline_table(table: Mapping[str, Any]) -> str:
    if not table:
        return "{}"
    return "{ " + ", ".join(f"{key} = {_value(v, inline=True)}" for key, v in table.items()) + " }"


def _value(value: Any, *, inline: bool = False) -> str:
    if isinstance(value, Mapping):
        return _inline_table(value)
    if isinstance(value, list):
        items = [_value(v, inline=True) for v in value]
        one_line = "[" + ", ".join(items) + "]"
        if inline or len(one_line) <= _MAX_LINE - len("members = "):
            return one_line
        return "[\n" + "".join(f"{_INDENT}{item},\n" for item in items) + "]"
    if isinstance(value, str | int | float):
        return _scalar(value)
    msg = f"cannot write {value!r} to TOML"
    raise TypeError(msg)
