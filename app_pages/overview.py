"""Overview: what is in the store, group by group."""

import datetime as dt

import streamlit as st

from graph.services.claims_view import claims_on
from ui.cached_store import claim_policy, company_names, rep_list, require_store
from ui.claims_desk import attention_panel
from ui.i18n import t
from ui.phrases import listing

ACCESS_LOG_DAYS = 30

store = require_store()
st.title(t("overview.title"))
st.caption(t("overview.intro"))

counts = store.counts()
labels = ("Company", "Contact", "Rep", "Opportunity", "Claim", "relationships")
for column, label in zip(st.columns(len(labels)), labels, strict=True):
    column.metric(t(f"label.{label}"), f"{counts.get(label, 0):,}")

groups = store.groups()
claims_now = store.visible_claims(claims_on(store, dt.date.today(), claim_policy()[0]))
names = {str(c["id"]): str(c["name"]) for c in company_names()}
attention_panel(claims_now, names, rep_list())

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

if store.viewer.sees_everything and not store.viewer.local:  # a team deployment's audit trail
    with st.expander(t("overview.access_log", days=ACCESS_LOG_DAYS)):
        records = store.access_log(dt.date.today() - dt.timedelta(days=ACCESS_LOG_DAYS))
        if not records:
            st.caption(t("overview.access_log.empty"))
        else:
            st.dataframe(
                [
                    {
                        "at": r.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                        "who": r.who,
                        "what": t(f"history.what.{r.what}"),
                        "file": r.file or "",
                        "accounts": listing(names.get(c, c) for c in r.company_ids),
                    }
                    for r in records
                ],
                hide_index=True,
                width="stretch",
                column_config={k: t(f"history.col.{k}") for k in ("at", "what")}
                | {"who": t("overview.access_log.who"), "file": t("col.file"), "accounts": t("col.accounts")},
            )
