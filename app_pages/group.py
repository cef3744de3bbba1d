"""Group expansion: the group tree by product category, HQ buying waves, ranked targets with warm paths."""

import datetime as dt

import streamlit as st

from graph.analysis.expansion import ExpansionTarget
from graph.analysis.hq_signal import DEFAULT_MIN_BRANCHES, DEFAULT_MIN_SHARE, DEFAULT_WINDOW_DAYS, HqSignal
from graph.domain.model import US_VENDOR_ID
from graph.render.group_map import TOOLTIP_WORDS, group_map_html
from graph.render.markdown import plain
from graph.render.numbers import MONEY_FORMAT, SCORE_FORMAT, money, score
from graph.services.claims_view import claims_on
from graph.services.group_view import expansion_view
from ui.cached_store import claim_policy, group_graph, require_store
from ui.claim_lines import claim_line, claimed_boxes
from ui.claims_desk import claim_row
from ui.focus import CHAIN_PAGE, FOCUS_COMPANY, FOCUS_CONTACT, FOCUS_GROUP, group_picker
from ui.i18n import enum_label, t, tn
from ui.percent_slider import percent_slider
from ui.phrases import category_label, path_sentence, path_why
from ui.worded_choices import worded_choice

store = require_store()
st.title(t("group.title"))

pick = st.columns([2, 2, 1])
group_id = group_picker(store, pick[0])
with pick[2].popover(t("group.settings"), width="stretch"):
    as_of = st.date_input(t("chain.as_of"), value=dt.date.today(), key="group_as_of")
    window = st.number_input(t("group.window"), 7, 1095, DEFAULT_WINDOW_DAYS, step=15, key="group_window")
    min_branches = st.number_input(t("group.min_branches"), 2, 50, DEFAULT_MIN_BRANCHES, key="group_min_branches")
    min_share = percent_slider(st.slider, t("group.min_share"), DEFAULT_MIN_SHARE, key="group_min_share", low=0.05)

result = expansion_view(store, group_id, as_of, int(min_branches), float(min_share), int(window))
waves = {s.category: s for s in result.hq_signals}
default = next(iter(waves), None) or max(
    result.categories, key=lambda c: result.companies[0].rollup[c].companies - result.companies[0].rollup[c].untouched
)
labels = {c: category_label(c) for c in result.categories}  # fixed now: a format_func is also called later
category = worded_choice(
    pick[1].selectbox,
    t("group.category"),
    result.categories,
    index=result.categories.index(default),
    format_func=labels.__getitem__,
    key=f"group_category_{group_id}",  # another group opens on its own wave
)

totals = result.companies[0].rollup[category]
figures = st.columns(5)
figures[0].metric(t("group.metric.ours"), totals.ours)
figures[1].metric(t("group.metric.competitor"), totals.competitor)
figures[2].metric(t("group.metric.untouched"), totals.untouched)
figures[3].metric(t("group.metric.our_amount"), money(totals.our_amount))
figures[4].metric(t("group.metric.competitor_amount"), money(totals.competitor_amount))


def reason(target: ExpansionTarget) -> str:
    """The target's reason in the chosen language, from its parts (the CLI's sentence is English)."""
    parts = [
        t("group.reason.competitor", vendor=target.vendor_name)
        if target.status == "competitor"
        else t("group.reason.untouched")
    ]
    if target.components["hq"]:
        parts.append(t("group.reason.hq"))
    path = t("group.reason.path", score=score(target.path.score * 100)) if target.path else t("group.reason.no_path")
    parts.append(path)
    if target.path and target.path.breaks:
        parts.append(t("group.reason.outside_limits"))
    return "; ".join(parts)


def signal_card(signal: HqSignal) -> None:
    names = {c.id: c.name for c in result.companies}
    with st.container(border=True):
        st.markdown(
            plain(
                t(
                    "group.signal.text",
                    count=len(signal.companies),
                    branches=len(result.companies) - 1,
                    category=category_label(signal.category),
                    first=signal.first,
                    last=signal.last,
                )
            )
        )
        st.dataframe(
            [
                {
                    "company": names[p.company_id],
                    "vendor": t("group.metric.ours") if p.vendor == US_VENDOR_ID else p.vendor_name,
                    "since": p.since,
                    "amount": p.amount,
                }
                for p in signal.evidence
            ],
            hide_index=True,
            width="stretch",
            column_config={k: t(f"col.{k}") for k in ("company", "vendor", "since")}
            | {"amount": st.column_config.NumberColumn(t("col.amount"), format=MONEY_FORMAT)},
        )
        if signal.remaining:
            st.caption(
                tn(
                    "group.signal.offer",
                    "group.signal.offer.plural",
                    len(signal.remaining),
                    count=len(signal.remaining),
                    value=money(signal.estimated_value),
                )
            )
        else:
            st.caption(t("group.signal.renewal"))


