"""The Group and Portfolio pages on the demo data: seed 003's wave, targets, links between pages."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ingest.demo_ids import CHINESE_GROUP_ID, ENGLISH_GROUP_ID
from tests.app.driver import open_page

pytestmark = [pytest.mark.app, pytest.mark.usefixtures("app_env")]


def target_table(app: AppTest) -> pd.DataFrame:
    return next(d.value for d in app.dataframe if "target_score" in d.value.columns)


def pick_group(app: AppTest, group_id: str) -> None:
    app.selectbox[0].set_value(group_id).run()
    assert not app.exception


def test_group_page_opens_on_the_hq_wave_of_seed_three() -> None:
    app = open_page("app_pages/group.py")
    pick_group(app, CHINESE_GROUP_ID)
    assert app.selectbox[1].value == "网络安全"
    ours, rivals, untouched = (int(m.value) for m in app.metric[:3])
    assert (ours, rivals) == (1, 4) and ours + rivals + untouched == 11
    card = next(m.value for m in app.markdown if "started buying" in m.value)
    assert "4 of 10 branches" in card
    evidence = next(d.value for d in app.dataframe if "vendor" in d.value.columns)
    assert list(evidence["company"]) == [
        "华东电网杭州供电分公司",
        "华东电网宁波供电分公司",
        "华东电网温州供电分公司",
        "华东电网绍兴供电分公司",
    ]
    targets = target_table(app)
    assert "华东电网杭州供电分公司" not in set(targets["company"])
    assert list(targets["target_score"]) == sorted(targets["target_score"], reverse=True)


def test_another_category_recolours_the_tree_and_lists_its_gaps() -> None:
    app = open_page("app_pages/group.py")
    pick_group(app, CHINESE_GROUP_ID)
    app.selectbox[1].set_value("数据备份").run()
    assert [int(m.value) for m in app.metric[:2]] == [1, 1]
    targets = target_table(app)
    assert len(targets) == 10 and "华东电网台州供电分公司" not in set(targets["company"])


def test_a_target_opens_in_the_decision_chain() -> None:
    app = open_page("app_pages/group.py")
    pick_group(app, CHINESE_GROUP_ID)
    first = target_table(app).iloc[0]["company"]
    app.button(key="open_chain").click().run()
    assert not app.exception
    assert app.title[0].value == "Decision chain"
    assert app.selectbox[0].value == CHINESE_GROUP_ID
    assert app.selectbox[1].format_func(app.selectbox[1].value) == first


def test_the_best_way_in_is_the_path_the_decision_chain_opens_with() -> None:
    app = open_page("app_pages/group.py")
    pick_group(app, CHINESE_GROUP_ID)
    card = [m.value for m in app.markdown]
    way_in = card[next(i for i, text in enumerate(card) if text.startswith("**Best way in**")) + 1]
    app.button(key="open_chain").click().run()
    assert not app.exception
    first_path = next(m.value for m in app.markdown if m.value.startswith("**1.**"))
    assert first_path.removeprefix("**1.** ") == way_in


@pytest.mark.parametrize("group", [CHINESE_GROUP_ID, ENGLISH_GROUP_ID])
def test_a_category_written_in_two_languages_is_one(group: str) -> None:
    app = open_page("app_pages/group.py")
    pick_group(app, group)
    labels = app.selectbox[1].options  # as shown
    assert "Network" in labels and "网络" not in labels and len(labels) == len(set(labels))


def test_group_page_in_chinese() -> None:
    app = open_page("app_pages/group.py", "简体中文")
    pick_group(app, CHINESE_GROUP_ID)
    assert app.title[0].value == "集团拓展"
    assert any("很可能是总部统一决策" in m.value for m in app.markdown)
    assert any("竞品" in value for value in target_table(app)["status"])


def test_portfolio_lists_every_group_and_filters() -> None:
    app = open_page("app_pages/portfolio.py")
    table = app.dataframe[0].value
    assert {CHINESE_GROUP_ID, ENGLISH_GROUP_ID} <= set(table["group_id"])
    grid = table.set_index("group_id").loc[CHINESE_GROUP_ID]
    assert grid["hq_signals"] == "Network security" and grid["our_revenue"] > 0 and grid["whitespace"] > 0
    app.selectbox[0].set_value(CHINESE_GROUP_ID).run()
    details = [element.value for element in app.text]
    assert "Network security" in details and str(grid["untouched_branches"]) in details, details
    app.toggle[0].set_value(True).run()
    assert list(app.dataframe[0].value["group_id"]) == [CHINESE_GROUP_ID]
    app.toggle[0].set_value(False).run()
    app.text_input[0].set_value("northwind").run()
    assert list(app.dataframe[0].value["group_id"]) == [ENGLISH_GROUP_ID]
    app.text_input[0].set_value("no such group").run()
    assert any("No group matches" in i.value for i in app.info)


def test_a_group_opens_on_the_group_page() -> None:
    app = open_page("app_pages/portfolio.py")
    app.selectbox[0].set_value(ENGLISH_GROUP_ID).run()
    app.button(key="open_group").click().run()
    assert not app.exception
    assert app.title[0].value == "Group expansion"
    assert app.selectbox[0].value == ENGLISH_GROUP_ID
