"""The claims desk's forms (file, release, settle, the policy) and its sentences, for the Claims page and others.

Each form calls one use case of ``graph.services.claiming`` and shows its outcome in
one line after the rerun; a refusal or a bad request is a readable line too,
never a traceback. Names come from spreadsheets, so every sentence is
escaped before Streamlit renders it as Markdown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import streamlit as st

from graph.analysis.claim_attention import (
    EXPIRING_DAYS,
    RETURNED_DAYS,
    SplitEvidence,
    attention,
    dispute_split,
    split_evidence,
)
from graph.analysis.claim_book import ClaimsReport
from graph.analysis.claim_disputes import Dispute
from graph.analysis.claim_status import ClaimStatus
from graph.analysis.credit_split import DEFAULT_WEIGHTS
from graph.config.claim_policy_file import save_policy
from graph.domain.claim_policy import ClaimPolicy, TierRule
from graph.domain.enums import SettlementDecision
from graph.domain.errors import EditRefused, KagraphError
from graph.render.markdown import plain
from graph.services.claiming import file_claim, release_claim, settle_dispute
from graph.services.visible_store import VisibleStore
from ui.cached_store import claims_graph, current_user, rep_list
from ui.claim_lines import covered_text, reason_text
from ui.i18n import enum_label, t, tn
from ui.phrases import listing
from ui.refusals import problem_text
from ui.worded_choices import worded_choice

__all__ = [
    "attention_panel",
    "claim_button",
    "claim_row",
    "file_form",
    "policy_editor",
    "release_form",
    "settle_form",
    "show_outcome",
]

_OUTCOME = "claims.outcome"
_COMPANY_KEY = "claims.file.company"
EVERYONE = ""
"""The "everyone" choice: a text, not ``None``, because Streamlit keeps a choice as its label and has none to
redraw for ``None`` after a language switch (the old word would stay on screen)."""


def show_outcome() -> None:
    """The last decision's line, kept across the rerun that follows it: done, refused (and recorded), or failed."""
    outcome = st.session_state.pop(_OUTCOME, None)
    if outcome is not None:
        kind, text = outcome
        {"ok": st.success, "refused": st.warning}.get(kind, st.error)(plain(text))
        icon = {"ok": ":material/check_circle:", "refused": ":material/block:"}.get(kind, ":material/error:")
        st.toast(plain(text), icon=icon)  # seen wherever the page is scrolled to


def _decide(run: Callable[[], str | tuple[str, str]]) -> None:
    """Run one decision: its sentence (or ``(kind, sentence)``), or why it could not be made, shows after the rerun."""
    try:
        done = run()
        st.session_state[_OUTCOME] = done if isinstance(done, tuple) else ("ok", done)
    except EditRefused as refused:
        st.session_state[_OUTCOME] = ("error", "; ".join(problem_text(p) for p in refused.problems))
    except KagraphError as error:
        st.session_state[_OUTCOME] = ("error", t("error.generic", reason=error))
    st.cache_data.clear()
    st.rerun()


def attention_panel(report: ClaimsReport, names: Mapping[str, str], reps: Sequence[Mapping[str, Any]]) -> None:
    """What needs doing on the report's day, for one rep or everyone: ending claims, disputes, returned customers."""
    with st.container(border=True):
        st.subheader(t("claims.attention"))
        who: dict[str, str] = {EVERYONE: t("claims.attention.everyone")}
        who |= {str(r["id"]): str(r.get("name", r["id"])) for r in reps}
        chosen = worded_choice(
            st.selectbox, t("claims.attention.for"), list(who), format_func=who.__getitem__, key="claims.attention.for"
        )
        todo = attention(report, chosen or None)
        if not (todo.expiring or todo.disputes or todo.returned):
            st.caption(t("claims.attention.none"))
        if todo.expiring:
            st.markdown("**" + t("claims.attention.expiring", days=EXPIRING_DAYS) + "**")
            for claim in todo.expiring:
                company = names.get(claim.scope_id, claim.scope_id)  # what the claim protects
                line = t(
                    "claims.attention.expiring.line", company=company, holder=claim.rep_name, until=claim.expires_on
                )
                st.markdown(f"- {plain(line)}")
        if todo.disputes:
            st.markdown("**" + t("claims.attention.disputes") + "**")
            for dispute in todo.disputes:
                line = t(
                    "claims.attention.dispute.line",
                    group=names.get(dispute.scope_id, dispute.scope_id),
                    other=dispute.other_rep_name,
                    other_channel=enum_label(dispute.other_channel),
                    holder=dispute.holder_name,
                    kind=enum_label(dispute.kind),
                    since=dispute.first_date,
                )
                st.markdown(f"- {plain(line)}")
        if todo.returned:
            st.markdown("**" + t("claims.attention.returned", days=RETURNED_DAYS) + "**")
            for entry in todo.returned:
                line = t(
                    "claims.attention.returned.line",
                    company=names.get(entry.scope_id, entry.scope_id),
                    since=entry.since,
                    how=enum_label(entry.how),
                    holder=entry.last_holder_name,
                )
                st.markdown(f"- {plain(line)}")


