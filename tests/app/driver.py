"""Open one page of the real app in AppTest, in a chosen language (what every page test starts with)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def open_page(page: str, language: str = "English") -> AppTest:
    """``app.py`` run once, then switched to ``page``; the language is set as the sidebar switch leaves it."""
    app = AppTest.from_file("../../app.py", default_timeout=120)
    app.session_state["language"] = language
    app.run()
    app.switch_page(page).run()
    assert not app.exception
    return app
