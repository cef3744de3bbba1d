"""Every UI key has both languages, and the app uses no key that does not exist."""

from __future__ import annotations

import re
from pathlib import Path

from ui.i18n import TEXTS

ROOT = Path(__file__).resolve().parents[2]
KEY_USE = re.compile(r"""\bt\(\s*["']([a-z_.]+)["']\s*[,)]""")


def test_every_text_has_english_and_chinese() -> None:
    assert all(english.strip() and chinese.strip() for english, chinese in TEXTS.values())


def test_placeholders_match_between_languages() -> None:
    for key, (english, chinese) in TEXTS.items():
        assert set(re.findall(r"{\w+}", english)) == set(re.findall(r"{\w+}", chinese)), key


def test_ui_code_uses_only_known_keys() -> None:
    sources = [ROOT / "app.py", *(ROOT / "app_pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]
    used = {key for path in sources for key in KEY_USE.findall(path.read_text(encoding="utf-8"))}
    assert used, "no t('…') calls found: the pattern is wrong"
    assert used - set(TEXTS) == set()