def claim_button(company_id: str, company_name: str, key: str) -> None:
    """A button that opens the file form below with ``company_id`` chosen."""

    def choose() -> None:
        st.session_state[_COMPANY_KEY] = company_id

    st.button(t("claims.file.this", company=company_name), key=key, on_click=choose, icon=":material/add_task:")


def _filed_line(status: ClaimStatus, names: Mapping[str, str], policy: ClaimPolicy) -> tuple[str, str]:
    """A filing's outcome: granted with what it covers and its expiry, or refused with why (recorded too)."""
    if status.status == "live":
        covered = covered_text(status.scope_id, status.group_id, status.company_id, names, policy.separate_branches)
        return "ok", t("claims.granted", rep=status.rep_name, covered=covered, until=status.expires_on)
    return "refused", t("claims.refused", reason=reason_text(status))


def _claimants(store: VisibleStore, reps: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """The active reps the viewer may file a claim for (themselves; their team for a lead; anyone for ops), by id."""
    return {
        str(r["id"]): str(r.get("name", r["id"]))
        for r in reps
        if r.get("status") != "left" and store.viewer.acts_for(str(r["id"]))
    }


def file_form(
    store: VisibleStore,
    names: Mapping[str, str],
    reps: Sequence[Mapping[str, Any]],
    who: str | None,
    policy: ClaimPolicy,
    enabled: bool,
) -> None:
    """File a claim for a rep on an enterprise: granted with its expiry, or refused naming the holder."""
    active = _claimants(store, reps)
    with st.form("claims.file", border=True):
        st.markdown("**" + t("claims.file") + "**")
        left, right = st.columns(2)
        company = left.selectbox(
            t("claims.file.company"),
            list(names),
            format_func=names.__getitem__,
            key=_COMPANY_KEY,
            index=None,
            placeholder=t("claims.choose"),
        )
        rep = right.selectbox(
            t("claims.file.rep"),
            list(active),
            format_func=active.__getitem__,
            index=None,
            placeholder=t("claims.choose"),
            key="claims.file.rep",
        )
        why = st.text_input(t("claims.file.why"), key="claims.file.why")
        sent = st.form_submit_button(
            t("claims.file.button"), disabled=not enabled, type="primary", key="claims.file.send"
        )
    if sent and who and company and rep:
        today = dt.date.today()
        _decide(
            lambda: _filed_line(
                file_claim(store.desk(rep), company, rep, who, today, policy, why.strip()), names, policy
            )
        )


def release_form(
    store: VisibleStore,
    report: ClaimsReport,
    names: Mapping[str, str],
    who: str | None,
    policy: ClaimPolicy,
    enabled: bool,
) -> None:
    """Release (退回) one live claim to the pool: one the viewer holds, or acts for."""
    live = {c.id: c for c in report.claims if c.status == "live" and store.viewer.acts_for(c.rep_id)}
    if not live:
        st.caption(t("claims.none_live"))
        return

    def label(claim_id: str) -> str:
        claim = live[claim_id]
        return f"{names.get(claim.scope_id, claim.scope_id)} — {claim.rep_name} ({claim.expires_on})"

    with st.form("claims.release", border=True):
        st.markdown("**" + t("claims.release") + "**")
        labels = {claim_id: label(claim_id) for claim_id in live}
        chosen = st.selectbox(
            t("claims.release.pick"),
            list(labels),
            format_func=labels.__getitem__,
            index=None,
            placeholder=t("claims.choose"),
            key="claims.release.pick",
        )
        why = st.text_input(t("claims.file.why"), key="claims.release.why")
        sent = st.form_submit_button(t("claims.release.button"), disabled=not enabled, key="claims.release.send")
    if sent and who and chosen:
        company = names.get(live[chosen].scope_id, live[chosen].scope_id)

        def release() -> str:
            release_claim(store.desk(live[chosen].rep_id), chosen, who, dt.date.today(), policy, why.strip())
            return t("claims.released", company=company)

        _decide(release)


def _percent(share: float) -> str:
    return f"{share:.0%}"


def settle_form(
    store: VisibleStore,
    report: ClaimsReport,
    names: Mapping[str, str],
    who: str | None,
    policy: ClaimPolicy,
    enabled: bool,
) -> None:
    """Settle (判单) one waiting dispute: keep, transfer, or split with the shares its own activity gives."""
    waiting = {
        f"{d.claim_id}|{d.other_rep_id}": d
        for d in report.disputes
        if d.waiting and store.viewer.settles_for(d.holder_id, d.other_rep_id)
    }
    if not waiting:
        st.caption(t("claims.none_waiting"))
        return

    def label(key: str) -> str:
        d = waiting[key]
        return f"{names.get(d.scope_id, d.scope_id)}: {d.holder_name} / {d.other_rep_name} ({enum_label(d.kind)})"

    st.markdown("**" + t("claims.settle") + "**")
    labels = {key: label(key) for key in waiting}  # worded now: the widget may format options outside this run
    chosen = worded_choice(
        st.selectbox, t("claims.settle.pick"), list(labels), format_func=labels.__getitem__, key="claims.settle.pick"
    )
    dispute = waiting[chosen]
    decisions = [d.value for d in SettlementDecision]
    worded = {d: str(enum_label(d)) for d in decisions}
    decision = worded_choice(
        st.radio,
        t("claims.settle.decision"),
        decisions,
        format_func=worded.__getitem__,
        horizontal=True,
        key="claims.settle.decision",
    )
    if decision == SettlementDecision.SPLIT:
        _split_preview(dispute, report.as_of, policy, names)
    why = st.text_input(t("claims.file.why"), key="claims.settle.why")
    if st.button(t("claims.settle.button"), disabled=not enabled, key="claims.settle.button") and who:

        def settle() -> str:
            choice = SettlementDecision(decision)
            settle_dispute(
                store.settler(dispute.holder_id, dispute.other_rep_id), dispute.claim_id, dispute.other_rep_id, choice,
                who, dt.date.today(), policy, why, viewer=store.viewer,
            )  # fmt: skip
            return t("claims.settled", decision=enum_label(decision))

        _decide(settle)


def _evidence_text(evidence: SplitEvidence) -> str:
    """What one party's share rests on: their touches, their first contact, the deals they won there."""
    parts = [tn("claims.settle.touches", "claims.settle.touches.plural", evidence.touches, count=evidence.touches)]
    if evidence.opened and evidence.first_touch_on is not None:
        parts.append(t("claims.settle.first_contact", date=evidence.first_touch_on))
    if evidence.won:
        parts.append(t("claims.settle.won", deals=listing(evidence.won)))
    return listing(parts)


def _split_preview(dispute: Dispute, on: dt.date, policy: ClaimPolicy, names: Mapping[str, str]) -> None:
    """The split a settlement would record, and what it is computed from, so the manager can judge it."""
    graph = claims_graph()
    shares = {s.name: s.total for s in dispute_split(graph, dispute, on, policy)}
    who = {dispute.holder_id: dispute.holder_name, dispute.other_rep_id: dispute.other_rep_name}
    basis = t(
        "claims.settle.split_basis",
        scope=names.get(dispute.scope_id, dispute.scope_id),
        day=on,
        first=_percent(DEFAULT_WEIGHTS.first_touch),
        process=_percent(DEFAULT_WEIGHTS.process),
        signing=_percent(DEFAULT_WEIGHTS.signing),
    )
    lines = [
        t(
            "claims.settle.split_party",
            rep=who[e.rep_id],
            share=_percent(shares.get(e.rep_id, 0.0)),
            evidence=_evidence_text(e),
        )
        for e in split_evidence(graph, dispute, on, policy)
    ]
    st.caption(plain(basis) + "\n\n" + "\n\n".join(f"- {plain(line)}" for line in lines))


def _rule_inputs(rule: TierRule, key: str) -> TierRule:
    columns = st.columns(4)
    values = {
        name: int(column.number_input(t(f"claims.policy.{name}"), low, high, getattr(rule, name), key=f"{key}.{name}"))
        for column, (name, low, high) in zip(
            columns, (("days", 1, 365), ("renewals", 0, 12), ("cap", 1, 100_000), ("cooling_days", 0, 365)), strict=True
        )
    }
    return TierRule(**values)


def _following(entered: TierRule, before: ClaimPolicy, tier: int, default: TierRule) -> TierRule:
    """A tier's rule as saved: a value left as it was, and not set for that tier before, follows the new default."""
    own = before.tiers.get(tier)
    values = {
        name: getattr(default, name)
        if value == getattr(before.rule(tier), name)
        and (own is None or getattr(own, name) == getattr(before.default, name))
        else value
        for name, value in entered.model_dump().items()
    }
    return TierRule(**values)


def policy_editor(path: Path, policy: ClaimPolicy, groups: Mapping[str, str], enabled: bool) -> None:
    """Sales ops' one place for the policy: the default rule, each tier's, and group scoping; saved to ``path``."""
    st.caption(plain(t("claims.policy.intro", path=path)))
    with st.form("claims.policy"):
        st.markdown("**" + t("claims.policy.default") + "**")
        default = _rule_inputs(policy.default, "policy.default")
        tiers: dict[int, TierRule] = {}
        for tier in (1, 2, 3):
            st.markdown("**" + t("claims.policy.tier", tier=tier) + "**")
            rule = _following(_rule_inputs(policy.rule(tier), f"policy.tier{tier}"), policy, tier, default)
            if rule != default:
                tiers[tier] = rule
        separate = st.multiselect(
            t("claims.separate"),
            list(groups),
            default=[g for g in sorted(policy.separate_branches) if g in groups],
            format_func=groups.__getitem__,
            placeholder=t("claims.choose_groups"),
            key="policy_separate",
        )
        team_shares = st.toggle(t("claims.team_shares"), value=policy.team_shares, key="policy_team_shares")
        sent = st.form_submit_button(t("claims.policy.save"), disabled=not enabled, key="claims.policy.save")
    if sent:
        scoped = frozenset(separate)
        chosen = ClaimPolicy(default=default, tiers=tiers, separate_branches=scoped, team_shares=team_shares)

        def save() -> str:
            save_policy(path, chosen)
            return t("claims.policy.saved")

        _decide(save)


def claim_row(store: VisibleStore, company: tuple[str, str], held_by: str, as_of: dt.date, policy: ClaimPolicy) -> None:
    """Above a map: who holds the claim (``held_by``), the last decision's outcome, and "Claim it" when it is today."""
    show_outcome()
    line, action = st.columns([4, 1])
    line.markdown(f":material/verified_user: {plain(held_by)}")
    if as_of == dt.date.today():
        with action:
            _claim_popover(store, company[0], company[1], rep_list(), current_user(), policy)


def _claim_popover(
    store: VisibleStore,
    company_id: str,
    company_name: str,
    reps: Sequence[Mapping[str, Any]],
    who: str | None,
    policy: ClaimPolicy,
) -> None:
    """File a claim on this company from any page (the decision chain, the group tree): pick the rep, file."""
    active = _claimants(store, reps)
    with st.popover(t("claims.popover"), icon=":material/add_task:"):
        if who is None:
            st.caption(t("claims.who_needed"))
        rep = st.selectbox(
            t("claims.file.rep"),
            list(active),
            format_func=active.__getitem__,
            index=None,
            placeholder=t("claims.choose"),
            key=f"claim.{company_id}.rep",
        )
        if (
            st.button(t("claims.file.button"), key=f"claim.{company_id}.file", disabled=who is None or rep is None)
            and who
            and rep
        ):
            names = {company_id: company_name}
            _decide(
                lambda: _filed_line(
                    file_claim(store.desk(rep), company_id, rep, who, dt.date.today(), policy), names, policy
                )
            )
