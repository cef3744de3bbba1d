"""The map's HTML: offline, escaped, styled by role/stance/influence, filters honoured."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from graph.render.chain_map import MapOptions, chain_map_html
from graph.render.layout import layered_positions
from graph.store.subgraph import to_networkx

HOSTILE = "<img src=x onerror=alert(1)>"


def contact(cid: str, **props: object) -> dict[str, object]:
    return {"label": "Contact", "props": {"id": cid, "name": cid.upper(), "company_id": "c", **props}}


def edge(rel: str, source: tuple[str, str], target: tuple[str, str], **props: object) -> dict[str, object]:
    return {
        "source_label": source[0],
        "source": source[1],
        "type": rel,
        "props": {"key": "", **props},
        "target_label": target[0],
        "target": target[1],
    }


@pytest.fixture
def account() -> nx.MultiDiGraph:
    return to_networkx(
        [
            contact("ceo", name=HOSTILE, level=1, buying_role="economic_buyer", stance="opponent"),
            contact("cio", level=2, buying_role="technical_evaluator", stance="supporter"),
            contact("eng", level=3, status="left"),
            {"label": "Rep", "props": {"id": "r1", "name": "Li Wei", "role": "AE", "channel": "direct"}},
            {"label": "Competitor", "props": {"id": "apex", "name": "Apex"}},
        ],
        [
            edge("REPORTS_TO", ("Contact", "cio"), ("Contact", "ceo")),
            edge("REPORTS_TO", ("Contact", "eng"), ("Contact", "cio")),
            edge("INFLUENCES", ("Contact", "eng"), ("Contact", "ceo"), kind="family", weight=0.9),
            edge("KNOWS", ("Rep", "r1"), ("Contact", "cio")),
            edge("KNOWS", ("Competitor", "apex"), ("Contact", "ceo"), strength=4),
        ],
    )


def vis_data(html: str, name: str) -> list[dict[str, object]]:
    match = re.search(rf"{name} = new vis\.DataSet\((\[.*?\])\);", html, re.DOTALL)
    assert match, f"no {name} DataSet in the page"
    data: list[dict[str, object]] = json.loads(match.group(1))
    return data


def test_map_is_self_contained_and_escapes_names(account: nx.MultiDiGraph) -> None:
    html = chain_map_html(account, {"ceo": 1.0, "cio": 0.5}, {("r1", "cio"): 80.0})
    assert not re.search(r"""(src|href)=["']https?://""", html), "the map must work offline"
    assert "vis.Network" in html
    assert HOSTILE not in html
    assert {n["label"] for n in vis_data(html, "nodes")} >= {HOSTILE, "CIO", "Li Wei", "Apex"}


def test_styles_follow_role_stance_influence_and_status(account: nx.MultiDiGraph) -> None:
    nodes = {n["id"]: n for n in vis_data(chain_map_html(account, {"ceo": 1.0, "cio": 0.5}, {}), "nodes")}
    ceo, cio, eng = nodes["Contact:ceo"], nodes["Contact:cio"], nodes["Contact:eng"]
    assert (ceo["shape"], ceo["color"]["background"], ceo["size"]) == ("star", "#d43d3d", 40.0)  # type: ignore[index]
    assert (cio["shape"], cio["color"]["background"], cio["size"]) == ("square", "#2f9e5b", 25.0)  # type: ignore[index]
    assert eng["color"]["background"] == "#d9dde2" and "has left" in str(eng["title"])  # type: ignore[index]
    assert ceo["y"] < cio["y"] < eng["y"] < nodes["Rep:r1"]["y"]  # type: ignore[operator]


def test_filters_drop_edges_and_node_kinds(account: nx.MultiDiGraph) -> None:
    options = MapOptions(edge_kinds=("REPORTS_TO", "KNOWS"), min_strength=90, show_competitors=False)
    html = chain_map_html(account, {}, {("r1", "cio"): 80.0}, options)
    edges = vis_data(html, "edges")
    assert sorted((e["from"], e["to"]) for e in edges) == [
        ("Contact:cio", "Contact:ceo"),
        ("Contact:eng", "Contact:cio"),
    ]
    assert "Competitor:apex" not in {n["id"] for n in vis_data(html, "nodes")}


def test_highlighted_path_is_drawn_thick_and_orange(account: nx.MultiDiGraph) -> None:
    path = ("Rep:r1", "Contact:cio", "Contact:ceo")
    edges = vis_data(chain_map_html(account, {}, {("r1", "cio"): 60.0}, MapOptions(highlight=(path,))), "edges")
    orange = sorted((e["from"], e["to"]) for e in edges if e["color"] == "#f97316")
    assert orange == [("Contact:cio", "Contact:ceo"), ("Rep:r1", "Contact:cio")]


def test_layout_wraps_wide_levels_into_rows() -> None:
    g = to_networkx([contact(f"p{i}", level=2) for i in range(30)], [])
    ys = {y for _, y in layered_positions(g, per_row=12).values()}
    assert len(ys) == 3
