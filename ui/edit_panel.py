"""The decision-chain page's editing: a contact panel (details, influence, our relationship, touches,
timeline) and forms to add people, departments and companies.

Widgets only: every save goes through ``graph.services.editing``, which validates like
the importer and records the change. A save refused because someone else
saved first shows their values; the next save applies on top of them.
Everything from the data is shown as text (dataframes, ``plain``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import networkx as nx
import pandas as pd
import streamlit as st

from graph.domain.access import Viewer
from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, ChangeSource
from graph.domain.enums import CompanyKind, InfluenceKind, TouchKind
from graph.domain.errors import EditConflict, EditRefused, KagraphError
from graph.render.markdown import plain
from graph.render.numbers import SHARE_FORMAT, share_points
from graph.services import editing
from graph.services.visible_store import VisibleStore
from graph.store import GraphStore
from ui.cached_store import rep_list
from ui.edit_inputs import blank, choice_label, company_people, company_units, contact_fields, reps_to_record
from ui.history_view import timeline_table
from ui.i18n import enum_label, t
from ui.percent_slider import percent_slider
from ui.refusals import conflict_text, problem_text

__all__ = ["add_panel", "contact_panel"]

_FLASH = "edit.flash"


def _author(who: str, action: ActionCode, why: str) -> Author:
    return Author(who=who, source=ChangeSource.EDIT, action=Action.of(action), why=why.strip())


def _opened_version(slot: str, record: str, current: int) -> int:
    """The version the user saw when they opened ``record``'s form: what a save must still find in the store."""
    opened = st.session_state.get(f"opened.{slot}")
    if not opened or opened[0] != record:
        st.session_state[f"opened.{slot}"] = (record, current)
        return current
    return int(opened[1])


def _save(save: Callable[[], object], done: str, slot: str | None = None) -> None:
    """Run one save; on success clear cached graphs and rerun with a note, else say why in words."""
    try:
        save()
    except EditConflict as conflict:
        st.error(plain(conflict_text(conflict)))
        st.dataframe(
            pd.DataFrame([{"field": k, "value": str(v)} for k, v in sorted(conflict.current.items())]),
            hide_index=True,
            column_config={"field": t("edit.field"), "value": t("col.value")},
        )
        if slot:
            st.session_state[f"opened.{slot}"] = (conflict.record_id, int(conflict.current.get("version", 0)))
        st.cache_data.clear()
        return
    except EditRefused as refused:
        st.error(t("edit.refused"))
        for problem in refused.problems:
            st.error(plain(f"{_field_label(problem.field)} «{problem.value}»: {problem_text(problem)}"))
        return
    except KagraphError as error:
        st.error(t("error.generic", reason=plain(error)))
        return
    if slot:
        st.session_state.pop(f"opened.{slot}", None)
    st.cache_data.clear()
    st.session_state[_FLASH] = done
    st.rerun()


def _field_label(field: str) -> str:
    key = f"col.{field}"
    try:
        return t(key)
    except KeyError:
        return field


def contact_panel(
    store: GraphStore, visible: VisibleStore, graph: nx.MultiDiGraph[str], company_id: str, who: str | None
) -> None:
    """Pick a contact of the company; see and change their details, lines, our ties, touches and history.

    ``store`` is what ``visible.editor`` handed out for this company; ``visible`` reads the history.
    """
    if flash := st.session_state.pop(_FLASH, None):
        st.success(flash)
    people = company_people(graph, company_id)
    if not people:
        return
    contact_id = st.selectbox(t("edit.contact"), list(people), format_func=people.__getitem__, key="edit.contact")
    node = graph.nodes[f"Contact:{contact_id}"]
    values = {
        **node,
        "reports_to": tuple(
            graph.nodes[m]["id"] for _, m, d in graph.out_edges(f"Contact:{contact_id}", data=True)
            if d["type"] == "REPORTS_TO"
        ),
    }  # fmt: skip
    details, lines, ours, touches, history = st.tabs(
        [t("edit.tab.details"), t("edit.tab.influence"), t("edit.tab.ours"), t("edit.tab.touch"), t("edit.tab.history")]
    )
    disabled = who is None
    with details:
        _details(store, graph, company_id, values, who, disabled)
    with lines:
        _influence(store, graph, contact_id, people, who, disabled)
    with ours:
        _relationship(store, visible.viewer, graph, contact_id, who, disabled)
    with touches:
        _touch(store, visible.viewer, graph, contact_id, who, disabled)
    with history:
        timeline_table(visible, graph, contact_id=contact_id)


