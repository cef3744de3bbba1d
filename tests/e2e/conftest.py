"""The real app, served by ``streamlit run`` on a free port, and a headless Chromium.

Playwright drives Debian's Chromium (a fresh profile per run, background
networking off). Screenshots land in ``out/screenshots/`` so a person can look
at what the browser saw; the tests assert on the rendered page.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from itsdangerous import URLSafeTimedSerializer
from playwright.sync_api import Browser, Page, sync_playwright

from graph.config.settings import Settings
from graph.servers.connect import open_store
from ingest.load_demo import load_demo
from tests.conftest import ON_NEO4J, neo4j_environment

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "out" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync",
]  # fmt: skip


@dataclass
class ServedApp:
    url: str
    data_dir: Path
    process: subprocess.Popen[bytes]

    def stop(self) -> int:
        """SIGTERM, as a service manager would; returns the exit code."""
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_http(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with {process.returncode} before serving")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def app_env(data_dir: Path) -> dict[str, str]:
    """The app's environment: a data folder of its own, and on the Neo4j pass the suite's ``NEO4J_*``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KAGRAPH_"))}
    return {**env, **neo4j_environment(), "KAGRAPH_DATA_DIR": str(data_dir)}


def serve(data_dir: Path, fresh: bool = False, port: int | None = None, extra: Sequence[str] = ()) -> ServedApp:
    """Start the app the way run.sh does (demo if empty, then streamlit run).

    ``fresh`` starts from the demo alone: a new data folder gives the embedded
    store that by itself; Neo4j's one database is loaded anew. ``extra`` is more
    ``streamlit run`` options (``--secrets.files``, for a sign-in).
    """
    env = app_env(data_dir)
    if ON_NEO4J:  # the worker's own server, already running: loaded from here, without a second interpreter
        if fresh:
            store = open_store(Settings())
            load_demo(store, reset=True)
            store.close()
    else:  # run.sh's own step, which also starts the embedded store the app then finds
        demo = ["ingest", "demo", "--if-empty"]
        subprocess.run([sys.executable, "-m", *demo], cwd=ROOT, env=env, check=True, capture_output=True)
    port = port or _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "serve.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
            *extra,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    _wait_for_http(f"{url}/_stcore/health", process)
    return ServedApp(url=url, data_dir=data_dir, process=process)


@pytest.fixture
def served_app(tmp_path: Path) -> Iterator[ServedApp]:
    """An app of the test's own, on a fresh demo: for a test that writes, restarts the app or needs it new."""
    app = serve(tmp_path / "data", fresh=True)
    yield app
    if app.process.poll() is None:
        app.stop()


@pytest.fixture(scope="session")
def worker_demo_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedApp]:
    """One served demo app per worker, shared by the tests that only read (see ``demo_app``).

    Starting an app and its store and warming its first run costs a browser test more than many of its clicks;
    read-only tests do not need an app of their own.
    """
    app = serve(tmp_path_factory.mktemp("demo-app") / "data", fresh=True)
    yield app
    if app.process.poll() is None:
        app.stop()


def reload_demo_on_neo4j() -> None:
    """On the Neo4j pass, load the demo anew: the worker's one database is emptied by the other tests it runs."""
    if ON_NEO4J:
        store = open_store(Settings())
        try:
            load_demo(store, reset=True)
        finally:
            store.close()


@pytest.fixture
def demo_app(worker_demo_app: ServedApp) -> ServedApp:
    """The worker's shared demo app, for a test that writes nothing: its store holds the demo as loaded.

    On the embedded store the app's data folder is its own, which no other test touches; on Neo4j the demo is
    loaded again first. A test that edits, claims, imports for real or restarts the app uses ``served_app``.
    """
    reload_demo_on_neo4j()
    return worker_demo_app


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright (which downloads no browser of its own)."""
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def screenshot(browser: Browser, url: str, name: str, wait_for: str) -> Page:
    """Open ``url``, wait until ``wait_for`` is visible, save ``out/screenshots/<name>.png``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    page.goto(url)
    page.get_by_text(wait_for, exact=False).first.wait_for(timeout=60_000)
    page.wait_for_timeout(800)  # let charts and iframes finish drawing
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    return page


