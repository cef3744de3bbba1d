"""Editing from the decision-chain page, every kind, each checked in the real store; the history and "as of" view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from graph.config.local_user import chosen_user
from graph.servers.connect import open_store
from graph.servers.embedded import EmbeddedServer
from graph.store import GraphStore
from ingest.demo_ids import CHINESE_GROUP_ID
from tests.app.conftest import WRITER
from tests.app.driver import open_page

pytestmark = pytest.mark.app
COMPANY = "co-hd-wz"
PERSON = "ct-hd-wz-010"
ADD = f"add.{COMPANY}"


@pytest.fixture
def store() -> Iterator[GraphStore]:
    opened = open_store()
    yield opened
    opened.close()


def open_chain(language: str = "English") -> AppTest:
    app = open_page("app_pages/decision_chain.py", language)
    app.selectbox[0].set_value(CHINESE_GROUP_ID).run()
    app.selectbox[1].set_value(COMPANY).run()
    app.selectbox(key="edit.contact").set_value(PERSON).run()
    assert not app.exception
    return app


def saved(app: AppTest) -> list[str]:
    """The page's confirmation of a save; fails on a refusal or an exception (findings are errors too, so skip them)."""
    assert not app.exception
    refusals = [e.value for e in app.error if e.value.startswith(("Not saved", "Something went wrong"))]
    assert not refusals + [e.value for e in app.error if "someone else" in e.value]
    confirmations = [s.value for s in app.success]
    assert confirmations, "no confirmation shown"
    return confirmations


def contact(store: GraphStore, contact_id: str = PERSON) -> dict[str, Any]:
    props = store.records.node("Contact", contact_id)
    assert props is not None
    return props


def history_table(app: AppTest) -> pd.DataFrame:
    """The history's static table as the reader sees it: its headers, its cells without Markdown escapes."""
    frame = next(table.value for table in app.table if "Before → after" in table.value.columns)
    return frame.map(lambda cell: str(cell).replace("\\", ""))


@pytest.mark.usefixtures("import_env")
def test_edit_contact_details_managers_and_unit(store: GraphStore) -> None:
    app = open_chain()
    prefix = f"contact.{PERSON}"
    app.text_input(key=f"{prefix}.title").set_value("网络安全处副处长")
    app.selectbox(key=f"{prefix}.stance").set_value("supporter")
    app.selectbox(key=f"{prefix}.unit").set_value("ou-hd-wz-infra")
    app.multiselect(key=f"{prefix}.managers").set_value(["ct-hd-wz-011"])
    app.text_input(key=f"{prefix}.phone").set_value("+86 139-0000-1234")
    app.text_input(key=f"{prefix}.why").set_value("promoted after the audit")
    app.button(key=f"{prefix}.save").click().run()
    assert any("Saved" in s for s in saved(app))
    stored = contact(store)
    assert (stored["title"], stored["stance"], stored["unit_id"], stored["phone"]) == (
        "网络安全处副处长",
        "supporter",
        "ou-hd-wz-infra",
        "13900001234",
    )
    assert store.records.managers(PERSON) == ["ct-hd-wz-011"]
    change = store.history.changes_about([f"Contact:{PERSON}"])[0]
    assert (change.who, change.why, change.action.english) == (WRITER, "promoted after the audit", "edit contact")
    timeline = history_table(app)
    assert "Stance: unknown → supporter" in "".join(timeline["Before → after"])


@pytest.mark.usefixtures("import_env")
def test_refused_edit_names_the_other_record_and_saves_nothing(store: GraphStore) -> None:
    app = open_chain()
    prefix = f"contact.{PERSON}"
    app.text_input(key=f"{prefix}.phone").set_value(str(contact(store, "ct-hd-wz-011")["phone"]))
    app.button(key=f"{prefix}.save").click().run()
    assert not app.exception
    errors = " ".join(e.value for e in app.error).replace("\\", "")  # shown as text: Markdown escaped
    assert "贾雅远" in errors and "ct-hd-wz-011" in errors and "same phone" in errors
    assert contact(store)["phone"] != contact(store, "ct-hd-wz-011")["phone"]


