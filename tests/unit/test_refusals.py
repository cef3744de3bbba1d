"""Every way an edit or a claims-desk decision is refused has words in both languages (ui/refusals.py)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st

from graph.domain.errors import FieldProblem
from graph.services import claiming, editing
from ui.i18n import LANGUAGE_KEY, known
from ui.refusals import problem_text


@pytest.fixture
def chinese() -> Iterator[None]:
    st.session_state[LANGUAGE_KEY] = "简体中文"
    yield
    del st.session_state[LANGUAGE_KEY]


def _codes(module: object) -> set[str]:
    """The codes a module's rules refuse with: the fourth argument of each ``FieldProblem(…)``."""
    tree = ast.parse(Path(str(getattr(module, "__file__", ""))).read_text(encoding="utf-8"))
    return {
        str(node.args[3].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "FieldProblem"
        and len(node.args) > 3
        and isinstance(node.args[3], ast.Constant)
    }


def test_every_refusal_code_has_words() -> None:
    codes = _codes(editing) | _codes(claiming)
    assert {"not_in_store", "same_person", "rep_left", "cannot_take_over", "cycle_with_stored"} <= codes
    missing = [c for c in codes if not known(f"edit.reason.{c}") and not known(f"import.reason.{c}")]
    assert not missing


CASES = [
    FieldProblem("unit_id", "u9", "refers to department 'u9'…", "not_in_store", {"record": "OrgUnit", "id": "u9"}),
    FieldProblem("phone", "139", "…", "same_person", {"name": "王磊", "id": "ct-1", "field": "phone"}),
    FieldProblem("reports_to", "a", "…", "cycle_with_stored", {"lines": "Contact", "loop": "a → b → a"}),
    FieldProblem("claim_id", "k", "…", "not_live", {"status": "lapsed"}),
    FieldProblem(
        "other_rep_id",
        "r2",
        "…",
        "cannot_take_over",
        {"rep": "Bo", "claim_reason": "cap", "until": "2026-12-01", "cap": "2", "tier": "1"},
    ),
]


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize("problem", CASES, ids=[c.code for c in CASES])
def test_refusals_read_in_chinese_with_their_values(problem: FieldProblem) -> None:
    text = problem_text(problem)
    assert re.search(r"[\u4e00-\u9fff]", text)
    leftovers = set(re.findall(r"[A-Za-z]{3,}", text)) - {"Bo"}
    assert not leftovers, text
    for value in ("u9", "王磊", "a → b → a"):
        if value in problem.params.values():
            assert value in text


def test_a_problem_without_a_code_keeps_its_english() -> None:
    assert problem_text(FieldProblem("x", "1", "is odd")) == "is odd"
