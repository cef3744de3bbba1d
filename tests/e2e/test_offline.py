"""Which addresses leave this machine: the rule the every-page walk (``test_every_page_browser``) applies.

Users may be offline (or behind a firewall that drops foreign hosts), so a page that fetches a font, a favicon
or a script from elsewhere breaks or hangs for them.
"""

from __future__ import annotations

import urllib.parse

import pytest

pytestmark = pytest.mark.e2e

LOCAL_SCHEMES = ("data", "blob", "about", "chrome-extension")
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


def outside(url: str) -> bool:
    """Whether ``url`` leaves this machine (``data:`` and ``blob:`` URLs never do)."""
    parts = urllib.parse.urlsplit(url)
    return parts.scheme not in LOCAL_SCHEMES and parts.hostname not in LOOPBACK


def test_outside_tells_loopback_from_the_internet() -> None:
    assert not outside("http://127.0.0.1:8501/_stcore/health")
    assert not outside("http://localhost:8501/media/x.png")
    assert not outside("data:image/svg+xml;base64,PHN2Zz4=")
    assert outside("https://fonts.gstatic.com/s/i/short-term/release/materialsymbolsrounded/hub/default/24px.svg")
    assert outside("https://127.0.0.1.example.com/font.woff2")
