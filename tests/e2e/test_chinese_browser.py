"""Every page, read in Chinese in a real browser, shows no English of ours: what the reader sees, maps included.

AppTest sees what the pages ask Streamlit to draw; the browser also sees what
Streamlit draws by itself (the uploader's drop zone, the navigation) and what
the maps' own HTML says (legend, banners). The text of every page and of
every frame in it is checked with the AppTest check's rules: the store's own
strings are data and removed first, then no word of our English may remain.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page

from graph.config.settings import Settings
from tests.app.test_chinese import data_strings, leaks, without_data
from tests.e2e.conftest import ServedApp, settle
from tests.e2e.test_offline import PAGES
from ui.chrome import CHROME_TEXTS

pytestmark = pytest.mark.e2e
SWITCH = "Language / 语言"
"""The language switch names both languages on purpose."""


READABLE = """() => {
    const copy = document.body.cloneNode(true);
    copy.querySelectorAll(ICONS).forEach((icon) => icon.remove());
    document.body.appendChild(copy);
    copy.style.position = "absolute";
    const text = copy.innerText;
    copy.remove();
    return text;
}"""
ICONS = ", ".join(
    ["[data-testid='stIconMaterial']", "span[role='img'][translate='no']", "style", "script", *CHROME_TEXTS]
)
"""Icons are drawn from their names (``account_tree``); Streamlit's own words are drawn over (``ui.chrome``)."""
DRAWN_OVER = """(selectors) => selectors.flatMap((selector) => [...document.querySelectorAll(selector)].map(
    (element) => getComputedStyle(element, "::after").content))"""


def page_text(page: Page) -> str:
    """What the reader can read: the page's text and that of every frame in it (the maps), icons left out."""
    script = READABLE.replace("ICONS", repr(ICONS))
    texts = [str(frame.evaluate(script)) for frame in page.frames if frame.url != "about:blank"]
    return "\n".join(texts).replace(SWITCH, " ").replace("English", " ")


def test_every_page_reads_in_chinese_in_the_browser(served_app: ServedApp, browser: Browser) -> None:
    data = data_strings(Settings(kagraph_data_dir=served_app.data_dir))
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(served_app.url)
    page.locator("[data-testid='stSidebar']").wait_for(timeout=60_000)
    page.get_by_text("简体中文").click()
    settle(page)
    found: dict[str, set[str]] = {}
    for path in PAGES:
        page.locator(f"[data-testid='stSidebarNav'] a[href$='/{path}']").first.click()
        page.wait_for_url(re.compile(rf"^{re.escape(served_app.url)}/{path}(\?.*)?$"), timeout=30_000)
        page.locator("h1").first.wait_for(timeout=60_000)
        settle(page)
        page.wait_for_timeout(1500)  # the maps draw their own HTML
        lines = [line for line in page_text(page).splitlines() if line.strip()]
        drawn_over = page.evaluate(DRAWN_OVER, list(CHROME_TEXTS))
        lines += [words for words in drawn_over if not re.search(r"[\u4e00-\u9fff]", words)]  # not drawn over
        words = {f"{word} ← {line[:80]}" for line in lines for word in leaks(without_data(line, data))}
        if words:
            found[path or "overview"] = words
        if path == "import_data":
            assert drawn_over == ['"跳到主要内容"', '"上传"', '"每个文件不超过 200 MB"'], drawn_over
    page.close()
    assert found == {}, found
