"""The Import page: upload, dry run, import, and the rejected rows on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ingest.columns import STEMS

pytestmark = pytest.mark.app
ROOT = Path(__file__).resolve().parents[2]


def import_page() -> AppTest:
    app = AppTest.from_file("../../app.py", default_timeout=120)
    app.run()
    app.switch_page("app_pages/import_data.py").run()
    return app


def templates() -> list[tuple[str, bytes, str]]:
    return [(p.name, p.read_bytes(), "text/csv") for p in sorted((ROOT / "templates").glob("*.csv"))]


@pytest.mark.usefixtures("import_env")
def test_dry_run_then_import_of_the_templates() -> None:
    app = import_page()
    app.file_uploader[0].set_value(templates()).run()
    assert not app.exception
    assert len(app.expander) == len(STEMS)  # a preview per stem
    app.button[0].click().run()
    assert "Dry run: 23 rows would land, 0 rows rejected" in app.info[0].value
    app.toggle[0].set_value(False).run()
    app.button[0].click().run()
    assert app.success[0].value.endswith("0 rows rejected")


@pytest.mark.usefixtures("import_env")
def test_rejected_rows_are_listed_with_their_reasons() -> None:
    app = import_page()
    bad = b"id,name,company_id,level\np1,,co-nowhere,0\n"
    app.file_uploader[0].set_value([("contacts.csv", bad, "text/csv")]).run()
    app.toggle[0].set_value(False).run()
    app.button[0].click().run()
    assert not app.exception
    errors = app.dataframe[-1].value
    assert set(errors["column"]) == {"name", "level"} and set(errors["row"]) == {2}
