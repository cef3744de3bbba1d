"""Pydantic's complaints in words a sales-ops person understands, the same for import and edit.

An importer's row error and an edit form's refusal come from the same model
and read the same: "is too large (limit 5)", "must be one of supporter, …".
"""

from __future__ import annotations

from typing import Any

__all__ = ["issue_code", "issue_field", "issue_reason", "record_word"]

_RECORD_WORDS = {"OrgUnit": "department"}
"""What a user calls a record, where it differs from the lower-cased label ("orgunit" means nothing to them)."""


def record_word(label: str) -> str:
    """The word for a record of ``label`` in a message: ``OrgUnit`` → ``department``, ``Company`` → ``company``.

    >>> record_word("OrgUnit"), record_word("Company")
    ('department', 'company')
    """
    return _RECORD_WORDS.get(label, label.lower())


_WHOLE_RECORD_FIELD = {
    "Company": "parent_id",
    "OrgUnit": "parent_id",
    "Contact": "reports_to",
    "Influence": "to_id",
    "Rep": "manager_id",
}
"""Where a rule about a whole record (nobody is their own manager) points: the field that breaks it."""

_REASONS = {
    "missing": "is required",
    "date_from_datetime_parsing": "is not a date (use YYYY-MM-DD)",
    "date_parsing": "is not a date (use YYYY-MM-DD)",
    "date_from_datetime_inexact": "is not a date (use YYYY-MM-DD)",
    "date_type": "is not a date (use YYYY-MM-DD)",
    "int_parsing": "is not a whole number",
    "int_from_float": "is not a whole number",
    "float_parsing": "is not a number",
    "greater_than_equal": "is too small",
    "less_than_equal": "is too large",
    "string_too_short": "is empty",
    "string_too_long": "is too long",
    "string_pattern_mismatch": "is empty",
    "literal_error": "is not one of the allowed values",
    "extra_forbidden": "is not a column here",
    "finite_number": "is not a finite number (inf and NaN are not amounts)",
    "string_unicode": "holds a broken character (half of a surrogate pair) that cannot be stored",
}


def issue_reason(issue: Any) -> str:
    """One pydantic error (an item of ``ValidationError.errors()``) as a reason.

    >>> issue_reason({"type": "less_than_equal", "msg": "", "ctx": {"le": 5}})
    'is too large (limit 5)'
    >>> issue_reason({"type": "value_error", "msg": "Value error, a contact cannot report to themselves"})
    'a contact cannot report to themselves'
    """
    reason = str(_REASONS.get(issue["type"], issue["msg"]))
    if issue["type"] == "enum":
        reason = "must be one of " + ", ".join(issue["ctx"]["expected"].replace("'", "").split(", "))
    elif issue["type"] in ("greater_than_equal", "less_than_equal") and "ctx" in issue:
        bound = issue["ctx"].get("ge", issue["ctx"].get("le"))
        reason = f"{reason} (limit {bound})"
    elif issue["type"] == "value_error":
        reason = str(issue["msg"]).removeprefix("Value error, ")
    return reason


_CODES = {
    "date_from_datetime_parsing": "date",
    "date_parsing": "date",
    "date_from_datetime_inexact": "date",
    "date_type": "date",
    "int_parsing": "whole_number",
    "int_from_float": "whole_number",
    "float_parsing": "number",
    "greater_than_equal": "too_small",
    "less_than_equal": "too_large",
    "string_too_short": "empty",
    "string_pattern_mismatch": "empty",
    "string_too_long": "too_long",
    "literal_error": "not_allowed",
}
"""Pydantic's error types that read the same to a user, as one code (the kinds of bad date are one mistake)."""


def issue_code(issue: Any) -> tuple[str, dict[str, str]]:
    """One pydantic error as a code and its parameters, for a page that words it in the reader's language.

    The model's own rules raise errors of their own type (``self_report``, ``not_phone`` …); a plain ``ValueError``
    from elsewhere has no code and keeps its words as ``other``.

    >>> issue_code({"type": "less_than_equal", "msg": "", "ctx": {"le": 5}})
    ('too_large', {'limit': '5'})
    >>> issue_code({"type": "enum", "msg": "", "ctx": {"expected": "'a', 'b' or 'c'"}})
    ('one_of', {'values': 'a, b, c'})
    >>> issue_code({"type": "value_error", "msg": "Value error, it broke"})
    ('other', {'text': 'it broke'})
    """
    kind = str(issue["type"])
    context = {str(k): str(v) for k, v in (issue.get("ctx") or {}).items()}
    if kind == "enum":
        values = context["expected"].replace("'", "").replace(" or ", ", ").split(", ")
        return "one_of", {"values": ", ".join(values)}
    if kind in ("greater_than_equal", "less_than_equal"):
        return _CODES[kind], {"limit": context.get("ge", context.get("le", ""))}
    if kind in _CODES or kind in _REASONS:
        return _CODES.get(kind, kind), {}
    if kind == "value_error":
        return "other", {"text": str(issue["msg"]).removeprefix("Value error, ")}
    return kind, context


def issue_field(issue: Any, model: type) -> str:
    """The field an error of ``model`` is about; a rule about the whole record points at the field breaking it.

    >>> issue_field({"loc": ()}, type("Contact", (), {}))
    'reports_to'
    """
    return str(issue["loc"][0]) if issue["loc"] else _WHOLE_RECORD_FIELD.get(model.__name__, "")
