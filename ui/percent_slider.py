"""A slider for a share or weight of 0–1 that reads, like every table, as a percent ("50%", never "0.50")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["percent_slider"]


def percent_slider(
    slider: Callable[..., Any], label: str, default: float, *, key: str, low: float = 0.0, step: int = 5
) -> float:
    """``slider`` (``st.slider`` or a column's) over whole percents from ``low`` to 100 %; returns the share (0–1)."""
    value = slider(label, round(low * 100), 100, round(default * 100), step=step, format="%d%%", key=key)
    return int(value) / 100
