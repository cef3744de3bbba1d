"""Accounts: pick a group and a company, see the group as its hierarchy and the people in it."""

import streamlit as st

from graph.analysis.directory import companies, contacts
from graph.render.markdown import plain
from ui.cached_store import company_graph, group_graph, require_store
from ui.i18n import t
from ui.tables import count_columns, readable
from ui.worded_choices import worded_choice

ENUM_COLUMNS = ("buying_role", "stance", "status", "kind")
INDENT = "\u3000\u3000"  # two ideographic spaces per level: wide enough to see in CJK and Latin names alike

store = require_store()
st.title(t("accounts.title"))

groups = store.groups()
if not groups:
    st.info(t("overview.empty"))
    st.stop()
group_names = {g["id"]: g["name"] for g in groups}
group_id = st.selectbox(
    t("accounts.group"), list(group_names), format_func=group_names.__getitem__, key="accounts_group"
)
group = group_graph(group_id)
members = companies(group)
choices = ["", *(c.id for c in members if store.sees(c.id))]  # a company's people only where the viewer may see them
names = {c.id: c.name for c in members} | {"": t("accounts.whole_group")}
company_id = worded_choice(
    st.selectbox, t("accounts.company"), choices, format_func=names.__getitem__, key=f"accounts_company_{group_id}"
)
graph = company_graph(company_id) if company_id else group

st.subheader(t("accounts.companies"))
tree = [
    c.model_dump(exclude={"parent_id", "depth"})
    | {"name": INDENT * c.depth + ("└ " if c.depth else "") + c.name}
    | ({} if store.sees(c.id) else {"contacts": None})  # its people are not the viewer's to count
    for c in members
]
companies_frame = readable(tree, ENUM_COLUMNS)
st.dataframe(
    companies_frame,
    hide_index=True,
    width="stretch",
    column_order=("name", "kind", "tier", "city", "industry", "employees", "contacts", "id"),
    column_config={k: t(f"col.{k}") for k in ("id", "kind", "tier", "city", "industry")}
    | count_columns(companies_frame, ("employees", "contacts"), lambda k: t(f"col.{k}"))
    | {"name": st.column_config.TextColumn(t("col.name"), width="large")},
)

st.subheader(t("accounts.contacts"))
needle = st.text_input(t("accounts.search"), key="accounts_search").strip().casefold()
people = [
    row.model_dump()
    for row in contacts(graph)
    if not needle or needle in " ".join(filter(None, (row.name, row.title, row.unit))).casefold()
]
if not people:
    st.info(t("accounts.no_contacts"))
else:
    # Who they are fits the page's width; how to reach them and who knows them open for the row selected.
    columns = ("name", *(("company",) if not company_id else ()), "unit", "title", "level", "buying_role", "stance")
    details = ("status", "reports_to", "known_by", "phone", "email", "last_verified")
    frame = readable(people, ENUM_COLUMNS)
    labels = {"name": t("col.person")}  # a person's name: 姓名, not the 名称 of a company
    picked = st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        column_order=columns,
        column_config={
            c: st.column_config.Column(labels.get(c) or t(f"col.{c}"), width="small" if c == "level" else None)
            for c in columns
        },
        on_select="rerun",
        selection_mode="single-row",
        key="people",
    )
    rows = picked.selection.rows
    if not rows or rows[0] >= len(frame):
        st.caption(t("accounts.pick_person"))
    else:
        person = frame.iloc[rows[0]]
        with st.container(border=True):
            st.markdown(f"**{plain(person['name'])}** · {plain(person['title'])}")
            cells = st.columns(len(details))
            for cell, field in zip(cells, details, strict=True):
                cell.caption(t(f"col.{field}"))
                cell.text(str(person[field]) or "—")