@pytest.mark.usefixtures("import_env")
def test_second_save_of_an_open_form_is_refused_with_current_values(store: GraphStore) -> None:
    app = open_chain()
    other = open_chain()
    prefix = f"contact.{PERSON}"
    app.selectbox(key=f"{prefix}.stance").set_value("opponent")
    app.button(key=f"{prefix}.save").click().run()
    assert saved(app)
    other.selectbox(key=f"{prefix}.stance").set_value("supporter")
    other.button(key=f"{prefix}.save").click().run()
    assert not other.exception
    assert any("changed by someone else" in e.value and WRITER in e.value for e in other.error)
    current = next(d.value for d in other.dataframe if "field" in d.value.columns)
    assert dict(zip(current["field"], current["value"], strict=True))["stance"] == "opponent"
    assert contact(store)["stance"] == "opponent"
    other.button(key=f"{prefix}.save").click().run()  # now on top of what is stored: deliberate
    assert saved(other)
    assert contact(store)["stance"] == "supporter"


@pytest.mark.usefixtures("import_env")
def test_mark_left_and_verified(store: GraphStore) -> None:
    app = open_chain()
    app.button(key=f"contact.{PERSON}.verified").click().run()
    assert saved(app)
    assert contact(store)["last_verified"] == dt.date.today().isoformat()
    app.button(key=f"contact.{PERSON}.left").click().run()
    assert saved(app)
    assert contact(store)["status"] == "left"


@pytest.mark.usefixtures("import_env")
def test_draw_and_remove_an_influence_line(store: GraphStore) -> None:
    app = open_chain()
    prefix = f"influence.{PERSON}"
    app.selectbox(key=f"{prefix}.other").set_value("ct-hd-wz-001")
    app.radio(key=f"{prefix}.direction").set_value("out")
    app.selectbox(key=f"{prefix}.kind").set_value("former_colleague")
    app.slider(key=f"{prefix}.weight").set_value(85)
    app.button(key=f"{prefix}.save").click().run()
    assert saved(app)
    graph = store.subgraphs.company(COMPANY)
    edge = f"Contact:{PERSON}", "Contact:ct-hd-wz-001", "INFLUENCES:former_colleague"
    assert graph.edges[edge]["weight"] == 0.85
    app.selectbox(key=f"{prefix}.other").set_value("ct-hd-wz-001")
    app.selectbox(key=f"{prefix}.kind").set_value("former_colleague")
    app.slider(key=f"{prefix}.weight").set_value(40)
    app.button(key=f"{prefix}.save").click().run()
    assert saved(app)
    assert store.subgraphs.company(COMPANY).edges[edge]["weight"] == 0.4  # re-weighted, not a second line
    picker = app.selectbox(key=f"{prefix}.pick")
    line = next(i for i, label in enumerate(picker.options) if "former colleague" in label)
    picker.set_value(line).run()
    app.button(key=f"{prefix}.remove").click().run()
    assert saved(app)
    assert not store.subgraphs.company(COMPANY).has_edge(*edge)


@pytest.mark.usefixtures("import_env")
def test_relationship_scores_and_a_touch(store: GraphStore) -> None:
    app = open_chain()
    prefix = f"ours.{PERSON}"
    app.selectbox(key=f"{prefix}.rep").set_value("rep-li").run()
    app.slider(key=f"{prefix}.rep-li.closeness").set_value(5)
    app.slider(key=f"{prefix}.rep-li.price_acceptance").set_value(2)
    app.button(key=f"{prefix}.rep-li.save").click().run()
    assert saved(app)
    known = store.subgraphs.company(COMPANY).edges["Rep:rep-li", f"Contact:{PERSON}", "KNOWS:"]
    assert (known["closeness"], known["price_acceptance"]) == (5, 2)
    touch = f"touch.{PERSON}"
    app.selectbox(key=f"{touch}.rep").set_value("rep-li")
    app.selectbox(key=f"{touch}.kind").set_value("meeting")
    app.text_area(key=f"{touch}.note").set_value("<img src=x onerror=alert(1)> 讨论试点")
    app.button(key=f"{touch}.save").click().run()
    assert saved(app)
    notes = [d.get("note") for _, _, d in store.subgraphs.company(COMPANY).in_edges(f"Contact:{PERSON}", data=True)]
    assert "<img src=x onerror=alert(1)> 讨论试点" in notes


