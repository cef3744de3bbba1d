"""Portfolio: every customer group on one line, whitespace by group, and a way into each group."""

import datetime as dt
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from graph.analysis.hq_signal import DEFAULT_WINDOW_DAYS
from graph.render.csv_cells import csv_text
from graph.render.numbers import CURRENCY, MONEY_FORMAT, SHARE_FORMAT, date_text, money, share_points
from ui.cached_store import portfolio_table, require_store
from ui.downloads import recorded_download
from ui.focus import FOCUS_GROUP, GROUP_PAGE
from ui.i18n import t
from ui.phrases import category_label, listing

CHART_GROUPS = 20
# What compares groups, in a table that fits the page at 1440 px without scrolling sideways; the rest of a
# group's line is shown for the group chosen below the table (and is in the CSV).
TABLE_COLUMNS = ("name", "tier", "industry", "companies", "our_revenue", "competitor_spend", "whitespace", "coverage")
DETAILS = ("untouched_branches", "last_touch", "days_since_touch", "hq_signals", "competitors")
COLUMNS = (*TABLE_COLUMNS, *DETAILS)


def _detail(field: str, value: Any) -> str:
    """One of the chosen group's details as text: counts separated, the day ISO, nothing unknown left as "nan"."""
    if pd.isna(value):
        return ""
    if field in ("untouched_branches", "days_since_touch"):
        return f"{int(value):,}"
    return date_text(value) if field == "last_touch" else str(value)


store = require_store()
st.title(t("portfolio.title"))
st.caption(t("portfolio.intro"))

table = pd.DataFrame([row.model_dump() for row in portfolio_table(dt.date.today(), DEFAULT_WINDOW_DAYS)])
if table.empty:
    st.info(t("overview.empty"))
    st.stop()
table["hq_signals"] = table["hq_signals"].map(lambda signals: listing(map(category_label, signals)))
table["competitors"] = table["competitors"].map(listing)

filters = st.columns([1, 2, 2, 2])
tiers = filters[0].multiselect(
    t("portfolio.filter.tier"),
    sorted(table["tier"].dropna().unique().tolist()),
    placeholder=t("widget.all"),
    key="portfolio_tiers",
)
industries = filters[1].multiselect(
    t("portfolio.filter.industry"),
    sorted(table["industry"].dropna().unique()),
    placeholder=t("widget.all"),
    key="portfolio_industries",
)
needle = filters[2].text_input(t("portfolio.filter.search"), key="portfolio_search").strip().casefold()
only_signals = filters[3].toggle(t("portfolio.filter.signals"), key="portfolio_signals")
keep = pd.Series(True, index=table.index)
if tiers:
    keep &= table["tier"].isin(tiers)
if industries:
    keep &= table["industry"].isin(industries)
if needle:
    keep &= table["name"].str.casefold().str.contains(needle, regex=False)
if only_signals:
    keep &= table["hq_signals"] != ""
shown = table.loc[keep].reset_index(drop=True)
if shown.empty:
    st.info(t("portfolio.none"))
    st.stop()

figures = st.columns(4)
figures[0].metric(t("portfolio.metric.groups"), f"{len(shown):,}")
figures[1].metric(t("portfolio.metric.revenue"), money(shown["our_revenue"].sum()))
figures[2].metric(t("portfolio.metric.rivals"), money(shown["competitor_spend"].sum()))
figures[3].metric(t("portfolio.metric.whitespace"), money(shown["whitespace"].sum()))

money_column = st.column_config.NumberColumn
picked = st.dataframe(
    shown.assign(coverage=shown["coverage"].map(share_points), industry=shown["industry"].fillna("")),
    hide_index=True,
    width="stretch",
    column_order=TABLE_COLUMNS,
    on_select="rerun",
    selection_mode="single-row",
    key="portfolio_rows",
    column_config={
        **{c: t(f"col.{c}") for c in ("name", "tier", "industry", "companies")},
        **{
            c: money_column(t(f"col.{c}"), format=MONEY_FORMAT)
            for c in ("our_revenue", "competitor_spend", "whitespace")
        },
        "coverage": st.column_config.ProgressColumn(t("col.coverage"), min_value=0, max_value=100, format=SHARE_FORMAT),
    },
)
rows = picked.selection.rows
names = dict(zip(shown["group_id"], shown["name"], strict=True))
actions = st.columns([3, 1, 2], vertical_alignment="bottom")
index = rows[0] if rows and rows[0] < len(names) else 0
chosen = actions[0].selectbox(
    t("portfolio.pick"),
    list(names),
    index=index,
    format_func=names.__getitem__,
    help=t("portfolio.pick_hint"),
    key=f"portfolio_group_{index}",  # a row picked in the table moves it
)
if actions[1].button(t("portfolio.open"), type="primary", key="open_group"):
    st.session_state[FOCUS_GROUP] = chosen
    st.switch_page(GROUP_PAGE)
recorded_download(
    actions[2],
    store,
    t("portfolio.download"),
    lambda: csv_text([{str(k): v for k, v in row.items()} for row in shown.to_dict("records")], ["group_id", *COLUMNS]),
    t("file.portfolio"),
    "text/csv",
    [str(g) for g in shown["group_id"]],
)
line = shown.set_index("group_id").loc[chosen]
with st.container(border=True):
    for cell, field in zip(st.columns(len(DETAILS)), DETAILS, strict=True):
        cell.caption(t(f"col.{field}"))
        cell.text(_detail(field, line[field]) or "—")

top = shown.sort_values(by="whitespace", ascending=False).head(CHART_GROUPS)
top = top.assign(whitespace_text=top["whitespace"].map(money))
st.subheader(t("portfolio.chart", count=len(top)))
chart = (
    alt.Chart(top)
    .mark_bar(color="#2563eb")
    .encode(
        x=alt.X(
            "whitespace:Q",
            title=t("col.whitespace"),
            axis=alt.Axis(labelExpr=f"'{CURRENCY}' + format(datum.value, ',.0f')"),  # money as in the table
        ),
        y=alt.Y("name:N", sort="-x", title=None, axis=alt.Axis(labelLimit=260)),
        tooltip=[
            alt.Tooltip("name:N", title=t("col.name")),
            alt.Tooltip("whitespace_text:N", title=t("col.whitespace")),
        ],
    )
)
st.altair_chart(chart.properties(height=max(160, 28 * len(top))), width="stretch")
