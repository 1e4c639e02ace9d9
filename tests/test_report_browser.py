"""The HTML report opened in a real headless browser: it renders, completely and without errors.

Chromium (from the operating system's packages; ``.ci/run`` installs it) loads the report from a
file with networking disabled, dumps the rendered DOM and takes a screenshot. The test is
skipped, with the reason, only on a machine without any Chromium.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest

from hometeams.experiment import Comparison
from hometeams.report._html import write_report
from test_report_plots import district, fortnight_records

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--enable-logging=stderr", "--log-level=0",
)  # fmt: skip
# Chromium logs each console message, uncaught exception and failed load as a CONSOLE line.
CONSOLE = re.compile(r":CONSOLE(?::\d+|\(\d+\))\]\s*(.*)")


def browser() -> str:
    """The path of a Chromium binary, or skip the test saying why."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(
        f"no headless browser found (looked for {', '.join(BROWSERS)}); install Chromium, "
        "e.g. apt-get install chromium, as .ci/run does"
    )
    raise AssertionError  # pragma: no cover - pytest.skip raises


def open_page(path: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on a local file with a fresh profile and return what it printed."""
    command = [browser(), *FLAGS, f"--user-data-dir={profile}", *extra, path.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=90, check=True)


def console_messages(stderr: str) -> list[str]:
    """The page's console messages (errors, uncaught exceptions, failed loads) in a log."""
    return [m.group(1) for m in map(CONSOLE.search, stderr.splitlines()) if m]


class Dom(HTMLParser):
    """Ids, tags and text of a dumped DOM."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record the tag and its id."""
        self.tags.append(tag)
        self.ids += [v for k, v in attrs if k == "id" and v]

    def handle_data(self, data: str) -> None:
        """Record text between tags."""
        self.text.append(data)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Norwegian report with every part, written to a file."""
    result = Comparison(
        ["Faste team", "Samlet kveld"],
        ["on_time_share", "idle_share", "mean_delay"],
        np.array(
            [
                [[0.80, 0.31, 14.0], [0.82, 0.29, 12.0], [0.81, 0.30, 13.0]],
                [[0.86, 0.22, 11.0], [0.87, 0.21, 10.5], [0.85, 0.23, 11.5]],
            ]
        ),
        baseline="Faste team",
        seed=np.random.SeedSequence(11),
    )
    runs = {
        "Faste team": fortnight_records(["kari", "per"] * 7),
        "Samlet kveld": fortnight_records(["kari", "per", "ola", "eva"] * 3 + ["kari", "per"]),
    }
    path = tmp_path_factory.mktemp("report") / "kveld.html"
    return write_report(result, path, records=runs, org=district(), lang="nb",
                        title="Kveldsorganisering i Distrikt 1")  # fmt: skip


def test_the_console_check_catches_script_errors(tmp_path):
    """The harness sees a console error and an uncaught exception (so a clean log means clean)."""
    page = tmp_path / "broken.html"
    page.write_text(
        "<!DOCTYPE html><title>x</title><p>x</p>"
        "<script>console.error('boom'); notDefined();</script>",
        encoding="utf-8",
    )
    run = open_page(page, tmp_path / "profile", "--dump-dom")
    messages = console_messages(run.stderr)
    assert any("boom" in m for m in messages)
    assert any("notDefined" in m for m in messages)


def test_report_renders_every_section_without_console_messages(report, tmp_path):
    """The rendered DOM has the title, every section and all five figures; the log is clean."""
    run = open_page(report, tmp_path / "profile", "--dump-dom")
    assert console_messages(run.stderr) == []
    assert "net::ERR" not in run.stderr
    dom = Dom()
    dom.feed(run.stdout)
    for section in ("findings", "setup", "summary", "differences", "figures", "how-to-read"):
        assert section in dom.ids
    for figure in ("fig-comparison", "fig-tradeoff", "fig-distinct-staff", "fig-utilisation",
                   "fig-organisation"):  # fmt: skip
        assert figure in dom.ids
    assert dom.tags.count("svg") == 5
    assert "script" not in dom.tags
    words = " ".join(" ".join(dom.text).split())
    assert "Kveldsorganisering i Distrikt 1" in words
    assert "Hovedfunn" in words
    assert "Ledig gang er lavere med Samlet kveld enn med Faste team" in words
    assert "Samlet kveld" in " ".join(dom.text[dom.tags.index("svg") :])  # text inside figures


def test_report_screenshot_is_a_styled_page_with_figures(report, tmp_path):
    """The screenshot is not blank, shows the accent colour of the style and the model colours."""
    from PIL import Image

    shot = tmp_path / "report.png"
    open_page(report, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,4000")
    pixels = np.asarray(Image.open(shot).convert("RGB")).astype(int)
    assert pixels.shape[:2] == (4000, 1200)
    inked = (np.abs(pixels - 255).sum(axis=2) > 60).mean()
    assert inked > 0.02  # text, tables and figures, not an empty page

    def present(rgb: tuple[int, int, int]) -> int:
        return int((np.abs(pixels - np.array(rgb)).sum(axis=2) < 12).sum())

    assert present((0x00, 0x69, 0x5C)) > 500  # the teal rule under the title and the headings
    assert present((0x00, 0x72, 0xB2)) > 500  # the first model's bars (Okabe–Ito blue)
    assert present((0xE6, 0x9F, 0x00)) > 500  # the second model's bars (orange)
