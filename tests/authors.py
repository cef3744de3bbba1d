"""Authors for the changes a test writes to set a store up: a script's own words, as ``ActionCode.OTHER``."""

from __future__ import annotations

from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, ChangeSource


def script_author(who: str = "setup", text: str = "set up", source: ChangeSource = ChangeSource.IMPORT) -> Author:
    return Author(who=who, source=source, action=Action.of(ActionCode.OTHER, text=text))
