"""The map's HTML: offline, escaped, cards by stance/role/strength, translated, filters honoured."""

from __future__ import annotations

import json
import math
import re

import networkx as nx
import pytest

from graph.render.chain_map import chain_map_html
from graph.render.chain_options import DealLine, MapOptions
from graph.render.chain_styles import MAX_DASHES
from graph.render.palette import STANCE_COLOURS, STANCE_TINTS
from graph.store.subgraph import to_networkx
from ui.i18n import catalog
from ui.map_text import map_text

HOSTILE = "<img src=x onerror=alert(1)>"
EN, ZH = map_text("en"), map_text("zh")


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
def account() -> nx.MultiDiGraph[str]:
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


def map_data(html: str) -> dict[str, object]:
    match = re.search(r"var MAP = (\{.*?\});\n", html)
    assert match, "no MAP data in the page"
    data: dict[str, object] = json.loads(match.group(1))
    return data


def names_on_cards(html: str) -> set[str]:
    return {str(n["card"]["name"] if "card" in n else n["side"]["name"]) for n in vis_data(html, "nodes")}  # type: ignore[index]


def test_map_is_self_contained_and_escapes_names(account: nx.MultiDiGraph[str]) -> None:
    deal = DealLine(
        name=HOSTILE,
        stage="bid",
        amount="¥1,500,000",
        close_date="2027-01-31",
        people="1 person in the deal",
        roles={"cio": "champion"},
    )
    html = chain_map_html(
        account, {"ceo": 1.0, "cio": 0.5}, {("r1", "cio"): 80.0}, EN, MapOptions(deal=deal, banner=HOSTILE)
    ).html
    assert not re.search(r"""(src|href)=["']https?://""", html), "the map must work offline"
    assert "vis.Network" in html
    assert HOSTILE not in html
    assert html.count("&lt;img src=x onerror=alert(1)&gt;") == 2  # the deal line and the banner, as text
    assert names_on_cards(html) >= {HOSTILE, "CIO", "Li Wei", "Apex"}
    assert map_data(html)["nodeDefaults"]["label"] == "", "cards are drawn by the map's script, as text"  # type: ignore[index]
    assert not any("label" in n for n in vis_data(html, "nodes"))


def test_the_picture_buttons_are_in_the_readers_language_and_name_the_page_s_files(
    account: nx.MultiDiGraph[str],
) -> None:
    options = MapOptions(png_name=f"{HOSTILE}.png", pdf_name="co-1-决策链.pdf")
    html = chain_map_html(account, {}, {}, ZH, options).html
    assert 'id="map-png" type="button" title="把当前显示的关系图（含图例）存为 PNG 图片">PNG 图片</button>' in html
    assert 'id="map-pdf" type="button" title="把当前显示的关系图（含图例）存为单页 PDF 文件">PDF 文件</button>' in html
    assert map_data(html)["files"] == {"png": f"{HOSTILE}.png", "pdf": "co-1-决策链.pdf"}
    english = chain_map_html(account, {}, {}, EN).html
    assert ">PNG</button>" in english
    assert 'title="Save the map as it is shown now, legend included, as a PNG picture"' in english


def test_cards_carry_stance_role_strength_and_status(account: nx.MultiDiGraph[str]) -> None:
    html = chain_map_html(account, {"ceo": 1.0, "cio": 0.5}, {("r1", "cio"): 80.0}, ZH).html
    nodes = {n["id"]: n for n in vis_data(html, "nodes")}
    ceo, cio, eng = (nodes[f"Contact:{k}"]["card"] for k in ("ceo", "cio", "eng"))
    assert (ceo["strip"], ceo["badge"], ceo["points"]) == (STANCE_COLOURS["opponent"], "拍板人", "")  # type: ignore[index]
    assert (cio["strip"], cio["badge"], cio["points"]) == (STANCE_COLOURS["supporter"], "技术评估", "80")  # type: ignore[index]
    assert nodes["Contact:cio"]["color"]["background"] == STANCE_TINTS["supporter"]  # type: ignore[index]
    assert (eng["badge"], eng["faded"]) == ("已离职", True)  # type: ignore[index]
    assert nodes["Rep:r1"]["y"] < nodes["Contact:ceo"]["y"] < nodes["Contact:cio"]["y"] < nodes["Contact:eng"]["y"]  # type: ignore[operator]


