"""Signing in for real: Chromium, the app with ``[auth]``, a local OpenID Connect provider, three roles.

The provider is ``oidc-provider-mock`` on a free port; the app's ``[auth]`` points at its
discovery document. A rep (李娜, team 华东大客户部), a lead (马超, Telesales) and sales ops
sign in; each sees the groups the README's table gives them. The AppTest matrix
(``tests/app/test_access_pages.py``) checks every page's text for people a role may not see;
here the browser checks the sign-in itself, the groups each role is offered, the pages a
signed-out visitor can reach, and that two people keep their own identity.
"""

from __future__ import annotations

import tomllib

import pytest
from playwright.sync_api import Browser, Page

from graph.config.settings import Settings
from graph.domain.changes import ChangeSource
from graph.servers.connect import open_store
from graph.services.account_views import account_timeline
from tests.e2e.conftest import (
    OPS_EMAIL,
    ROOT,
    SCREENSHOTS,
    ServedApp,
    auth_secrets,
    authorize,
    identity_cookie,
    settle,
    sign_in,
    sign_out,
    signed_in_page,
    wait_signed_out,
)

pytestmark = pytest.mark.e2e
REP, LEAD = "li@example.com", "ma@example.com"
PAGES = ("", "decision_chain", "accounts", "group", "portfolio", "claims", "onboarding", "import_data")


def sidebar_text(page: Page) -> str:
    return page.get_by_test_id("stSidebar").inner_text()


def offered_groups(page: Page) -> str:
    """The names the Accounts page's group picker offers (opened, read, closed)."""
    page.get_by_role("link", name="Accounts").click()
    page.get_by_text("Companies in the group").first.wait_for(timeout=60_000)
    settle(page)
    page.locator("[data-testid='stSelectbox']").first.click()
    options = page.get_by_role("option")
    options.first.wait_for(timeout=30_000)
    names = "\n".join(options.all_inner_texts())
    page.keyboard.press("Escape")
    return names


def test_a_rep_signs_in_through_the_provider_and_sees_only_their_teams_groups(
    sign_in_app: ServedApp, browser: Browser
) -> None:
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    page.goto(sign_in_app.url)
    wait_signed_out(page)
    assert REP not in page.inner_text("body")

    sign_in(page, sign_in_app.url, REP, "李娜", form_screenshot="sign-in-provider-form")

    groups = offered_groups(page)
    page.screenshot(path=str(SCREENSHOTS / "sign-in-rep-overview.png"), full_page=True)
    sidebar = sidebar_text(page)
    assert f"Signed in as {REP}" in sidebar and "Role: rep" in sidebar
    assert "Import" not in sidebar  # imports are for sales ops
    assert "华东电网" in groups and "Northwind" not in groups
    claims = identity_cookie(page)  # what st.user holds: the provider's claims, for the role mapping
    assert claims["email"] == REP and claims["name"] == "李娜" and claims["is_logged_in"] is True
    assert "Traceback" not in page.inner_text("body")
    page.close()


def test_a_lead_and_sales_ops_see_what_their_roles_give_them(sign_in_app: ServedApp, browser: Browser) -> None:
    lead = signed_in_page(browser, sign_in_app, LEAD, "马超")
    groups = offered_groups(lead)
    assert "Role: team lead" in sidebar_text(lead)
    assert "Northwind" not in groups and "华东电网" in groups  # a branch of 华东电网 is their team's
    lead.close()

    ops = signed_in_page(browser, sign_in_app, OPS_EMAIL, "Olga Ops")
    groups = offered_groups(ops)
    ops.screenshot(path=str(SCREENSHOTS / "sign-in-ops-overview.png"), full_page=True)
    sidebar = sidebar_text(ops)
    assert "Role: sales ops" in sidebar and "Import" in sidebar
    assert "Northwind" in groups and "华东电网" in groups
    ops.close()


def test_what_sales_ops_open_and_download_goes_into_the_accounts_history(
    sign_in_app: ServedApp, browser: Browser
) -> None:
    page = signed_in_page(browser, sign_in_app, OPS_EMAIL, "Olga Ops")
    page.get_by_role("link", name="Decision chain").click()
    page.get_by_role("tab", name="Export").click()
    with page.expect_download(timeout=60_000) as saved:
        page.get_by_role("button", name="Download people (CSV)").click()
    company = saved.value.suggested_filename.removesuffix("-people.csv")
    settle(page)
    page.get_by_role("link", name="Overview").click()
    page.get_by_text("Access log: the last 30 days").click()
    page.get_by_test_id("stExpander").get_by_test_id("stDataFrame").wait_for(timeout=60_000)
    settle(page)
    page.get_by_text("Access log: the last 30 days").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "sign-in-ops-access-log.png"))
    page.close()
    store = open_store(Settings(kagraph_data_dir=sign_in_app.data_dir))
    try:
        records = [
            (i.who, i.what, i.action.english)
            for i in account_timeline(store, company)
            if i.source is ChangeSource.ACCESS and i.who == OPS_EMAIL
        ]
    finally:
        store.close()
    assert (OPS_EMAIL, "viewed", "view account") in records
    assert (OPS_EMAIL, "downloaded", f"download {company}-people.csv") in records