targets = [target for target in result.targets if target.product == category]
tree_slot = st.container()
st.subheader(t("group.signals"))
if not result.hq_signals:
    st.info(t("group.no_signals"))
signals = sorted(result.hq_signals, key=lambda s: s.category != category)
for column, signal in zip(st.columns(2) * len(signals), signals, strict=False):
    with column:
        signal_card(signal)
chosen: ExpansionTarget | None = None
with st.container():
    st.subheader(t("group.targets"))
    if not targets:
        st.info(t("group.no_targets"))
    else:
        st.caption(t("group.targets.hint"))
        picked = st.dataframe(
            [
                {
                    "company": target.company_name,
                    "status": enum_label(target.status),
                    "target_score": target.score,
                    "why": reason(target),
                }
                for target in targets
            ],
            hide_index=True,
            width="stretch",
            height=320,
            on_select="rerun",
            selection_mode="single-row",
            key="group_targets",
            column_config={
                "company": t("col.company"),
                "status": st.column_config.Column(t("col.status"), width="small"),
                "target_score": st.column_config.ProgressColumn(
                    t("col.target_score"), min_value=0, max_value=100, format=SCORE_FORMAT
                ),
                "why": st.column_config.TextColumn(t("col.why"), width="large"),
            },
        )
        rows = picked.selection.rows
        chosen = targets[rows[0]] if rows and rows[0] < len(targets) else targets[0]
        with st.container(border=True):
            st.markdown("**" + t("group.path") + f"** · {plain(chosen.company_name)}")
            st.caption(plain(reason(chosen)))  # the why in full: the table cuts it at its column's width
            if chosen.path:
                st.markdown(plain(path_sentence(group_graph(group_id), chosen.path)))
                st.caption(t("chain.path.score", score=score(chosen.path.score * 100)))
                if why := path_why(chosen.path, result.max_hops):
                    (st.warning if chosen.path.breaks else st.caption)(plain(why))
            else:
                st.caption(t("group.reason.no_path"))
            if st.button(t("group.open_chain"), key="open_chain"):
                st.session_state[FOCUS_GROUP] = group_id
                st.session_state[FOCUS_COMPANY] = chosen.company_id
                st.session_state[FOCUS_CONTACT] = chosen.contact_id  # the chain page opens on this very path
                st.switch_page(CHAIN_PAGE)

path_companies: set[str] = set()
if chosen is not None:
    graph = group_graph(group_id)
    path_companies = {chosen.company_id}
    if chosen.path:
        path_companies |= {
            str(graph.nodes[key].get("company_id"))
            for key in chosen.path.node_keys
            if graph.nodes[key].get("label") == "Contact"
        }
policy = claim_policy()[0]
claims = claims_on(store, as_of, policy)
with tree_slot:
    claim_row(store, (group_id, result.companies[0].name), claim_line(claims, group_id, group_id), as_of, policy)
    wave = waves[category].companies if category in waves else []
    height = min(
        900, max(320, 70 * sum(1 for c in result.companies if c.id not in {p.parent_id for p in result.companies}))
    )
    words = {k: t(f"group.tip.{k}") for k in TOOLTIP_WORDS}

    def counted(what: str, n: int) -> str:
        return tn(f"group.tip.{what}", f"group.tip.{what}.plural", n, count=f"{n:,}")

    html = group_map_html(
        result.companies,
        category,
        wave=wave,
        on_path=path_companies,
        height_px=height,
        category_label=labels[category],
        words=words,
        claimed=claimed_boxes(claims),
        counted=counted,
    )
    st.iframe(html, height=height + 20)  # our own HTML; every name in it is JSON-escaped
    st.caption(t("group.legend"))