def _details(
    store: GraphStore,
    graph: nx.MultiDiGraph[str],
    company_id: str,
    values: dict[str, Any],
    who: str | None,
    disabled: bool,
) -> None:
    contact_id = str(values["id"])
    version = _opened_version("contact", contact_id, int(values.get("version", 0)))
    prefix = f"contact.{contact_id}"
    with st.form(prefix):
        fields = contact_fields(prefix, values, company_units(graph, company_id), company_people(graph, company_id))
        why = st.text_input(t("edit.why"), key=f"{prefix}.why")
        saved = st.form_submit_button(t("edit.save"), type="primary", disabled=disabled, key=f"{prefix}.save")
    if saved and who:
        merged = {**values, **fields}
        _save(
            lambda: editing.save_contact(store, merged, _author(who, ActionCode.EDIT_CONTACT, why), version),
            t("edit.saved.contact", name=plain(fields["name"])),
            "contact",
        )
    quick = st.columns(2)
    if quick[0].button(t("edit.mark_left"), key=f"{prefix}.left", disabled=disabled or values.get("status") == "left"):
        assert who
        _save(
            lambda: editing.mark_left(store, contact_id, _author(who, ActionCode.MARK_AS_LEFT, ""), version),
            t("edit.saved.left", name=plain(values.get("name", contact_id))),
            "contact",
        )
    if quick[1].button(t("edit.verified"), key=f"{prefix}.verified", disabled=disabled):
        assert who
        _save(
            lambda: editing.mark_verified(
                store, contact_id, _author(who, ActionCode.MARK_AS_VERIFIED, ""), version, dt.date.today()
            ),
            t("edit.saved.verified", name=plain(values.get("name", contact_id))),
            "contact",
        )
    if values.get("last_verified"):
        st.caption(t("edit.last_verified", day=plain(values["last_verified"])))


def _influence_lines(graph: nx.MultiDiGraph[str], contact_id: str) -> list[dict[str, Any]]:
    key = f"Contact:{contact_id}"
    lines: list[dict[str, Any]] = []
    for source, _, data in graph.in_edges(key, data=True):
        if data["type"] == "INFLUENCES" and graph.nodes[source]["label"] == "Contact":
            lines.append({"from_id": graph.nodes[source]["id"], "to_id": contact_id, **data})
    for _, target, data in graph.out_edges(key, data=True):
        if data["type"] == "INFLUENCES":
            lines.append({"from_id": contact_id, "to_id": graph.nodes[target]["id"], **data})
    return lines


