"""Overview: what is in the store, group by group."""

import streamlit as st

from ui.i18n import t
from ui.store import require_store

store = require_store()
st.title(t("overview.title"))
st.caption(t("overview.intro"))

counts = store.counts()
labels = ("Company", "Contact", "Rep", "Opportunity", "Claim", "relationships")
for column, label in zip(st.columns(len(labels)), labels, strict=True):
    column.metric(t(f"label.{label}"), f"{counts.get(label, 0):,}")

st.subheader(t("overview.groups"))
groups = store.groups()
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
