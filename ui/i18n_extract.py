"""What ``pybabel extract`` needs beyond Babel's own Python extractor (``babel.cfg`` names both functions).

Two things a plain extraction of the ``t()`` calls would miss:

* the English: messages are symbolic keys, so each one carries its English
  (from ``locale/en``) as an extracted comment (``#.``) for translators;
* keys built at run time (``t(f"enum.{value}")``): ``FAMILIES`` lists their
  prefixes, and every English message under one of them goes into the
  template too. A new member of a family is added to the ``.po`` files by
  hand; ``tests/unit/test_catalogs.py`` checks each family is still built
  somewhere in the code.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from babel.messages.extract import extract_python

from ui.i18n import catalog, forms, key_of

__all__ = ["FAMILIES", "extract_families", "extract_keys"]

FAMILIES = (
    "access.role.",
    "action.",
    "category.",
    "chain.edge.",
    "chrome.",
    "claims.metric.",
    "claims.policy.",
    "claims.reason.",
    "claims.tab.",
    "col.",
    "edit.direction.",
    "edit.reason.",
    "enum.",
    "field.",
    "finding.",
    "group.tip.",
    "history.col.",
    "history.source.",
    "history.what.",
    "import.col.",
    "import.column.",
    "import.field.",
    "import.json.",
    "import.kind.",
    "import.lines.",
    "import.notice.",
    "import.reason.",
    "import.record.",
    "import.stem.",
    "label.",
    "map.",
    "onboarding.stale.",
    "path.",
    "rel.",
)
"""Prefixes of the keys the code builds from a value (a code, an enum, a column name) rather than writes out."""

_Result = tuple[int, str, Any, list[str]]
"""What an extraction method yields: line, function name, message (key, or key and plural key), comments."""


def _english() -> dict[str, tuple[str, ...]]:
    """Each key's English (one form, or singular and plural), as ``locale/en`` holds it."""
    return {key_of(m): forms(m) for m in catalog("en") if m.id}


def _comments(english: tuple[str, ...]) -> list[str]:
    if len(english) == 1:
        return [english[0]]
    return [f"one: {english[0]}", f"other: {english[1]}"]


def extract_keys(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str], options: Any
) -> Iterator[_Result]:
    """Babel's Python extraction, each message with its English as a comment."""
    words = _english()
    found: Iterator[Any] = extract_python(fileobj, keywords, comment_tags, options)
    for lineno, funcname, messages, comments in found:
        key = messages if isinstance(messages, str) else messages[0] if messages else None
        forms = words.get(key) if key else None
        yield lineno, funcname, messages, [*comments, *_comments(forms)] if forms else list(comments)


def extract_families(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str], options: Any
) -> Iterator[_Result]:
    """Every English message under a prefix of ``FAMILIES`` (``fileobj``, this module, gives only the place)."""
    for key, english in sorted(_english().items()):
        if key.startswith(FAMILIES):
            if len(english) == 1:
                yield 1, "t", key, _comments(english)
            else:
                yield 1, "tn", (key, f"{key}.plural"), _comments(english)
