"""From plain data read out of a file to validated objects, and from errors to field paths.

A planner's file is a tree of tables, lists, strings and numbers. :func:`structure` turns such a
tree into the library's ``attrs`` value objects with a strict ``cattrs`` converter, and turns
every failure into one :class:`~hometeams.errors.InvalidScenario` that names the file, the field
path (``teams[2].members[0].share``), the value and the rule. Strict means:

- a string is never a number and a number never a string (``fte = "0.8"`` is refused, not
  quietly converted), and ``true``/``false`` are the only booleans;
- a list is a list: ``competences = "dementia"`` is refused, not read as eight letters;
- a key the class does not know is an error, with the closest known key suggested, so that a
  typo like ``ftee`` cannot silently leave a field at its default;
- a missing required key is named.

The converter is reusable: :func:`make_converter` builds it, :func:`class_hook` builds a strict
hook for another ``attrs`` class with per-field hooks, and :func:`translate_error` turns a
``cattrs`` error group into the single error users see. Scenario files use the same machinery.

The organisation format has two forms of its own, read here and written beside their hooks: a
team member is a bare staff id or ``{ staff = "ola", share = 0.2 }`` (:func:`member_data`), and
a team's weekdays are ``mon`` ... ``sun`` (:func:`weekday_names`).

Examples
--------
>>> from hometeams.model import Staff
>>> structure({"id": "kari", "profession": "nurse", "fte": 0.8}, Staff)
Staff(id='kari', profession='nurse', competences=frozenset(), fte=0.8, zone=None, unit=None, reports_to=None, name='')
>>> structure({"id": "kari", "profession": "nurse", "ftee": 0.8}, Staff, source="staff.toml")
Traceback (most recent call last):
...
hometeams.errors.InvalidScenario: staff.toml: unknown key 'ftee'; did you mean 'fte'?
"""  # noqa: E501 - a doctest's output line cannot be wrapped

from __future__ import annotations

import difflib
import enum
import functools
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, override

from hometeams.errors import InvalidScenario, format_path
from hometeams.model import Membership, Team

__all__ = [
    "WEEKDAY_NAMES",
    "class_hook",
    "converter",
    "make_converter",
    "member_data",
    "structure",
    "translate_error",
    "weekday_names",
]

_T = TypeVar("_T")
Hook = Callable[[Any, Any], Any]

_MAX_NOTES = 4
"""How many further problems an error lists after the first one."""

WEEKDAY_NAMES: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Weekday names a file may use instead of 0 (Monday) ... 6 (Sunday); files are written with
these."""

_NB_WEEKDAY_NAMES = ("man", "tir", "ons", "tor", "fre", "lør", "søn")
_WEEKDAYS: Mapping[str, int] = {
    **{name: i for i, name in enumerate(WEEKDAY_NAMES)},
    **{name: i for i, name in enumerate(_NB_WEEKDAY_NAMES)},
}


# -- strict scalars and collections ------------------------------------------------------------


def _show(value: object) -> str:
    """A value as a planner would recognise it in their file, for messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list | tuple):
        text = repr(list(value))
        return f"the list {text if len(text) <= 60 else text[:57] + '...'}"
    return repr(value)


def _wrong(expected: str, value: object) -> InvalidScenario:
    return InvalidScenario(f"must be {expected}, got {_show(value)}")


def _structure_str(value: object, cl: Any) -> Any:
    if isinstance(cl, type) and issubclass(cl, enum.Enum):
        return _structure_enum(value, cl)
    if not isinstance(value, str):
        raise _wrong("a string", value)
    return value


