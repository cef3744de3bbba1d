"""The access file sales ops keep on a team deployment: which sign-in address is which rep, in which role.

``access.toml`` in the data folder (or ``KAGRAPH_ACCESS``)::

    [users."ops@example.com"]
    role = "ops"

    [users."wang@example.com"]
    role = "lead"
    teams = ["渠道部"]

    [users."chen@example.com"]     # a provider that sends no verified e-mail: the account's subject id
    sub = "4f1d9c0e-…"

A rep whose ``email`` column holds their sign-in address needs no line here.
A missing file means no lines. A file that cannot be used is a ``ConfigError``
naming the file and the setting: nobody may be let in on a rule that was not
the one written. That includes a file anyone but its owner may write (whoever
can write it chooses who is an admin) and one address written twice in two
cases (which line wins would be the order of the file, not a rule).
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from graph.config.toml_file import load_toml
from graph.domain.access import AccessEntry
from graph.domain.errors import ConfigError

__all__ = ["load_access"]

_WHAT = "access file"


class _AccessFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    users: dict[str, AccessEntry] = {}


def load_access(path: Path) -> dict[str, AccessEntry]:
    """Sign-in address → its line, from ``path``; empty when there is no such file."""
    _only_its_owner_writes(path)
    users = load_toml(path, _AccessFile, _WHAT).users
    if users:
        text = path.read_text(encoding="utf-8")
        _once_each(path, text, users, lambda address, _: address.strip().casefold(), "are one address")
        _once_each(path, text, users, lambda _, entry: entry.sub.strip() if entry.sub else None, "name one sub")
    return users


def _only_its_owner_writes(path: Path) -> None:
    """Refuse a file its group or everyone may write: they could make themselves admin."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return
    except OSError as error:
        raise ConfigError(f"{_WHAT} {path}: cannot be read ({error})") from error
    if mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise ConfigError(f"{_WHAT} {path}: writable by others than its owner (mode {mode:03o}): chmod go-w it")


def _once_each(
    path: Path,
    text: str,
    users: Mapping[str, AccessEntry],
    key: Callable[[str, AccessEntry], str | None],
    clash: str,
) -> None:
    """Refuse two lines that ``key`` makes one (one address in two cases, one subject twice), naming both."""
    seen: dict[str, str] = {}
    for address, entry in users.items():
        same = key(address, entry)
        if same is None:
            continue
        if same in seen:
            first = seen[same]
            raise ConfigError(
                f"{_WHAT} {path}: users {first!r} (line {_line_of(text, first)}) and {address!r} "
                f"(line {_line_of(text, address)}) {clash}: keep one line"
            )
        seen[same] = address


def _line_of(text: str, address: str) -> int | str:
    """The line where ``address`` is written as a key (quoted, else bare); ``?`` if it cannot be told."""
    lines = text.splitlines()
    for needle in (f'"{address}"', f"'{address}'", address):
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return number
    return "?"
