"""Exports in the browser, signed in: no file exists before its click, every click is recorded, no table toolbar export.

The app's messages to the browser are read off the WebSocket (Streamlit's
``ForwardMsg`` protobuf): a download button drawn with the file's bytes
carries a ``/media/…`` URL that answers anybody, with no cookie; kagraph's
buttons carry only the id of a file their own session makes on the click.
"""

from __future__ import annotations

import urllib.request

import pytest
from playwright.sync_api import Browser, WebSocket
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from graph.config.settings import Settings
from graph.domain.changes import ChangeSource
from graph.servers.connect import open_store
from graph.services.account_views import account_timeline
from tests.e2e.conftest import OPS_EMAIL, ServedApp, settle, signed_in_page

pytestmark = pytest.mark.e2e


def _download_buttons(frames: list[bytes]) -> list[tuple[str, str, str]]:
    """(label, url, deferred id) of every download button the app sent."""
    buttons = []
    for frame in frames:
        message = ForwardMsg()
        message.ParseFromString(frame)
        if message.WhichOneof("type") == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            if element.WhichOneof("type") == "download_button":
                button = element.download_button
                buttons.append((button.label, button.url, button.deferred_file_id))
    return buttons


def _answers_without_a_cookie(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False


def test_a_download_is_made_on_its_click_and_every_click_is_recorded(sign_in_app: ServedApp, browser: Browser) -> None:
    page = signed_in_page(browser, sign_in_app, OPS_EMAIL, "Olga Ops")
    frames: list[bytes] = []
    media: list[str] = []

    def listen(socket: WebSocket) -> None:
        socket.on("framereceived", lambda payload: frames.append(payload) if isinstance(payload, bytes) else None)

    page.on("websocket", listen)
    page.on(
        "request", lambda request: media.append(request.url) if f"{sign_in_app.url}/media/" in request.url else None
    )
    page.reload()  # a new connection, read from its first message
    settle(page)
    page.get_by_role("link", name="Decision chain").click()
    page.get_by_role("tab", name="Export").click()
    page.get_by_role("button", name="Download people (CSV)").wait_for(timeout=60_000)
    settle(page)

    drawn = [b for b in _download_buttons(frames) if b[0].startswith("Download")]
    assert {label for label, _, _ in drawn} >= {"Download people (CSV)", "Download findings (CSV)"}
    fetchable = [url for _, url, _ in drawn if url and _answers_without_a_cookie(f"{sign_in_app.url}{url}")]
    assert fetchable == []  # on a button drawn with its bytes, anybody could fetch them, unrecorded
    assert all(url == "" and deferred for _, url, deferred in drawn), drawn
    assert media == []

    for _ in range(2):
        with page.expect_download(timeout=60_000) as saved:
            page.get_by_role("button", name="Download people (CSV)").click()
        assert "ct-" in saved.value.path().read_text(encoding="utf-8")
    company = saved.value.suggested_filename.removesuffix("-people.csv")
    assert len(media) == 2
    page.close()

    store = open_store(Settings(kagraph_data_dir=sign_in_app.data_dir))
    try:
        records = [
            i.action.english
            for i in account_timeline(store, company)
            if i.source is ChangeSource.ACCESS and i.who == OPS_EMAIL
        ]
    finally:
        store.close()
    assert records.count(f"download {company}-people.csv") == 2


def test_no_table_offers_the_toolbars_own_csv_export(sign_in_app: ServedApp, browser: Browser) -> None:
    page = signed_in_page(browser, sign_in_app, OPS_EMAIL, "Olga Ops")
    page.get_by_role("link", name="Decision chain").click()
    table = page.get_by_test_id("stDataFrame").first
    table.wait_for(timeout=60_000)
    settle(page)
    table.hover()
    page.get_by_test_id("stElementToolbar").first.wait_for(state="attached", timeout=30_000)
    assert page.get_by_role("button", name="Download as CSV").count() == 0
    assert page.get_by_role("button", name="Search").count() >= 1  # the toolbar is there, without its export
    page.close()
