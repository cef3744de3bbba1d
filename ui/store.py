"""One store per app process, opened once, with the demo loaded on first start.

``st.cache_resource`` keeps a single driver/client for every session (never
one per query, never one in session state). A failure is not cached, so the
next rerun tries again once the server is back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import networkx as nx
import streamlit as st

from graph.analysis.chain import DECISION_ROLES
from graph.analysis.claim_policy import ClaimPolicy
from graph.analysis.portfolio import PortfolioRow, portfolio
from graph.claim_policy_file import load_policy
from graph.connect import open_store
from graph.errors import KagraphError
from graph.service import company_graph_as_of
from graph.settings import load_settings
from graph.store import GraphStore
from ingest.load_demo import load_demo
from ui.i18n import t

__all__ = [
    "claim_policy",
    "claims_graph",
    "company_graph",
    "company_graph_on",
    "company_names",
    "group_graph",
    "portfolio_table",
    "rep_list",
    "require_store",
    "shared_store",
]


@st.cache_resource(show_spinner=False)
def shared_store() -> GraphStore:
    store = open_store()
    if store.is_empty():
        with st.spinner(t("store.loading_demo")):
            load_demo(store)
    return store


def require_store() -> GraphStore:
    """The shared store, or a readable message and a stopped page when it is down."""
    try:
        return shared_store()
    except KagraphError as error:
        st.error(t("store.down", reason=error))
        st.caption(t("store.down.hint"))
        st.stop()


@st.cache_data(ttl=30, show_spinner=False)
def company_graph(company_id: str) -> nx.MultiDiGraph:
    """A company's subgraph, reused across reruns for 30 s (widgets rerun the page often)."""
    return shared_store().company_subgraph(company_id)


@st.cache_data(ttl=30, show_spinner=False)
def company_graph_on(company_id: str, day: dt.date) -> nx.MultiDiGraph:
    """A company's subgraph as it was at the end of ``day`` (changes since undone), reused for 30 s."""
    return company_graph_as_of(shared_store(), company_id, day)


@st.cache_data(ttl=30, show_spinner=False)
def rep_list() -> list[dict[str, Any]]:
    """Our reps (id, name, status …) by name, reused across reruns for 30 s."""
    return shared_store().reps()


@st.cache_data(ttl=30, show_spinner=False)
def group_graph(company_id: str) -> nx.MultiDiGraph:
    """The whole group's subgraph, reused across reruns for 30 s."""
    return shared_store().group_subgraph(company_id)


@st.cache_data(ttl=30, show_spinner=False)
def portfolio_table(as_of: dt.date, window_days: int) -> list[PortfolioRow]:
    """Every group's portfolio line, reused across reruns for 30 s (filters rerun the page)."""
    return portfolio(**vars(shared_store().portfolio_rows(DECISION_ROLES)), as_of=as_of, window_days=window_days)


@st.cache_data(ttl=30, show_spinner=False)
def claims_graph() -> nx.MultiDiGraph:
    """Companies, claims, reps and the touches claims are judged on, reused across reruns for 30 s."""
    return shared_store().claims_graph()


@st.cache_data(ttl=30, show_spinner=False)
def company_names() -> list[dict[str, Any]]:
    """Every company's id, name, name key, parent and tier, reused across reruns for 30 s."""
    return shared_store().company_names()


def claim_policy() -> tuple[ClaimPolicy, Path]:
    """The claim policy sales ops keep, and its file; a file that cannot be used stops the page with why."""
    try:
        path = load_settings().claim_policy_path
        return load_policy(path), path
    except KagraphError as error:
        st.error(t("error.generic", reason=error))
        st.stop()
