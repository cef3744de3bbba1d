"""Accounts: pick a group and a company, see its companies and people."""

import streamlit as st

from graph.analysis.directory import companies, contacts
from ui.i18n import enum_label, t
from ui.store import company_graph, group_graph, require_store

ENUM_COLUMNS = ("buying_role", "stance", "status", "kind")

store = require_store()
st.title(t("accounts.title"))

groups = store.groups()
if not groups:
    st.info(t("overview.empty"))
    st.stop()
group_names = {g["id"]: g["name"] for g in groups}
group_id = st.selectbox(t("accounts.group"), list(group_names), format_func=group_names.__getitem__)
group = group_graph(group_id)
members = companies(group)
choices = ["", *(c.id for c in members)]
names = {c.id: c.name for c in members} | {"": t("accounts.whole_group")}
company_id = st.selectbox(t("accounts.company"), choices, format_func=names.__getitem__)
graph = company_graph(company_id) if company_id else group

st.subheader(t("accounts.companies"))
st.dataframe(
    [{k: enum_label(v) if k in ENUM_COLUMNS else v for k, v in c.model_dump().items()} for c in members],
    hide_index=True,
    width="stretch",
    column_config={
        k: t(f"col.{k}") for k in ("id", "name", "kind", "tier", "city", "industry", "employees", "contacts")
    }
    | {"parent_id": None},
)

st.subheader(t("accounts.contacts"))
needle = st.text_input(t("accounts.search")).strip().casefold()
people = [
    {k: enum_label(v) if k in ENUM_COLUMNS else v for k, v in row.model_dump().items()}
    for row in contacts(graph)
    if not needle or needle in " ".join(filter(None, (row.name, row.title, row.unit))).casefold()
]
if not people:
    st.info(t("accounts.no_contacts"))
else:
    columns = (
        "name",
        "company",
        "unit",
        "title",
        "level",
        "buying_role",
        "stance",
        "status",
        "reports_to",
        "known_by",
        "phone",
        "email",
        "last_verified",
    )
    st.dataframe(
        people,
        hide_index=True,
        width="stretch",
        column_order=columns,
        column_config={c: t(f"col.{c}") for c in columns},
    )
