"""What a change was done as: an action code and its parameters, worded only when someone reads it.

The history keeps ``import_file`` with ``{"file": "contacts.csv"}``, not the
English words "import contacts.csv": a page words the code in the reader's
language (``ui.phrases.action_text``), the command line in English
(``Action.english``). Changes written before codes existed hold only the English
words; ``Action.from_words`` reads them back.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field

__all__ = ["Action", "ActionCode"]


class ActionCode(StrEnum):
    """The actions kagraph itself records; ``OTHER`` is anything a script wrote, kept as its ``text``."""

    ADD_COMPANY = "add_company"
    ADD_CONTACT = "add_contact"
    ADD_DEPARTMENT = "add_department"
    DOWNLOAD = "download"
    """``file``: the file's name."""
    DRAW_INFLUENCE = "draw_influence"
    EDIT_CONTACT = "edit_contact"
    FILE_A_CLAIM = "file_a_claim"
    HAND_OVER = "hand_over"
    """``who``: the rep whose accounts were handed over."""
    IMPORT_FILE = "import_file"
    """``file``: the file (or sheet) the batch came from."""
    IMPORT_LINKS = "import_links"
    LOAD_THE_DEMO_DATA = "load_the_demo_data"
    LOG_TOUCH = "log_touch"
    MARK_AS_LEFT = "mark_as_left"
    MARK_AS_VERIFIED = "mark_as_verified"
    MOVE_CONTACT = "move_contact"
    RELEASE_A_CLAIM = "release_a_claim"
    REMOVE_INFLUENCE = "remove_influence"
    SCORE_RELATIONSHIP = "score_relationship"
    SETTLE_A_DISPUTE = "settle_a_dispute"
    VIEW_ACCOUNT = "view_account"
    OTHER = "other"
    """``text``: the words as written."""


_ENGLISH: dict[ActionCode, str] = {
    ActionCode.DOWNLOAD: "download {file}",
    ActionCode.HAND_OVER: "hand over {who}'s accounts",
    ActionCode.IMPORT_FILE: "import {file}",
    ActionCode.IMPORT_LINKS: "import: link rows to records later in the files",
    ActionCode.VIEW_ACCOUNT: "view account",
    ActionCode.OTHER: "{text}",
}
"""English words where they are not the code with spaces; they are also what changes before codes held."""
_PREFIXED = (ActionCode.IMPORT_FILE, ActionCode.DOWNLOAD, ActionCode.HAND_OVER)
"""Worded as fixed words around one parameter: the old English words of these are parsed by their frame."""


class Action(BaseModel):
    """An action code with its parameters (text values only: they are stored as one JSON text)."""

    model_config = ConfigDict(frozen=True)

    code: ActionCode
    params: dict[str, str] = Field(default_factory=dict)

    @classmethod
    def of(cls, code: ActionCode, **params: str) -> Action:
        """``Action.of(ActionCode.IMPORT_FILE, file="contacts.csv")``."""
        return cls(code=code, params=params)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def english(self) -> str:
        """The action in English words, for the command line and for readers of the raw store.

        >>> Action.of(ActionCode.IMPORT_FILE, file="contacts.csv").english
        'import contacts.csv'
        >>> Action.of(ActionCode.EDIT_CONTACT).english
        'edit contact'
        """
        template = _ENGLISH.get(self.code, self.code.value.replace("_", " "))
        return template.format(**{name: self.params.get(name, "") for name in _fields(template)})

    def params_json(self) -> str:
        return json.dumps(self.params, ensure_ascii=False, sort_keys=True)

    @classmethod
    def stored(cls, code: Any, params: Any) -> Action:
        """The action a change holds: its code and parameters, or (written before codes) only its English words.

        >>> Action.stored("import_file", '{"file": "a.csv"}') == Action.of(ActionCode.IMPORT_FILE, file="a.csv")
        True
        >>> Action.stored("import a.csv", None) == Action.of(ActionCode.IMPORT_FILE, file="a.csv")
        True
        """
        text = "" if code is None else str(code)
        if params is None:
            return cls.from_words(text)
        decoded = json.loads(params) if isinstance(params, str) else {}
        values = {str(k): str(v) for k, v in decoded.items()} if isinstance(decoded, dict) else {}
        if text in ActionCode.__members__.values():
            return cls(code=ActionCode(text), params=values)
        return cls.of(ActionCode.OTHER, text=text)

    @classmethod
    def from_words(cls, words: str) -> Action:
        """The action an old change's English words name; words kagraph never wrote stay as ``OTHER`` text.

        >>> Action.from_words("hand over 孙磊's accounts").params
        {'who': '孙磊'}
        >>> Action.from_words("cleanup by script").code
        <ActionCode.OTHER: 'other'>
        """
        for code in ActionCode:
            if code is not ActionCode.OTHER and code not in _PREFIXED and words == cls.of(code).english:
                return cls.of(code)
        for code in _PREFIXED:
            before, after = _ENGLISH[code].split("{" + _fields(_ENGLISH[code])[0] + "}")
            if words.startswith(before) and words.endswith(after) and len(words) > len(before) + len(after):
                value = words[len(before) : len(words) - len(after)]
                return cls.of(code, **{_fields(_ENGLISH[code])[0]: value})
        return cls.of(ActionCode.OTHER, text=words)


def _fields(template: str) -> list[str]:
    """The ``{names}`` a template fills, in order."""
    return [part.split("}", 1)[0] for part in template.split("{")[1:]]
