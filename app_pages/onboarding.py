"""Onboarding: the digest of an inherited account for its new owner, and the handover of a leaving rep."""

import datetime as dt
from collections.abc import Mapping
from typing import Any

import streamlit as st

from graph.domain.errors import EditRefused, KagraphError
from graph.render.digest import digest_html, digest_markdown, digest_print_page
from graph.render.markdown import plain
from graph.render.numbers import MONEY_FORMAT, SCORE_FORMAT, influence_points, score
from graph.services.account_views import account_onboarding, hand_over
from ui.cached_store import claim_policy, company_names, current_user, require_store
from ui.digest_text import digest_document, meeting_reason, stale_reason, threat_text
from ui.downloads import recorded_download, recorded_print
from ui.focus import group_picker
from ui.i18n import enum_label, t
from ui.phrases import listing, roles_text
from ui.refusals import problem_text

store = require_store()
st.title(t("onboarding.title"))
st.caption(t("onboarding.intro"))

pick = st.columns([2, 2, 2, 1], vertical_alignment="bottom")
group_id = group_picker(store, pick[0])
reps = {str(r["id"]): r for r in store.reps()}
if not reps:
    st.info(t("overview.empty"))
    st.stop()
active = [rid for rid, r in reps.items() if r.get("status", "active") == "active"]
members = {c["id"]: c["name"] for c in store.group_companies(group_id) if c["full"]}
company_id = pick[1].selectbox(
    t("accounts.company"), list(members), format_func=members.__getitem__, key=f"onboarding_company_{group_id}"
)
new_owner = pick[2].selectbox(
    t("onboarding.new_owner"), active, format_func=lambda r: str(reps[r].get("name", r)), key="onboarding_owner"
)
whole_group = pick[3].toggle(t("onboarding.whole_group"), key="onboarding_whole_group")
as_of = st.date_input(t("chain.as_of"), value=dt.date.today(), key="onboarding_as_of")

digest = account_onboarding(store, company_id, new_owner, as_of, whole_group)
names = {c["id"]: c["name"] for c in company_names()}
if digest.previous_owners:
    st.caption(plain(t("onboarding.previous", names=listing(digest.previous_owner_names))))


def table(heading: str, rows: list[dict[str, object]], columns: Mapping[str, Any]) -> None:
    st.subheader(t(heading))
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch", column_config=columns)
    else:
        st.caption(t("onboarding.nothing"))


