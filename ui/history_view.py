"""A timeline as a table: when, who, what was done, to which record, before → after, why."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd
import streamlit as st

from graph.analysis.history import TimelineItem
from graph.service import account_timeline, contact_timeline
from graph.store import GraphStore
from ui.i18n import t

__all__ = ["timeline_table"]


def _shown(value: Any) -> str:
    return "—" if value is None or value == "" else str(value)


def _change_text(item: TimelineItem) -> str:
    """``stance: unknown → supporter; title: — → 处长`` (only the properties that changed)."""
    if item.what == "created" and not item.before:
        fields = sorted(k for k in item.after if k not in ("id", "key") and item.after[k] is not None)
        return "; ".join(f"{k}: {_shown(item.after[k])}" for k in fields)
    names = sorted(set(item.before) | set(item.after))
    return "; ".join(f"{k}: {_shown(item.before.get(k))} → {_shown(item.after.get(k))}" for k in names)


def _record(item: TimelineItem, names: dict[str, str]) -> str:
    subject = names.get(item.subject, item.subject.split(":", 1)[1])
    if item.other is None:
        return subject
    kind = item.entity.split("-", 2)[1]
    return f"{subject} —{kind}→ {names.get(item.other, item.other.split(':', 1)[1])}"


def timeline_table(
    store: GraphStore, graph: nx.MultiDiGraph, contact_id: str | None = None, company_id: str | None = None
) -> None:
    """The newest changes to a contact (or, without one, to the company) as a table of text."""
    items = contact_timeline(store, contact_id) if contact_id else account_timeline(store, str(company_id))
    if not items:
        st.caption(t("history.empty"))
        return
    names = {key: str(data.get("name", data.get("id", key))) for key, data in graph.nodes(data=True)}
    rows = [
        {
            "at": item.at.astimezone().strftime("%Y-%m-%d %H:%M"),
            "who": item.who,
            "action": t(f"history.source.{item.source.value}") + " · " + item.action,
            "what": t(f"history.what.{item.what}"),
            "record": _record(item, names),
            "change": _change_text(item),
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
