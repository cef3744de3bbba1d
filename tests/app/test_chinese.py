"""Every page read in Chinese shows no English of ours: no UI word, no enum value, no "None".

What a page renders comes from two places: our words (``ui.i18n``, generated
sentences) and the data (names, titles, products typed in spreadsheets, some of
them English, like Northwind's). The check removes every string the store
holds from the rendered text, then looks for what can only be ours: a word of
an English translation that no Chinese one contains, a model enum value
(``champion``, ``economic_buyer``), the analyses' English phrases, or
``None``. Column headers, widget labels and placeholders are checked too, and
every table cell (the import format's own file and column names count as data).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from graph.config.settings import Settings
from graph.domain.enums import BuyingRole, Stance, Status
from graph.servers.connect import open_store
from ingest.columns import COLUMNS, STEMS
from tests.app.test_pages import PAGES
from ui.i18n import Language, catalog, forms

pytestmark = pytest.mark.app
ROOT = Path(__file__).resolve().parents[2]

ALLOWED = {"kagraph", "neo4j", "falkordb", "csv", "html", "json", "excel", "markdown", "redis", "bolt"}
"""Product and format names that stay as they are in Chinese too ("下载关系图（HTML）")."""


def _texts(lang: Language) -> list[str]:
    """Every form of every message of the catalog of ``lang`` (a plural message has one per plural form)."""
    return [text for m in catalog(lang) if m.id for text in forms(m)]


def _english_words() -> set[str]:
    """Words of our English texts that no Chinese text uses (so they can only leak from English)."""
    chinese = " ".join(_texts("zh")).casefold()
    words = {w.casefold() for en in _texts("en") for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"{\w+}", "", en))}
    return {w for w in words if w not in chinese and w not in ALLOWED}


ENGLISH = _english_words()
ENUMS = {m.value for enum in (BuyingRole, Stance, Status) for m in enum} | {"None", "nan", "NaN"}
PHRASES = ("knows", "reports to", "nobody", "supplies", "days ago", "verified", "refers to")


DATA_FIELDS = {"id", "name", "title", "city", "industry", "product", "category", "note", "team", "email", "why"}
"""Properties people type (and ids): never a property holding one of our words (status, role, type …)."""


def data_strings(settings: Settings | None = None) -> list[str]:
    """Every text people typed into the store (names, titles, products …), longest first, to strip from the page."""
    store = open_store(settings)
    try:
        found: set[str] = set()
        for group in store.accounts.groups():
            graph = store.subgraphs.group(str(group["id"]))
            rows = [data for _, data in graph.nodes(data=True)] + [data for _, _, data in graph.edges(data=True)]
            found |= {str(v) for data in rows for k, v in data.items() if k in DATA_FIELDS and isinstance(v, str)}
        found |= {str(rep.get("name", "")) for rep in store.accounts.reps()} | {"kagraph demo", "root"}
        found |= {str(rep["email"]) for rep in store.accounts.reps() if rep.get("email")}
        found |= {
            change.who for change in store.history.changes_since(dt.date(2000, 1, 1))
        }  # who signed in or imported
        found |= {f"{stem}.csv" for stem in STEMS} | {c for columns in COLUMNS.values() for c in columns}
        found |= {a for columns in COLUMNS.values() for aliases in columns.values() for a in aliases}
    finally:
        store.close()
    return sorted((s for s in found if len(s) >= 2), key=len, reverse=True)


def without_data(text: str, data: list[str]) -> str:
    text = re.sub(r"\\(.)", r"\1", text)  # Markdown escapes are not what the reader sees
    text = re.sub(r":material/[a-z_]+:", " ", text)  # an icon's code is drawn as the icon
    text = re.sub(r"(?:/[\w.-]+)+", " ", text)  # a file's path is the machine's, in no language
    for value in data:
        if value in text:
            text = text.replace(value, " ")
    return text


def leaks(text: str) -> set[str]:
    words = {w.casefold() for w in re.findall(r"[A-Za-z]{3,}", text)}
    found = (words & ENGLISH) | {e for e in ENUMS if re.search(rf"(?<![A-Za-z_]){re.escape(e)}(?![A-Za-z_])", text)}
    return found | {p for p in PHRASES if p in text}


def _rendered(app: AppTest) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a reader sees on the page, sidebar included."""
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        for element in getattr(app, kind):
            yield kind, str(element.value)
    for metric in app.metric:
        yield "metric", f"{metric.label} {metric.value}"
    for kind in ("selectbox", "multiselect", "text_input", "number_input", "date_input", "slider", "toggle", "radio"):
        for widget in getattr(app, kind):
            yield kind, str(widget.label) + " " + str(getattr(widget.proto, "help", ""))
    for kind in ("selectbox", "multiselect"):
        for widget in getattr(app, kind):
            yield f"{kind} options", " ".join(str(o) for o in widget.options)
    for button in app.button:
        yield "button", str(button.label)
    for frame in app.dataframe:
        yield (
            "table header",
            " ".join(re.findall(r'"label": "((?:[^"\\]|\\.)*)"', frame.proto.columns))
            .encode("utf-8")
            .decode("unicode_escape"),
        )


