"""kagraph's Streamlit entry point: page routing and the shared sidebar, nothing else."""

from pathlib import Path

import streamlit as st

from ui.cached_store import require_store
from ui.chrome import streamlit_words
from ui.i18n import t
from ui.sidebar import language_switch, store_status
from ui.sign_in import identity_box, sign_in_gate

# A file, not ":material/hub:": Streamlit fetches a material favicon from fonts.gstatic.com, and users may be offline.
st.set_page_config(page_title="kagraph", page_icon=Path(__file__).parent / "ui" / "favicon.svg", layout="wide")
language_switch()
streamlit_words()
sign_in_gate()  # with [auth] configured, a signed-out visitor of any page gets the sign-in and nothing else
store = require_store()
pages = [
    st.Page("app_pages/overview.py", title=t("nav.overview"), icon=":material/home:", default=True),
    st.Page("app_pages/decision_chain.py", title=t("nav.chain"), icon=":material/account_tree:"),
    st.Page("app_pages/accounts.py", title=t("nav.accounts"), icon=":material/apartment:"),
    st.Page("app_pages/group.py", title=t("nav.group"), icon=":material/lan:"),
    st.Page("app_pages/portfolio.py", title=t("nav.portfolio"), icon=":material/leaderboard:"),
    st.Page("app_pages/claims.py", title=t("nav.claims"), icon=":material/verified_user:"),
    st.Page("app_pages/onboarding.py", title=t("nav.onboarding"), icon=":material/handshake:"),
]
if store.viewer.runs_the_desk:
    pages.append(st.Page("app_pages/import_data.py", title=t("nav.import"), icon=":material/upload_file:"))
navigation = st.navigation(pages)
store_status(store)
identity_box(store.viewer)
navigation.run()
