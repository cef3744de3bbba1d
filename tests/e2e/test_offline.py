"""Nothing from the internet: every page, in both languages, asks only the app itself for anything.

Users may be offline (or behind a firewall that drops foreign hosts), so a page
that fetches a font, a favicon or a script from elsewhere breaks or hangs for
them. The browser records every request of every page and tab (frames included:
the maps are iframes) during the worker's walk (``page_walk``) and the test fails
on any host that is not loopback.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable

import pytest

from tests.e2e.page_walk import PAGES, PageWalk

pytestmark = pytest.mark.e2e

LOCAL_SCHEMES = ("data", "blob", "about", "chrome-extension")
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


def outside(url: str) -> bool:
    """Whether ``url`` leaves this machine (``data:`` and ``blob:`` URLs never do)."""
    parts = urllib.parse.urlsplit(url)
    return parts.scheme not in LOCAL_SCHEMES and parts.hostname not in LOOPBACK


@pytest.mark.parametrize(
    "language",
    [pytest.param(code, marks=pytest.mark.xdist_group(f"walk-{code}")) for code in ("en", "zh")],
)
def test_no_page_fetches_anything_from_outside(page_walks: Callable[[str], PageWalk], language: str) -> None:
    walk = page_walks(language)
    assert walk.pages == [path or "overview" for path in PAGES], "the walk missed a page"
    assert any(not outside(url) for _, url in walk.requests), "nothing recorded: the recorder is broken"
    assert [(page, url) for page, url in walk.requests if outside(url)] == []


def test_outside_tells_loopback_from_the_internet() -> None:
    assert not outside("http://127.0.0.1:8501/_stcore/health")
    assert not outside("data:image/svg+xml;base64,PHN2Zz4=")
    assert outside("https://fonts.gstatic.com/s/i/short-term/release/materialsymbolsrounded/hub/default/24px.svg")
