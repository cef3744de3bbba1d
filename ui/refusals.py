"""Why an edit or a claims-desk decision was refused, or came too late, in the reader's language.

The rules refuse with a code and its parameters (``graph.domain.errors.FieldProblem``);
the code picks the sentence from the translation tables (the edit's own
reasons, then the importer's, which the model's rules share), so the same
refusal reads the same in a form and in an import report.
"""

from __future__ import annotations

from collections.abc import Mapping

from graph.domain.errors import EditConflict, FieldProblem
from graph.domain.validation import record_word
from ui.i18n import enum_label, t
from ui.import_reasons import coded_text

__all__ = ["claim_reason_text", "conflict_text", "problem_text"]


def claim_reason_text(reason: str, values: Mapping[str, object]) -> str:
    """Why a claim stands as it does (a ``claims.Reason`` code and its particulars), in the chosen language."""
    words = dict(values)
    for name in ("channel", "stage"):
        if name in words:
            words[name] = enum_label(words[name])
    return t(f"claims.reason.{reason}", **words)


def problem_text(problem: FieldProblem) -> str:
    """One refusal as a sentence in the chosen language (not yet escaped)."""
    params = dict(problem.params)
    if problem.code == "cannot_take_over":
        detail = {k: v for k, v in params.items() if k not in ("rep", "claim_reason")}
        why = claim_reason_text(params["claim_reason"], detail)
        return t("edit.reason.cannot_take_over", rep=params["rep"], why=why)
    if "field" in params:
        params["field"] = t(f"import.field.{params['field']}")
    if "status" in params:
        params["status"] = str(enum_label(params["status"]))
    if not problem.code:
        return problem.reason
    return coded_text((f"edit.reason.{problem.code}", f"import.reason.{problem.code}"), params, problem.reason)


def conflict_text(conflict: EditConflict) -> str:
    """An edit that came after someone else's save of the same record, and what to do (not yet escaped)."""
    who = f" ({conflict.changed_by})" if conflict.changed_by else ""
    return (
        f"{record_word(conflict.label)} {conflict.record_id!r} was changed by someone else{who} since you opened it; "
        "nothing was saved. Its current values are shown: apply your change again on top of them"
    )
