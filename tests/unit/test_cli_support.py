"""The command line's last line of defence: any failure is one line on stderr, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from graph.cli.output import EXIT_BUG, EXIT_ERROR, run_cli
from graph.domain.errors import NotFound


def failing(error: BaseException) -> Callable[[list[str]], int]:
    def main(argv: list[str]) -> int:
        raise error

    return main


def test_a_kagraph_error_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(failing(NotFound("no company with id 'x'")), []) == EXIT_ERROR
    assert capsys.readouterr().err == "kagraph: no company with id 'x'\n"


def test_a_bug_is_one_line_naming_the_file_with_its_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(failing(KeyError("filed_at")), []) == EXIT_BUG
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("kagraph: unexpected KeyError: 'filed_at' (a bug; details in ")
    kept = Path(err.rsplit("details in ", 1)[1].rstrip(")\n"))
    try:
        assert "Traceback" in kept.read_text(encoding="utf-8") and "KeyError" in kept.read_text(encoding="utf-8")
    finally:
        kept.unlink()
