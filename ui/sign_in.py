"""Who is using the app, for the history: the OIDC login on a team deployment, else a local name chosen once.

With an ``[auth]`` section in ``.streamlit/secrets.toml`` the app signs people
in through Streamlit's ``st.login``; which address the sign-in's claims make
them is ``graph.domain.identity.signed_in_as`` (a verified e-mail or a mapped
subject, never the name), applied in ``ui.cached_store``. Without one (the
embedded default on someone's own machine) the user picks a name in the
sidebar once; ``graph.config.local_user`` keeps it next to the data.
"""

from __future__ import annotations

import getpass
from typing import Any

import streamlit as st

from graph.config.local_user import chosen_user, set_local_user
from graph.domain.access import Viewer
from ui.i18n import t

__all__ = ["identity_box", "login_configured", "sign_in_gate", "signed_in_claims"]


def login_configured() -> bool:
    """Whether ``.streamlit/secrets.toml`` has an ``[auth]`` section: a team deployment where everyone signs in."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return False


def _logged_in() -> bool:
    """``st.user.is_logged_in``, read so that a session without identity data (tests, no cookie) counts as out."""
    return bool(st.user.get("is_logged_in", False))


def signed_in_claims() -> dict[str, Any] | None:
    """The claims of the signed-in person's token (``st.user``), as the provider sent them; ``None`` when signed out."""
    if not _logged_in():
        return None
    return {key: value for key, value in st.user.to_dict().items() if key != "tokens"}


def sign_in_gate() -> None:
    """With sign-in configured, a signed-out visitor of any page sees the sign-in and nothing else."""
    if not login_configured() or _logged_in():
        return
    st.title("kagraph")
    st.markdown(t("identity.gate"))
    if st.button(t("identity.login"), key="login", type="primary"):
        st.login()
    st.stop()


def identity_box(viewer: Viewer) -> None:
    """Sidebar: who is signed in and in which role, or who changes are recorded as locally (chosen once)."""
    with st.sidebar.container(border=True):
        if login_configured():
            st.text(t("identity.signed_in", who=viewer.who))  # text: an address is not a link to click
            st.caption(t(f"access.role.{viewer.role.value}"))
            if st.button(t("identity.logout"), key="logout"):
                st.logout()
            return
        who = chosen_user()
        if who:
            st.caption(t("identity.recorded_as"))
            st.text(who)
            return
        name = st.text_input(t("identity.choose"), value=getpass.getuser(), key="local_user_name")
        st.caption(t("identity.choose.hint"))
        if st.button(t("identity.use"), key="use_local_user"):
            try:
                set_local_user(name)
            except ValueError:
                st.error(t("identity.empty"))
            else:
                st.rerun()
