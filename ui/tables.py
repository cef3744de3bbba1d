"""Rows as a table a person reads: empty cells blank, lists as text, enum words in the chosen language.

``st.dataframe`` prints a missing value as "None" and a list as chips that
overflow narrow columns; neither means anything to a sales team. Every page
table goes through ``readable`` first.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

import pandas as pd
import streamlit as st

from graph.render.numbers import COUNT_FORMAT
from ui.i18n import enum_label
from ui.phrases import listing

__all__ = ["count_columns", "readable"]


def _cell(value: object, translate: bool) -> object:
    if value is None:
        return ""
    if isinstance(value, list | tuple | set):
        return listing(str(enum_label(v) if translate else v) for v in value)
    return enum_label(value) if translate else value


def _number_text(value: object) -> str:
    if isinstance(value, int | float) and float(value).is_integer():
        return f"{value:,.0f}"
    return str(value)


def readable(rows: Iterable[Mapping[str, object]], enums: Collection[str] = ()) -> pd.DataFrame:
    """A frame of ``rows`` with ``None`` blank, lists joined and the ``enums`` columns translated.

    A numeric column with gaps becomes text (whole numbers without ``.0``), so
    its gaps can be blank too.
    """
    frame = pd.DataFrame([{k: _cell(v, k in enums) for k, v in row.items()} for row in rows])
    for column in frame.columns:
        values = frame[column]
        if (values == "").any() and values.map(lambda v: isinstance(v, int | float) and not isinstance(v, bool)).any():
            frame[column] = values.map(_number_text)
    return frame


def count_columns(frame: pd.DataFrame, names: Iterable[str], label: Callable[[str], str]) -> dict[str, Any]:
    """Column configs that show the counts in ``names`` with thousands separators (``12,000``).

    Streamlit prints a whole-number column plainly (``12000``), so a numeric one gets ``COUNT_FORMAT``; one that
    ``readable`` turned into text for its gaps is separated already and only aligned as numbers are.
    """
    return {
        name: st.column_config.NumberColumn(label(name), format=COUNT_FORMAT)
        if pd.api.types.is_numeric_dtype(frame[name])
        else st.column_config.TextColumn(label(name), alignment="right")
        for name in names
    }
