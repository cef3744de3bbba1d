"""Overview: what is in the store, group by group."""

import datetime as dt

import streamlit as st

from graph.analysis.claims import claims_report
from ui.claims_desk import attention_panel
from ui.i18n import t
from ui.store import claim_policy, claims_graph, company_names, rep_list, require_store

store = require_store()
st.title(t("overview.title"))
st.caption(t("overview.intro"))

counts = store.counts()
labels = ("Company", "Contact", "Rep", "Opportunity", "Claim", "relationships")
for column, label in zip(st.columns(len(labels)), labels, strict=True):
    column.metric(t(f"label.{label}"), f"{counts.get(label, 0):,}")

groups = store.groups()
claims_now = store.visible_claims(claims_report(claims_graph(), dt.date.today(), claim_policy()[0]))
names = {str(c["id"]): str(c["name"]) for c in company_names()}
attention_panel(claims_now, names, names, rep_list())  # a group is named by its root company

st.subheader(t("overview.groups"))
if not groups:
    st.info(t("overview.empty"))
else:
    st.dataframe(
        groups,
        hide_index=True,
        width="stretch",
        column_config={
            "id": t("col.id"),
            "name": t("col.name"),
            "tier": t("col.tier"),
            "industry": t("col.industry"),
            "companies": t("col.companies"),
            "contacts": t("col.contacts"),
        },
    )
