"""A fuzzer that stays: damaged example files never crash ``hometeams check``.

Every organisation and scenario file in ``examples/`` is damaged one way at a time -- a value
replaced by a wrong type, a negative, NaN or an infinity, a huge number, an empty, very long or
control-character string, a dangling reference, deep nesting; a key removed; the text truncated,
given a byte-order mark or a stray byte -- and checked in-process. Whatever the damage, the
command exits 0 or 2, never with a traceback; at 2 it prints one short error naming the file
(and, for a value, the field). The examples are few and derandomised, so the run is the same
every time and stays within seconds per file.
"""

from __future__ import annotations

import datetime as dt
import math
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hometeams.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FILES = sorted(
    [*(EXAMPLES / "organisations").glob("*.toml"), *(EXAMPLES / "scenarios").glob("*.toml")]
)
MAX_EXAMPLES = 25
"""Damaged versions per file: 17 files, about half a minute in all."""

_DEEP: Any = 1
for _ in range(40):
    _DEEP = [_DEEP]

DAMAGE = st.one_of(
    st.sampled_from(
        [
            -1,
            0,
            -1.5,
            1e308,
            -1e308,
            math.nan,
            math.inf,
            -math.inf,
            10**30,
            2**63 - 1,
            True,
            "",
            "x" * 20_000,
            "EVIL\u001b]0;pwned\u0007\u001b[2J",
            "nobody",
            "1.5",
            "99999999999 weeks",
            "1e300 weeks",
            [1e308] * 24,
            [1e308] * 7,
            [],
            {},
            [1, "a", None.__class__.__name__],
            {"kind": []},
            {"kind": {"a": 1}},
            _DEEP,
            dt.date(2024, 1, 1),
        ]
    ),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a parsed TOML tree, containers before what they hold."""
    if prefix:
        yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*prefix, i))


def _replaced(tree: Any, path: tuple[Any, ...], value: Any, *, delete: bool) -> Any:
    *parents, last = path
    node = tree
    for key in parents:
        node = node[key]
    if delete:
        del node[last]
    else:
        node[last] = value
    return tree


@st.composite
def damaged(draw: st.DrawFn, text: str) -> str:
    """``text`` damaged once: a value replaced or removed, or the text itself cut or marked."""
    how = draw(st.sampled_from(["value", "value", "value", "delete", "truncate", "bom", "byte"]))
    if how == "truncate":
        return text[: draw(st.integers(0, len(text) - 1))]
    if how == "bom":
        return "\ufeff" + text
    if how == "byte":
        at = draw(st.integers(0, len(text)))
        return (
            text[:at]
            + draw(st.sampled_from(["\x00", "\x1b", "[", "{", '"', "=", "\\"]))
            + text[at:]
        )
    tree = tomllib.loads(text)
    paths = list(_paths(tree))
    path = draw(st.sampled_from(paths))
    value = None if how == "delete" else draw(DAMAGE)
    return tomli_w.dumps(_replaced(tree, path, value, delete=how == "delete"))


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples folder copied, so that scenarios find their organisation files."""
    root = tmp_path_factory.mktemp("examples")
    for folder in ("organisations", "scenarios"):
        shutil.copytree(EXAMPLES / folder, root / folder)
    return root


@pytest.mark.parametrize("original", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_a_damaged_example_is_checked_without_a_traceback(
    original: Path, copies: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 0 or 2, never a traceback; at 2 one short error naming the damaged file."""
    text = original.read_text(encoding="utf-8")
    target = copies / original.parent.name / f"damaged-{original.name}"

    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        database=None,
        deadline=dt.timedelta(seconds=20),  # a hang, not a slow machine
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(damaged(text))
    def check(content: str) -> None:
        target.write_text(content, encoding="utf-8")
        status = main(["check", str(target)])
        out, err = capsys.readouterr()
        assert status in (0, 2), err
        assert "Traceback" not in out + err
        if status == 2:
            first = err.splitlines()[0]
            assert first.startswith(f"hometeams check: error: {target}"), first
            assert len(err) < 3000, err[:300]

    check()
