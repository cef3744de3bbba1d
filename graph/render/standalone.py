"""pyvis pages that work offline: JavaScript inlined, no request to any CDN."""

from __future__ import annotations

import re

from pyvis.network import Network

__all__ = ["standalone_html"]

_EXTERNAL_ASSETS = re.compile(r"<(link|script)[^>]*https?://[^>]*>(\s*</script>)?", re.IGNORECASE)


def standalone_html(net: Network) -> str:
    """The network's HTML page without external tags.

    ``cdn_resources="in_line"`` inlines vis-network, but pyvis still links
    Bootstrap from a CDN for features the maps do not use; users may be offline.
    """
    return _EXTERNAL_ASSETS.sub("", net.generate_html(notebook=False))
