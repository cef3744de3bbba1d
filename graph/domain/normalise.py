"""Normalised keys for names, phones and e-mails.

Spreadsheets write one company many ways: full-width letters, Chinese or ASCII
brackets, 有限责任公司 next to 有限公司, stray spaces. Matching needs one key per
legal entity, kept beside the name the user typed. These functions are pure and
live in ``graph`` because both the model (editing in the app) and the importer
need them.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "CATEGORY_SYNONYMS",
    "company_key",
    "is_legal_form_only",
    "normalise_email",
    "normalise_phone",
    "product_category",
]

CATEGORY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "网络": ("network", "networking", "网络设备"),
    "网络安全": ("network security", "cyber security", "cybersecurity", "网络安全设备"),
    "数据备份": ("backup", "data backup", "backup appliance", "备份"),
}
"""One name per product category, and the other ways sheets write it (matched ignoring case and spaces).

The Chinese name is the one the analyses' results carry; pages show it in the
reader's language. Only spellings that can mean nothing else are listed (a
bare "security" may be another team's category and stays as it
was written), and a category not listed here stays as written too.
"""

_CATEGORY_LOOKUP = {
    " ".join(unicodedata.normalize("NFKC", word).casefold().split()): canonical
    for canonical, words in CATEGORY_SYNONYMS.items()
    for word in (canonical, *words)
}


def product_category(name: str) -> str:
    """The one name of a product category, however a sheet wrote it: ``Network`` and ``网络`` are one.

    Every reader of purchases (group tree, portfolio, our catalogue) goes
    through this, so a category never shows up twice.

    >>> product_category("Network"), product_category(" 网络 "), product_category("Storage")
    ('网络', '网络', 'Storage')
    """
    folded = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    return _CATEGORY_LOOKUP.get(folded, name.strip())


# Longest first, so "股份有限公司" wins over "有限公司".
_LEGAL_SUFFIXES: tuple[str, ...] = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团公司",
    "co., ltd.",
    "co.,ltd.",
    "co. ltd.",
    "co.,ltd",
    "co., ltd",
    "co ltd",
    "limited",
    "ltd.",
    "ltd",
    "inc.",
    "inc",
    "corporation",
    "corp.",
    "corp",
    "llc",
    "gmbh",
    "公司",
)
_SPACES = re.compile(r"\s+")
_PHONE_NOISE = re.compile(r"[\s\-().]")


def is_legal_form_only(name: str) -> bool:
    """Whether a name is nothing but a legal form ("Ltd.", "有限公司"): a spreadsheet's placeholder, not a name.

    >>> is_legal_form_only(" Co., Ltd. "), is_legal_form_only("有限公司"), is_legal_form_only("Apex Ltd.")
    (True, True, False)
    """
    text = _SPACES.sub(" ", unicodedata.normalize("NFKC", name).casefold()).strip()
    return text.rstrip(" ,.") in {suffix.rstrip(" ,.") for suffix in _LEGAL_SUFFIXES}


def company_key(name: str) -> str:
    """Return the matching key of a company name.

    NFKC folds full-width forms (``（`` → ``(``, ``ＡＢＣ`` → ``ABC``); case,
    whitespace and one trailing legal-form suffix are dropped, because
    ``XX有限公司`` and ``XX有限责任公司`` are in practice the same registration.

    >>> company_key("华东电力（上海）有限责任公司")
    '华东电力(上海)'
    >>> company_key(" Acme  Co., Ltd. ") == company_key("ACME Limited")
    True
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = _SPACES.sub(" ", text).strip()
    for suffix in _LEGAL_SUFFIXES:
        if text.endswith(suffix):
            if len(text) > len(suffix):
                text = text[: -len(suffix)].rstrip(" ,")
            break
    return text.replace(" ", "")


def normalise_phone(phone: str) -> str:
    """Return a phone number without separators or the Chinese country code.

    >>> normalise_phone("+86 138-0013-8000")
    '13800138000'
    >>> normalise_phone("(010) 6552 8899")
    '01065528899'
    """
    digits = _PHONE_NOISE.sub("", unicodedata.normalize("NFKC", phone))
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix):
            digits = digits[len(prefix) :]
            break
    return digits


def normalise_email(email: str) -> str:
    """Return an e-mail address trimmed and lower-cased.

    >>> normalise_email(" Li.Wei@Example.COM ")
    'li.wei@example.com'
    """
    return unicodedata.normalize("NFKC", email).strip().lower()
