"""A walk through every page and tab in one language, recording what the every-page checks ask of it.

Three checks need every page drawn in a real browser: nothing fetched from outside, no table wider than the
page and no English of ours on a Chinese page (``test_every_page_browser``). A walk costs a browser about as
much as all their assertions together, so one walk per language records what each of them asks: every request
(frames included), every grid that scrolls sideways on every page and tab, and, in Chinese, the English words
left once the store's own strings are taken out. The walk goes as a reader does: it opens the app, switches the
language with the sidebar's switch and follows the navigation. Screenshots of each page land in
``out/screenshots/pages-<lang>-<page>.png``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from playwright.sync_api import Browser, Page, Request

from graph.config.settings import Settings
from tests.app.test_chinese import data_strings, leaks, without_data
from tests.e2e.conftest import SCREENSHOTS, ServedApp, settle
from ui.chrome import CHROME_TEXTS

PAGES = ("", "decision_chain", "accounts", "group", "portfolio", "claims", "onboarding", "import_data")
"""Every page of the local app, by the path its navigation link ends with."""
SWITCH = "Language / 语言"
"""The language switch names both languages on purpose."""
OVERFLOWING = """() => [...document.querySelectorAll("[data-testid='stDataFrame']")]
  .filter(frame => frame.offsetParent !== null)
  .map(frame => frame.querySelector('.dvn-scroller'))
  .filter(scroller => scroller && scroller.scrollWidth > scroller.clientWidth + 1)
  .map(scroller => scroller.scrollWidth + ' px wide in ' + scroller.clientWidth)"""
"""The visible grids that scroll sideways, with their widths: the grid's own scroller, so any column counts."""
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
"""The words ``ui.chrome`` draws over Streamlit's own, as the browser shows them."""


@dataclass
class PageWalk:
    """What one walk in one language saw, page by page (``overview`` for the first page)."""

    requests: list[tuple[str, str]] = field(default_factory=list)
    cut_tables: list[str] = field(default_factory=list)
    english: dict[str, set[str]] = field(default_factory=dict)
    drawn_over: dict[str, list[str]] = field(default_factory=dict)
    pages: list[str] = field(default_factory=list)


def page_text(page: Page) -> str:
    """What the reader can read: the page's text and that of every frame in it (the maps), icons left out."""
    script = READABLE.replace("ICONS", repr(ICONS))
    texts = [str(frame.evaluate(script)) for frame in page.frames if frame.url != "about:blank"]
    return "\n".join(texts).replace(SWITCH, " ").replace("English", " ")


def _drawn(page: Page, name: str) -> None:
    """Wait until the page has drawn (maps and charts too), then save its screenshot."""
    page.locator("[data-testid='stSidebar']").wait_for(timeout=60_000)
    page.locator("h1").first.wait_for(timeout=60_000)
    settle(page)
    page.wait_for_timeout(1500)  # maps and charts draw, fonts and icons load
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _english_left(page: Page, data: list[str]) -> tuple[set[str], list[str]]:
    """Our English words on a Chinese page (each with the line it is in), and the words drawn over Streamlit's."""
    lines = [line for line in page_text(page).splitlines() if line.strip()]
    drawn_over = [str(words) for words in page.evaluate(DRAWN_OVER, list(CHROME_TEXTS))]
    lines += [words for words in drawn_over if not re.search(r"[\u4e00-\u9fff]", words)]  # not drawn over
    return {f"{word} ← {line[:80]}" for line in lines for word in leaks(without_data(line, data))}, drawn_over


def _cut_tables(page: Page, name: str) -> list[str]:
    """The grids that scroll sideways on the page as drawn and on each of its tabs."""
    cut = [f"/{name}: {grid}" for grid in page.evaluate(OVERFLOWING)]
    tabs = page.get_by_role("tab")
    for index in range(tabs.count()):
        tabs.nth(index).click()
        settle(page)
        cut += [f"/{name} tab {tabs.nth(index).inner_text()}: {grid}" for grid in page.evaluate(OVERFLOWING)]
    return cut


def walk_every_page(browser: Browser, app: ServedApp, language: str) -> PageWalk:
    """Open the app, choose ``language`` ("en" or "zh") with the switch, and visit every page and tab in turn."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    walk = PageWalk()
    data = data_strings(Settings(kagraph_data_dir=app.data_dir)) if language == "zh" else []
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    current = {"page": "overview"}
    page.on("request", lambda request: walk.requests.append((current["page"], request.url)))
    page.on("requestfailed", lambda request: _note_failed(walk, current["page"], request))
    page.goto(app.url)
    _drawn(page, "pages-start")
    if language == "zh":
        page.get_by_text("简体中文").click()
        settle(page)
    for path in PAGES:
        name = current["page"] = path or "overview"
        page.locator(f"[data-testid='stSidebarNav'] a[href$='/{path}']").first.click()
        page.wait_for_url(re.compile(rf"^{re.escape(app.url)}/{path}(\?.*)?$"), timeout=30_000)
        _drawn(page, f"pages-{language}-{name}")
        if language == "zh":
            english, walk.drawn_over[name] = _english_left(page, data)
            if english:
                walk.english[name] = english
        walk.cut_tables += _cut_tables(page, name)
        walk.pages.append(name)
    page.close()
    return walk


def _note_failed(walk: PageWalk, page: str, request: Request) -> None:
    """A blocked or failed request still counts (it may be the only trace of an outside fetch)."""
    walk.requests.append((page, request.url))
