"""The group tree's labels, marks and tooltips (graph/render/group_map.py)."""

from __future__ import annotations

import json
import re

from graph.analysis.group_tree import TreeCompany
from graph.render.group_map import PATH_COLOUR, TOOLTIP_WORDS, WAVE_COLOUR, group_map_html, short_names


def company(cid: str, name: str, parent: str | None, depth: int) -> TreeCompany:
    return TreeCompany(
        id=cid, name=name, parent_id=parent, kind="branch" if depth else "hq", depth=depth, tier=None,
        employees=1200, city=None, contacts=3, products={}, rollup={},
    )  # fmt: skip


NORTHWIND = [
    company("hq", "Northwind Logistics Ltd.", None, 0),
    company("hk", "Northwind Logistics (Hong Kong) Ltd.", "hq", 1),
    company("my", "Northwind Logistics Malaysia Sdn. Bhd.", "hq", 1),
]


def test_a_shared_prefix_never_leaves_a_name_that_starts_with_a_bracket() -> None:
    names = short_names(NORTHWIND)
    assert names["hk"] == "Northwind Logistics (Hong Kong) Ltd."
    assert names["my"] == "Malaysia Sdn. Bhd."


def test_latin_prefixes_are_cut_at_word_boundaries_and_chinese_ones_anywhere() -> None:
    latin = [company("a", "Acme Trading", None, 0), company("b", "Acme Transport", "a", 1)]
    assert short_names(latin)["b"] == "Transport"  # the shared "Acme Tra" is cut back to the word "Acme "
    glued = [company("a", "Acmecorp", None, 0), company("b", "Acmesoft Europe", "a", 1)]
    assert short_names(glued)["b"] == "Acmesoft Europe"  # no word boundary in "Acme": nothing goes
    chinese = [company("a", "华东电网集团有限公司", None, 0), company("b", "华东电网宁波供电分公司", "a", 1)]
    assert short_names(chinese)["b"] == "宁波供电分公司"


def _nodes(page: str) -> list[dict[str, object]]:
    found = re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page, re.S)
    assert found
    nodes: list[dict[str, object]] = json.loads(found.group(1))
    return nodes


def test_a_company_on_the_wave_and_on_the_path_shows_both_marks() -> None:
    page = group_map_html(NORTHWIND, "网络", wave=["hk"], on_path=["hk", "my"])
    nodes = {n["id"]: n for n in _nodes(page)}
    assert nodes["hk"]["color"] == {"background": "#cbd5e1", "border": WAVE_COLOUR}
    assert nodes["hk"]["shadow"] == {"enabled": True, "color": PATH_COLOUR, "size": 30, "x": 0, "y": 0}
    assert nodes["my"]["color"]["border"] == PATH_COLOUR and nodes["my"]["shadow"]  # type: ignore[index]
    assert nodes["hq"]["shadow"] is False


def test_tooltips_take_the_readers_words() -> None:
    chinese = {k: "·" for k in TOOLTIP_WORDS} | {"branch": "分公司"}
    counts = {"employees": "员工 {count} 人", "contacts": "联系人 {count} 位"}
    page = group_map_html(NORTHWIND, "网络", words=chinese, counted=lambda what, n: counts[what].format(count=f"{n:,}"))
    titles = " ".join(str(n["title"]) for n in _nodes(page))
    assert "员工 1,200 人" in titles and "分公司" in titles and "employees" not in titles


def test_a_count_of_one_is_singular_and_an_unknown_head_count_is_left_out() -> None:
    lone = NORTHWIND[1].model_copy(update={"contacts": 1, "employees": None})
    titles = {str(n["id"]): str(n["title"]) for n in _nodes(group_map_html([NORTHWIND[0], lone], "网络"))}
    assert "1,200 employees · 3 contacts" in titles["hq"]
    assert "1 contact" in titles["hk"] and "contacts" not in titles["hk"]
    assert "employee" not in titles["hk"] and "?" not in titles["hk"], "no head count recorded: none shown"
