"""Which group or company the user asked to look at from another page.

The Portfolio opens a group on the Group page, the Group page opens a company
on the decision-chain page: the source page stores the id in session state
and switches page; the target page starts its pickers there.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

__all__ = ["CHAIN_PAGE", "FOCUS_COMPANY", "FOCUS_GROUP", "GROUP_PAGE", "focused_index"]

FOCUS_GROUP = "focus_group"
FOCUS_COMPANY = "focus_company"
CHAIN_PAGE = "app_pages/decision_chain.py"
GROUP_PAGE = "app_pages/group.py"


def focused_index(key: str, options: Sequence[str]) -> int:
    """The position of the focused id among ``options``, or 0 when there is none."""
    focus = st.session_state.get(key)
    return options.index(focus) if focus in options else 0
