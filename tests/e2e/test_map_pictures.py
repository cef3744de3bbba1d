"""The decision-chain map saves what it shows as PNG and PDF, and the onboarding digest prints, in a real browser.

The PDF is written by the map's own script, so it is read here byte by byte: every cross-reference offset
lands on its object, and the one image is a JPEG of the picture's size that PIL opens. Hostile names stay
text in the picture and cannot break a file name or the PDF's title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser, Download, FrameLocator, Page

from graph.render.chain_map import chain_map_html
from graph.render.chain_options import DealLine, MapOptions
from graph.store.subgraph import to_networkx
from tests.e2e.conftest import SCREENSHOTS, ServedApp, settle
from tests.e2e.test_map_browser import IMG, SCRIPT, open_map
from ui.map_text import map_text

pytestmark = pytest.mark.e2e


@dataclass(frozen=True)
class PdfImage:
    width: int
    height: int
    jpeg: bytes
    title: str


def read_pdf(data: bytes) -> PdfImage:
    """The one image of a one-page PDF, after checking the file's structure as a reader would walk it."""
    assert data.startswith(b"%PDF-1.4\n") and data.endswith(b"%%EOF\n")
    found = re.search(rb"startxref\n(\d+)\n%%EOF\n$", data)
    assert found is not None
    xref = int(found.group(1))
    lines = data[xref:].split(b"\n")
    assert lines[:3] == [b"xref", b"0 7", b"0000000000 65535 f "]
    for number, line in enumerate(lines[3:9], start=1):
        assert re.fullmatch(rb"\d{10} 00000 n ", line), line
        assert data[int(line[:10]) :].startswith(f"{number} 0 obj\n".encode())
    assert b"/XObject << /Im0 4 0 R >>" in data and b"/Im0 Do" in data
    image = re.search(
        rb"/Subtype /Image /Width (\d+) /Height (\d+) /ColorSpace /DeviceRGB /BitsPerComponent 8 "
        rb"/Filter /DCTDecode /Length (\d+) >>\nstream\n",
        data,
    )
    assert image is not None
    length = int(image.group(3))
    jpeg = data[image.end() : image.end() + length]
    assert data[image.end() + length :].startswith(b"\nendstream\nendobj\n")
    title = re.search(rb"/Title <FEFF([0-9A-F]*)>", data)
    assert title is not None
    words = bytes.fromhex(title.group(1).decode()).decode("utf-16-be")
    return PdfImage(int(image.group(1)), int(image.group(2)), jpeg, words)


def drawn_share(picture: Image.Image) -> float:
    """The share of pixels that are not (nearly) white: a blank export has none."""
    grey = picture.convert("L")
    histogram = grey.histogram()
    return sum(histogram[:235]) / (grey.width * grey.height)


def saved(page: Page, click: FrameLocator | Page, selector: str) -> Download:
    with page.expect_download(timeout=60_000) as download:
        click.locator(selector).click()
    return download.value


def test_hostile_names_stay_text_in_the_pictures_and_break_no_file(browser: Browser, tmp_path: Path) -> None:
    graph = to_networkx(
        [
            {"label": "Contact", "props": {"id": "a", "name": IMG, "level": 1, "company_id": "c"}},
            {"label": "Contact", "props": {"id": "b", "name": SCRIPT, "level": 2, "company_id": "c"}},
        ],
        [],
    )
    deal = DealLine(name=IMG, stage="bid", amount="¥1", close_date="2027-01-01", people="1", roles={"a": "champion"})
    hostile_file = '../决策链/<img src=x onerror=alert(1)>:*?"|'
    options = MapOptions(deal=deal, banner=SCRIPT, png_name=f"{hostile_file}.png", pdf_name=f"{hostile_file}) \\.pdf")
    page = open_map(browser, chain_map_html(graph, {"a": 1.0, "b": 0.4}, {}, map_text("zh"), options).html, tmp_path)
    assert page.locator("#map-png").inner_text() == "PNG 图片" and page.locator("#map-pdf").inner_text() == "PDF 文件"
    png = saved(page, page, "#map-png")
    assert not re.search(r'[/\\:*?"<>|]', png.suggested_filename) and png.suggested_filename.endswith(".png")
    assert "决策链" in png.suggested_filename
    png.save_as(SCREENSHOTS / "map-export-hostile.png")
    picture = Image.open(png.path())
    assert picture.format == "PNG" and drawn_share(picture) > 0.01
    document = saved(page, page, "#map-pdf")
    assert document.suggested_filename.endswith(".pdf") and "/" not in document.suggested_filename
    pdf = read_pdf(document.path().read_bytes())
    assert pdf.title == f"{hostile_file}) \\"  # the title as given, ")" and "\\" and all: a hex string holds anything
    assert (pdf.width, pdf.height) == picture.size
    assert page.evaluate("window.__pwned") is None and page.locator("#map-frame img").count() == 0
    page.close()


