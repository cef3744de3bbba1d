"""Text from spreadsheets inside Markdown (Streamlit widgets, exported digests), shown as text.

``st.markdown``, ``st.warning`` and friends interpret Markdown; a contact named
``**boss**`` or ``[x](javascript:…)`` must show literally. HTML is already
escaped by Streamlit (``unsafe_allow_html`` is never used); this escapes the
Markdown syntax.
"""

from __future__ import annotations

import re

__all__ = ["plain"]

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$])")


def plain(text: object) -> str:
    r"""Escape Markdown so ``text`` renders exactly as written.

    >>> plain("**boss** [x](javascript:alert(1))")
    '\\*\\*boss\\*\\* \\[x\\]\\(javascript\\:alert\\(1\\)\\)'
    """
    return _MARKDOWN.sub(r"\\\1", str(text))