def test_an_address_nobody_mapped_sees_a_page_that_says_so_and_nothing_else(
    sign_in_app: ServedApp, browser: Browser
) -> None:
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    stranger = "stranger@elsewhere.example.com"
    authorize(page, sign_in_app.url, stranger, {"email": stranger, "email_verified": True})
    page.get_by_text("no rep or role is set for this address").wait_for(timeout=60_000)
    settle(page)
    page.screenshot(path=str(SCREENSHOTS / "sign-in-nobody.png"), full_page=True)
    assert page.get_by_test_id("stDataFrame").count() == 0
    assert page.get_by_test_id("stSidebarNav").count() == 0
    page.close()


def test_a_signed_out_request_to_any_page_gets_only_the_sign_in(sign_in_app: ServedApp, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    for path in PAGES:
        page.goto(f"{sign_in_app.url}/{path}")
        wait_signed_out(page)
        body = page.inner_text("body")
        assert page.get_by_test_id("stDataFrame").count() == 0, path
        assert page.get_by_test_id("stSidebarNav").count() == 0, path
        assert "华东电网" not in body and "Northwind" not in body, path
    page.close()


def test_signing_out_returns_to_the_signed_out_state(sign_in_app: ServedApp, browser: Browser) -> None:
    page = signed_in_page(browser, sign_in_app, REP, "李娜")
    sign_out(page, sign_in_app.url)
    assert REP not in page.inner_text("body")
    page.reload()  # the identity cookie is gone, not only this session's copy of it
    wait_signed_out(page)
    assert REP not in page.inner_text("body")
    page.close()


def test_two_users_in_their_own_browsers_each_see_their_own_identity(sign_in_app: ServedApp, browser: Browser) -> None:
    rep = signed_in_page(browser, sign_in_app, REP, "李娜")
    lead = signed_in_page(browser, sign_in_app, LEAD, "马超")

    rep.reload()  # after the second sign-in, the first browser still has its own cookie
    rep.locator(".st-key-logout button").wait_for(timeout=60_000)
    rep.get_by_test_id("stSidebar").get_by_text(REP).first.wait_for(timeout=60_000)
    assert LEAD not in sidebar_text(rep)
    assert f"Signed in as {LEAD}" in sidebar_text(lead)
    assert REP not in sidebar_text(lead)
    rep.close()
    lead.close()


def test_the_example_secrets_have_the_auth_keys_the_harness_signs_in_with() -> None:
    example = tomllib.loads((ROOT / ".streamlit" / "secrets.toml.example").read_text(encoding="utf-8"))
    harness = tomllib.loads(auth_secrets(8501, "http://127.0.0.1:9400/.well-known/openid-configuration"))
    assert set(example["auth"]) == set(harness["auth"]) == {
        "redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url",
    }  # fmt: skip
    assert harness["auth"]["redirect_uri"] == "http://localhost:8501/oauth2callback"


@pytest.mark.parametrize(
    "claims",
    [{"name": OPS_EMAIL}, {"email": OPS_EMAIL, "email_verified": False}, {"email": OPS_EMAIL}],
    ids=["name only", "unverified", "verified missing"],
)
def test_a_token_without_a_verified_email_signs_in_as_nobody(
    sign_in_app: ServedApp, browser: Browser, claims: dict[str, object]
) -> None:
    """Sales ops' address as the display name, or as an e-mail the provider does not vouch for: no access."""
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    authorize(page, sign_in_app.url, "spoofer-1", claims)
    page.get_by_text("no e-mail address your identity provider has verified").wait_for(timeout=60_000)
    # The subject id, for sales ops to map if they mean to: its caption can arrive a moment after the warning.
    page.get_by_text("spoofer-1", exact=False).wait_for(timeout=60_000)
    settle(page)
    assert page.get_by_test_id("stDataFrame").count() == 0
    assert page.get_by_test_id("stSidebarNav").count() == 0
    page.close()
