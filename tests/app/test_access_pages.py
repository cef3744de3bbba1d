"""Every page, for every role, on every account it can open: nothing shows that the role may not see.

The app runs with ``[auth]`` configured and AppTest's signed-in user. The
people a role may not see are worked out here from the store itself, from the
README's table (not from ``graph.domain.access``): a rep sees in full the companies
where their team knows someone, owns an open deal or holds a live claim
(covering its group); a lead the same for the teams below them; ops every
company, without phones and e-mails. Everything a page renders is searched:
text, widget options, table cells, the map's HTML, and every download's bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from google.protobuf import text_format
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

import ui.downloads
from graph.analysis.claim_book import claims_report
from graph.analysis.claim_scope import company_roots, in_scope
from graph.domain.claim_policy import ClaimPolicy
from graph.servers.connect import open_store
from graph.store import GraphStore
from tests.app.test_pages import PAGES

pytestmark = pytest.mark.app
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "test-only",
    "client_id": "kagraph",
    "client_secret": "test-only",
    "server_metadata_url": "https://login.example.com/.well-known/openid-configuration",
}
ROLES = {"rep": "li@example.com", "lead": "ma@example.com", "ops": "ops@example.com"}
GROUP_LABEL = "Customer group"
COMPANY_LABEL = "Company"


@pytest.fixture
def signed_in_env(app_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo app with an access file naming sales ops (reps sign in by their ``email`` column)."""
    access = tmp_path / "access.toml"
    access.write_text(f'[users."{ROLES["ops"]}"]\nrole = "ops"\n', encoding="utf-8")
    monkeypatch.setenv("KAGRAPH_ACCESS", str(access))


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The bytes of every download button drawn, as text: what a user would save (a file made on the click, made).

    Made without recording the download: these tests share one demo graph, whose history must not fill with
    downloads nobody made (that a click is recorded is ``tests/integration/test_downloads.py``'s to prove).
    """
    offered: list[str] = []
    original = DeltaGenerator.download_button
    monkeypatch.setattr(ui.downloads, "recorded_file", lambda store, make, file_name, company_ids: make)

    def recording(self: DeltaGenerator, label: str, data: Any, *args: Any, **kwargs: Any) -> Any:
        saved = data() if callable(data) else data
        offered.append(saved.decode("utf-8") if isinstance(saved, bytes) else str(saved))
        return original(self, label, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", recording)
    return offered


def _team_of(store: GraphStore, address: str) -> set[str]:
    reps = {str(r["id"]): r for r in store.accounts.reps()}
    me = next(i for i, r in reps.items() if r.get("email") == address)
    below = {i for i, r in reps.items() if r.get("manager_id") == me}
    teams = {reps[i].get("team") for i in {me, *below}} - {None}
    return {me, *below} | {i for i, r in reps.items() if r.get("team") in teams}


def _full_companies(store: GraphStore, reps: set[str]) -> set[str]:
    """The README's rule, restated: knows someone there, owns an open deal there, or a live claim covers it."""
    today = dt.date.today()
    full: set[str] = set()
    for group in store.accounts.groups():
        graph = store.subgraphs.group(str(group["id"]))
        for source, target, data in graph.edges(data=True):
            ends = graph.nodes[source], graph.nodes[target]
            if data["type"] == "KNOWS" and ends[0]["label"] == "Rep" and ends[0]["id"] in reps:
                full.add(str(ends[1]["company_id"]))
        for _, data in graph.nodes(data=True):
            if data["label"] == "Opportunity" and data.get("owner_id") in reps and data["stage"] not in ("won", "lost"):
                full.add(str(data["company_id"]))
    claims = store.subgraphs.claims()
    roots = company_roots(claims)
    for claim in claims_report(claims, today, ClaimPolicy()).claims:
        if claim.rep_id in reps and claim.protects(today):
            full |= {c for c in roots if in_scope(c, claim.scope_id, roots, ClaimPolicy())}
    return full


def _people(store: GraphStore) -> list[dict[str, Any]]:
    people = []
    for group in store.accounts.groups():
        graph = store.subgraphs.group(str(group["id"]))
        people += [d for _, d in graph.nodes(data=True) if d["label"] == "Contact"]
    return people


def forbidden(role: str) -> tuple[set[str], list[str]]:
    """Names, phones and e-mails of contacts the role may not see, and the names it may (longest first).

    A visible name can hold a hidden one (姚静婷 holds 姚静): the page's text is
    searched once the visible names are taken out of it.
    """
    store = open_store()
    try:
        people = _people(store)
        reps = {str(r.get("name")) for r in store.accounts.reps()}
        full = None if role == "ops" else _full_companies(store, _team_of(store, ROLES[role]))
    finally:
        store.close()
    hidden = [p for p in people if full is not None and str(p["company_id"]) not in full]
    shown_names = {p["name"] for p in people if p not in hidden} | reps
    found = {str(p["name"]) for p in hidden if p["name"] not in shown_names and len(str(p["name"])) >= 2}
    personal = people if role == "ops" else hidden
    found |= {str(p[k]) for p in personal for k in ("phone", "email") if p.get(k)}
    assert found, f"the demo must hold someone the {role} may not see"
    return found, sorted(shown_names, key=len, reverse=True)


def _unescaped(text: str) -> str:
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)