def chain_frame(page: Page, png_label: str) -> FrameLocator:
    """The map's frame once its page has settled and the map (in the page's language) has fitted itself."""
    settle(page)
    frame = page.frame_locator("iframe").first
    frame.locator("#map-png", has_text=png_label).wait_for(timeout=60_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('iframe')].some(f => f.contentWindow.kagraphMapReady === true)",
        timeout=60_000,
    )
    page.wait_for_timeout(800)  # the frame is sized after it loads, and the map refits to it
    return frame


def test_the_decision_chain_map_saves_png_and_pdf_of_its_view(demo_app: ServedApp, browser: Browser) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    page.goto(demo_app.url)
    page.get_by_role("link", name="Decision chain").click()
    frame = chain_frame(page, "PNG")
    page.screenshot(path=str(SCREENSHOTS / "map-toolbar.png"))
    assert frame.locator("#map-png").get_attribute("title") == (
        "Save the map as it is shown now, legend included, as a PNG picture"
    )

    png = saved(page, frame, "#map-png")
    assert re.fullmatch(r"co-[\w-]+-decision-chain\.png", png.suggested_filename), png.suggested_filename
    data = png.path().read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 40_000
    picture = Image.open(BytesIO(data))
    picture.save(SCREENSHOTS / "map-export.png")
    width = page.evaluate("() => document.querySelector('iframe').getBoundingClientRect().width")
    assert abs(picture.width - width) <= 2 and picture.height > 400  # the frame's width, at this screen's density
    assert drawn_share(picture) > 0.05 and len(picture.convert("RGB").getcolors(1 << 24) or []) > 200
    legend = picture.crop((0, 0, picture.width, 90)).convert("RGB")  # the legend's coloured badges, drawn in
    colours = [colour for _, colour in legend.getcolors(1 << 24) or [] if isinstance(colour, tuple)]
    assert any(r > 150 and g < 110 and b < 110 for r, g, b in colours)

    document = saved(page, frame, "#map-pdf")
    assert document.suggested_filename == png.suggested_filename.replace(".png", ".pdf")
    document.save_as(SCREENSHOTS / "map-export.pdf")
    pdf = read_pdf(document.path().read_bytes())
    jpeg = Image.open(BytesIO(pdf.jpeg))
    jpeg.save(SCREENSHOTS / "map-export-pdf.jpg")
    assert jpeg.format == "JPEG" and jpeg.size == picture.size == (pdf.width, pdf.height)
    assert drawn_share(jpeg) > 0.05 and pdf.title == document.suggested_filename.removesuffix(".pdf")

    page.get_by_text("简体中文").click()
    page.get_by_text("决策权覆盖率").wait_for(timeout=60_000)
    frame = chain_frame(page, "PNG 图片")
    assert saved(page, frame, "#map-png").suggested_filename.endswith("-决策链.png")
    page.close()


def test_the_digest_prints_from_the_onboarding_page(demo_app: ServedApp, browser: Browser) -> None:
    """Each click opens the print dialog once (counted in the app's window: each print is a new frame)."""
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    page.add_init_script("window.print = function () { window.top.__prints = (window.top.__prints || 0) + 1; };")
    page.goto(demo_app.url)
    page.get_by_role("link", name="Onboarding").click()
    button = page.get_by_role("button", name="Print or save as PDF")
    button.wait_for(timeout=60_000)
    settle(page)
    for count in (1, 2):
        button.click()
        settle(page)
        page.wait_for_function("n => window.__prints === n", arg=count, timeout=30_000)
    page.wait_for_timeout(1000)
    assert page.evaluate("window.__prints") == 2
    frame = page.frame_locator("iframe").last
    assert frame.locator("h1").is_hidden() and frame.locator(".print-bar button").is_visible()
    page.locator("iframe").last.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "onboarding-print.png"))
    page.close()