def test_tooltips_are_in_the_readers_language_without_raw_values_or_ids(account: nx.MultiDiGraph[str]) -> None:
    html = chain_map_html(account, {"ceo": 1.0, "cio": 0.5}, {("r1", "cio"): 80.0}, ZH).html
    titles = [str(item.get("title", "")) for item in vis_data(html, "nodes") + vis_data(html, "edges")]
    cio = next(t for t in titles if t.startswith("CIO"))
    assert "采购角色：技术评估者" in cio and "态度：支持" in cio and "影响力 50/100" in cio and "Li Wei（80 分）" in cio
    words = " ".join(titles)
    for raw in ("technical_evaluator", "supporter", "economic_buyer", "family", "role:", "Contact:", "ceo", "apex"):
        assert raw not in words
    assert "影响（亲属），权重 90/100" in words


def test_both_languages_have_every_map_word() -> None:
    map_keys = {m.id for m in catalog("en") if isinstance(m.id, str) and m.id.startswith("map.")}
    assert map_keys <= EN.keys() and map_keys <= ZH.keys()
    assert all(EN[k] and ZH[k] and EN[k] != ZH[k] for k in map_keys - {"map.fit", "map.fullscreen"} if "{" not in EN[k])


def test_a_deal_badges_its_people_with_their_role_in_it_and_fades_the_rest(account: nx.MultiDiGraph[str]) -> None:
    deal = DealLine(
        name="SD-WAN",
        stage="谈判",
        amount="¥380,000",
        close_date="2026-12-01",
        people="参与人数：1",
        roles={"ceo": "champion"},
    )
    html = chain_map_html(account, {"ceo": 1.0}, {}, ZH, MapOptions(deal=deal)).html
    nodes = {n["id"]: n for n in vis_data(html, "nodes")}
    assert nodes["Contact:ceo"]["card"]["badge"] == "内线"  # type: ignore[index]
    assert "在本商机中：内线" in str(nodes["Contact:ceo"]["title"])
    assert nodes["Contact:cio"]["opacity"] == 0.5 and nodes["Contact:cio"]["card"]["badge"] == ""  # type: ignore[index]
    assert "阶段：谈判" in html and "金额：¥380,000" in html and "预计成交：2026-12-01" in html


def test_the_legend_is_drawn_with_symbols_in_the_readers_language(account: nx.MultiDiGraph[str]) -> None:
    html = chain_map_html(account, {}, {}, ZH).html
    legend = html[html.index('<div class="legend"') :]
    assert legend.count("<svg") >= 12
    for words in ("支持", "反对", "拍板人", "汇报", "影响", "我方关系", "竞争对手关系", "引荐路径", "撞单"):
        assert words in legend
    assert "reports to" not in html and "supporter" not in legend


def test_the_warm_path_glows_without_recolouring_the_card(account: nx.MultiDiGraph[str]) -> None:
    path = ("Rep:r1", "Contact:cio", "Contact:ceo")
    plain = {n["id"]: n for n in vis_data(chain_map_html(account, {}, {}, EN).html, "nodes")}
    lit = {
        n["id"]: n for n in vis_data(chain_map_html(account, {}, {}, EN, MapOptions(highlight=(path,))).html, "nodes")
    }
    for key in ("Contact:cio", "Contact:ceo"):
        assert lit[key]["color"]["background"] == plain[key]["color"]["background"]  # type: ignore[index]
        assert lit[key]["color"]["border"] == "#f97316" and lit[key]["shadow"]["enabled"]  # type: ignore[index]


