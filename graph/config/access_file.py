"""The access file sales ops keep on a team deployment: which sign-in address is which rep, in which role.

``access.toml`` in the data folder (or ``KAGRAPH_ACCESS``)::

    [users."ops@example.com"]
    role = "ops"

    [users."wang@example.com"]
    role = "lead"
    teams = ["渠道部"]

A rep whose ``email`` column holds their sign-in address needs no line here.
A missing file means no lines. A file that cannot be used is a ``ConfigError``
naming the file and the setting: nobody may be let in on a rule that was not
the one written.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from graph.config.toml_file import load_toml
from graph.domain.access import AccessEntry

__all__ = ["load_access"]


class _AccessFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    users: dict[str, AccessEntry] = {}


def load_access(path: Path) -> dict[str, AccessEntry]:
    """Sign-in address → its line, from ``path``; empty when there is no such file."""
    return load_toml(path, _AccessFile, "access file").users
