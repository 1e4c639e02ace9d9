"""Run the documentation's examples in a fresh directory, so they never write into the checkout.

The pages are written as a planner would type at the root of the repository, reading
``examples/...``; that folder is linked into the temporary directory.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _in_a_fresh_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
