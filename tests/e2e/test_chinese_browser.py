"""Every page, read in Chinese in a real browser, shows no English of ours: what the reader sees, maps included.

AppTest sees what the pages ask Streamlit to draw; the browser also sees what
Streamlit draws by itself (the uploader's drop zone, the navigation) and what
the maps' own HTML says (legend, banners). The text of every page and of
every frame in it, as the worker's Chinese walk saw it (``page_walk``), is
checked with the AppTest check's rules: the store's own strings are data and
removed first, then no word of our English may remain.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.e2e.page_walk import PAGES, PageWalk

pytestmark = pytest.mark.e2e


@pytest.mark.xdist_group("walk-zh")
def test_every_page_reads_in_chinese_in_the_browser(page_walks: Callable[[str], PageWalk]) -> None:
    walk = page_walks("zh")
    assert walk.pages == [path or "overview" for path in PAGES], "the walk missed a page"
    assert walk.english == {}, walk.english
    assert walk.drawn_over["import_data"] == ['"跳到主要内容"', '"上传"', '"每个文件不超过 200 MB"']
