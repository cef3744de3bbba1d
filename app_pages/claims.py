"""Claims (报备): what needs attention, "is it already protected?", file / release / settle, the pool, the policy."""

import datetime as dt

import pandas as pd
import streamlit as st

from graph.analysis.credit_split import DEFAULT_WEIGHTS, Party, StageWeights, credit_split
from graph.analysis.protection import by_scope
from graph.render.markdown import plain
from graph.services.account_views import protection_search
from graph.services.claims_view import claims_on
from ui.cached_store import claim_policy, company_names, current_user, rep_list, require_store
from ui.claim_lines import covered_text, matched_names, protected_until, reason_text
from ui.claims_desk import (
    attention_panel,
    claim_button,
    file_form,
    policy_editor,
    release_form,
    settle_form,
    show_outcome,
)
from ui.i18n import enum_label, t
from ui.percent_slider import percent_slider
from ui.worded_choices import worded_tabs

store = require_store()
st.title(t("claims.title"))
st.caption(t("claims.intro"))
policy, policy_path = claim_policy()
today = dt.date.today()
as_of = st.date_input(t("claims.as_of"), value=today, key="claims.as_of")
who = current_user()
can_decide = who is not None and as_of == today
if as_of != today:
    st.info(t("claims.as_of.elsewhere", day=as_of))
elif who is None:
    st.info(t("claims.who_needed"))

everyone = claims_on(store, as_of, policy)  # "is it protected?" answers for every enterprise
report = store.visible_claims(everyone)  # the lists: what the viewer's team is part of, and the whole pool
companies = company_names()
names = {str(c["id"]): str(c["name"]) for c in companies}
groups = {str(c["id"]): str(c["name"]) for c in companies if not c.get("parent_id")}  # every group, by its root
reps = rep_list()

figures = st.columns(6)
for column, state in zip(figures, ("live", "lapsed", "released", "refused"), strict=False):
    column.metric(t(f"claims.metric.{state}"), sum(1 for c in report.claims if c.status == state))
figures[4].metric(t("claims.metric.pool"), len(report.pool))
figures[5].metric(t("claims.metric.waiting"), sum(1 for d in report.disputes if d.waiting))

attention_panel(report, names, reps)

query = st.text_input(t("claims.search"), key="protection_query").strip()
if query:
    separate = policy.separate_branches
    found = by_scope(protection_search(store, query, everyone, companies), separate)
    if not found:
        st.info(t("claims.search.none"))
    for number, scope in enumerate(found):  # one answer per enterprise: one claim covers every company in it
        hit = scope.hits[0]
        matched = matched_names([h.company_name for h in scope.hits])
        covered = covered_text(scope.scope_id, scope.group_id, "", names, separate)
        if hit.protected:
            text = t(
                "claims.search.protected",
                company=matched,
                holder=hit.holder_name,
                channel=enum_label(hit.channel),
                expires=hit.expires_on,
                covered=covered,
            )
            st.warning(plain(text), icon=":material/lock:")
        else:
            st.success(plain(t("claims.search.free", company=matched, covered=covered)), icon=":material/lock_open:")
            if can_decide:
                scope_name = names.get(scope.scope_id, scope.scope_id)
                claim_button(scope.scope_id, scope_name, key=f"claims.search.claim.{number}")

file_form(store, names, reps, who, policy, can_decide)
show_outcome()

