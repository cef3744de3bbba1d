"""Text from spreadsheets inside Markdown (Streamlit widgets, exported digests), shown as text.

``st.markdown``, ``st.warning`` and friends interpret Markdown; a contact named
``**boss**`` or ``[x](javascript:…)`` must show literally. HTML is already
escaped by Streamlit (``unsafe_allow_html`` is never used); this escapes the
Markdown syntax.
"""

from __future__ import annotations

import re

__all__ = ["plain", "table_cell"]

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$])")
_INLINE = re.compile(r"([\\`*_\[\]<>|~$&])")


def plain(text: object) -> str:
    r"""Escape Markdown so ``text`` renders exactly as written.

    >>> plain("**boss** [x](javascript:alert(1))")
    '\\*\\*boss\\*\\* \\[x\\]\\(javascript\\:alert\\(1\\)\\)'
    """
    return _MARKDOWN.sub(r"\\\1", str(text))


def table_cell(text: object) -> str:
    r"""Escape text for a Markdown table cell or a line that starts with our own words: inline syntax only.

    Block syntax (``#``, ``-``, ``1.``) only acts at the start of a line, which
    a cell or our own prefix never is, so dates and decimals stay readable
    (``2026-12-01``, not ``2026\-12\-01``). Line breaks would end the row, so
    whitespace runs become one space.

    >>> table_cell("2026-12-01 · 0.071 · a|b <img src=x> [x](javascript:y)")
    '2026-12-01 · 0.071 · a\\|b \\<img src=x\\> \\[x\\](javascript:y)'
    """
    return _INLINE.sub(r"\\\1", " ".join(str(text).split()))
