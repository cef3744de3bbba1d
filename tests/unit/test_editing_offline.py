"""Editing services over ``RecordingRunner``: what they check and what their unit of work sends, no server needed.

The same services run against real servers in ``tests/integration/test_editing.py``.
"""

from __future__ import annotations

import pytest

from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, ChangeSource
from graph.domain.enums import InfluenceKind
from graph.domain.errors import EditRefused
from graph.services.editing import remove_influence, save_influence
from graph.store import GraphStore
from graph.store.statements import query_name
from tests.recording_runner import RecordingRunner

LI = Author(who="Li", source=ChangeSource.EDIT, action=Action.of(ActionCode.DRAW_INFLUENCE))
PEOPLE = {"Contact": {"a": {"id": "a", "name": "张伟"}, "b": {"id": "b", "name": "王芳"}}}


def queued(runner: RecordingRunner) -> list[str]:
    return [query_name(query) for unit in runner.units for query, _ in unit]


def test_an_influence_line_lands_with_its_history() -> None:
    runner = RecordingRunner(PEOPLE)
    report = save_influence(GraphStore(runner), {"from_id": "a", "to_id": "b", "kind": "advice", "weight": 0.5}, LI)

    assert report.edges["Contact-INFLUENCES->Contact"].created == 1
    assert queued(runner) == [
        "UPSERT_EDGES[Contact-INFLUENCES->Contact]",
        "RECORD_CHANGE",
        "LINK_CHANGE[Contact]",
    ]
    ((_, change),) = [(q, p) for unit in runner.units for q, p in unit if query_name(q) == "RECORD_CHANGE"]
    assert (change["who"], change["id"]) == ("Li", report.change_id)


def test_a_line_to_somebody_not_stored_is_refused_before_any_unit_of_work() -> None:
    runner = RecordingRunner({"Contact": {"a": PEOPLE["Contact"]["a"]}})
    with pytest.raises(EditRefused) as refused:
        save_influence(GraphStore(runner), {"from_id": "a", "to_id": "b", "kind": "advice", "weight": 0.5}, LI)
    assert [(p.field, p.code) for p in refused.value.problems] == [("to_id", "not_in_store")]
    assert runner.units == []


def test_withdrawing_a_line_records_what_it_held() -> None:
    runner = RecordingRunner(PEOPLE)
    report = remove_influence(GraphStore(runner), "a", "b", InfluenceKind("advice"), LI)

    assert report.change_id is not None
    assert queued(runner) == ["DELETE_EDGES[Contact-INFLUENCES->Contact]", "RECORD_CHANGE", "LINK_CHANGE[Contact]"]
