"""Decision chain: who decides, who influences whom, how well we know them, how to reach them."""

import datetime as dt

import streamlit as st

from graph.analysis.coverage import DEFAULT_THRESHOLD
from graph.analysis.strength import DEFAULT_HALF_LIFE_DAYS, strength_lookup
from graph.render.chain_map import chain_map_html
from graph.render.chain_options import EDGE_KINDS, MapOptions
from graph.render.csv_cells import csv_text
from graph.render.numbers import SCORE_FORMAT, influence_points
from graph.services.chain_view import account_graph, chain_report, ways_in
from graph.services.claims_view import claims_on
from ui.cached_store import claim_policy, current_user, require_store
from ui.chain_widgets import coverage_gauge, finding_cards, finding_text, path_limits, path_list, strength_heatmap
from ui.claim_lines import claim_line, collision_tooltips
from ui.claims_desk import claim_row
from ui.downloads import recorded_download
from ui.edit_panel import add_panel, contact_panel
from ui.focus import FOCUS_COMPANY, FOCUS_CONTACT, FOCUS_GROUP, focused_index, group_picker
from ui.history_view import timeline_table
from ui.i18n import language, t
from ui.map_text import deal_line, map_text
from ui.tables import readable
from ui.worded_choices import worded_choice, worded_choices

store = require_store()
st.title(t("chain.title"))

pick = st.columns(3)
group_id = group_picker(store, pick[0])
members = {c["id"]: c for c in store.group_companies(group_id) if c["full"]}  # only accounts whose people show
company_id = pick[1].selectbox(
    t("accounts.company"),
    list(members),
    format_func=lambda c: members[c]["name"],
    index=focused_index(FOCUS_COMPANY, list(members)),
    key=f"chain_company_{group_id}",
)
st.session_state[FOCUS_GROUP], st.session_state[FOCUS_COMPANY] = group_id, company_id  # kept when an edit adds options
deal_slot = pick[2].empty()

with st.expander(t("chain.settings")):
    knobs = st.columns(3)
    as_of = knobs[0].date_input(t("chain.as_of"), value=dt.date.today(), key="chain.as_of")
    threshold = knobs[1].slider(t("chain.threshold"), 0, 100, int(DEFAULT_THRESHOLD), step=5, key="chain_threshold")
    half_life = knobs[2].number_input(
        t("chain.half_life"), 7, 720, int(DEFAULT_HALF_LIFE_DAYS), step=15, key="chain_half_life"
    )
    lines = st.columns(4)
    edge_words = {k: t(f"chain.edge.{k}") for k in EDGE_KINDS}
    kinds = worded_choices(
        lines[0].multiselect,
        t("chain.edge_kinds"),
        list(EDGE_KINDS),
        default=list(EDGE_KINDS),
        format_func=edge_words.__getitem__,
        placeholder=t("widget.choose"),
        key="chain_edge_kinds",
    )
    min_strength = lines[1].slider(t("chain.min_strength"), 0, 100, 0, step=5, key="chain_min_strength")
    show_reps = lines[2].toggle(t("chain.show_reps"), value=True, key="chain_show_reps")
    show_competitors = lines[3].toggle(t("chain.show_competitors"), value=True, key="chain_show_competitors")

today = dt.date.today()
in_the_past = as_of < today
graph = account_graph(store, company_id, as_of, today)
deals = {d["id"]: d.get("name", d["id"]) for _, d in graph.nodes(data=True) if d["label"] == "Opportunity"}
deal_id = (
    worded_choice(
        deal_slot.selectbox,
        t("chain.opportunity"),
        ["", *deals],  # "" is the whole account: a text choice is redrawn in the new words after a language switch
        format_func=lambda d: deals[d] if d else t("chain.whole_account"),
        key=f"chain_deal_{company_id}",
    )
    or None
)
if in_the_past:
    st.info(t("chain.as_of.past", day=as_of.isoformat()), icon=":material/history:")

report = chain_report(graph, as_of, deal_id, float(threshold), float(half_life))
if not report.contacts:
    st.info(t("chain.no_contacts"))
    st.stop()
names = {c.id: c.name for c in report.contacts}

