"""The import page's rejected rows in the reader's language, composed from each row's reason code.

The importer gives every refusal a code and its parameters (``ingest.reasons``);
here the code picks the sentence from the translation tables and the
parameters that are codes themselves (``record``, ``lines``, ``kind``) are
worded too. Values from the file (ids, names, what was written) stay as written.
"""

from __future__ import annotations

from ingest.validate import RowError
from ui.i18n import TEXTS, t

__all__ = ["ERROR_COLUMNS", "error_rows", "reason_text"]

ERROR_COLUMNS = ["file", "row", "column", "value", "reason"]
_WORDED = {"record": "import.record", "lines": "import.lines", "kind": "import.json"}
"""Parameters that hold a code, and the table prefix that words it."""
_PLACEHOLDER_COLUMNS = {"(row)": "import.column.row", "(header)": "import.column.header"}


def reason_text(error: RowError) -> str:
    """Why the row was refused, in the chosen language; a code no table knows keeps the importer's English."""
    key = f"import.reason.{error.code}"
    if key not in TEXTS:
        return error.reason
    words = {name: t(f"{_WORDED[name]}.{value}") if name in _WORDED else value for name, value in error.params.items()}
    text = t(key, **words)
    return t("import.reason.after_merge", reason=text) if error.after_merge else text


def error_rows(errors: list[RowError]) -> list[dict[str, object]]:
    """The rejected rows as the page's table (and its CSV) shows them: ``ERROR_COLUMNS``, in the language."""
    return [
        {
            "file": e.file,
            "row": e.row,
            "column": t(_PLACEHOLDER_COLUMNS[e.column]) if e.column in _PLACEHOLDER_COLUMNS else e.column,
            "value": e.value,
            "reason": reason_text(e),
        }
        for e in errors
    ]
