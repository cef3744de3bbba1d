"""Who is making a change, on this machine: the local user name every change is recorded with.

A team deployment signs people in through Streamlit's OIDC login (``st.login``)
and the app uses that identity instead (``ui/sign_in.py``). Without a login,
the user chooses a name once; it is kept in ``KAGRAPH_DATA_DIR/local_user.txt``
next to the data, so the command line records the same name. ``KAGRAPH_USER``
overrides both (scripts, CI).
"""

from __future__ import annotations

import getpass
from pathlib import Path

from graph.config.settings import Settings, load_settings

__all__ = ["chosen_user", "local_user", "set_local_user"]

_FILE = "local_user.txt"


def _path(settings: Settings) -> Path:
    return settings.kagraph_data_dir / _FILE


def chosen_user(settings: Settings | None = None) -> str | None:
    """The name set by ``KAGRAPH_USER`` or chosen in the app, or ``None`` when nobody chose one yet."""
    settings = settings or load_settings()
    if settings.kagraph_user and settings.kagraph_user.strip():
        return settings.kagraph_user.strip()
    path = _path(settings)
    name = path.read_text(encoding="utf-8").strip() if path.is_file() else ""
    return name or None


def local_user(settings: Settings | None = None) -> str:
    """The chosen name, else the operating-system account name: a change is never recorded as nobody's."""
    return chosen_user(settings) or getpass.getuser() or "unknown"


def set_local_user(name: str, settings: Settings | None = None) -> str:
    """Keep ``name`` as this machine's user name; returns it trimmed. Empty names are refused."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("a user name cannot be empty")
    settings = settings or load_settings()
    path = _path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(name + "\n", encoding="utf-8")
    return name
