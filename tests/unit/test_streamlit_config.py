"""The app's Streamlit settings that keep data in: no table toolbar export, no error details, no telemetry."""

from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"


def test_no_table_offers_streamlits_own_csv_export() -> None:
    """The toolbar's "Download as CSV" writes raw cells (formulas too) and is never recorded: it is switched off."""
    client = tomllib.loads(CONFIG.read_text(encoding="utf-8"))["client"]
    assert client["disableDataExport"] is True
    assert client["showErrorDetails"] == "none" and client["toolbarMode"] == "viewer"
