"""Who is using the app, for the history: the OIDC login on a team deployment, else a local name chosen once.

With an ``[auth]`` section in ``.streamlit/secrets.toml`` the app signs people
in through Streamlit's ``st.login`` and records their e-mail (or name). Without
one (the embedded default on someone's own machine) the user picks a name in
the sidebar once; ``graph.identity`` keeps it next to the data.
"""

from __future__ import annotations

import getpass

import streamlit as st

from graph.identity import chosen_user, set_local_user
from graph.render.markdown import plain
from ui.i18n import t

__all__ = ["current_user", "identity_box"]


def _login_configured() -> bool:
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return False


def _logged_in() -> bool:
    """``st.user.is_logged_in``, read so that a session without identity data (tests, no cookie) counts as out."""
    return bool(st.user.get("is_logged_in", False))


def current_user() -> str | None:
    """The signed-in user or the chosen local name; ``None`` until there is one (edits wait for it)."""
    if _login_configured():
        if not _logged_in():
            return None
        return str(st.user.get("email") or st.user.get("name") or "") or None
    return chosen_user()


def identity_box() -> None:
    """Sidebar: who changes are recorded as, with a way to sign in or to choose a name once."""
    with st.sidebar.container(border=True):
        if _login_configured():
            if _logged_in():
                st.markdown(t("identity.signed_in", who=plain(current_user())))
                if st.button(t("identity.logout"), key="logout"):
                    st.logout()
            elif st.button(t("identity.login"), key="login", type="primary"):
                st.login()
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
