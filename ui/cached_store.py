"""The store the pages get: one per app process, opened once, seen through the current viewer's rules.

``st.cache_resource`` keeps a single driver/client for every session (never
one per query, never one in session state). A failure is not cached, so the
next rerun tries again once the server is back. The store's answers are
cached for 30 s and shared by every session; each page run then sees them
through ``graph.services.visible_store.VisibleStore`` for its viewer, so what a role
may see is decided here, below every page and every download.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any, NoReturn

import networkx as nx
import streamlit as st

from graph.analysis.claim_book import ClaimsReport, claims_report
from graph.analysis.portfolio_rows import PortfolioRow
from graph.config.access_file import load_access
from graph.config.claim_policy_file import load_policy
from graph.config.local_user import chosen_user, local_user
from graph.config.settings import load_settings
from graph.domain.access import AccessEntry, Viewer, local_viewer, resolve_viewer
from graph.domain.claim_policy import ClaimPolicy
from graph.domain.errors import KagraphError
from graph.domain.identity import signed_in_as
from graph.render.markdown import plain
from graph.servers.connect import open_store
from graph.services.portfolio_view import portfolio_lines
from graph.services.visible_store import VisibleStore, viewer_full_view
from graph.store import GraphStore
from ui.i18n import t
from ui.sign_in import login_configured, signed_in_claims

__all__ = [
    "access_lines",
    "claim_policy",
    "claims_graph",
    "company_graph",
    "company_names",
    "current_user",
    "current_viewer",
    "group_graph",
    "portfolio_table",
    "rep_list",
    "require_store",
    "shared_store",
    "signed_in_address",
]

_LOG = logging.getLogger(__name__)
_RECORDED = "access.recorded"
"""Session state: the (day, company) views of this session already in the history."""


@st.cache_resource(show_spinner=False)
def shared_store() -> GraphStore:
    """The process's one store; an empty one stays empty (run.sh loads the demo, the Import page loads data)."""
    return open_store()


def _stamp(path: Path) -> tuple[int, int] | None:
    """What tells one version of a hand-edited file from the next: modification time and size (``None``: no file)."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_mtime_ns, status.st_size


@st.cache_data(show_spinner=False)
def _access_file(path: str, stamp: tuple[int, int] | None) -> dict[str, AccessEntry]:
    return load_access(Path(path))


@st.cache_data(show_spinner=False)
def _policy_file(path: str, stamp: tuple[int, int] | None) -> ClaimPolicy:
    return load_policy(Path(path))


def _open_store() -> GraphStore:
    try:
        return shared_store()
    except KagraphError as error:
        st.error(t("store.down", reason=error))
        st.caption(t("store.down.hint"))
        st.stop()


@st.cache_data(ttl=30, show_spinner=False)
def _company_graph(company_id: str) -> nx.MultiDiGraph[str]:
    return shared_store().subgraphs.company(company_id)


@st.cache_data(ttl=30, show_spinner=False)
def _group_graph(company_id: str) -> nx.MultiDiGraph[str]:
    return shared_store().subgraphs.group(company_id)


@st.cache_data(ttl=30, show_spinner=False)
def _claims_graph() -> nx.MultiDiGraph[str]:
    return shared_store().subgraphs.claims()


@st.cache_data(ttl=30, show_spinner=False)
def _company_names() -> list[dict[str, Any]]:
    return shared_store().accounts.company_names()


@st.cache_data(ttl=30, show_spinner=False)
def _company_roots() -> dict[str, str]:
    return shared_store().accounts.company_roots()


@st.cache_data(ttl=30, show_spinner=False)
def _reps() -> list[dict[str, Any]]:
    return shared_store().accounts.reps()


@st.cache_data(ttl=30, show_spinner=False)
def _groups() -> list[dict[str, Any]]:
    return shared_store().accounts.groups()


@st.cache_data(ttl=30, show_spinner=False)
def _group_companies(company_id: str) -> list[dict[str, Any]]:
    return shared_store().accounts.group_companies(company_id)


class _CachedAccounts:
    """``AccountLists`` answered from the 30 s cache (widgets rerun a page often); each answer is a fresh copy."""

    def groups(self) -> list[dict[str, Any]]:
        return _groups()

    def group_companies(self, company_id: str) -> list[dict[str, Any]]:
        return _group_companies(company_id)

    def company_names(self) -> list[dict[str, Any]]:
        return _company_names()

    def company_roots(self) -> dict[str, str]:
        return _company_roots()

    def reps(self) -> list[dict[str, Any]]:
        return _reps()


class _CachedSubgraphs:
    """``SubgraphLists`` answered from the 30 s cache; each answer is a fresh copy."""

    def company(self, company_id: str) -> nx.MultiDiGraph[str]:
        return _company_graph(company_id)

    def group(self, company_id: str) -> nx.MultiDiGraph[str]:
        return _group_graph(company_id)

    def claims(self) -> nx.MultiDiGraph[str]:
        return _claims_graph()


class _CachedReads:
    """``GraphReads`` answered from the 30 s cache."""

    accounts = _CachedAccounts()
    subgraphs = _CachedSubgraphs()


def access_lines() -> dict[str, AccessEntry]:
    """The access file sales ops keep; a file that cannot be used stops every page (nobody gets in on it).

    Read again only when the file changed (every page run asks several times: once per store read).
    Why it cannot be used (its path, its lines) goes to the server's log, not to the page: the file is what
    says who is an admin, so while it is broken nobody can be told apart from anyone else.
    """
    path = load_settings().access_path
    try:
        return _access_file(str(path), _stamp(path))
    except KagraphError as error:
        _LOG.error("kagraph: %s", error)
        st.error(t("access.file_broken", setting="KAGRAPH_ACCESS"))
        st.stop()


def signed_in_address() -> str | None:
    """The address the signed-in person's token identifies (``signed_in_as``); ``None``: signed out, or nobody."""
    claims = signed_in_claims()
    return None if claims is None else signed_in_as(claims, access_lines())


