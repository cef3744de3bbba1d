"""Settings files people edit by hand (the claim policy, the access file): read whole, checked whole.

A missing file is the model's defaults. A file that cannot be used is a
``ConfigError`` naming the file and the setting, never a silent default:
whoever keeps it must know the rule written is not the one applied.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from graph.domain.errors import ConfigError

__all__ = ["load_toml"]

_M = TypeVar("_M", bound=BaseModel)


def load_toml(path: Path, model: type[_M], what: str) -> _M:
    """``path`` read as ``model`` (``model()`` when there is no file); ``what`` names the file in errors."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return model()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{what} {path}: cannot be read ({error})") from error
    try:
        return model.model_validate(tomllib.loads(text))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{what} {path}: not valid TOML ({error})") from error
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ConfigError(f"{what} {path}: {where}: {first['msg']}") from error
