"""The sidebar every page shares: language switch and which store is in use."""

from __future__ import annotations

import streamlit as st

from graph.domain.errors import KagraphError
from graph.services.visible_store import VisibleStore
from ui.i18n import LANGUAGE_KEY, LANGUAGES, t

__all__ = ["language_switch", "store_status"]


LANGUAGE_SWITCH = "language_switch"
"""The radio's own key; the choice itself lives under ``LANGUAGE_KEY`` (a widget's state goes with its page)."""
LANGUAGE_PARAM = "lang"
"""``?lang=zh`` in the address: a reload, a bookmark or a link someone sent opens in that language."""


def language_switch() -> None:
    """The sidebar's language choice, kept for the session and in the address bar.

    Streamlit forgets a widget's value when a run ends without drawing it (a
    page switch), so the choice is copied to a plain session key on change; the
    address carries it too, so a new session (reload, deep link) starts from it.
    """
    names: dict[str, str] = {code: name for name, code in LANGUAGES.items()}
    if LANGUAGE_KEY not in st.session_state:
        st.session_state[LANGUAGE_KEY] = names.get(str(st.query_params.get(LANGUAGE_PARAM, "")), "English")
    chosen = str(st.session_state[LANGUAGE_KEY])
    options = list(LANGUAGES)
    st.sidebar.radio(
        t("sidebar.language"),
        options,
        index=options.index(chosen) if chosen in options else 0,
        key=LANGUAGE_SWITCH,
        horizontal=True,
        on_change=_remember_language,
    )
    st.query_params[LANGUAGE_PARAM] = LANGUAGES.get(chosen, "en")


def _remember_language() -> None:
    st.session_state[LANGUAGE_KEY] = st.session_state[LANGUAGE_SWITCH]


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