def _cells(app: AppTest) -> Iterator[str]:
    for frame in app.dataframe:
        yield from (str(value) for value in frame.value.astype(str).to_numpy().ravel())
    for table in app.table:  # static tables (the history): their header is a row of cells too
        yield from (str(c) for c in table.value.columns)
        yield from (str(value) for value in table.value.astype(str).to_numpy().ravel())


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.usefixtures("app_env")
def test_every_page_reads_in_chinese(page: str) -> None:
    app = AppTest.from_file("../../app.py", default_timeout=120)
    app.session_state["language"] = "简体中文"
    app.run()
    app.switch_page(page).run()
    assert not app.exception
    data = data_strings()
    found = {
        (where, word, text[:120])
        for where, text in _rendered(app)
        for word in leaks(without_data(text, data))
        if where != "radio" or "Language" not in text  # the switch names both languages on purpose
    }
    cells = {(cell[:120], word) for cell in _cells(app) for word in leaks(without_data(cell, data))}
    placeholders = [m.label for m in app.multiselect if not re.search(r"[\u4e00-\u9fff]", m.proto.placeholder)]
    assert found == set() and cells == set() and placeholders == []


def test_the_check_finds_english() -> None:
    """The check itself: it flags an English UI word, an enum value and None, and passes Chinese and data."""
    assert {"champion", "None"} <= leaks("以下角色尚无人承担：champion · None")
    assert leaks(without_data("Nobody on our side knows Wei Kumar", ["Wei Kumar"])) >= {"nobody"}
    assert leaks(without_data("我方无人熟悉这些决策人：Wei Kumar", ["Wei Kumar"])) == set()


@pytest.mark.usefixtures("import_env")
def test_an_import_reads_in_chinese() -> None:
    """The result of an import in Chinese: the counts' headers, the rejected rows' headers, the messages."""
    app = AppTest.from_file("../../app.py", default_timeout=120)
    app.session_state["language"] = "简体中文"
    app.run()
    app.switch_page("app_pages/import_data.py").run()
    templates = sorted((ROOT / "templates").glob("*.csv"))
    bad = ("contacts.csv", b"id,name,company_id,level\np1,,co-nowhere,0\n", "text/csv")
    app.file_uploader[0].set_value([(p.name, p.read_bytes(), "text/csv") for p in templates[:-1]]).run()
    app.button(key="import").click().run()
    app.file_uploader[0].set_value([bad]).run()
    app.button(key="import").click().run()
    assert not app.exception
    data = data_strings()
    headers = {text for where, text in _rendered(app) if where == "table header"}
    assert all(not leaks(h) for h in headers), headers
    messages = [text for where, text in _rendered(app) if where in ("info", "success", "warning", "subheader")]
    assert all(not leaks(without_data(m, data)) for m in messages), messages