def current_user() -> str | None:
    """Who changes are recorded as: the signed-in address or the chosen local name; ``None`` until there is one."""
    if login_configured():
        return signed_in_address()
    return chosen_user()


def current_viewer() -> Viewer | None:
    """Who is using the app, as the visibility rules see them; ``None`` for a sign-in that identifies nobody.

    Without sign-in configured it is the machine's one user, who sees everything.
    """
    if not login_configured():
        return local_viewer(local_user())
    address = signed_in_address()
    if address is None:
        return None
    return resolve_viewer(address, _reps(), access_lines())


@st.cache_data(ttl=30, show_spinner=False)
def _claims_today(today: dt.date) -> ClaimsReport:
    """Today's claims report, which every viewer's full view starts from."""
    return claims_report(_claims_graph(), today, claim_policy()[0])


@st.cache_data(ttl=30, show_spinner=False)
def _full_view(viewer_json: str, today: dt.date) -> frozenset[str] | None:
    viewer = Viewer.model_validate_json(viewer_json)
    if viewer.sees_everything:
        return None
    return viewer_full_view(shared_store(), viewer, _claims_today(today), _company_roots(), claim_policy()[0])


def require_store() -> VisibleStore:
    """The store as the current viewer may see it, or a readable message and a stopped page.

    A sign-in that identifies nobody (no verified e-mail, no subject the access
    file names) or an address that maps to nobody gets a page that says so and
    nothing else.
    """
    store = _open_store()
    viewer = current_viewer()
    if viewer is None:
        _nobody()
    full = _full_view(viewer.model_dump_json(), dt.date.today())
    recorded = st.session_state.setdefault(_RECORDED, set())
    return VisibleStore(store, viewer, full, _CachedReads(), recorded)


def _nobody() -> NoReturn:
    """The page of a sign-in kagraph cannot map to anyone: what is missing, whom to ask, the way out."""
    address = signed_in_address()
    if address is None:
        subject = str((signed_in_claims() or {}).get("sub") or "—")
        st.warning(t("access.unverified"), icon=":material/lock:")
        st.caption(plain(t("access.unverified.hint", sub=subject)))
    else:
        st.warning(plain(t("access.nobody", who=address)), icon=":material/lock:")
        st.caption(t("access.nobody.hint"))
    if st.button(t("identity.logout"), key="logout_nobody"):
        st.logout()
    st.stop()


def company_graph(company_id: str) -> nx.MultiDiGraph[str]:
    """A company's subgraph as the viewer may see it."""
    return require_store().company_subgraph(company_id)


def rep_list() -> list[dict[str, Any]]:
    """Our reps (id, name, status …) by name, reused across reruns for 30 s."""
    return _reps()


def group_graph(company_id: str) -> nx.MultiDiGraph[str]:
    """The whole group's subgraph as the viewer may see it."""
    return require_store().group_subgraph(company_id)


@st.cache_data(ttl=30, show_spinner=False)
def _portfolio(as_of: dt.date, window_days: int) -> list[PortfolioRow]:
    return portfolio_lines(shared_store().portfolio, as_of, window_days)


def portfolio_table(as_of: dt.date, window_days: int) -> list[PortfolioRow]:
    """The portfolio line of every group the viewer may open (figures, no people), reused for 30 s."""
    shown = require_store().visible_groups
    return [row for row in _portfolio(as_of, window_days) if shown is None or row.group_id in shown]


def claims_graph() -> nx.MultiDiGraph[str]:
    """Companies, claims, reps and the touches claims are judged on, people outside the viewer's view as ids."""
    return require_store().claims_graph()


def company_names() -> list[dict[str, Any]]:
    """Every company's id, name, name key, parent and tier, reused across reruns for 30 s."""
    return _company_names()


def claim_policy() -> tuple[ClaimPolicy, Path]:
    """The claim policy sales ops keep, and its file; a file that cannot be used stops the page, naming the setting.

    Read again only when the file changed, like the access file. Why it cannot be used names its path and lines,
    which are the host's business: that goes to the server's log, and the page names only the setting.
    """
    path = load_settings().claim_policy_path
    try:
        return _policy_file(str(path), _stamp(path)), path
    except KagraphError as error:
        _LOG.error("kagraph: %s", error)
        st.error(t("claims.policy.file_broken", setting="KAGRAPH_CLAIM_POLICY"))
        st.stop()
