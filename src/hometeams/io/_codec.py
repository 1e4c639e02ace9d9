"""A form: how one field is read from a file, written to one and described, in one value.

A planner writes ``horizon = "4 weeks"``, ``times = ["08:00"]``, ``days = "weekdays"``,
``policy = "pooled"``. Each such way of writing a field is a :class:`Form` holding, side by
side, the ``cattrs`` hook that reads it, the function that writes it and the JSON Schema that
describes it, so that what the reader accepts, what the writer produces and what the published
schema says are kept in one place and cannot drift apart. The forms themselves live with what
they are about: lengths of time, clock times and weekdays in :mod:`hometeams.io._units`,
durations in :mod:`hometeams.io._durations`, policies and plannings in
:mod:`hometeams.io._policy` and :mod:`hometeams.io._planning`, a scenario file's own tables in
:mod:`hometeams.io._layout`, which lists the form of every field in one table.

A field with no form is read, written and described by its type: a ``float`` is a number, a
``tuple[str, ...]`` a list of strings, a set is written sorted.

Examples
--------
>>> double = Form(read=lambda value, _: value / 2, write=lambda value: value * 2)
>>> double.read(8, float), double.write(4.0)
(4.0, 8.0)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs
import cattrs

from hometeams.errors import InvalidArgument

__all__ = ["Form", "Hook", "Reader", "Schema", "Writer", "fields_data", "passthrough"]

Hook = Callable[[Any, Any], Any]
"""A ``cattrs`` structure hook: ``hook(value, type)`` returns the object read."""
Reader = Callable[[cattrs.Converter], Hook]
"""Makes a hook from the converter it is registered on (a form that holds tables of its own)."""
Writer = Callable[[Any], Any]
"""Turns an object's field into the plain data a file holds."""
Schema = Mapping[str, Any]
"""A JSON Schema (or a fragment of one)."""


def passthrough(value: object, _: object) -> object:
    """Hand the value to the class's own converter, which knows the friendly forms."""
    return value


@attrs.frozen
class Form:
    """How a field is written in a file: read, written and described.

    Parameters
    ----------
    read
        The hook that reads the field (``None``: by its type).
    read_with
        For a form that holds tables of its own (a duration's kind and parameters): makes the
        hook from the converter it is registered on. At most one of ``read`` and
        ``read_with``.
    write
        What the field's value is written as (``None``: as plain data).
    schema
        Its JSON Schema (``None``: from its type).
    """

    read: Hook | None = attrs.field(default=None, kw_only=True)
    read_with: Reader | None = attrs.field(default=None, kw_only=True)
    write: Writer | None = attrs.field(default=None, kw_only=True)
    schema: Schema | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.read is not None and self.read_with is not None:
            raise InvalidArgument("read_with: give read or read_with, not both")

    def hook(self, conv: cattrs.Converter) -> Hook | None:
        """The hook that reads the field on ``conv``, or ``None`` to read it by its type."""
        if self.read_with is not None:
            return self.read_with(conv)
        return self.read


def fields_data(obj: Any, forms: Mapping[str, Form], plain: Writer) -> dict[str, Any]:
    """The fields of an ``attrs`` object as a file writes them, defaults left out.

    Fields come in declaration order, each written by its form's writer, or by ``plain`` if its
    form has none.

    Examples
    --------
    >>> from hometeams.scenario import LogNormal
    >>> fields_data(LogNormal(mean=30, sd=10), {"sd": Form(write=int)}, plain=str)
    {'mean': '30.0', 'sd': 10}
    """
    out: dict[str, Any] = {}
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        if default is not attrs.NOTHING and value == default:
            continue
        form = forms.get(field.name)
        write = plain if form is None or form.write is None else form.write
        out[field.name] = write(value)
    return out