@pytest.mark.usefixtures("import_env")
def test_add_contact_department_and_branch(store: GraphStore) -> None:
    app = open_chain()
    app.text_input(key=f"{ADD}.unit.name").set_value("数字化办公室")
    app.button(key=f"{ADD}.unit.save").click().run()
    assert saved(app)
    units = store.runner.read(
        "MATCH (u:OrgUnit {company_id: $c, name: $n}) RETURN u.id AS id", {"c": COMPANY, "n": "数字化办公室"}
    )
    assert len(units) == 1
    app.text_input(key=f"{ADD}.contact.name").set_value("<b>林</b>新")
    app.selectbox(key=f"{ADD}.contact.unit").set_value(units[0]["id"])
    app.multiselect(key=f"{ADD}.contact.managers").set_value(["ct-hd-wz-001"])
    app.button(key=f"{ADD}.contact.save").click().run()
    assert saved(app) == ["Saved \\<b\\>林\\</b\\>新."]  # Markdown source escaped: the name shows as text
    person = store.runner.read(
        "MATCH (c:Contact {name: $n}) RETURN c.id AS id, c.unit_id AS unit", {"n": "<b>林</b>新"}
    )
    assert person[0]["unit"] == units[0]["id"]
    assert store.records.managers(person[0]["id"]) == ["ct-hd-wz-001"]
    app.text_input(key=f"{ADD}.company.name").set_value("华东电网温州龙湾供电所")
    app.button(key=f"{ADD}.company.save").click().run()
    assert saved(app)
    branch = store.runner.read(
        "MATCH (c:Company {name: $n}) RETURN c.parent_id AS parent", {"n": "华东电网温州龙湾供电所"}
    )
    assert branch == [{"parent": COMPANY}]
    app.text_input(key=f"{ADD}.company.name").set_value("温州港务集团")
    app.selectbox(key=f"{ADD}.company.parent").select_index(0)  # "— (a group of its own)"
    app.button(key=f"{ADD}.company.save").click().run()
    assert saved(app)
    group = store.runner.read(
        "MATCH (c:Company {name: $n}) RETURN c.parent_id AS p, c.kind AS k", {"n": "温州港务集团"}
    )
    assert group == [{"p": None, "k": "hq"}]


@pytest.mark.usefixtures("app_env")
def test_the_map_a_month_back_and_the_account_history() -> None:
    app = open_chain()
    app.date_input(key="chain.as_of").set_value(dt.date(2026, 10, 1)).run()
    assert not app.exception
    assert any("changes made since are undone" in i.value for i in app.info)
    people = app.dataframe[0].value
    assert "谭国" not in set(people["name"])  # joined on 12 October
    history = history_table(app)
    assert "Why" in history.columns and "李娜" in set(history["Who"])
    assert not [b for b in app.button if b.key == f"contact.{PERSON}.save"]  # no editing of the past


@pytest.mark.usefixtures("app_env")
def test_choosing_a_local_name_once(embedded_server: EmbeddedServer) -> None:
    chosen = Path(embedded_server.data_dir) / "local_user.txt"
    chosen.unlink(missing_ok=True)
    try:
        chinese = open_page("app_pages/decision_chain.py", "简体中文")
        assert any("请先在侧栏填写您的名字" in i.value for i in chinese.info)
        app = open_chain()
        assert app.button(key=f"contact.{PERSON}.save").disabled
        app.text_input(key="local_user_name").set_value("  王  磊 ")
        app.button(key="use_local_user").click().run()
        assert not app.exception
        assert chosen_user() == "王 磊"
        assert not app.button(key=f"contact.{PERSON}.save").disabled
    finally:
        chosen.unlink(missing_ok=True)
