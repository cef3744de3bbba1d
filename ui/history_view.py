"""A timeline as a table: when, who, what was done, to which record, before → after, why."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import streamlit as st

from graph.services.visible_store import VisibleStore
from ui.i18n import t
from ui.phrases import action_text, change_text, record_text

__all__ = ["timeline_table"]


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
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        width="stretch",
        column_config={name: t(f"history.col.{name}") for name in rows[0]},
    )
