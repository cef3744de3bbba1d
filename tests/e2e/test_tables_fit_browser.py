"""Every table fits the page at 1440 px with the sidebar open, in both languages and on every tab (issue 26).

A data grid wider than its frame scrolls sideways: the last columns (a strength, a reason) are out of sight
and a reader does not know they are there. The check is the grid's own scroller, so it holds for any
column, any header's length in either language, and any table a page adds later. The pages are those of
the worker's walk (``page_walk``).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.e2e.page_walk import PAGES, PageWalk

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    "language",
    [pytest.param(code, marks=pytest.mark.xdist_group(f"walk-{code}")) for code in ("en", "zh")],
)
def test_no_table_is_wider_than_the_page(page_walks: Callable[[str], PageWalk], language: str) -> None:
    walk = page_walks(language)
    assert walk.pages == [path or "overview" for path in PAGES], "the walk missed a page"
    assert sorted(set(walk.cut_tables)) == []
