"""Action codes: every code kagraph writes is worded in both languages, stored and read back as it was written,
and the English words of changes from before codes read as their code."""

from __future__ import annotations

import pytest
import streamlit as st

from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, Change, ChangeSource, Entry
from ui.i18n import LANGUAGE_KEY, LANGUAGES
from ui.phrases import action_text

SAMPLE_PARAMS = {
    ActionCode.DOWNLOAD: {"file": "co-1-people.csv"},
    ActionCode.HAND_OVER: {"who": "孙磊"},
    ActionCode.IMPORT_FILE: {"file": "联系人.xlsx › Sheet1"},
    ActionCode.OTHER: {"text": "nightly clean-up"},
}
ACTIONS = [Action(code=code, params=SAMPLE_PARAMS.get(code, {})) for code in ActionCode]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("action", ACTIONS, ids=[a.code.value for a in ACTIONS])
def test_every_action_reads_in_each_language_with_its_parameters(action: Action, language: str) -> None:
    st.session_state[LANGUAGE_KEY] = language
    try:
        words = action_text(action)
    finally:
        del st.session_state[LANGUAGE_KEY]
    assert words and words != action.code.value and "_" not in words, "worded, not shown as its code"
    assert all(value in words for value in action.params.values()), "the file or the rep it names is in the words"


@pytest.mark.parametrize("action", ACTIONS, ids=[a.code.value for a in ACTIONS])
def test_an_action_is_stored_and_read_back_as_written(action: Action) -> None:
    change = Change.of(
        Author(who="li", source=ChangeSource.EDIT, action=action), [Entry.of_node("Contact", "a", None, {})]
    )
    assert Change.from_row(change.to_row()).action == action


@pytest.mark.parametrize("action", ACTIONS, ids=[a.code.value for a in ACTIONS])
def test_the_english_words_of_a_change_from_before_codes_read_as_its_code(action: Action) -> None:
    legacy = Change.of(Author(who="li", source=ChangeSource.EDIT, action=action), []).to_row()
    legacy["action"] = action.english
    del legacy["action_params"]
    assert Change.from_row(legacy).action == action


def test_a_code_the_store_holds_that_this_version_does_not_know_is_kept_as_its_text() -> None:
    row = Change.of(Author(who="li", source=ChangeSource.EDIT, action=ACTIONS[0]), []).to_row()
    row |= {"action": "merge_duplicates", "action_params": "{}"}
    assert Change.from_row(row).action == Action.of(ActionCode.OTHER, text="merge_duplicates")


def test_the_english_words_are_what_the_command_line_shows() -> None:
    dumped = Action.of(ActionCode.HAND_OVER, who="Sun Lei").model_dump()
    assert dumped == {"code": "hand_over", "params": {"who": "Sun Lei"}, "english": "hand over Sun Lei's accounts"}
    assert Action.model_validate(dumped) == Action.of(ActionCode.HAND_OVER, who="Sun Lei")