def settle(page: Page, timeout_ms: int = 60_000) -> None:
    """Wait until Streamlit has finished its rerun: no "running" status and no stale element left on the page.

    During a rerun the previous run's elements stay on screen marked ``data-stale``; a locator
    that matches one of them and one of the new run's finds two elements, or clicks a field that
    is about to disappear.
    """
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stStatusWidget']\")"
        " && !document.querySelector(\"[data-stale='true']\")",
        timeout=timeout_ms,
    )


def use_name(page: Page, name: str) -> None:
    """Choose the local name changes are recorded with (the sidebar's one-time choice)."""
    page.get_by_label("Your name (recorded with every change)").fill(name)
    page.get_by_role("button", name="Use this name").click()
    page.get_by_text("Your changes are recorded as").wait_for(timeout=30_000)


# --- Signing in through a real OpenID Connect provider (issue 17) ---------------------------------------------------
# ``oidc-provider-mock`` (PyPI) runs as its own process on a free port: discovery, authorize form, token, userinfo,
# JWKS and end-session endpoints, any client id and secret, any redirect URI. Its form asks only for a subject; the
# claims of a subject are set beforehand with ``PUT /users/<sub>`` (a JSON object), which ``sign_in`` does.
# The app gets its ``[auth]`` section from a secrets file of its own (``--secrets.files``), never from .streamlit/.
# Chromium must use the host of ``redirect_uri`` (localhost): Streamlit's state cookie is set on the host the
# sign-in started from and its identity cookie carries that origin, so 127.0.0.1 and localhost do not mix.

OIDC_CLIENT_ID = "kagraph-e2e"
OPS_EMAIL = "ops@example.com"


@dataclass
class OidcProvider:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def metadata_url(self) -> str:
        return f"{self.url}/.well-known/openid-configuration"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def start_oidc_provider(log: Path) -> OidcProvider:
    """``python -m oidc_provider_mock`` on a free port of 127.0.0.1, its output in ``log``; returns once it answers."""
    port = _free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    provider = OidcProvider(url=f"http://127.0.0.1:{port}", process=process, log=log)
    try:
        _wait_for_http(provider.metadata_url, process, timeout=30)
    except RuntimeError as failure:
        provider.stop()
        raise RuntimeError(f"{failure}; the provider said:\n{log.read_text(errors='replace')[-2000:]}") from None
    return provider


def auth_secrets(app_port: int, metadata_url: str) -> str:
    """The ``[auth]`` section a team puts in ``.streamlit/secrets.toml``, for the provider at ``metadata_url``."""
    return (
        "[auth]\n"
        f'redirect_uri = "http://localhost:{app_port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_urlsafe(32)}"\n'
        f'client_id = "{OIDC_CLIENT_ID}"\n'
        f'client_secret = "{secrets.token_urlsafe(16)}"\n'
        f'server_metadata_url = "{metadata_url}"\n'
    )


def serve_with_sign_in(data_dir: Path, provider: OidcProvider, secrets_file: Path) -> ServedApp:
    """``serve(fresh=True)`` with ``[auth]`` pointed at ``provider``; the app's ``url`` is on localhost (see above)."""
    port = _free_port()
    secrets_file.write_text(auth_secrets(port, provider.metadata_url), encoding="utf-8")
    app = serve(data_dir, fresh=True, port=port, extra=["--secrets.files", str(secrets_file)])
    return ServedApp(url=f"http://localhost:{port}", data_dir=app.data_dir, process=app.process)


@pytest.fixture(scope="module")
def oidc_provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OidcProvider]:
    provider = start_oidc_provider(tmp_path_factory.mktemp("oidc") / "provider.log")
    yield provider
    provider.stop()


@pytest.fixture(scope="module")
def sign_in_app(oidc_provider: OidcProvider, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedApp]:
    """The demo app with ``[auth]`` configured, one per test module (sessions live in each browser context).

    The demo's reps sign in by their ``email`` column (``li@example.com``); the access file names sales ops.
    """
    root = tmp_path_factory.mktemp("sign-in")
    (root / "data").mkdir()
    (root / "data" / "access.toml").write_text(f'[users."{OPS_EMAIL}"]\nrole = "ops"\n', encoding="utf-8")
    app = serve_with_sign_in(root / "data", oidc_provider, root / "secrets.toml")
    yield app
    if app.process.poll() is None:
        app.stop()