table(
    "onboarding.first_meetings",
    [{"person": m.name, "title": m.title, "why_first": meeting_reason(m)} for m in digest.first_meetings],
    {k: t(f"col.{k}") for k in ("person", "title", "why_first")},
)
table(
    "onboarding.key_people",
    [
        {
            "person": p.name,
            "title": p.title,
            "company": names.get(p.company_id or "", p.company_id),
            "influence": influence_points(p.influence),
            "buying_role": enum_label(p.buying_role),
            "stance": enum_label(p.stance),
            "known_by_reps": listing(f"{a.rep_name} {score(a.strength)}" for a in p.known_by),
            "you": p.new_owner_strength,
        }
        for p in digest.key_people
    ],
    {k: t(f"col.{k}") for k in ("person", "title", "company", "buying_role", "stance", "known_by_reps")}
    | {
        "influence": st.column_config.ProgressColumn(
            t("col.influence"), min_value=0, max_value=100, format=SCORE_FORMAT
        ),
        "you": st.column_config.NumberColumn(t("col.you"), format=SCORE_FORMAT),
    },
)
table(
    "onboarding.handover",
    [
        {
            "from_rep": h.rep_name,
            "contact": h.contact_name,
            "title": h.title,
            "score": h.strength,
            "importance": h.importance * 100,
            "you": h.new_owner_strength,
        }
        for h in digest.handover
    ],
    {k: t(f"col.{k}") for k in ("from_rep", "contact", "title")}
    | {k: st.column_config.NumberColumn(t(f"col.{k}"), format=SCORE_FORMAT) for k in ("score", "importance", "you")},
)
table(
    "onboarding.opportunities",
    [
        {
            "name": o.name,
            "stage": enum_label(o.stage),
            "amount": o.amount,
            "close_date": o.close_date,
            "missing_roles": roles_text(o.missing_roles),
            "uncovered": len(o.uncovered_decision_makers),
        }
        for o in digest.open_opportunities
    ],
    {k: t(f"col.{k}") for k in ("name", "stage", "missing_roles", "uncovered")}
    | {
        "amount": st.column_config.NumberColumn(t("col.amount"), format=MONEY_FORMAT),
        "close_date": st.column_config.DateColumn(t("col.close_date")),
    },
)
table(
    "onboarding.threats",
    [
        {"competitor": th.competitor, "company": names.get(th.company_id or "", ""), "detail": threat_text(th)}
        for th in digest.threats
    ],
    {k: t(f"col.{k}") for k in ("competitor", "company", "detail")},
)
table(
    "onboarding.stale",
    [{"person": s.name, "reason": stale_reason(s)} for s in digest.stale],
    {k: t(f"col.{k}") for k in ("person", "reason")},
)
document = digest_document(digest, names)
downloads = st.columns(3)
covered = [company_id] if not whole_group else list(members)
recorded_download(
    downloads[0], store, t("onboarding.download_md"), lambda: digest_markdown(document),
    t("file.digest_md", company=company_id), "text/markdown", covered,
)  # fmt: skip
recorded_download(
    downloads[1], store, t("onboarding.download_html"), lambda: digest_html(document),
    t("file.digest_html", company=company_id), "text/html", covered,
)  # fmt: skip
recorded_print(
    downloads[2], store, t("onboarding.print"), lambda n: digest_print_page(document, n, t("onboarding.print.again")),
    t("file.digest_pdf", company=company_id), covered, key="onboarding_print",
)  # fmt: skip

st.divider()
st.subheader(t("onboarding.handover_title"))
leavers = [rid for rid in active if store.viewer.hands_over(rid)]
if not leavers:
    st.caption(t("onboarding.handover_not_yours"))
    st.stop()
leaving = st.selectbox(
    t("onboarding.leaving"), leavers, format_func=lambda r: str(reps[r].get("name", r)), key="leaving_rep"
)
accounts = store.rep_accounts(leaving)
if not accounts:
    st.caption(t("onboarding.no_accounts"))
else:
    others = [r for r in active if r != leaving and store.viewer.acts_for(r)]
    successors = {
        account: st.selectbox(
            t("onboarding.successor", company=names.get(account, account)),
            others,
            format_func=lambda r: str(reps[r].get("name", r)),
            key=f"successor_{account}",
        )
        for account in accounts
    }
    who = current_user()
    if who is None:
        st.info(t("edit.need_name"), icon=":material/badge:")
    why = st.text_input(t("edit.why"), key="handover_why")
    if st.button(t("onboarding.confirm"), type="primary", key="hand_over", disabled=who is None) and who:
        try:
            done = hand_over(
                store.handover(leaving), leaving, successors, as_of, who, why, claim_policy()[0], viewer=store.viewer
            )
        except EditRefused as refused:
            st.error(plain("; ".join(problem_text(p) for p in refused.problems)))
        except KagraphError as error:
            st.error(t("error.generic", reason=error))
        else:
            st.cache_data.clear()
            moved = sum(len(a.opportunities_moved) for a in done.accounts)
            claims = sum(a.claim_transferred for a in done.accounts)
            name = reps[leaving].get("name", leaving)
            st.success(plain(t("onboarding.done", rep=name, deals=moved, claims=claims)))
            for account in done.accounts:
                st.markdown(f"**{plain(names.get(account.company_id, account.company_id))}**")
                st.dataframe(
                    [{"contact": h.contact_name, "title": h.title, "score": h.strength} for h in account.relationships],
                    hide_index=True,
                    width="stretch",
                    column_config={k: t(f"col.{k}") for k in ("contact", "title")}
                    | {"score": st.column_config.NumberColumn(t("col.score"), format=SCORE_FORMAT)},
                )