def _influence(
    store: GraphStore,
    graph: nx.MultiDiGraph[str],
    contact_id: str,
    people: dict[str, str],
    who: str | None,
    disabled: bool,
) -> None:
    names = {**{str(d["id"]): str(d.get("name", d["id"])) for _, d in graph.nodes(data=True)}, **people}
    lines = _influence_lines(graph, contact_id)
    if lines:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "from": names.get(line["from_id"], line["from_id"]),
                        "to": names.get(line["to_id"], line["to_id"]),
                        "kind": enum_label(line.get("kind", "other")),
                        "weight": share_points(float(line.get("weight", 0.5))),
                    }
                    for line in lines
                ]
            ),
            hide_index=True,
            column_config={
                "from": t("edit.influencer"),
                "to": t("edit.influenced"),
                "kind": t("col.kind"),
                "weight": st.column_config.ProgressColumn(
                    t("edit.weight"), min_value=0, max_value=100, format=SHARE_FORMAT
                ),
            },
        )
    else:
        st.caption(t("edit.no_lines"))
    prefix = f"influence.{contact_id}"
    others = [p for p in people if p != contact_id]
    with st.form(prefix):
        other = st.selectbox(t("edit.other_person"), others, format_func=people.__getitem__, key=f"{prefix}.other")
        direction = st.radio(
            t("edit.direction"),
            ["out", "in"],
            format_func=lambda d: t(f"edit.direction.{d}", name=plain(people[contact_id])),  # radio labels are Markdown
            horizontal=True,
            key=f"{prefix}.direction",
        )
        kind = st.selectbox(t("col.kind"), list(InfluenceKind), format_func=choice_label, key=f"{prefix}.kind")
        weight = percent_slider(st.slider, t("edit.weight"), 0.5, key=f"{prefix}.weight")
        why = st.text_input(t("edit.why"), key=f"{prefix}.why")
        saved = st.form_submit_button(t("edit.save_line"), disabled=disabled or not others, key=f"{prefix}.save")
    if saved and who and other:
        ends = (contact_id, other) if direction == "out" else (other, contact_id)
        line = {"from_id": ends[0], "to_id": ends[1], "kind": kind, "weight": weight}
        _save(
            lambda: editing.save_influence(store, line, _author(who, ActionCode.DRAW_INFLUENCE, why)),
            t("edit.saved.line"),
        )
    if not lines:
        return
    labels = {
        i: f"{names.get(line['from_id'], line['from_id'])} → {names.get(line['to_id'], line['to_id'])} "
        f"({enum_label(line.get('kind', 'other'))})"
        for i, line in enumerate(lines)
    }
    chosen = st.selectbox(t("edit.line_to_remove"), list(labels), format_func=labels.__getitem__, key=f"{prefix}.pick")
    if st.button(t("edit.remove_line"), key=f"{prefix}.remove", disabled=disabled):
        assert who
        withdrawn = lines[chosen]
        _save(
            lambda: editing.remove_influence(
                store,
                withdrawn["from_id"],
                withdrawn["to_id"],
                InfluenceKind(str(withdrawn.get("kind", "other"))),
                _author(who, ActionCode.REMOVE_INFLUENCE, ""),
            ),
            t("edit.saved.removed"),
        )


def _relationship(
    store: GraphStore, viewer: Viewer, graph: nx.MultiDiGraph[str], contact_id: str, who: str | None, disabled: bool
) -> None:
    reps = reps_to_record(rep_list(), viewer)
    if not reps:
        st.caption(t("edit.no_reps"))
        return
    prefix = f"ours.{contact_id}"
    rep_id = st.selectbox(t("col.rep"), list(reps), format_func=reps.__getitem__, key=f"{prefix}.rep")
    known = graph.get_edge_data(f"Rep:{rep_id}", f"Contact:{contact_id}", "KNOWS:") or {}
    with st.form(f"{prefix}.{rep_id}"):
        labels = {
            "closeness": t("edit.closeness"),
            "solution_acceptance": t("edit.solution_acceptance"),
            "price_acceptance": t("edit.price_acceptance"),
        }
        scores = {
            name: st.slider(label, 1, 5, int(known.get(name, 3)), key=f"{prefix}.{rep_id}.{name}")
            for name, label in labels.items()
        }
        why = st.text_input(t("edit.why"), key=f"{prefix}.{rep_id}.why")
        saved = st.form_submit_button(t("edit.save"), disabled=disabled, key=f"{prefix}.{rep_id}.save")
    if saved and who:
        values = {"rep_id": rep_id, "contact_id": contact_id, "since": known.get("since"), **scores}
        _save(
            lambda: editing.save_relationship(
                store, values, _author(who, ActionCode.SCORE_RELATIONSHIP, why), viewer=viewer
            ),
            t("edit.saved.relationship"),
        )