map_column, side = st.container(), st.container()  # the map takes the page's full width
with side:
    coverage_gauge(report, members[company_id]["tier"] or 3)
    finding_cards(report)
    st.subheader(t("chain.tab.paths"))
    target = st.selectbox(
        t("chain.path.target"),
        report.influence_ranking,
        format_func=names.__getitem__,
        index=focused_index(FOCUS_CONTACT, report.influence_ranking),
        key=f"chain_target_{company_id}_{deal_id}",
    )
    reps = sorted({(s.rep_id, s.rep_name) for s in report.strengths if not s.rep_left})
    from_rep = (
        worded_choice(
            st.selectbox,
            t("chain.path.from_rep"),
            ["", *(r for r, _ in reps)],
            format_func=lambda r: dict(reps)[r] if r else t("chain.path.anyone"),
            key="chain_from_rep",
        )
        or None
    )
    avoid_opponents, max_hops = path_limits()
    ties, paths = ways_in(
        store,
        graph,
        group_id,
        target,
        as_of,
        today,
        from_rep,
        half_life_days=float(half_life),
        avoid_opponents=avoid_opponents,
        max_hops=max_hops,
    )
    if paths:
        path_list(ties, paths, max_hops)
    else:
        st.info(t("chain.path.none"))
    highlight = st.toggle(t("chain.path.show"), value=bool(paths), key=f"chain_highlight_{target}_{bool(paths)}")

policy = claim_policy()[0]
claims = claims_on(store, as_of, policy)
collided = collision_tooltips(claims, names)
if collided:
    map_column.warning(t("chain.collisions", count=len(collided)), icon=":material/warning:")
held_by = claim_line(claims, company_id, group_id)
with map_column:
    claim_row(store, (company_id, members[company_id]["name"]), held_by, as_of, policy)
options = MapOptions(
    collisions=collided,
    edge_kinds=tuple(kinds),
    min_strength=float(min_strength),
    show_reps=show_reps,
    show_competitors=show_competitors,
    highlight=tuple(tuple(p.node_keys) for p in paths) if highlight else (),
    deal=deal_line(graph, deal_id, report, language()) if deal_id else None,
    banner=held_by,  # the file travels without the page: it says who holds the claim
    png_name=t("file.chain_png", company=company_id),
    pdf_name=t("file.chain_pdf", company=company_id),
)
chain_map = chain_map_html(
    graph,
    {c.id: c.influence for c in report.contacts},
    strength_lookup(report.strengths),
    map_text(language()),
    options,
)
with map_column:
    st.iframe(chain_map.html, height=chain_map.height_px)  # our own HTML; every name in it is JSON-escaped

people, heat, history, export = st.tabs(
    [t("chain.tab.people"), t("chain.tab.heatmap"), t("chain.tab.history"), t("chain.tab.export")]
)
columns = ["name", "title", "level", "influence", "buying_role", "stance", "status", "best_rep_name", "best_strength"]
with people:
    st.dataframe(
        readable(
            [c.model_dump() | {"influence": influence_points(c.influence)} for c in report.contacts],
            ("buying_role", "stance", "status"),
        )[columns],
        hide_index=True,
        width="stretch",
        column_config={
            "name": t("col.person"),
            **{c: t(f"col.{c}") for c in ("title", "buying_role", "stance", "status")},
            "level": st.column_config.NumberColumn(t("col.level"), width="small"),
            "best_rep_name": t("col.best_rep"),
            # The bars are narrow, so the nine columns fit 1440 px with the sidebar open.
            "influence": st.column_config.ProgressColumn(
                t("col.influence"), min_value=0, max_value=100, format=SCORE_FORMAT, width="small"
            ),
            "best_strength": st.column_config.ProgressColumn(
                t("col.best_strength"), min_value=0, max_value=100, format=SCORE_FORMAT, width="small"
            ),
        },
    )
with heat:
    strength_heatmap(report)
with history:
    timeline_table(store, graph, company_id=company_id)
with export:
    recorded_download(
        st.container(),
        store,
        t("chain.export.map"),
        lambda: chain_map.html,
        t("file.chain_map", company=company_id),
        "text/html",
        [company_id],
    )
    st.caption(t("chain.export.pictures"))
    findings = [
        {
            "kind": f.kind,
            "severity": f.severity,
            "message": finding_text(report, f),
            "contacts": "; ".join(names.get(i, i) for i in f.contact_ids),
        }
        for f in report.findings
    ]
    recorded_download(
        st.container(),
        store,
        t("chain.export.findings"),
        lambda: csv_text(findings, ["kind", "severity", "message", "contacts"]),
        t("file.findings", company=company_id),
        "text/csv",
        [company_id],
    )
    recorded_download(
        st.container(),
        store,
        t("chain.export.people"),
        lambda: csv_text([c.model_dump() for c in report.contacts], ["id", *columns]),
        t("file.people", company=company_id),
        "text/csv",
        [company_id],
    )

st.subheader(t("edit.title"))
who = current_user()
if in_the_past:
    st.caption(t("edit.past"))
elif not store.viewer.edits_people:
    st.caption(t("access.read_only"))
else:
    if who is None:
        st.info(t("edit.need_name"), icon=":material/badge:")
    editor = store.editor(company_id)
    contact_panel(editor, store, graph, company_id, who)
    with st.expander(t("edit.add.title")):
        add_panel(editor, graph, company_id, members, who)
