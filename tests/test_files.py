"""Tests for ``hometeams._files``: outputs never replace or follow what a user owns."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from hometeams._files import (
    check_writable,
    opened_for_writing,
    write_bytes,
    write_csv,
    write_text,
)
from hometeams.cli import main
from hometeams.errors import InvalidArgument
from hometeams.experiment import Comparison
from hometeams.report._html import write_report
from scenario_files import BASE

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")

WRITERS = {
    "text": lambda path, overwrite: write_text(path, "new\n", overwrite=overwrite),
    "bytes": lambda path, overwrite: write_bytes(path, b"new\n", overwrite=overwrite),
    "csv": lambda path, overwrite: write_csv(path, ["a"], [[1]], overwrite=overwrite),
    "report": lambda path, overwrite: write_report(
        Comparison(["a", "b"], ["wait"], [[[1.0], [2.0]], [[3.0], [5.0]]], baseline="a"),
        path,
        plots=False,
        overwrite=overwrite,
    ),
}


@pytest.mark.parametrize("writer", WRITERS)
def test_a_dangling_link_is_refused_and_its_target_not_created(tmp_path: Path, writer: str) -> None:
    """``--report link.html`` pointing nowhere: refused, and nothing appears where it points."""
    link = tmp_path / "out.html"
    link.symlink_to(tmp_path / "elsewhere.html")
    with pytest.raises(InvalidArgument, match=r"exists; pass overwrite=True"):
        WRITERS[writer](link, False)
    assert not (tmp_path / "elsewhere.html").exists()


@pytest.mark.parametrize("writer", WRITERS)
def test_a_link_to_a_users_file_is_refused_and_the_file_kept(tmp_path: Path, writer: str) -> None:
    """A link to an existing file: refused, the file's content unchanged."""
    mine = tmp_path / "mine.txt"
    mine.write_text("precious\n", encoding="utf-8")
    link = tmp_path / "out.html"
    link.symlink_to(mine)
    with pytest.raises(InvalidArgument):
        WRITERS[writer](link, False)
    assert mine.read_text(encoding="utf-8") == "precious\n"


@pytest.mark.parametrize("writer", WRITERS)
def test_overwrite_replaces_the_link_not_its_target(tmp_path: Path, writer: str) -> None:
    """With overwrite the link becomes a regular file; the file it pointed to is untouched."""
    mine = tmp_path / "mine.txt"
    mine.write_text("precious\n", encoding="utf-8")
    link = tmp_path / "out.html"
    link.symlink_to(mine)
    WRITERS[writer](link, True)
    assert not link.is_symlink()
    assert link.read_bytes() != b"precious\n"
    assert mine.read_text(encoding="utf-8") == "precious\n"


def test_a_file_created_after_the_check_is_not_replaced(tmp_path: Path) -> None:
    """Between a check and the write someone creates the file: the write refuses it."""
    path = tmp_path / "report.html"
    check_writable([path], overwrite=False)
    path.write_text("theirs\n", encoding="utf-8")
    with pytest.raises(InvalidArgument):
        write_text(path, "ours\n")
    assert path.read_text(encoding="utf-8") == "theirs\n"


def _fail_while_writing(path: Path, *, overwrite: bool) -> None:
    with opened_for_writing(path, overwrite=overwrite) as fh:
        fh.write("half")
        raise RuntimeError("disk full")


def test_a_failed_overwrite_leaves_the_old_file_and_no_part(tmp_path: Path) -> None:
    """An error while writing keeps the old content and removes the temporary file."""
    path = tmp_path / "t.csv"
    path.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="disk full"):
        _fail_while_writing(path, overwrite=True)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv"]


def test_a_failed_new_file_is_removed(tmp_path: Path) -> None:
    """An error while writing a new file leaves no half file behind."""
    path = tmp_path / "t.csv"
    with pytest.raises(RuntimeError, match="disk full"):
        _fail_while_writing(path, overwrite=False)
    assert not path.exists()


def test_an_overwritten_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    """Not the 0600 of a temporary file: what the umask gives a new file."""
    umask = os.umask(0o022)
    os.umask(umask)
    path = tmp_path / "t.txt"
    write_text(path, "a")
    write_text(path, "b", overwrite=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_compare_refuses_a_dangling_report_link_before_running(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``hometeams compare --report link`` exits 2 at once and creates nothing."""
    scenario = tmp_path / "s.toml"
    scenario.write_text(BASE, encoding="utf-8")
    link = tmp_path / "r.html"
    link.symlink_to(tmp_path / "target.html")
    status = main(["compare", str(scenario), "--report", str(link), "--workers", "1"])
    _, err = capsys.readouterr()
    assert status == 2
    assert "exists; pass --overwrite" in err
    assert not (tmp_path / "target.html").exists()
