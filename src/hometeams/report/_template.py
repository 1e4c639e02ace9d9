"""The page around a comparison report: one HTML file with its style and its figures inside.

A report is mailed to a leader group, opened on a laptop without a network, printed for a
meeting. So the page carries everything itself: the style sheet is inline, every figure is an
inline SVG (text stays text: searchable, sharp at any zoom), and there are no scripts, fonts or
images to fetch. The style is deliberately quiet -- one accent colour, light rules between table
rows, numbers in tabular figures -- and prints on A4 without cut tables or figures.

Matplotlib writes SVG for a stand-alone file; :func:`inline_svg` makes it fit inside a page:
it drops the XML prologue and metadata, gives every ``id`` a per-figure prefix (two figures
both have an ``axes_1``), and labels the drawing for screen readers.
"""

from __future__ import annotations

import html
import io
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["STYLE", "inline_svg", "page"]

STYLE = """
:root {
  --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --soft: #f4f6f8;
  --accent: #00695c; --better: #1b6e36; --better-bg: #e6f4ea; --worse: #a8201a;
  --worse-bg: #fbeae9;
}
* { box-sizing: border-box; }
html { background: var(--soft); }
body {
  margin: 0; color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "DejaVu Sans", sans-serif;
}
main {
  max-width: 62rem; margin: 0 auto; padding: 2.2rem 2.5rem 2.5rem; background: #fff;
  min-height: 100vh;
}
header { border-bottom: 3px solid var(--accent); padding-bottom: 1rem; margin-bottom: 1.5rem; }
h1 { font-size: 1.85rem; line-height: 1.25; margin: 0 0 .3rem; }
header p { margin: 0; color: var(--muted); }
h2 {
  font-size: 1.3rem; margin: 2.4rem 0 .8rem; padding-bottom: .3rem;
  border-bottom: 1px solid var(--line); color: var(--accent);
}
h3 { font-size: 1.05rem; margin: 1.3rem 0 .4rem; }
p { margin: .5rem 0; }
.note { color: var(--muted); font-size: .9rem; }
dl.setup { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1.5rem; margin: 0; }
dl.setup dt { color: var(--muted); }
dl.setup dd { margin: 0; }
ul.models { margin: 0; padding-left: 1.1rem; }
.swatch {
  display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .4em;
  vertical-align: -.05em;
}
.baseline-mark { color: var(--muted); font-size: .85rem; }
ul.findings { list-style: none; padding: 0; margin: .3rem 0 .6rem; }
ul.findings li {
  border-left: 4px solid var(--line); padding: .25rem 0 .25rem .75rem; margin: .35rem 0;
}
ul.findings li.better { border-left-color: var(--better); }
ul.findings li.worse { border-left-color: var(--worse); }
.table-wrap { overflow-x: auto; }
table {
  border-collapse: collapse; width: 100%; font-size: .93rem;
  font-variant-numeric: tabular-nums;
}
th, td {
  padding: .4rem .65rem; border-bottom: 1px solid var(--line); text-align: right;
  vertical-align: top;
}
th:first-child, td:first-child { text-align: left; }
thead th { border-bottom: 2px solid var(--ink); font-weight: 600; vertical-align: bottom; }
tbody th { font-weight: normal; }
tr.family th {
  text-align: left; background: var(--soft); color: var(--muted); font-weight: 600;
  font-size: .8rem; text-transform: uppercase; letter-spacing: .04em;
}
.ci { display: block; color: var(--muted); font-size: .8rem; white-space: nowrap; }
.value { white-space: nowrap; }
.tag {
  display: inline-block; margin-left: .35rem; padding: 0 .35rem; border-radius: 3px;
  font-size: .75rem; font-weight: 600;
}
td.better .tag { color: var(--better); background: var(--better-bg); }
td.worse .tag { color: var(--worse); background: var(--worse-bg); }
figure { margin: 1.6rem 0 2rem; }
figure svg { display: block; max-width: 100%; height: auto; }
figure svg * { stroke-linejoin: round; stroke-linecap: butt; }
figcaption { color: var(--muted); font-size: .9rem; margin-top: .4rem; }
section.read p { max-width: 46rem; }
footer {
  margin-top: 2.5rem; padding-top: .8rem; border-top: 1px solid var(--line);
  color: var(--muted); font-size: .85rem;
}
@media (max-width: 40rem) { main { padding: 1.2rem 1rem; } }
@media print {
  html { background: #fff; }
  main { max-width: none; padding: 0; min-height: 0; }
  figure, table, ul.findings li { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
"""
"""The report's style sheet (inlined in every page)."""

_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)
_STYLE_ELEMENT = re.compile(r"\s*<style[^>]*>.*?</style>", re.DOTALL)
_NAMESPACES = re.compile(r'\s+(?:xmlns(?::xlink)?|version)="[^"]*"')
_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(\bid="|\bhref="#|url\(#)([^")]+)')


def inline_svg(figure: Figure, *, ident: str, label: str) -> str:
    """``figure`` as an ``<svg>`` element to put inside an HTML page.

    Parameters
    ----------
    figure
        A :class:`matplotlib.figure.Figure`.
    ident
        A prefix, unique in the page, for the drawing's ``id`` attributes.
    label
        What the figure shows, for screen readers (``aria-label``); escaped here.

    Returns
    -------
    str
        The ``<svg>`` element: no XML prologue, metadata or URLs; text as text.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(2, 1))
    >>> _ = fig.add_subplot().set_title("Ledig gang & venting")
    >>> svg = inline_svg(fig, ident="fig1", label="A <test>")
    >>> svg.startswith('<svg role="img" aria-label="A &lt;test&gt;"'), 'id="fig1-axes_1"' in svg
    (True, True)
    >>> "Ledig gang &amp; venting" in svg, "http" in svg
    (True, False)
    """
    import matplotlib as mpl  # noqa: PLC0415 - optional dependency, imported by the caller first

    buffer = io.StringIO()
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "hometeams"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = _PROLOGUE.sub("", buffer.getvalue(), count=1)
    svg = _METADATA.sub("", svg)
    svg = _STYLE_ELEMENT.sub("", svg)
    svg = _NAMESPACES.sub("", svg).replace("xlink:href=", "href=")
    ids = set(_ID.findall(svg))

    def prefixed(match: re.Match[str]) -> str:
        head, name = match.group(1), match.group(2)
        return f"{head}{ident}-{name}" if name in ids else match.group(0)

    svg = _REFERENCE.sub(prefixed, svg)
    attrs = f'<svg role="img" aria-label="{html.escape(label, quote=True)}"'
    return attrs + svg.removeprefix("<svg").rstrip() + "\n"


def page(*, title: str, lang: str, body: str) -> str:
    """A whole HTML document: ``body`` inside ``<main>``, with the style sheet inlined.

    ``title`` is escaped here; ``body`` must already be safe HTML.

    Examples
    --------
    >>> doc = page(title="Kveld & helg", lang="nb", body="<p>Hei</p>")
    >>> doc.splitlines()[0], "<title>Kveld &amp; helg</title>" in doc
    ('<!DOCTYPE html>', True)
    """
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang, quote=True)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="hometeams">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>{STYLE}</style>\n"
        "</head>\n"
        "<body>\n<main>\n"
        f"{body}"
        "</main>\n</body>\n</html>\n"
    )
