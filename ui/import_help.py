"""What the Import page tells a newcomer before they upload: the files it takes, their columns, the templates.

All of it comes from ``ingest.columns`` (the importer's own tables) and
``templates/``, so the page cannot promise a name the importer refuses.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ingest.columns import COLUMNS, STEM_ALIASES, STEMS
from ui.i18n import t
from ui.phrases import listing

__all__ = ["TEMPLATES", "column_lines", "format_table", "templates"]

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def format_table() -> pd.DataFrame:
    """One row per kind of file: its name, what it holds, the other names it is accepted under."""
    rows = [
        {
            "file": f"{stem}.csv",
            "holds": t(f"import.stem.{stem}"),
            "also": listing(f"{alias}.csv" for alias in STEM_ALIASES[stem]),
        }
        for stem in STEMS
    ]
    frame = pd.DataFrame(rows)
    return frame.rename(columns={k: t(f"import.col.{k}") for k in frame.columns})


def column_lines() -> list[tuple[str, str]]:
    """``(file name, its columns with their Chinese headers)`` per kind, as text that wraps (a table cell would not)."""
    return [
        (
            f"{stem}.csv",
            "; ".join(
                f"{column} ({listing(aliases)})" if aliases else column for column, aliases in COLUMNS[stem].items()
            ),
        )
        for stem in STEMS
    ]


def templates() -> list[tuple[str, str]]:
    """``(stem, CSV text)`` of each template, in import order."""
    return [(stem, (TEMPLATES / f"{stem}.csv").read_text(encoding="utf-8")) for stem in STEMS]
