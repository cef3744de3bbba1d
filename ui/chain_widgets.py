"""Pieces of the decision-chain page: finding cards, coverage gauge, heatmap, paths.

Every name shown passes through ``plain`` (Markdown) or a dataframe/chart
(rendered as text), never through HTML.
"""

from __future__ import annotations

import altair as alt
import networkx as nx
import pandas as pd
import streamlit as st

from graph.analysis._graph import display_name
from graph.analysis.decision_roles import ChainReport, Finding
from graph.analysis.warm_path import DEFAULT_MAX_HOPS, MOST_HOPS, WarmPath
from graph.domain.keys import node_key
from graph.render.markdown import plain
from graph.render.numbers import score, share
from ui.i18n import known, language, t, tn
from ui.phrases import listing, path_sentence, path_why, roles_text

__all__ = ["coverage_gauge", "finding_cards", "finding_text", "path_limits", "path_list", "strength_heatmap"]

_SHOW = {"high": st.error, "medium": st.warning, "info": st.info}
_NAMES_SHOWN = 4


def finding_text(report: ChainReport, finding: Finding) -> str:
    """The finding in the chosen language, names included (plain text)."""
    names_by_id = {c.id: c.name for c in report.contacts}
    names = [names_by_id.get(i, i) for i in finding.contact_ids]
    separator = "、" if language() == "zh" else ", "
    more = len(names) - _NAMES_SHOWN
    listed = separator.join(names[:_NAMES_SHOWN]) + (f" (+{more})" if more > 0 else "")
    rep = next((s.rep_name for s in report.strengths if s.rep_id == report.single_thread_rep), "")
    values = {
        "names": listed if finding.kind not in ("unverified", "no_decision_maker") else "",
        "roles": roles_text(report.missing_roles),
        "rep": rep,
        "count": len(finding.contact_ids),
    }
    key = f"finding.{finding.kind}"
    return tn(key, f"{key}.plural", len(finding.contact_ids), **values) if known(f"{key}.plural") else t(key, **values)


def finding_cards(report: ChainReport) -> None:
    st.subheader(t("chain.findings"))
    if not report.findings:
        st.success(t("chain.no_findings"))
    for finding in report.findings:
        _SHOW[finding.severity](plain(finding_text(report, finding)))


def coverage_gauge(report: ChainReport, tier: int) -> None:
    """Coverage against its tier's target. The gap is said in words, not drawn as a red "drop": it is a distance
    still to cover, not a fall."""
    reach = report.coverage
    st.metric(t("chain.coverage"), share(reach.team))
    gap = round((reach.target - reach.team) * 100)
    status = (
        t("chain.coverage.met")
        if gap <= 0
        else tn("chain.coverage.short", "chain.coverage.short.plural", gap, points=gap)
    )
    st.progress(
        min(reach.team, 1.0), text=t("chain.coverage.target", target=share(reach.target), tier=tier) + " · " + status
    )


HEAT_ROW_PX = 30
"""Each rep's row is this tall whatever the number of reps: the chart grows instead of squeezing its rows."""
_FLAT_LABELS = 8
"""Up to this many people, their names sit level above the columns; more lean at 40° (never 90°)."""


def strength_heatmap(report: ChainReport, key_people: int = 15) -> None:
    """Reps (rows) × the most influential contacts (columns), coloured by strength, each cell labelled.

    Rows have a fixed height (``alt.Step``): with a fixed chart height, long
    rotated names ate the plot, leaving three reps printed over each other in
    a one-line chart. Names are never turned 90°.
    """
    top = {c.id: c.name for c in report.contacts[:key_people]}
    rows: list[dict[str, str | int]] = [
        {"rep": s.rep_name + (" †" if s.rep_left else ""), "contact": top[s.contact_id], "score": round(s.score)}
        for s in report.strengths
        if s.contact_id in top
    ]
    if not rows:
        st.info(t("chain.heatmap.empty"))
        return
    order = [top[c] for c in top if any(r["contact"] == top[c] for r in rows)]
    reps = sorted({str(row["rep"]) for row in rows})
    angle = 0 if len(order) <= _FLAT_LABELS else -40
    base = alt.Chart(pd.DataFrame(rows)).encode(
        x=alt.X(
            "contact:N",
            sort=order,
            title=None,
            axis=alt.Axis(orient="top", labelAngle=angle, labelLimit=160, labelFontSize=12, labelPadding=6),
        ),
        y=alt.Y("rep:N", sort=reps, title=None, axis=alt.Axis(labelLimit=200, labelFontSize=12)),
    )
    cells = base.mark_rect(stroke="#ffffff", strokeWidth=1).encode(
        color=alt.Color(
            "score:Q",
            scale=alt.Scale(domain=[0, 100], scheme="blues"),
            title=t("col.score"),
            legend=alt.Legend(orient="bottom", direction="horizontal", gradientLength=220),
        ),
        tooltip=[
            alt.Tooltip("rep:N", title=t("col.rep")),
            alt.Tooltip("contact:N", title=t("col.contact")),
            alt.Tooltip("score:Q", title=t("col.score"), format=".0f"),
        ],
    )
    numbers = base.mark_text(fontSize=12).encode(
        text=alt.Text("score:Q", format=".0f"),
        color=alt.condition(alt.datum.score >= 60, alt.value("#ffffff"), alt.value("#1e293b")),
    )
    st.altair_chart((cells + numbers).properties(height=alt.Step(HEAT_ROW_PX)), width="stretch")


def path_limits() -> tuple[bool, int]:
    """The limits the warm paths keep, as a rep sets them: avoid opponents (on), at most N hops (3).

    Keyed by fixed names, so a language switch keeps what was set.
    """
    left, right = st.columns(2, vertical_alignment="bottom")
    avoid = left.toggle(
        t("chain.path.avoid_opponents"),
        value=True,
        help=t("chain.path.avoid_opponents.help"),
        key="chain_avoid_opponents",
    )
    hops = right.number_input(
        t("chain.path.max_hops"),
        min_value=1,
        max_value=MOST_HOPS,
        value=DEFAULT_MAX_HOPS,
        step=1,
        help=t("chain.path.max_hops.help"),
        key="chain_max_hops",
    )
    return avoid, int(hops)


def path_list(graph: nx.MultiDiGraph[str], paths: list[WarmPath], max_hops: int) -> None:
    """The paths as numbered sentences in the chosen language, with their hops, the opponents they pass and why.

    ``graph`` holds everyone on them; ``max_hops`` is the limit they were asked to keep. When the best one breaks
    a limit, none keeps them, which is said above the list.
    """
    if paths and paths[0].breaks:
        st.warning(t("chain.path.relaxed"), icon=":material/alt_route:")
    for number, path in enumerate(paths, start=1):
        with st.container(border=True):
            st.markdown(f"**{number}.** {plain(path_sentence(graph, path))}")
            facts = [
                t("chain.path.score", score=score(path.score * 100)),
                tn("chain.path.hops", "chain.path.hops.plural", path.hops, count=path.hops),
            ]
            if path.opponents:
                names = listing(display_name(graph, node_key("Contact", o)) for o in path.opponents)
                facts.append(t("chain.path.opponents", names=names))
            st.caption(plain(" · ".join(facts)))
            why = path_why(path, max_hops)
            if why:
                (st.warning if path.breaks else st.caption)(plain(why))
