"""Rows as a table a person reads: empty cells blank, lists as text, enum words in the chosen language.

``st.dataframe`` prints a missing value as "None" and a list as chips that
overflow narrow columns; neither means anything to a sales team. Every page
table goes through ``readable`` first.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

import pandas as pd

from ui.i18n import enum_label
from ui.phrases import listing

__all__ = ["readable"]


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
