"""pyvis pages that work offline: JavaScript inlined, no request to any CDN."""

from __future__ import annotations

import html
import re

from pyvis.network import Network

__all__ = ["standalone_html", "with_banner"]

_EXTERNAL_ASSETS = re.compile(r"<(link|script)[^>]*https?://[^>]*>(\s*</script>)?", re.IGNORECASE)


def standalone_html(net: Network) -> str:
    """The network's HTML page without external tags.

    ``cdn_resources="in_line"`` inlines vis-network, but pyvis still links
    Bootstrap from a CDN for features the maps do not use; users may be offline.
    """
    return _EXTERNAL_ASSETS.sub("", net.generate_html(notebook=False))


_BODY = re.compile(r"<body[^>]*>", re.IGNORECASE)
_BANNER_STYLE = (
    "font: 600 15px 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; color: #1e293b; background: #f1f5f9; "
    "border-left: 4px solid #0f766e; padding: 6px 10px; margin: 0 0 6px 0"
)


def with_banner(page: str, text: str) -> str:
    """``page`` with one line of ``text`` (escaped) at the top of its body: what the map is, for the export too.

    >>> page = with_banner("<html><body><div></div></body></html>", "<b>Wang</b> holds it")
    >>> "&lt;b&gt;Wang&lt;/b&gt; holds it</div><div></div>" in page, "<b>" in page
    (True, False)
    """
    if not text:
        return page
    banner = f'<div class="kagraph-banner" style="{html.escape(_BANNER_STYLE)}">{html.escape(text)}</div>'
    found = _BODY.search(page)
    return page[: found.end()] + banner + page[found.end() :] if found else banner + page
