"""``t()`` and ``tn()`` read the catalogs in the sidebar's language, and the app uses no key they do not hold."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st

from ui.i18n import LANGUAGE_KEY, enum_label, known, t, tn

ROOT = Path(__file__).resolve().parents[2]
KEY_USE = re.compile(r"""\btn?\(\s*["']([a-z_.]+)["']\s*[,)]""")


@pytest.fixture
def chinese() -> Iterator[None]:
    st.session_state[LANGUAGE_KEY] = "简体中文"
    yield
    del st.session_state[LANGUAGE_KEY]


def test_ui_code_uses_only_known_keys() -> None:
    sources = [ROOT / "app.py", *(ROOT / "app_pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]
    used = {key for path in sources for key in KEY_USE.findall(path.read_text(encoding="utf-8"))}
    assert used, "no t('…') calls found: the pattern is wrong"
    assert {key for key in used if not known(key) and not key.endswith(".plural")} == set()


def test_t_fills_placeholders_only_when_given_and_refuses_an_unknown_key() -> None:
    assert t("nav.overview") == "Overview"
    assert t("store.down", reason="timeout") == "The graph store is not available: timeout"
    assert t("import.reason.other") == "{text}", "without values the text is returned as written"
    with pytest.raises(KeyError, match=r"nav\.nowhere"):
        t("nav.nowhere")


@pytest.mark.usefixtures("chinese")
def test_chinese_is_read_from_its_catalog() -> None:
    assert t("nav.overview") == "概览"
    assert t("store.down", reason="超时") == "图数据库不可用：超时"
    assert enum_label("champion") == "内线" and enum_label("not_an_enum") == "not_an_enum"


def test_english_words_a_count_in_the_singular_or_the_plural() -> None:
    assert tn("import.progress", "import.progress.plural", 1, stem="contacts", rows="1") == "contacts: 1 row read"
    assert tn("import.progress", "import.progress.plural", 2, stem="contacts", rows="2") == "contacts: 2 rows read"
    assert tn("onboarding.days_ago", "onboarding.days_ago.plural", 0, days=0) == "0 days ago"
    with pytest.raises(KeyError):
        tn("nav.nowhere", "nav.nowhere.plural", 2)


@pytest.mark.usefixtures("chinese")
def test_chinese_has_one_form_for_every_count() -> None:
    one, many = (tn("onboarding.days_ago", "onboarding.days_ago.plural", n, days=n) for n in (1, 5))
    assert (one, many) == ("1 天前", "5 天前")
