"""What every kagraph command line shares: one readable line on failure, JSON out.

A user who runs ``python -m graph …`` with the store down must read one line
saying so, not a traceback; SIGTERM must end the command through normal exit
so an embedded server it started is shut down cleanly. A failure kagraph did
not foresee (a bug) is one line too, naming the file that keeps its traceback
for whoever fixes it.
"""

from __future__ import annotations

import json
import signal
import sys
import tempfile
import traceback
from collections.abc import Callable
from types import FrameType
from typing import Any

from pydantic import BaseModel

from graph.domain.errors import KagraphError

__all__ = ["EXIT_BUG", "EXIT_ERROR", "json_text", "print_json", "run_cli"]

EXIT_ERROR = 2
EXIT_BUG = 3


def _exit_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def run_cli(main: Callable[[list[str]], int], argv: list[str] | None = None) -> int:
    """Run ``main``; turn kagraph errors into one line on stderr and exit code 2."""
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        return main(sys.argv[1:] if argv is None else argv)
    except KagraphError as error:
        print(f"kagraph: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("kagraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the output went into a pipe that closed (| head): nothing left to say
        sys.stderr.close()
        return 141
    except Exception as error:  # the last line of defence: a bug, said in one line
        kept = _keep_traceback()
        print(f"kagraph: unexpected {type(error).__name__}: {error} (a bug; details in {kept})", file=sys.stderr)
        return EXIT_BUG


def _keep_traceback() -> str:
    """Write the current exception's traceback to a file of its own and return its path."""
    with tempfile.NamedTemporaryFile("w", prefix="kagraph-error-", suffix=".txt", delete=False) as kept:
        traceback.print_exc(file=kept)
        return kept.name


def json_text(value: Any) -> str:
    """A pydantic model, or plain data, as indented UTF-8 JSON: what a command prints."""
    if isinstance(value, BaseModel):
        return value.model_dump_json(indent=2)
    return json.dumps(value, ensure_ascii=False, indent=2, default=str)


def print_json(value: Any) -> None:
    """Print ``json_text(value)``."""
    print(json_text(value))
