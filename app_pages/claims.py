"""Claims (报备): who holds which enterprise until when, collisions (撞单), the protection search, credit split."""

import datetime as dt

import pandas as pd
import streamlit as st

from graph.analysis.claims import DEFAULT_PROTECTION_DAYS, ClaimPolicy, claims_report
from graph.analysis.credit_split import DEFAULT_WEIGHTS, Party, StageWeights, credit_split
from graph.render.markdown import plain
from graph.service import protection_search
from ui.i18n import enum_label, t
from ui.store import claims_graph, company_names, require_store

store = require_store()
st.title(t("claims.title"))
st.caption(t("claims.intro"))

groups = {g["id"]: g["name"] for g in store.groups()}
with st.expander(t("claims.settings")):
    knobs = st.columns(5)
    as_of = knobs[0].date_input(t("chain.as_of"), value=dt.date.today())
    days = knobs[1].number_input(t("claims.days"), 1, 365, DEFAULT_PROTECTION_DAYS)
    tier_days = {
        tier: int(knobs[1 + tier].number_input(t("claims.tier_days", tier=tier), 1, 365, int(days)))
        for tier in (1, 2, 3)
    }
    separate = st.multiselect(t("claims.separate"), list(groups), format_func=groups.__getitem__)
    team_shares = st.toggle(t("claims.team_shares"), value=True)
policy = ClaimPolicy(int(days), tier_days, frozenset(separate), team_shares)

report = claims_report(claims_graph(), as_of, policy)
companies = company_names()
query = st.text_input(t("claims.search"), key="protection_query").strip()
if query:
    hits = protection_search(store, query, report, companies)
    if not hits:
        st.info(t("claims.search.none"))
    for hit in hits:
        if hit.protected:
            text = t(
                "claims.search.protected",
                company=hit.company_name,
                holder=hit.holder_name,
                channel=enum_label(hit.channel),
                expires=hit.expires_on,
            )
            st.warning(plain(text), icon=":material/lock:")
        else:
            st.success(plain(t("claims.search.free", company=hit.company_name)), icon=":material/lock_open:")

figures = st.columns(4)
for column, state in zip(figures, ("live", "lapsed", "refused"), strict=False):
    column.metric(t(f"claims.metric.{state}"), sum(1 for c in report.claims if c.status == state))
figures[3].metric(t("claims.metric.collisions"), len(report.collisions))

names = {c["id"]: c["name"] for c in companies}
claims_tab, collisions_tab, split_tab = st.tabs(
    [t("claims.tab.claims"), t("claims.tab.collisions"), t("claims.tab.split")]
)
with claims_tab:
    if not report.claims:
        st.info(t("claims.no_claims"))
    else:
        st.dataframe(
            [
                {
                    "company": names.get(c.company_id, c.company_id),
                    "group": groups.get(c.group_id, c.group_id),
                    "holder": c.rep_name,
                    "channel": enum_label(c.channel),
                    "claimed_on": c.claimed_on,
                    "expires_on": c.expires_on,
                    "renewed": c.renewed,
                    "status": enum_label(c.status),
                    "reason": c.reason,
                }
                for c in reversed(report.claims)
            ],
            hide_index=True,
            width="stretch",
            column_config={k: t(f"col.{k}") for k in ("company", "group", "holder", "channel", "status", "reason")}
            | {k: st.column_config.DateColumn(t(f"col.{k}")) for k in ("claimed_on", "expires_on")}
            | {"renewed": st.column_config.CheckboxColumn(t("col.renewed"))},
        )
with collisions_tab:
    if not report.collisions:
        st.info(t("claims.no_collisions"))
    else:
        holders = {c.id: c.rep_name for c in report.claims}
        st.dataframe(
            [
                {
                    "date": c.date,
                    "group": groups.get(c.group_id, c.group_id),
                    "holder": holders.get(c.claim_id, c.claim_rep_id),
                    "channel": enum_label(c.claim_channel),
                    "other_rep": c.other_rep_name,
                    "other_channel": enum_label(c.other_channel),
                    "contact": c.contact_name,
                    "company": names.get(c.company_id, c.company_id),
                    "touch_kind": enum_label(c.kind),
                }
                for c in reversed(report.collisions)
            ],
            hide_index=True,
            width="stretch",
            column_config={
                k: t(f"col.{k}")
                for k in (
                    "group",
                    "holder",
                    "channel",
                    "other_rep",
                    "other_channel",
                    "contact",
                    "company",
                    "touch_kind",
                )
            }
            | {"date": st.column_config.DateColumn(t("col.date"))},
        )
with split_tab:
    st.caption(t("claims.split.intro"))
    weights = st.columns(3)
    stage_weights = StageWeights(
        first_touch=weights[0].slider(t("claims.split.first_touch"), 0.0, 1.0, DEFAULT_WEIGHTS.first_touch, 0.05),
        process=weights[1].slider(t("claims.split.process"), 0.0, 1.0, DEFAULT_WEIGHTS.process, 0.05),
        signing=weights[2].slider(t("claims.split.signing"), 0.0, 1.0, DEFAULT_WEIGHTS.signing, 0.05),
    )
    starting = pd.DataFrame(
        [
            {"party": "电销 Telesales", "first_touch": True, "contribution": 20.0, "signed": False},
            {"party": "直销 Direct", "first_touch": False, "contribution": 60.0, "signed": True},
            {"party": "渠道 Partner", "first_touch": False, "contribution": 20.0, "signed": False},
        ]
    )
    edited = st.data_editor(
        starting,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        key="split_parties",
        column_config={
            "party": st.column_config.TextColumn(t("col.party"), required=True),
            "first_touch": st.column_config.CheckboxColumn(t("col.first_touch")),
            "contribution": st.column_config.NumberColumn(t("col.contribution"), min_value=0.0),
            "signed": st.column_config.CheckboxColumn(t("col.signed")),
        },
    )
    parties = [
        Party(
            name=str(row["party"]),
            first_touch=bool(row["first_touch"]),
            contribution=float(row["contribution"] or 0.0),
            signed=bool(row["signed"]),
        )
        for row in edited.to_dict("records")
        if str(row.get("party") or "").strip()
    ]
    shares = credit_split(parties, stage_weights)
    st.dataframe(
        [share.model_dump() for share in shares],
        hide_index=True,
        width="stretch",
        column_config={"name": t("col.party")}
        | {
            k: st.column_config.ProgressColumn(t(f"col.{k}"), min_value=0.0, max_value=1.0, format="percent")
            for k in ("first_touch", "process", "signing", "total")
        },
    )