def _set_provider_user(provider_url: str, sub: str, claims: dict[str, Any]) -> None:
    """The claims the provider will issue for the subject ``sub`` (``PUT /users/<sub>``: these and no others)."""
    body = json.dumps(claims).encode()
    request = urllib.request.Request(
        f"{provider_url}/users/{urllib.parse.quote(sub, safe='')}",
        data=body,
        method="PUT",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 204, response.status


def _on_app(app_url: str) -> Callable[[str], bool]:
    """Whether a URL is one of the app's pages (not its sign-in routes, not the provider)."""
    return lambda url: (
        (url == app_url or url.startswith(f"{app_url}/")) and "/oauth2callback" not in url and "/auth/" not in url
    )


def identity_cookie(page: Page) -> dict[str, Any]:
    """The claims Streamlit keeps in its identity cookie (``st.user``), read without checking the signature."""
    cookie = next(c for c in page.context.cookies() if c.get("name") == "_streamlit_user")
    _, payload = URLSafeTimedSerializer("unchecked", salt="_streamlit_user").loads_unsafe(cookie.get("value", ""))
    claims: dict[str, Any] = json.loads(payload)
    return claims


def _offline(page: Page) -> None:
    """Only local addresses: the provider's form links a stylesheet on a CDN, which CI may not reach."""
    page.route(re.compile(r"^https?://(?!localhost[:/]|127\.0\.0\.1[:/])"), lambda route: route.abort())


def wait_signed_in(page: Page, email: str, timeout_ms: int = 60_000) -> None:
    """The signed-in state: the "log out" button (key ``logout``) and the user's e-mail in the sidebar."""
    page.locator(".st-key-logout button").wait_for(timeout=timeout_ms)
    page.get_by_test_id("stSidebar").get_by_text(email).first.wait_for(timeout=timeout_ms)
    settle(page, timeout_ms)


def wait_signed_out(page: Page, timeout_ms: int = 60_000) -> None:
    """The signed-out state: the app's sign-in button (key ``login``)."""
    page.locator(".st-key-login button").wait_for(timeout=timeout_ms)
    settle(page, timeout_ms)


def sign_in(page: Page, app_url: str, email: str, name: str, form_screenshot: str | None = None) -> None:
    """Sign in as ``email`` (claims ``email`` and ``name``) through the app's button and the provider's form.

    Opens ``app_url`` unless the page is already on it, clicks the button with key ``login``, gives the
    provider (whose address the redirect reveals) the subject's claims, submits its form with the subject
    and returns once the app shows the signed-in state. ``form_screenshot`` saves the filled form as
    ``out/screenshots/<name>.png``.
    """
    authorize(page, app_url, email, {"email": email, "email_verified": True, "name": name}, form_screenshot)
    page.wait_for_url(_on_app(app_url), timeout=30_000)
    wait_signed_in(page, email)


def authorize(page: Page, app_url: str, sub: str, claims: dict[str, Any], form_screenshot: str | None = None) -> None:
    """Click the app's sign-in and authorize the subject ``sub`` at the provider, which issues exactly ``claims``."""
    _offline(page)
    if not _on_app(app_url)(page.url):
        page.goto(app_url)
    page.locator(".st-key-login button").click(timeout=60_000)
    page.wait_for_url(re.compile(r"/oauth2/authorize\?"), timeout=30_000)
    provider = urllib.parse.urlsplit(page.url)
    _set_provider_user(f"{provider.scheme}://{provider.netloc}", sub, claims)
    page.locator("input[name='sub']").fill(sub)
    if form_screenshot:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{form_screenshot}.png"), full_page=True)
    page.get_by_role("button", name="Authorize", exact=True).click()


def sign_out(page: Page, app_url: str) -> None:
    """Click "log out", confirm on the provider's end-session page (the mock asks), wait for the sign-in button."""
    page.locator(".st-key-logout button").click()
    page.wait_for_url(re.compile(r"/oauth2/end_session"), timeout=30_000)
    page.get_by_role("button", name="End session", exact=True).click()
    page.wait_for_url(_on_app(app_url), timeout=30_000)
    wait_signed_out(page)


def signed_in_page(browser: Browser, served: ServedApp, email: str, name: str | None = None) -> Page:
    """A new page in a fresh browser context (no cookies), signed in as ``email``; ``page.close()`` ends both."""
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    sign_in(page, served.url, email, name or email.split("@")[0].replace(".", " ").title())
    return page
