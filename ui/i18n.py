"""UI text in English and Simplified Chinese from gettext catalogs; data stays in whatever language it came in.

The words live in ``locale/<locale>/LC_MESSAGES/messages.po``, one file per
language, so translators open them in Poedit or Weblate (``locale/README.md``).
Messages are symbolic keys (``nav.overview``): English is a translation like
any other, and a caller's key does not change when the English does.

The ``.po`` files are the only source in git. Each is compiled in memory the
first time a process needs it, so there is no ``.mo`` to forget to rebuild.
``t(key)`` looks the key up in the language chosen in the sidebar; unit tests
check every key has both languages and that pages use no unknown key.
"""

from __future__ import annotations

import functools
import gettext
import io
from pathlib import Path
from typing import Literal

import streamlit as st
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

__all__ = [
    "LANGUAGES",
    "LANGUAGE_KEY",
    "LOCALES",
    "Language",
    "catalog",
    "enum_label",
    "forms",
    "key_of",
    "known",
    "language",
    "t",
    "tn",
]

Language = Literal["en", "zh"]
LANGUAGES: dict[str, Language] = {"English": "en", "简体中文": "zh"}
"""The sidebar's choice: each language under its own name."""
LANGUAGE_KEY = "language"
"""Session state: the chosen language's name. Not a widget's key, so Streamlit never drops it on a page switch."""
LOCALES: dict[Language, str] = {"en": "en", "zh": "zh_CN"}
"""The folder of each language's catalog under ``locale/``."""
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"


def catalog_path(lang: Language) -> Path:
    """Where the catalog of ``lang`` lives."""
    return LOCALE_DIR / LOCALES[lang] / "LC_MESSAGES" / "messages.po"


@functools.cache
def catalog(lang: Language) -> Catalog:
    """The catalog of ``lang`` as Babel reads it (messages, plural forms, flags), read once per process.

    >>> catalog("zh")["nav.overview"].string
    '概览'
    """
    with catalog_path(lang).open("rb") as po:
        return read_po(po, locale=LOCALES[lang])


@functools.cache
def _translations(lang: Language) -> gettext.GNUTranslations:
    """The catalog compiled to a ``.mo`` in memory: gettext reads that, not the ``.po``."""
    compiled = io.BytesIO()
    write_mo(compiled, catalog(lang))
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def key_of(message: Message) -> str:
    """A message's key: its id, or of a plural message its singular id."""
    return message.id if isinstance(message.id, str) else message.id[0]


def forms(message: Message) -> tuple[str, ...]:
    """A message's text: one form, or one per plural form of its language."""
    if message.string is None:
        return ()
    return (message.string,) if isinstance(message.string, str) else tuple(message.string)


@functools.cache
def _keys() -> frozenset[str]:
    """Every key the English catalog holds."""
    return frozenset(key_of(m) for m in catalog("en") if m.id)


def known(key: str) -> bool:
    """Whether the catalogs hold ``key``: for keys built at run time (``f"rel.{kind}"``) that may have no words."""
    return key in _keys()


def language() -> Language:
    """The language chosen in the sidebar (English until one is chosen)."""
    chosen = st.session_state.get(LANGUAGE_KEY, "English")
    return LANGUAGES.get(chosen, "en")


def enum_label(value: object) -> object:
    """A model enum value (``economic_buyer``) in the chosen language; other values unchanged."""
    key = f"enum.{value}"
    return t(key) if isinstance(value, str) and known(key) else value


def t(key: str, **values: object) -> str:
    """The text for ``key`` in the current language, with ``{placeholders}`` filled; an unknown key raises KeyError."""
    if not known(key):
        raise KeyError(key)
    text = _translations(language()).gettext(key)
    return text.format(**values) if values else text


def tn(key: str, plural_key: str, n: int, lang: Language | None = None, /, **values: object) -> str:
    """The text for ``n`` of something (``1 row`` / ``2 rows``) in the language's plural form, placeholders filled.

    Called like ``ngettext``: ``plural_key`` is ``key`` + ``.plural`` and names
    the same message; the catalog picks the form (English has two, Chinese one).
    ``lang`` is the language when it is not the sidebar's (the map's words are made for a given one).
    """
    if not known(key):
        raise KeyError(key)
    return _translations(lang or language()).ngettext(key, plural_key, n).format(**values)