TABS = ("claims", "disputes", "pool", "collisions", "policy", "split")
claims_tab, disputes_tab, pool_tab, collisions_tab, policy_tab, split_tab = worded_tabs(
    TABS, key="claims.tab", format_func=lambda tab: t(f"claims.tab.{tab}")
)  # a decision's rerun or a language switch reopens the tab it was made in
with claims_tab:
    if not report.claims:
        st.info(t("claims.no_claims"))
    else:
        st.dataframe(
            [
                {
                    "covers": covered_text(c.scope_id, c.group_id, c.company_id, names, policy.separate_branches),
                    "holder": c.rep_name,
                    "channel": enum_label(c.channel),
                    "claimed_on": c.claimed_on,
                    "expires_on": protected_until(c),
                    "status": enum_label(c.status),
                    "reason": reason_text(c),
                }
                for c in reversed(report.claims)
            ],
            hide_index=True,
            width="stretch",
            column_config={
                k: st.column_config.Column(t(f"col.{k}"), width="small") for k in ("holder", "channel", "status")
            }
            | {"covers": st.column_config.TextColumn(t("col.covers"), width="medium")}
            | {"reason": st.column_config.TextColumn(t("col.reason"))}
            | {"claimed_on": st.column_config.DateColumn(t("col.claimed_on")), "expires_on": t("col.expires_on")},
        )
    release_form(store, report, names, who, policy, can_decide)
with disputes_tab:
    if report.disputes:
        st.dataframe(
            [
                {
                    "covers": covered_text(d.scope_id, d.group_id, "", names, policy.separate_branches),
                    "holder": d.holder_name,
                    "other_rep": d.other_rep_name,
                    "other_channel": enum_label(d.other_channel),
                    "kind": enum_label(d.kind),
                    "first_date": d.first_date,
                    "last_date": d.last_date,
                    "touches": d.touches,
                    "settlement": enum_label(d.settlement.decision) if d.settlement else "",
                }
                for d in reversed(report.disputes)
            ],
            hide_index=True,
            width="stretch",
            column_config={k: t(f"col.{k}") for k in ("covers", "other_channel", "settlement")}
            | {k: st.column_config.Column(t(f"col.{k}"), width="small") for k in ("holder", "other_rep", "kind")}
            | {"touches": st.column_config.NumberColumn(t("col.touches"), width="small")}
            | {k: st.column_config.DateColumn(t(f"col.{k}"), width="small") for k in ("first_date", "last_date")},
        )
    settle_form(store, report, names, who, policy, can_decide)
with pool_tab:
    st.caption(t("claims.pool.intro"))
    if not report.pool:
        st.info(t("claims.pool.empty"))
    else:
        st.dataframe(
            [
                {
                    "covers": covered_text(p.scope_id, p.group_id, "", names, policy.separate_branches),
                    "since": p.since,
                    "how": enum_label(p.how),
                    "last_holder": p.last_holder_name,
                }
                for p in report.pool
            ],
            hide_index=True,
            width="stretch",
            column_config={k: t(f"col.{k}") for k in ("covers", "how", "last_holder")}
            | {"since": st.column_config.DateColumn(t("col.since"))},
        )
        if can_decide:
            for number, entry in enumerate(report.pool[:10]):
                claim_button(
                    entry.scope_id, names.get(entry.scope_id, entry.scope_id), key=f"claims.pool.claim.{number}"
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
with policy_tab:
    policy_editor(policy_path, policy, groups, who is not None and store.viewer.runs_the_desk)
with split_tab:
    st.caption(t("claims.split.intro"))
    weights = st.columns(3)
    stage_weights = StageWeights(
        first_touch=percent_slider(
            weights[0].slider, t("claims.split.first_touch"), DEFAULT_WEIGHTS.first_touch, key="split_first_touch"
        ),
        process=percent_slider(
            weights[1].slider, t("claims.split.process"), DEFAULT_WEIGHTS.process, key="split_process"
        ),
        signing=percent_slider(
            weights[2].slider, t("claims.split.signing"), DEFAULT_WEIGHTS.signing, key="split_signing"
        ),
    )
    starting = pd.DataFrame(
        [
            {"party": enum_label("telesales"), "first_touch": True, "contribution": 20.0, "signed": False},
            {"party": enum_label("direct"), "first_touch": False, "contribution": 60.0, "signed": True},
            {"party": enum_label("partner"), "first_touch": False, "contribution": 20.0, "signed": False},
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