def _texts(node: Any) -> Iterator[str]:
    """Everything a rendered element holds: its proto as text (an iframe's HTML too), a table's cells."""
    proto = getattr(node, "proto", None)
    if getattr(node, "type", "") in ("arrow_data_frame", "table"):
        yield " ".join(str(v) for v in node.value.astype(str).to_numpy().ravel())
        yield " ".join(str(c) for c in node.value.columns)
    elif proto is not None:
        yield _unescaped(text_format.MessageToString(proto, as_utf8=True))
    for child in getattr(node, "children", {}).values():
        yield from _texts(child)


def page_text(app: AppTest, offered: list[str]) -> str:
    return "\n".join([*_texts(app._tree), *(_unescaped(d) for d in offered)])


def signed_in(role: str) -> AppTest:
    app = AppTest.from_file("../../app.py", default_timeout=120)
    app.secrets["auth"] = AUTH
    app.user = {"is_logged_in": True, "email": ROLES[role], "email_verified": True, "name": role.title()}
    app.run()
    assert not app.exception
    return app


def _options(app: AppTest, label: str) -> int:
    """How many options the selectbox labelled ``label`` offers (0 when the page has none)."""
    return next((len(s.options) for s in app.selectbox if s.label == label), 0)


def _pick(app: AppTest, label: str, position: int) -> None:
    next(s for s in app.selectbox if s.label == label).select_index(position).run()
    assert not app.exception


DESK_PAGES = ("app_pages/import_data.py",)
"""Pages only sales ops and admins are offered."""


@pytest.mark.parametrize(("role", "page"), [(r, p) for r in ROLES for p in PAGES if r == "ops" or p not in DESK_PAGES])
@pytest.mark.usefixtures("signed_in_env")
def test_no_page_shows_a_role_anyone_it_may_not_see(role: str, page: str, downloads: list[str]) -> None:
    app = signed_in(role)  # the first start loads the demo
    secret, allowed = forbidden(role)
    app.switch_page(page).run()
    assert not app.exception
    seen = [page_text(app, downloads)]
    for group in range(_options(app, GROUP_LABEL)):
        downloads.clear()
        _pick(app, GROUP_LABEL, group)
        seen.append(page_text(app, downloads))
        for company in range(1, _options(app, COMPANY_LABEL)):
            downloads.clear()
            _pick(app, COMPANY_LABEL, company)
            seen.append(page_text(app, downloads))
    # Each page holds the map's HTML twice (its frame and its download), most of it the same inlined library: the
    # search runs once over every distinct line. Names, phones and e-mails hold no line break, so nothing is lost.
    assert not any("\n" in s for s in (*secret, *allowed))
    shown = "\n".join(dict.fromkeys(line for page in seen for line in page.split("\n")))
    candidates = [s for s in secret if s in shown]
    for name in allowed:  # only a visible name that holds a hidden one can explain it away
        if any(s in name for s in candidates):
            shown = shown.replace(name, " ")
    leaked = sorted(s for s in candidates if s in shown)
    assert not leaked, f"{page} shows the {role} {leaked[:5]}"


@pytest.mark.parametrize("role", ["rep", "lead"])
@pytest.mark.usefixtures("signed_in_env")
def test_imports_are_offered_to_sales_ops_only(role: str) -> None:
    app = signed_in(role)
    for page in DESK_PAGES:
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            app.switch_page(page)
    ops = signed_in("ops")
    ops.switch_page(DESK_PAGES[0]).run()
    assert not ops.exception and ops.title[0].value == "Import spreadsheets"


