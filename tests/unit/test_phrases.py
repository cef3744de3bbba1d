"""Sentences pages compose in the chosen language (ui/phrases.py): paths, roles, history entries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

import networkx as nx
import pytest
import streamlit as st

from graph.analysis.history import TimelineItem
from graph.analysis.warm_path import warm_paths
from graph.domain.actions import Action, ActionCode
from graph.domain.changes import ChangeSource
from tests.unit.test_chain_analysis import TODAY, account, influences, knows, line, rep, touch
from ui.i18n import LANGUAGE_KEY
from ui.phrases import action_text, change_text, path_sentence, path_why, record_text, roles_text


@pytest.fixture
def chain() -> nx.MultiDiGraph[str]:
    g = account(("cfo", {"title": "CFO"}), ("ally", {}), ("aide", {}))
    rep(g, "r")
    knows(g, "r", "ally", 5)
    touch(g, "r", "ally", 0)
    knows(g, "r", "aide", 3)
    influences(g, "ally", "cfo", 0.5)
    line(g, "aide", "cfo")
    return g


@pytest.fixture
def chinese() -> Iterator[None]:
    st.session_state[LANGUAGE_KEY] = "简体中文"
    yield
    del st.session_state[LANGUAGE_KEY]


def test_english_sentences_are_the_analysis_sentences(chain: nx.MultiDiGraph[str]) -> None:
    paths = warm_paths(chain, "cfo", TODAY, k=5) + warm_paths(chain, "aide", TODAY, k=5)
    assert len(paths) >= 4
    assert [path_sentence(chain, p) for p in paths] == [p.sentence for p in paths]


@pytest.mark.usefixtures("chinese")
def test_chinese_sentences_have_no_english_words(chain: nx.MultiDiGraph[str]) -> None:
    first, second = warm_paths(chain, "cfo", TODAY)
    assert path_sentence(chain, first) == "R 与 Ally 很熟；Ally 为 Cfo（CFO） 出主意"
    assert path_sentence(chain, second) == "R 与 Aide 略有交情；Aide 向 Cfo（CFO） 汇报"
    backwards = [path_sentence(chain, p) for p in warm_paths(chain, "aide", TODAY, k=5)]
    assert "Cfo 是 Aide 的上级" in "；".join(backwards)  # the manager line walked from manager to report
    assert roles_text(["champion", "economic_buyer"]) == "内线、拍板人"


@pytest.mark.parametrize(
    ("language", "over", "around"),
    [
        (
            "English",
            "No way in within 1 hop; this one takes 2.",
            "The shorter way in (2 hops) passes an opponent; this one goes around.",
        ),
        ("简体中文", "1 跳以内没有引荐路径；这条需要 2 跳。", "更短的路径（2 跳）经过反对者；这条绕开了他们。"),
    ],
)
def test_why_a_path_breaks_a_limit_or_goes_around(
    chain: nx.MultiDiGraph[str], language: str, over: str, around: str
) -> None:
    st.session_state[LANGUAGE_KEY] = language
    try:
        assert path_why(warm_paths(chain, "cfo", TODAY, max_hops=1)[0], 1) == over
        chain.nodes["Contact:ally"]["stance"] = "opponent"
        chain.add_node("Contact:x", label="Contact", id="x", name="X", company_id="c")
        influences(chain, "ally", "x", 0.5)
        influences(chain, "cfo", "x", 0.5)
        assert path_why(warm_paths(chain, "x", TODAY)[0], 3) == around
        assert path_why(warm_paths(chain, "cfo", TODAY)[0], 3) == ""
    finally:
        del st.session_state[LANGUAGE_KEY]


def _item(
    what: Literal["created", "changed", "removed"],
    before: dict[str, object],
    after: dict[str, object],
    other: str | None = None,
) -> TimelineItem:
    return TimelineItem(
        at=dt.datetime(2026, 10, 5, tzinfo=dt.UTC),
        who="li",
        source=ChangeSource.EDIT,
        action=Action.of(ActionCode.EDIT_CONTACT),
        why="",
        what=what,
        entity="Contact-PLAYS->Opportunity" if other else "Opportunity",
        subject="Contact:a" if other else "Opportunity:o",
        other=other,
        before=before,
        after=after,
    )


@pytest.mark.usefixtures("chinese")
def test_history_entries_read_in_chinese() -> None:
    created = _item("created", {}, {"id": "o", "amount": 1500000.0, "stage": "bid", "tier": 2.0})
    assert change_text(created) == "金额: ¥1,500,000; 阶段: 投标; 等级: 2"
    changed = _item("changed", {"stance": "unknown"}, {"stance": "supporter"})
    assert change_text(changed) == "态度: 未知 → 支持"
    reweighted = _item("changed", {"weight": 1.0}, {"weight": 0.66})
    assert change_text(reweighted).endswith(": 100% → 66%"), "a weight reads as a percent, as in the tables"
    played = _item("created", {}, {"role": "champion"}, other="Opportunity:o")
    assert record_text(played, {"Contact:a": "张伟", "Opportunity:o": "SD-WAN"}) == "张伟 —参与→ SD-WAN"
    assert action_text(Action.of(ActionCode.EDIT_CONTACT)) == "编辑联系人"


@pytest.mark.usefixtures("chinese")
def test_history_entries_name_the_records_they_refer_to() -> None:
    names = {"Contact:b": "王芳", "Contact:c": "李强", "Rep:r1": "陈静", "OrgUnit:u1": "信息中心", "OrgUnit:u0": "总部"}
    moved = _item("changed", {"unit_id": None, "reports_to": ["b"]}, {"unit_id": "u1", "reports_to": ["b", "c", "x"]})
    assert change_text(moved, names) == "直属上级: 王芳 → 王芳、李强、（未显示）; 部门: — → 信息中心"
    owned = _item("created", {}, {"owner_id": "r1", "stage": "bid"})
    assert change_text(owned, names) == "负责人: 陈静; 阶段: 投标"
    unit = _item("changed", {"parent_id": "u0"}, {"parent_id": "u1"}).model_copy(update={"subject": "OrgUnit:u2"})
    assert change_text(unit, names) == "上级: 总部 → 信息中心"
    assert change_text(owned) == "负责人: r1; 阶段: 投标", "without names, the id as stored (a rep is no secret)"
    assert action_text(Action.of(ActionCode.IMPORT_FILE, file="contacts.csv")) == "导入 contacts.csv"
    assert action_text(Action.of(ActionCode.OTHER, text="a script's own words")) == "a script's own words"


@pytest.mark.usefixtures("chinese")
def test_a_person_or_deal_the_map_does_not_show_reads_as_a_placeholder_never_as_its_id() -> None:
    """A contact of an account outside the viewer's full view (an influence line into it): no id, no name."""
    line_out = _item("created", {}, {"kind": "advice"}, other="Contact:ct-hidden-007").model_copy(
        update={"entity": "Contact-INFLUENCES->Contact"}
    )
    shown = record_text(line_out, {"Contact:a": "张伟"})
    assert shown == "张伟 —影响→ （未显示）" and "ct-hidden-007" not in shown
    touched = _item("created", {}, {"contact_id": "ct-hidden-007", "opportunity_id": "opp-9", "kind": "visit"})
    assert "ct-hidden-007" not in change_text(touched, {}) and "opp-9" not in change_text(touched, {})
