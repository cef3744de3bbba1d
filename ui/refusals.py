"""Why an edit or a claims-desk decision was refused, in the reader's language.

The rules refuse with a code and its parameters (``graph.errors.FieldProblem``);
the code picks the sentence from the translation tables (the edit's own
reasons, then the importer's, which the model's rules share), so the same
refusal reads the same in a form and in an import report.
"""

from __future__ import annotations

from graph.errors import FieldProblem
from ui.i18n import enum_label, t
from ui.import_reasons import coded_text

__all__ = ["problem_text"]


def problem_text(problem: FieldProblem) -> str:
    """One refusal as a sentence in the chosen language (not yet escaped)."""
    params = dict(problem.params)
    if problem.code == "cannot_take_over":
        detail = {k: v for k, v in params.items() if k not in ("rep", "claim_reason")}
        for name in ("channel", "stage"):
            if name in detail:
                detail[name] = str(enum_label(detail[name]))
        return t(
            "edit.reason.cannot_take_over",
            rep=params["rep"],
            why=t(f"claims.reason.{params['claim_reason']}", **detail),
        )
    if "field" in params:
        params["field"] = t(f"import.field.{params['field']}")
    if "status" in params:
        params["status"] = str(enum_label(params["status"]))
    if not problem.code:
        return problem.reason
    return coded_text((f"edit.reason.{problem.code}", f"import.reason.{problem.code}"), params, problem.reason)