@pytest.mark.usefixtures("signed_in_env")
def test_a_signed_out_visitor_of_any_page_gets_only_the_sign_in() -> None:
    """Every page runs under ``app.py``, which stops at the sign-in before any page is registered or run."""
    app = AppTest.from_file("../../app.py", default_timeout=120)
    app.secrets["auth"] = AUTH
    app.user = {"is_logged_in": False}
    app.run()
    for page in PAGES:
        app.switch_page(page).run()
        assert not app.exception
        assert [b.key for b in app.button] == ["login"]
        assert not app.dataframe and not app.selectbox and not app.metric
        assert [t.value for t in app.title] == ["kagraph"]
    assert [b.key for b in app.button] == ["login"]
    assert not app.dataframe and not app.selectbox and not app.metric
    assert [t.value for t in app.title] == ["kagraph"]


@pytest.mark.usefixtures("signed_in_env")
def test_an_address_that_maps_to_nobody_sees_a_page_that_says_so_and_nothing_else() -> None:
    app = AppTest.from_file("../../app.py", default_timeout=120)
    app.secrets["auth"] = AUTH
    app.user = {
        "is_logged_in": True,
        "email": "stranger@elsewhere.example.com",
        "email_verified": True,
        "name": "Stranger",
    }
    app.run()
    assert not app.exception
    notice = app.warning[0].value.replace("\\", "")
    assert "stranger@elsewhere.example.com" in notice and "no rep or role" in notice
    assert not app.dataframe and not app.selectbox and not app.metric and not app.title


@pytest.mark.usefixtures("signed_in_env")
def test_edits_and_claims_follow_the_same_rules() -> None:
    rep = signed_in("rep")
    rep.switch_page("app_pages/claims.py").run()
    assert rep.selectbox(key="claims.file.rep").options == ["李娜"]  # a rep files only for themselves
    assert not [b for b in rep.button if b.key == "claims.settle.button"]  # nor settles disputes
    lead = signed_in("lead")
    lead.switch_page("app_pages/claims.py").run()
    assert set(lead.selectbox(key="claims.file.rep").options) == {"马超", "孙丽", "高鹏"}  # the Telesales team
    assert [b for b in lead.button if b.key == "claims.settle.button"]  # 孙丽's co-sj dispute is theirs to settle
    ops = signed_in("ops")
    ops.switch_page("app_pages/decision_chain.py").run()
    assert not ops.exception
    assert any("does not edit its people" in c.value for c in ops.caption)
    assert not [s for s in ops.selectbox if s.key == "edit.contact"]
    rep.switch_page("app_pages/decision_chain.py").run()
    assert [s for s in rep.selectbox if s.key == "edit.contact"]  # their own account: editable
    rep.switch_page("app_pages/onboarding.py").run()
    assert any("for their lead or sales ops" in c.value for c in rep.caption)


@pytest.mark.usefixtures("signed_in_env")
def test_the_sign_in_and_the_no_access_page_read_in_chinese() -> None:
    app = AppTest.from_file("../../app.py", default_timeout=120)
    app.secrets["auth"] = AUTH
    app.session_state["language"] = "简体中文"
    app.user = {"is_logged_in": False}
    app.run()
    assert app.button(key="login").label == "登录" and "请登录" in app.markdown[-1].value
    app.user = {"is_logged_in": True, "email": "stranger@elsewhere.example.com", "email_verified": True}
    app.run()
    assert "未对应任何销售或角色" in app.warning[0].value and app.button(key="logout_nobody").label == "退出登录"
    app.user = {"is_logged_in": True, "email": ROLES["lead"], "email_verified": True}
    app.run()
    assert "角色：团队主管" in " ".join(c.value for c in app.sidebar.caption)


@pytest.mark.usefixtures("signed_in_env")
def test_sales_ops_read_the_access_log_and_reps_do_not() -> None:
    ops = signed_in("ops")
    ops.switch_page("app_pages/decision_chain.py").run()  # opens an account that is not theirs: recorded
    ops.switch_page("app_pages/overview.py").run()
    assert not ops.exception
    log = next(e for e in ops.expander if e.label.startswith("Access log"))
    assert "ops@example.com" in " ".join(log.dataframe[0].value["who"])
    rep = signed_in("rep")
    assert not [e for e in rep.expander if e.label.startswith("Access log")]
