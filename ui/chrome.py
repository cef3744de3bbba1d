"""Streamlit's own words (the skip link, the uploader's button and limit) in the reader's language.

Streamlit draws them in English and offers no setting; the CSS below hides its
text and draws ours in its place (``::after``), so a Chinese reader sees
Chinese everywhere. In English nothing is changed.
"""

from __future__ import annotations

import streamlit as st

from ui.i18n import language, t

__all__ = ["CHROME_TEXTS", "streamlit_words"]

_DROPZONE = "[data-testid='stFileUploaderDropzone']"
CHROME_TEXTS: dict[str, str] = {
    "[data-testid='stSkipToContent']": "chrome.skip",
    f"{_DROPZONE} [data-testid='stBaseButton-secondary'] [data-testid='stMarkdownContainer']": "chrome.upload",
    "[data-testid='stFileUploaderDropzoneInstructions'] > div > span": "chrome.upload_limit",
}
"""Where Streamlit writes its own English (a CSS selector) → the key of the words to show there instead."""


def _css_string(text: str) -> str:
    r"""``text`` as a CSS string: quotes and backslashes escaped, UTF-8 as it is.

    >>> _css_string('跳到 "主要" \\ 内容')
    '"跳到 \\"主要\\" \\\\ 内容"'
    """
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _rule(selector: str, key: str) -> str:
    words = _css_string(t(key))
    return f"{selector} {{ font-size: 0 !important; }} {selector}::after {{ content: {words}; font-size: 0.875rem; }}"


def streamlit_words() -> None:
    """Put Streamlit's own words into the chosen language (once per run, before the page draws)."""
    if language() != "en":
        st.html("<style>" + "\n".join(_rule(selector, key) for selector, key in CHROME_TEXTS.items()) + "</style>")
