"""Signing in for real: Chromium, the app with ``[auth]``, and a local OpenID Connect provider.

The provider is ``oidc-provider-mock`` on a free port; the app's ``[auth]`` points at its
discovery document. What each role may *see* once signed in is tested where the visibility
rules are; here: the sign-in itself, the sign-out, and that two people keep their own identity.
"""

from __future__ import annotations

import tomllib

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.conftest import (
    ROOT,
    SCREENSHOTS,
    ServedApp,
    auth_secrets,
    identity_cookie,
    sign_in,
    sign_out,
    signed_in_page,
    wait_signed_out,
)

pytestmark = pytest.mark.e2e


def sidebar_text(page: Page) -> str:
    return page.get_by_test_id("stSidebar").inner_text()


def test_a_user_signs_in_through_the_provider_and_the_sidebar_shows_their_email(
    sign_in_app: ServedApp, browser: Browser
) -> None:
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    page.goto(sign_in_app.url)
    wait_signed_out(page)
    assert "rep@example.com" not in sidebar_text(page)

    sign_in(page, sign_in_app.url, "rep@example.com", "Rita Rep", form_screenshot="sign-in-provider-form")

    page.wait_for_timeout(800)  # let the map and charts finish drawing for the screenshot
    page.screenshot(path=str(SCREENSHOTS / "sign-in-signed-in.png"), full_page=True)
    sidebar = sidebar_text(page)
    assert "Signed in as rep@example.com" in sidebar
    assert page.locator(".st-key-login").count() == 0
    claims = identity_cookie(page)  # what st.user holds: the provider's claims, for the role mapping
    assert claims["email"] == "rep@example.com" and claims["name"] == "Rita Rep" and claims["sub"] == "rep@example.com"
    assert claims["is_logged_in"] is True
    assert "Traceback" not in page.inner_text("body")
    page.close()


def test_signing_out_returns_to_the_signed_out_state(sign_in_app: ServedApp, browser: Browser) -> None:
    page = signed_in_page(browser, sign_in_app, "ops@example.com", "Olga Ops")

    sign_out(page, sign_in_app.url)

    assert "ops@example.com" not in sidebar_text(page)
    assert page.locator(".st-key-logout").count() == 0
    page.reload()  # the identity cookie is gone, not only this session's copy of it
    wait_signed_out(page)
    assert "ops@example.com" not in sidebar_text(page)
    page.close()


def test_two_users_in_their_own_browsers_each_see_their_own_identity(sign_in_app: ServedApp, browser: Browser) -> None:
    rep = signed_in_page(browser, sign_in_app, "rep@example.com", "Rita Rep")
    lead = signed_in_page(browser, sign_in_app, "lead@example.com", "Leo Lead")

    rep.reload()  # after the second sign-in, the first browser still has its own cookie
    rep.locator(".st-key-logout button").wait_for(timeout=60_000)
    rep.get_by_test_id("stSidebar").get_by_text("rep@example.com").first.wait_for(timeout=60_000)
    assert "lead@example.com" not in sidebar_text(rep)
    assert "Signed in as lead@example.com" in sidebar_text(lead)
    assert "rep@example.com" not in sidebar_text(lead)
    rep.close()
    lead.close()


def test_the_example_secrets_have_the_auth_keys_the_harness_signs_in_with() -> None:
    example = tomllib.loads((ROOT / ".streamlit" / "secrets.toml.example").read_text(encoding="utf-8"))
    harness = tomllib.loads(auth_secrets(8501, "http://127.0.0.1:9400/.well-known/openid-configuration"))
    assert set(example["auth"]) == set(harness["auth"]) == {
        "redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url",
    }  # fmt: skip
    assert harness["auth"]["redirect_uri"] == "http://localhost:8501/oauth2callback"
