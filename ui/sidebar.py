"""The sidebar every page shares: language switch and which store is in use."""

from __future__ import annotations

import streamlit as st

from graph.domain.errors import KagraphError
from graph.services.visible_store import VisibleStore
from ui.i18n import LANGUAGE_KEY, LANGUAGES, t

__all__ = ["language_switch", "store_status"]


def language_switch() -> None:
    st.sidebar.radio(t("sidebar.language"), list(LANGUAGES), key=LANGUAGE_KEY, horizontal=True)


def store_status(store: VisibleStore) -> None:
    """Store kind, address and node counts, so a user knows where their data is."""
    kind = t("sidebar.embedded") if store.kind == "falkordb" else t("sidebar.neo4j")
    with st.sidebar.container(border=True):
        st.markdown("**" + t("sidebar.store") + f"**: {kind}")
        st.text(store.address)
        try:
            counts = store.counts()
        except KagraphError as error:
            st.error(t("store.down", reason=error))
            return
        for label in ("Company", "Contact", "Rep", "Opportunity", "relationships"):
            st.text(f"{t('label.' + label)}: {counts.get(label, 0):,}")
