"""A timeline as a table: when, who, what was done, to which record, before → after, why.

A static table (``st.table``), not a data grid: before → after and why are long, and a grid cuts them at
the column's width (the why, typed by a person, fell off the page at 1440 px); a static table wraps them.
Its cells are Markdown, so every cell is escaped.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd
import streamlit as st

from graph.render.markdown import plain
from graph.services.visible_store import VisibleStore
from ui.i18n import t
from ui.phrases import action_text, change_text, record_text

__all__ = ["timeline_table"]

ROWS_IN_VIEW = 12
TABLE_HEIGHT_PX = 520
"""A longer timeline scrolls inside a table of this height rather than pushing the page down."""


def timeline_table(
    store: VisibleStore, graph: nx.MultiDiGraph[str], contact_id: str | None = None, company_id: str | None = None
) -> None:
    """The newest changes to a contact (or, without one, to the company) as a table of text."""
    items = store.contact_timeline(contact_id) if contact_id else store.account_timeline(str(company_id))
    if not items:
        st.caption(t("history.empty"))
        return
    names = {key: str(data.get("name", data.get("id", key))) for key, data in graph.nodes(data=True)}
    rows = [
        {
            "at": item.at.astimezone().strftime("%Y-%m-%d %H:%M"),
            "who": item.who,
            "action": t(f"history.source.{item.source.value}") + " · " + action_text(item.action),
            "what": t(f"history.what.{item.what}"),
            "record": record_text(item, names),
            "change": change_text(item, names),
            "why": item.why,
        }
        for item in items
    ]
    frame = pd.DataFrame([{t(f"history.col.{k}"): plain(v) if v else "" for k, v in row.items()} for row in rows])
    st.table(frame, hide_index=True, height=TABLE_HEIGHT_PX if len(rows) > ROWS_IN_VIEW else "content")