def test_filters_drop_edges_and_node_kinds(account: nx.MultiDiGraph[str]) -> None:
    options = MapOptions(edge_kinds=("REPORTS_TO", "KNOWS"), min_strength=70, show_competitors=False)
    html = chain_map_html(account, {}, {("r1", "cio"): 80.0}, EN, options).html
    assert [(e["from"], e["to"]) for e in vis_data(html, "edges")] == [("Rep:r1", "Contact:cio")]
    assert "Competitor:apex" not in {n["id"] for n in vis_data(html, "nodes")}
    assert map_data(html)["connectors"], "the reporting lines are drawn as the chart's connectors"
    weaker = chain_map_html(account, {}, {("r1", "cio"): 80.0}, EN, MapOptions(min_strength=90)).html
    assert ("Rep:r1", "Contact:cio") not in {(e["from"], e["to"]) for e in vis_data(weaker, "edges")}
    no_lines = MapOptions(edge_kinds=("INFLUENCES",))
    assert map_data(chain_map_html(account, {}, {}, EN, no_lines).html)["connectors"] == []


def test_reporting_lines_drawn_as_connectors_have_no_vis_edge_unless_on_a_path(account: nx.MultiDiGraph[str]) -> None:
    plain = vis_data(chain_map_html(account, {}, {}, EN).html, "edges")
    assert not any(e["from"] == "Contact:cio" and e["to"] == "Contact:ceo" for e in plain)
    path = ("Contact:eng", "Contact:cio", "Contact:ceo")
    lit = vis_data(chain_map_html(account, {}, {}, EN, MapOptions(highlight=(path,))).html, "edges")
    assert {(e["from"], e["to"]) for e in lit if e.get("color") == "#f97316"} == {
        ("Contact:eng", "Contact:cio"),
        ("Contact:cio", "Contact:ceo"),
    }


def test_no_dashed_line_has_more_than_max_dashes() -> None:
    """The browser dashes a line along its whole length, so a long line's dashes are stretched instead."""
    people = [contact(f"p{i}", level=2) for i in range(300)]
    influence = [edge("INFLUENCES", ("Contact", "p0"), ("Contact", f"p{i}"), weight=0.5) for i in range(1, 300)]
    graph = to_networkx(people, influence)
    html = chain_map_html(graph, {}, {}, EN).html
    nodes = {n["id"]: n for n in vis_data(html, "nodes")}
    lengths: list[tuple[float, float]] = []
    for line in vis_data(html, "edges"):
        source, target = nodes[str(line["from"])], nodes[str(line["to"])]
        length = math.dist((float(source["x"]), float(source["y"])), (float(target["x"]), float(target["y"])))  # type: ignore[arg-type]
        dash, gap = (float(part) for part in line["dashes"])  # type: ignore[attr-defined]
        assert length / (dash + gap) <= MAX_DASHES + 1e-9 and dash / gap == pytest.approx(10 / 8)
        lengths.append((length, dash))
    short, long = min(lengths), max(lengths)
    assert short[1] == 10 and long[1] > 10, "short lines keep the legend's pattern; only long ones stretch"


def test_highlighted_path_is_drawn_thick_and_orange(account: nx.MultiDiGraph[str]) -> None:
    path = ("Rep:r1", "Contact:cio", "Contact:ceo")
    edges = vis_data(
        chain_map_html(account, {}, {("r1", "cio"): 60.0}, EN, MapOptions(highlight=(path,))).html, "edges"
    )
    orange = sorted((e["from"], e["to"]) for e in edges if e.get("color") == "#f97316")
    assert orange == [("Contact:cio", "Contact:ceo"), ("Rep:r1", "Contact:cio")]

    assert not any(e.get("hidden") for e in edges if e.get("color") == "#f97316")
