"""A small canonical TOML writer for nested plain data, laid out for people to read.

``tomli_w`` writes correct TOML, but a scenario file is also read and edited by planners: roster
lines and staff one per line, long tables as ``[sections]``, demand sources as
``[[demand.arrivals]]``. :func:`emit` lays plain data (dicts, lists, strings, numbers,
booleans) out by a few rules:

- in every table, plain keys come first, then sub-tables and arrays of tables in the order of
  the data (TOML requires the keys first);
- a table is written inline (``{ a = 1 }``) when it fits on its line and its path is not one
  of ``tables``; otherwise as a ``[section]``;
- a list of tables is written inline, one item per line, when every item fits on a line and its
  path is not one of ``arrays``; otherwise as ``[[array]]`` tables; paths in ``inline`` are
  always written one item per line, however long;
- a list of numbers or strings is one line if it fits, else wrapped.

Paths are dotted keys without indices (``models.roster``). The same data always gives the same
text, so that writing what was read is stable.

Examples
--------
>>> print(emit({"name": "x", "roster": {"lines": [{"staff": "kari", "shift": "day"}]}},
...            tables=frozenset({"roster"})))
name = "x"
<BLANKLINE>
[roster]
lines = [{ staff = "kari", shift = "day" }]
<BLANKLINE>
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import tomli_w

__all__ = ["WIDTH", "emit"]

WIDTH = 100
"""The line width canonical files are laid out for."""
_INDENT = "    "
_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(key: str) -> str:
    return key if _BARE.match(key) else _scalar(key)


def _scalar(value: object) -> str:
    return tomli_w.dumps({"v": value})[len("v = ") : -1]


def _is_table_list(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _inline(value: Any) -> str:
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_key(k)} = {_inline(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    return _scalar(value)


def _wrapped(key: str, items: Sequence[str], width: int) -> list[str]:
    """``key = [`` then the items filling lines of the width, then ``]``."""
    lines = [f"{key} = ["]
    line = _INDENT
    for item in items:
        piece = f"{item},"
        if line.strip() and len(line) + 1 + len(piece) > width:
            lines.append(line)
            line = _INDENT
        line = f"{line} {piece}" if line.strip() else f"{line}{piece}"
    if line.strip():
        lines.append(line)
    lines.append("]")
    return lines


class _Writer:
    def __init__(
        self, tables: frozenset[str], arrays: frozenset[str], inline: frozenset[str], width: int
    ) -> None:
        self.width = width
        self.tables = tables
        self.arrays = arrays
        self.inline = inline
        self.lines: list[str] = []

    def _simple(self, key: str, value: Any, path: str) -> list[str]:
        name = _key(key)
        one_line = f"{name} = {_inline(value)}"
        if len(one_line) <= self.width or not isinstance(value, list) or not value:
            return [one_line]
        items = [_inline(v) for v in value]
        if _is_table_list(value) or path in self.inline:
            return [f"{name} = [", *(f"{_INDENT}{item}," for item in items), "]"]
        return _wrapped(name, items, self.width)

    def _as_section(self, value: Any, path: str, key: str) -> bool:
        if isinstance(value, Mapping):
            return path in self.tables or len(f"{_key(key)} = {_inline(value)}") > self.width
        if _is_table_list(value) and path not in self.inline:
            too_long = any(len(f"{_INDENT}{_inline(v)},") > self.width for v in value)
            return path in self.arrays or too_long
        return False

    def table(self, data: Mapping[str, Any], path: str, header: str) -> None:
        """Write a table's keys, then its sections; ``header`` is its own (already written)."""
        later = []
        for key, value in data.items():
            sub = f"{path}.{key}" if path else key
            if self._as_section(value, sub, key):
                later.append((key, value, sub))
            else:
                self.lines.extend(self._simple(key, value, sub))
        for key, value, sub in later:
            name = f"{header}.{_key(key)}" if header else _key(key)
            if isinstance(value, Mapping):
                if self._keys_first(value, sub):
                    self.lines += ["", f"[{name}]"]
                self.table(value, sub, name)
            else:
                for item in value:
                    self.lines += ["", f"[[{name}]]"]
                    self.table(item, sub, name)

    def _keys_first(self, data: Mapping[str, Any], path: str) -> bool:
        """Whether a section needs its header: it has keys of its own, or nothing at all.

        A table holding only sections (``[demand]`` with ``[[demand.arrivals]]``) is made by
        its sections' headers; writing its own would leave an empty section.
        """
        return not data or any(
            not self._as_section(value, f"{path}.{key}", key) for key, value in data.items()
        )


def emit(
    data: Mapping[str, Any],
    *,
    tables: frozenset[str] = frozenset(),
    arrays: frozenset[str] = frozenset(),
    inline: frozenset[str] = frozenset(),
    width: int = WIDTH,
) -> str:
    """Lay ``data`` out as TOML text by the rules of the module docstring.

    Parameters
    ----------
    data
        Plain data: dicts (in the order to write), lists, strings, numbers, booleans.
    tables
        Paths always written as ``[section]`` tables.
    arrays
        Paths of lists of tables always written as ``[[array]]`` tables.
    inline
        Paths of lists always written inline, one item per line.
    width
        The longest line the layout aims for (an inline item longer than it is still written).

    Examples
    --------
    >>> print(emit({"models": [{"name": "a", "policy": "pooled"}]},
    ...            arrays=frozenset({"models"})), end="")
    [[models]]
    name = "a"
    policy = "pooled"
    """
    writer = _Writer(tables, arrays, inline, width)
    writer.table(data, "", "")
    lines = writer.lines
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines) + "\n"
