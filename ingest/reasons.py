"""Why a row is refused, as a code with its parameters and, for the command line, in English.

The app shows the same reason in the reader's language (``ui.import_reasons``
words the code and its parameters from the translation tables), so a reason is
never English text translated after the fact. The command line and the CSV of
rejected rows keep the English here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.domain.validation import issue_code, issue_reason, record_word
from ingest.columns import typed_choices

__all__ = ["CAUSE_PREFIX", "CYCLE_WORDS", "ENGLISH", "JSON_KINDS", "WARNINGS", "Notice", "Reason"]

ENGLISH = {
    "duplicate_id": "duplicate id: {file} row {row} has it too",
    "repeated_relationship": "the same relationship as row {row} of this file",
    "cycle": "{lines} form a cycle: {loop}",
    "cycle_with_stored": "{lines} form a cycle with what is stored: {loop}",
    "unknown_reference": "refers to {record} {id!r}, which is neither in the import nor in the store",
    "rejected_reference": "refers to {record} {id!r}, whose own row was rejected ({file} row {row}): {cause}",
    "rejected_reference_via": (
        "refers to {record} {id!r}, whose own row was rejected ({file} row {row}) because of {first_file} row "
        "{first_row}: {cause}"
    ),
    "department_moves": "department {unit!r} belongs to {owner}; it cannot move to another company (add a new one)",
    "contact_moves": "moves {contact} to {company}, but their department {unit!r} belongs to {owner}: give unit_id too",
    "department_elsewhere": "department {unit!r} belongs to another company ({owner}), not to {company}",
    "no_known_column": "no column of {stem} found in the header (expected {expected}, …); nothing was read",
    "json_not_row": "is not a row: each item of a list must be an object, not {kind}",
    "json_cell": "holds {kind}: a cell takes text, a number or true/false",
    "not_utf8": "holds bytes that are not UTF-8 text ({bytes}); type the cell again, the rest of the file is read",
    "unclosed_quote": (
        'opens a quote (") that is never closed, so the rest of the file would run into this cell: close it, or '
        'write a quote inside a cell as two ("")'
    ),
}
"""The importer's own reasons in English; ``record``, ``lines`` and ``kind`` are codes worded below, ``cause`` the
reason of the row a rejected reference leads to (``Reason.because``)."""
WARNINGS = {
    "no_file": "no importable file found (expected companies.csv, contacts.csv, … or a workbook)",
    "header_below": "{file}: the header is on row {row}; the rows above it were skipped",
    "unknown_column": "{file}: column {column!r} is not part of the format; ignored",
    "not_linked": "not linked, the other end is missing: {link}",
    "merged": "{file} row {row}: {contact} has the same {field} as {earlier} in {company}; merged into {earlier}",
}
"""What an import skips, folds or cannot do (not a refused row), in English."""
CYCLE_WORDS = {
    "Contact": "reporting lines",
    "Company": "branch lines",
    "OrgUnit": "department lines",
    "Rep": "rep manager lines",
}
"""The lines a cycle runs along, per label (the ``lines`` parameter)."""
JSON_KINDS = {"object": "an object", "list": "a list", "text": "a text", "bool": "true/false", "null": "null"}
"""What a JSON value is (the ``kind`` parameter); anything else is a number."""
CAUSE_PREFIX = "cause."
"""The parameters of a reason's ``cause`` (``Reason.because``), among its own."""


def _english_words(params: dict[str, str]) -> dict[str, str]:
    words = dict(params)
    if "record" in words:
        words["record"] = record_word(words["record"])
    if "lines" in words:
        words["lines"] = CYCLE_WORDS[words["lines"]]
    if "kind" in words:
        words["kind"] = JSON_KINDS.get(words["kind"], "a number")
    return words


@dataclass(frozen=True)
class Reason:
    """A refusal: ``code`` and ``params`` for the app to word, ``english`` for the command line."""

    code: str
    params: dict[str, str] = field(default_factory=dict)
    english: str = ""

    @classmethod
    def of(cls, code: str, **params: object) -> Reason:
        """One of the importer's own reasons (``ENGLISH``).

        >>> Reason.of("unknown_reference", record="OrgUnit", id="u9").english
        "refers to department 'u9', which is neither in the import nor in the store"
        """
        texts = {k: str(v) for k, v in params.items()}
        return cls(code, texts, ENGLISH[code].format(**_english_words(texts)))

    @classmethod
    def because(cls, code: str, cause: Reason, **params: object) -> Reason:
        """One of the importer's reasons that rests on another row's refusal (``cause``), so the user sees the one
        thing to fix: the cause's code and parameters travel along as ``cause`` and ``cause.<name>``.

        >>> cause = Reason.of("cycle", lines="Contact", loop="a → b → a")
        >>> Reason.because("rejected_reference", cause, record="Contact", id="a", file="c.csv", row=2).english
        "refers to contact 'a', whose own row was rejected (c.csv row 2): reporting lines form a cycle: a → b → a"
        """
        texts = {k: str(v) for k, v in params.items()}
        english = ENGLISH[code].format(**_english_words(texts), cause=cause.english)
        nested = {"cause": cause.code} | {f"{CAUSE_PREFIX}{k}": v for k, v in cause.params.items()}
        return cls(code, texts | nested, english)

    @classmethod
    def of_issue(cls, issue: Any) -> Reason:
        """A model's complaint (one item of ``ValidationError.errors()``), in the words edits use too."""
        code, params = issue_code(issue)
        if code == "one_of":  # the values a file may hold, Chinese words among them
            *most, last = typed_choices(params["values"].split(", "))
            listed = f"{', '.join(most)} or {last}" if most else last
            return cls(code, {"values": ", ".join([*most, last])}, f"must be one of {listed}")
        return cls(code, params, issue_reason(issue))


@dataclass(frozen=True)
class Notice:
    """A warning of an import as a code (``WARNINGS``) and its parameters, for the app to word."""

    code: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def english(self) -> str:
        return WARNINGS[self.code].format(**self.params)
