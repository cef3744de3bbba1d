"""Which group or company the user asked to look at from another page.

The Portfolio opens a group on the Group page, the Group page opens a company
on the decision-chain page (at the contact its best way in reaches): the
source page stores the ids in session state and switches page; the target
page starts its pickers there.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from graph.services.visible_store import VisibleStore
from ui.i18n import t

__all__ = [
    "CHAIN_PAGE",
    "FOCUS_COMPANY",
    "FOCUS_CONTACT",
    "FOCUS_GROUP",
    "GROUP_PAGE",
    "focused_index",
    "group_picker",
]

FOCUS_GROUP = "focus_group"
FOCUS_COMPANY = "focus_company"
FOCUS_CONTACT = "focus_contact"
CHAIN_PAGE = "app_pages/decision_chain.py"
GROUP_PAGE = "app_pages/group.py"


def focused_index(key: str, options: Sequence[str]) -> int:
    """The position of the focused id among ``options``, or 0 when there is none."""
    focus = st.session_state.get(key)
    return options.index(focus) if focus in options else 0


def group_picker(store: VisibleStore, slot: DeltaGenerator) -> str:
    """The customer-group selectbox, starting at the focused group; stops the page when there is none."""
    groups = {g["id"]: g["name"] for g in store.groups()}
    if not groups:
        st.info(t("overview.empty"))
        st.stop()
    options = list(groups)
    return str(
        slot.selectbox(
            t("accounts.group"),
            options,
            format_func=groups.__getitem__,
            index=focused_index(FOCUS_GROUP, options),
            key="pick_group",
        )
    )
