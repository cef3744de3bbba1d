"""The gettext catalogs are complete and current: every message translated, none stale, placeholders alike.

``locale/messages.pot`` must be what ``pybabel extract`` writes today (the
``babel.cfg`` map, ``ui/i18n_extract.py``), and each language's ``.po`` must
hold exactly the template's messages, translated and not fuzzy.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from ui.i18n import LANGUAGES, LOCALES, Language, catalog, forms, key_of
from ui.i18n_extract import FAMILIES

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"t": None, "tn": (1, 2)}
"""``pybabel extract --no-default-keywords -k t -k tn:1,2``, as locale/README.md runs it."""
PLURAL_FORMS = {"en": "nplurals=2; plural=(n != 1);", "zh_CN": "nplurals=1; plural=0;"}


def _template() -> Catalog:
    with (ROOT / "locale" / "messages.pot").open("rb") as pot:
        return read_po(pot)


def _extracted() -> Catalog:
    """What ``pybabel extract`` finds in the code today."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)  # type: ignore[no-untyped-call]
    found = Catalog()
    for path, lineno, message, comments, context in extract_from_dir(ROOT, method_map, options_map, KEYWORDS):
        found.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return found


def _words(comments: list[str]) -> list[str]:
    """A message's comments as words: the ``.pot`` wraps long comments and trims their spaces."""
    return " ".join(comments).split()


def _messages(found: Catalog) -> dict[str, Message]:
    return {key_of(m): m for m in found if m.id}


def test_the_template_is_what_extraction_writes_today() -> None:
    template, extracted = _messages(_template()), _messages(_extracted())
    assert set(template) - set(extracted) == set(), "in the .pot but no longer used: re-run pybabel extract"
    assert set(extracted) - set(template) == set(), "used but not in the .pot: re-run pybabel extract"
    assert {k: m.id for k, m in template.items()} == {k: m.id for k, m in extracted.items()}
    stale = [k for k, m in template.items() if _words(m.auto_comments) != _words(extracted[k].auto_comments)]
    assert stale == [], "the English in the .pot comments changed: re-run pybabel extract"


@pytest.mark.parametrize("lang", LANGUAGES.values())
def test_a_catalog_holds_exactly_the_templates_messages(lang: Language) -> None:
    template, messages = _messages(_template()), _messages(catalog(lang))
    assert set(messages) - set(template) == set(), "in the .po but not in the .pot: run pybabel update"
    assert set(template) - set(messages) == set(), "in the .pot but not in the .po: run pybabel update"
    assert {k: m.id for k, m in messages.items()} == {k: m.id for k, m in template.items()}


@pytest.mark.parametrize("lang", LANGUAGES.values())
def test_every_message_is_translated_and_not_fuzzy(lang: Language) -> None:
    found = catalog(lang)
    assert dict(found.mime_headers)["Language"] == LOCALES[lang]
    assert found.plural_forms == PLURAL_FORMS[LOCALES[lang]]
    messages = [m for m in found if m.id]
    assert [key_of(m) for m in messages if m.fuzzy] == []
    assert [key_of(m) for m in messages if not all(f.strip() for f in forms(m))] == []
    assert [key_of(m) for m in messages if not isinstance(m.id, str) and len(forms(m)) != found.num_plurals] == []


def test_placeholders_match_between_english_and_every_language() -> None:
    english = _messages(catalog("en"))
    for lang in LANGUAGES.values():
        for key, message in _messages(catalog(lang)).items():
            expected = {p for form in forms(english[key]) for p in re.findall(r"{\w+}", form)}
            for form in forms(message):
                assert set(re.findall(r"{\w+}", form)) == expected, (lang, key, form)


def test_a_plural_message_names_its_plural_after_itskey_of() -> None:
    plurals = [m.id for m in catalog("en") if isinstance(m.id, tuple)]
    assert len(plurals) >= 6
    assert all(plural == f"{key}.plural" for key, plural in plurals)


def test_every_family_of_built_keys_is_still_built_and_has_members() -> None:
    sources = "\n".join(
        path.read_text(encoding="utf-8")
        for folder in ("app_pages", "ui", "graph")
        for path in (ROOT / folder).rglob("*.py")
        if path.name != "i18n_extract.py"
    )
    unused = [f for f in FAMILIES if not re.search(rf"""["']{re.escape(f.removesuffix("."))}[."']""", sources)]
    assert unused == [], "no code builds these keys any more: drop the family and its messages"
    keys = set(_messages(catalog("en")))
    assert [f for f in FAMILIES if not any(k.startswith(f) for k in keys)] == []


def test_a_message_that_counts_things_has_a_plural_form() -> None:
    """``{count} contacts`` with one contact reads "1 contacts" unless the message is a plural one (``tn``).

    ``{count} of {total} branches`` counts the branches, which are never one.
    """
    counting = [
        key_of(m)
        for m in catalog("en")
        if m.id and isinstance(m.string, str) and re.match(r"\{count\} (?!of )", m.string)
    ]
    assert counting == [], f"worded for one number only: {counting}"