def _structure_int(value: object, _: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _wrong("a whole number", value)
    return value


def _structure_float(value: object, _: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _wrong("a number", value)
    return float(value)


def _structure_bool(value: object, _: Any) -> bool:
    if not isinstance(value, bool):
        raise _wrong("true or false", value)
    return value


def _structure_enum(value: object, cl: type[enum.Enum]) -> enum.Enum:
    try:
        return cl(value)
    except (ValueError, TypeError):
        choices = ", ".join(repr(member.value) for member in cl)
        raise InvalidScenario(f"must be one of {choices}, got {value!r}") from None


def _is_enum(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, enum.Enum)


def _is_homogeneous_collection(t: Any) -> bool:
    origin = typing.get_origin(t)
    if origin in (frozenset, set, list):
        return True
    args = typing.get_args(t)
    return origin is tuple and len(args) == 2 and args[1] is Ellipsis


def _collection_hook(t: Any, conv: cattrs.Converter) -> Hook:
    """A hook that requires a list and structures each item, collecting errors with indices."""
    element = typing.get_args(t)[0]
    build: Callable[[list[Any]], Any] = typing.get_origin(t)
    element_hook = conv.get_structure_hook(element)

    def hook(value: object, _: Any) -> Any:
        if not isinstance(value, list | tuple | set | frozenset):
            raise _wrong("a list", value)
        out: list[Any] = []
        errors: list[Exception] = []
        for i, item in enumerate(value):
            try:
                out.append(element_hook(item, element))
            except Exception as exc:  # collected and reported with its index
                note = IterableValidationNote(f"Structuring {t} @ index {i}", i, element)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {t!r}", errors, t)
        return build(out)

    return hook


# -- attrs classes ------------------------------------------------------------------------------


def class_hook(cl: type[_T], conv: cattrs.Converter, **field_hooks: Hook) -> Callable[..., _T]:
    """A strict structure hook for the ``attrs`` class ``cl``.

    It requires a table (a mapping), refuses unknown keys, reports every failing field with its
    name, and uses ``field_hooks`` (field name to hook) in place of the type's own hook.

    Examples
    --------
    >>> from hometeams.model import Zone
    >>> conv = make_converter()
    >>> hook = class_hook(Zone, conv, name=lambda value, _: value.title())
    >>> hook({"id": "north", "name": "nord"}, Zone)
    Zone(id='north', name='Nord')
    """
    overrides = {name: override(struct_hook=fn) for name, fn in field_hooks.items()}
    structure_fields = make_dict_structure_fn(
        cl,
        conv,
        _cattrs_forbid_extra_keys=True,
        _cattrs_detailed_validation=True,
        **overrides,  # type: ignore[arg-type] # cattrs types these loosely
    )

    def hook(value: object, _: Any = cl) -> _T:
        if not isinstance(value, Mapping):
            raise _wrong("a table", value)
        return structure_fields(value, cl)

    return hook


def _structure_days(value: object, _: Any) -> frozenset[int]:
    if not isinstance(value, list | tuple | set | frozenset):
        raise _wrong("a list", value)
    days: set[int] = set()
    for i, item in enumerate(value):
        day = _WEEKDAYS.get(item.lower()) if isinstance(item, str) else item
        if isinstance(day, bool) or not isinstance(day, int) or not 0 <= day <= 6:
            raise InvalidScenario(
                f"must be a weekday {', '.join(WEEKDAY_NAMES)} (or 0 = Monday ... 6 = Sunday), "
                f"got {item!r}",
                path=f"[{i}]",
            )
        days.add(day)
    return frozenset(days)


def _membership_hook(conv: cattrs.Converter) -> Hook:
    table = class_hook(Membership, conv)

    def hook(value: object, _: Any) -> Membership:
        if isinstance(value, str):
            return Membership(value)
        if not isinstance(value, Mapping):
            raise _wrong('a staff id or a table like { staff = "kari", share = 0.2 }', value)
        return table(value, Membership)

    return hook


def weekday_names(days: frozenset[int]) -> list[str]:
    """A team's weekdays as an organisation file writes them, read back by the converter.

    Examples
    --------
    >>> weekday_names(frozenset({4, 0}))
    ['mon', 'fri']
    """
    return [WEEKDAY_NAMES[day] for day in sorted(days)]


def member_data(member: Membership) -> str | dict[str, object]:
    """A team member as an organisation file writes it: the staff id, or the id and share.

    Examples
    --------
    >>> member_data(Membership("kari")), member_data(Membership("ola", share=0.2))
    ('kari', {'staff': 'ola', 'share': 0.2})
    """
    if member.share is None:
        return member.staff
    return {"staff": member.staff, "share": float(member.share)}


# -- the converter ----------------------------------------------------------------------------


def make_converter() -> cattrs.Converter:
    """A new strict converter for the library's value objects.

    Returns
    -------
    cattrs.Converter
        Strict scalars, lists and enums; strict ``attrs`` classes (:func:`class_hook`); a team
        member may be a bare staff id; weekdays may be names (``"mon"``) or numbers.

    Examples
    --------
    >>> from hometeams.model import Team
    >>> team = make_converter().structure(
    ...     {"id": "memory", "members": ["kari", {"staff": "ola", "share": 0.2}],
    ...      "days": ["mon", "wed"]},
    ...     Team,
    ... )
    >>> team.members[1], sorted(team.days)
    (Membership(staff='ola', share=0.2), [0, 2])
    """
    conv = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook_func(_is_enum, _structure_enum)
    conv.register_structure_hook_factory(
        _is_homogeneous_collection, lambda t: _collection_hook(t, conv)
    )
    conv.register_structure_hook_factory(attrs.has, lambda cl: class_hook(cl, conv))
    conv.register_structure_hook(Membership, _membership_hook(conv))
    conv.register_structure_hook(Team, class_hook(Team, conv, days=_structure_days))
    return conv


@functools.cache
def converter() -> cattrs.Converter:
    """The shared converter (built once; treat it as read-only)."""
    return make_converter()


def structure(
    data: object, cl: type[_T], *, source: str | None = None, conv: cattrs.Converter | None = None
) -> _T:
    """Structure plain data into ``cl``, raising one error that names the field on failure.

    Parameters
    ----------
    data
        Plain data as read from a file: dicts, lists, strings, numbers, booleans.
    cl
        The ``attrs`` class to build.
    source
        The file the data came from, named in errors.
    conv
        The converter to use; the shared strict one by default.

    Raises
    ------
    InvalidScenario
        The first problem, located by field path; the others are attached as notes.

    Examples
    --------
    >>> from hometeams.model import Organisation
    >>> structure({"name": "x", "staff": [{"id": "kari", "profession": "nurse", "fte": "80"}]},
    ...           Organisation)
    Traceback (most recent call last):
    ...
    hometeams.errors.InvalidScenario: staff[0].fte: must be a number, got the string '80'
    """
    try:
        return (conv or converter()).structure(data, cl)
    except (BaseValidationError, InvalidScenario) as exc:
        raise translate_error(exc, source=source) from None


# -- errors ------------------------------------------------------------------------------------


def translate_error(exc: Exception, *, source: str | None = None) -> InvalidScenario:
    """Turn a ``cattrs`` error group (or a model error) into one located error.

    The first problem becomes the error; up to four more are added as notes (``also ...``) so
    that a command line can show a few lines. Problems that are not about the data (a bug rather
    than a bad file) are re-raised unchanged.

    Examples
    --------
    >>> from hometeams.model import Staff
    >>> try:
    ...     converter().structure({"id": "kari", "fte": "80 %"}, Staff)
    ... except Exception as exc:
    ...     err = translate_error(exc, source="org.toml")
    >>> print(err)
    org.toml: profession: required key is missing
    >>> err.__notes__
    ["also fte: must be a number, got the string '80 %'"]
    """
    problems = list(_problems(exc, ""))
    first = problems[0]
    err = InvalidScenario(first.rule, path=first.path, source=source or first.source)
    rest = problems[1:]
    for other in rest[:_MAX_NOTES]:
        err.add_note(f"also {other}")
    if len(rest) > _MAX_NOTES:
        err.add_note(f"... and {len(rest) - _MAX_NOTES} more")
    return err


def _problems(exc: BaseException, path: str) -> Iterator[InvalidScenario]:
    if isinstance(exc, ClassValidationError):
        for sub in exc.exceptions:
            yield from _problems(sub, _child(sub, path, AttributeValidationNote))
    elif isinstance(exc, IterableValidationError):
        for sub in exc.exceptions:
            yield from _problems(sub, _child(sub, path, IterableValidationNote))
    elif isinstance(exc, InvalidScenario):
        yield exc.within(path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        known = [a.name for a in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
        for key in sorted(exc.extra_fields):
            yield InvalidScenario(_unknown_key(key, known), path=path)
    elif isinstance(exc, KeyError):
        # The generated structuring code reads ``o[name]``: a missing required key.
        yield InvalidScenario("required key is missing", path=path)
    else:
        raise exc


def _child(sub: BaseException, path: str, kind: type[str]) -> str:
    for note in getattr(sub, "__notes__", ()):
        if note.__class__ is kind:
            if isinstance(note, AttributeValidationNote):
                return format_path(path, note.name)
            if isinstance(note, IterableValidationNote):
                index = note.index
                return f"{path}[{index}]" if isinstance(index, int) else format_path(path, index)
    return path


def _unknown_key(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1)
    if close:
        return f"unknown key {key!r}; did you mean {close[0]!r}?"
    return f"unknown key {key!r}; known keys are {', '.join(known)}"
