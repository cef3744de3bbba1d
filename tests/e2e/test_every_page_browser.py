"""Every page and tab, in each language, read in a real browser the way a reader meets them (issues 21 and 26).

One walk per language (``page_walk``) and three things it must not find, each reported on its own:
- **a request leaving the machine** (frames included: the maps are iframes): users may be offline;
- **a table wider than the page** at 1440 px with the sidebar open: a grid that scrolls sideways hides its last
  columns (a strength, a reason) from a reader who does not know they are there;
- **English of ours on a Chinese page**: AppTest sees what the pages ask Streamlit to draw; the browser also sees
  what Streamlit draws by itself (the uploader's drop zone, the navigation) and the maps' own HTML (legend,
  banners). The store's own strings are data and taken out first.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.e2e.conftest import ServedApp
from tests.e2e.page_walk import PAGES, PageWalk, walk_every_page
from tests.e2e.test_offline import outside

pytestmark = pytest.mark.e2e


def _faults(walk: PageWalk) -> dict[str, object]:
    """What the walk found wrong, by check; empty when the pages are right."""
    faults: dict[str, object] = {
        "requests leaving the machine": [(page, url) for page, url in walk.requests if outside(url)],
        "tables wider than the page": sorted(set(walk.cut_tables)),
        "English words on a Chinese page": walk.english,
    }
    return {check: found for check, found in faults.items() if found}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_page_asks_nothing_outside_fits_and_reads_in_its_language(
    demo_app: ServedApp, browser: Browser, language: str
) -> None:
    walk = walk_every_page(browser, demo_app, language)
    assert walk.pages == [path or "overview" for path in PAGES], "the walk missed a page"
    assert any(not outside(url) for _, url in walk.requests), "nothing recorded: the recorder is broken"
    assert _faults(walk) == {}
    if language == "zh":
        assert walk.drawn_over["import_data"] == ['"跳到主要内容"', '"上传"', '"每个文件不超过 200 MB"']