def _touch(
    store: GraphStore, viewer: Viewer, graph: nx.MultiDiGraph[str], contact_id: str, who: str | None, disabled: bool
) -> None:
    reps = reps_to_record(rep_list(), viewer)
    deals = {
        str(d["id"]): str(d.get("name", d["id"])) for _, d in graph.nodes(data=True) if d["label"] == "Opportunity"
    }
    prefix = f"touch.{contact_id}"
    with st.form(prefix):
        left, right = st.columns(2)
        day = left.date_input(t("col.date"), value=dt.date.today(), key=f"{prefix}.date")
        rep_id = right.selectbox(t("col.rep"), list(reps), format_func=reps.__getitem__, key=f"{prefix}.rep")
        kind = left.selectbox(t("col.touch_kind"), list(TouchKind), format_func=choice_label, key=f"{prefix}.kind")
        deal = right.selectbox(
            t("chain.opportunity"),
            [None, *deals],
            format_func=lambda d: "—" if d is None else deals[d],
            key=f"{prefix}.deal",
        )
        note = st.text_area(t("edit.note"), key=f"{prefix}.note")
        saved = st.form_submit_button(t("edit.log_touch"), disabled=disabled or not reps, key=f"{prefix}.save")
    if saved and who:
        values = {
            "date": day,
            "rep_id": rep_id,
            "contact_id": contact_id,
            "kind": kind,
            "opportunity_id": deal,
            "note": blank(note),
        }
        _save(
            lambda: editing.log_touch(store, values, _author(who, ActionCode.LOG_TOUCH, ""), viewer=viewer),
            t("edit.saved.touch"),
        )


def add_panel(
    store: GraphStore,
    graph: nx.MultiDiGraph[str],
    company_id: str,
    companies: dict[str, dict[str, Any]],
    who: str | None,
) -> None:
    """Forms to add a contact or a department to this company, or a company or branch to the group."""
    disabled = who is None
    prefix = f"add.{company_id}"
    person, unit, company = st.tabs([t("edit.add.contact"), t("edit.add.unit"), t("edit.add.company")])
    units = company_units(graph, company_id)
    with person, st.form(f"{prefix}.contact", clear_on_submit=False):
        fields = contact_fields(f"{prefix}.contact", {"id": None}, units, company_people(graph, company_id))
        why = st.text_input(t("edit.why"), key=f"{prefix}.contact.why")
        saved = st.form_submit_button(t("edit.add"), type="primary", disabled=disabled, key=f"{prefix}.contact.save")
    if saved and who:
        values = {**fields, "company_id": company_id}
        _save(
            lambda: editing.save_contact(store, values, _author(who, ActionCode.ADD_CONTACT, why)),
            t("edit.saved.contact", name=plain(fields["name"])),
        )
    with unit, st.form(f"{prefix}.unit"):
        name = st.text_input(t("col.name"), key=f"{prefix}.unit.name")
        parent = st.selectbox(
            t("edit.parent_unit"),
            [None, *units],
            format_func=lambda u: "—" if u is None else units[u],
            key=f"{prefix}.unit.parent",
        )
        added = st.form_submit_button(t("edit.add"), disabled=disabled, key=f"{prefix}.unit.save")
    if added and who:
        values = {"name": name, "company_id": company_id, "parent_id": parent}
        _save(
            lambda: editing.save_unit(store, values, _author(who, ActionCode.ADD_DEPARTMENT, "")),
            t("edit.saved.unit", name=plain(name)),
        )
    with company, st.form(f"{prefix}.company"):
        left, right = st.columns(2)
        name = left.text_input(t("col.name"), key=f"{prefix}.company.name")
        parent = right.selectbox(
            t("edit.parent_company"),
            [None, *companies],
            index=1 + list(companies).index(company_id) if company_id in companies else 0,
            format_func=lambda c: t("edit.no_parent") if c is None else str(companies[c]["name"]),
            key=f"{prefix}.company.parent",
        )
        kinds = list(CompanyKind)
        kind = left.selectbox(t("col.kind"), kinds, index=1, format_func=choice_label, key=f"{prefix}.company.kind")
        city = right.text_input(t("col.city"), key=f"{prefix}.company.city")
        tier = left.selectbox(t("col.tier"), [1, 2, 3], index=2, key=f"{prefix}.company.tier")
        employees = right.number_input(t("col.employees"), min_value=0, value=0, key=f"{prefix}.company.employees")
        created = st.form_submit_button(t("edit.add"), disabled=disabled, key=f"{prefix}.company.save")
    if created and who:
        values = {
            "name": name,
            "parent_id": parent,
            "kind": kind if parent else CompanyKind.HQ,
            "city": blank(city),
            "tier": tier,
            "employees": employees or None,
        }
        _save(
            lambda: editing.save_company(store, values, _author(who, ActionCode.ADD_COMPANY, "")),
            t("edit.saved.company", name=plain(name)),
        )
