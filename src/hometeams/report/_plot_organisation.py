"""A picture of the organisation: who is in which team, and with how much of their position.

A nurse who gives 20 % of her position to the memory team and 80 % to her zone team is one grey
dot joined to two team circles; the team circles are coloured by kind (specialist, allocation,
geographic, night) and sized by FTE, so a reader sees at once which teams are small, which
staff are shared, and who is in no team at all.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from hometeams.errors import InvalidArgument
from hometeams.graph import membership_graph
from hometeams.model import Organisation
from hometeams.report._labels import check_lang, text
from hometeams.report._plot_style import (
    INK,
    new_figure,
    plain,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["plot_organisation"]

_CATEGORY_COLOURS = {
    "specialist": "#CC79A7",
    "allocation": "#E69F00",
    "geographic": "#0072B2",
    "night": "#332288",
    "other": "#009E73",
}
_STAFF_COLOUR = "#9aa5b1"
_KAMADA_KAWAI_NODES = 400  # beyond this its all-pairs distances get slow; spring layout then


def plot_organisation(
    org: Organisation,
    *,
    lang: str = "en",
    rng: np.random.Generator | int | None = 1,
) -> Figure:
    """The organisation as a graph: staff and the teams that hold shares of their positions.

    Drawn from :func:`~hometeams.graph.membership_graph` with networkx: teams coloured by
    category and sized by FTE, with their names; staff as grey dots; an edge per membership,
    thicker for a larger share. The layout is Kamada–Kawai's (started from a spring layout with
    the seed ``rng``; spring alone above 400 nodes), so the same organisation gives the same
    picture unless ``rng`` is ``None``.

    Parameters
    ----------
    org
        The organisation to draw.
    lang
        ``"en"`` or ``"nb"``: the legend.
    rng
        Seed or generator of the layout's starting positions; ``None`` for fresh entropy.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from hometeams.model import Membership, Organisation, Staff, Team
    >>> org = Organisation("District 1",
    ...     staff=[Staff("kari", profession="nurse"), Staff("ola", profession="nurse")],
    ...     teams=[Team("memory", name="Memory team", category="specialist",
    ...                 members=[Membership("kari", share=0.2)]),
    ...            Team("north", name="North", category="geographic",
    ...                 members=[Membership("kari", share=0.8), "ola"])])
    >>> fig = plot_organisation(org, lang="nb")
    >>> sorted(t.get_text() for t in fig.axes[0].get_legend().get_texts())
    ['Ansatte', 'Fagteam', 'Geografisk team (sone)']
    """
    import networkx as nx  # noqa: PLC0415 - only the drawing needs matplotlib through networkx

    lang = check_lang(lang)
    if not isinstance(org, Organisation):
        raise InvalidArgument(f"org: must be an Organisation, got {type(org).__name__}")
    if not org.staff and not org.teams:
        raise InvalidArgument(f"org: {org.name!r} has no staff or teams to draw")
    fig = new_figure(figsize=(9.0, 5.6))
    ax = fig.add_subplot()
    graph = membership_graph(org)
    size = max(graph.number_of_nodes(), 1)
    if size <= _KAMADA_KAWAI_NODES:
        start = nx.spring_layout(graph, seed=rng)
        pos = nx.kamada_kawai_layout(graph, pos=start, weight=None)
    else:
        pos = nx.spring_layout(graph, seed=rng, k=1.6 / math.sqrt(size), iterations=100)
    staff = [n for n, d in graph.nodes(data=True) if d["kind"] == "staff"]
    teams = [n for n, d in graph.nodes(data=True) if d["kind"] == "team"]
    widths = [0.4 + 2.0 * float(d["weight"]) for _, _, d in graph.edges(data=True)]
    nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, edge_color="#c3ccd5")
    nx.draw_networkx_nodes(graph, pos, nodelist=staff, ax=ax, node_size=28,
                           node_color=_STAFF_COLOUR, linewidths=0)  # fmt: skip
    categories = [graph.nodes[n]["category"] for n in teams]
    nx.draw_networkx_nodes(
        graph, pos, nodelist=teams, ax=ax, linewidths=1.2, edgecolors="white",
        node_color=[_CATEGORY_COLOURS.get(c, _CATEGORY_COLOURS["other"]) for c in categories],
        node_size=[160 + 140 * float(graph.nodes[n]["fte"]) for n in teams],
    )  # fmt: skip
    span = np.ptp(np.array(list(pos.values())), axis=0) if pos else np.ones(2)
    above = {n: (pos[n][0], pos[n][1] + 0.035 * float(span[1] or 1.0)) for n in teams}
    nx.draw_networkx_labels(
        graph, above, labels={n: plain(graph.nodes[n]["label"]) for n in teams}, ax=ax,
        font_size=8, font_color=INK, verticalalignment="bottom",
        bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.75, "pad": 1.0},
    )  # fmt: skip
    from matplotlib.lines import Line2D  # noqa: PLC0415 - optional dependency

    handles = [
        Line2D([], [], ls="", marker="o", markersize=9, color=_CATEGORY_COLOURS.get(c, "#009E73"),
               label=text(f"category.{c}", lang))
        for c in _CATEGORY_COLOURS if c in categories
    ]  # fmt: skip
    if staff:
        handles.append(Line2D([], [], ls="", marker="o", markersize=5, color=_STAFF_COLOUR,
                              label=text("legend.staff", lang)))  # fmt: skip
    ax.legend(handles=handles, frameon=False, fontsize=9, loc="upper left",
              bbox_to_anchor=(1.0, 1.0))  # fmt: skip
    ax.set_axis_off()
    ax.margins(0.08)
    return fig
