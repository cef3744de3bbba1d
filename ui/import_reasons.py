"""The import page's rejected rows in the reader's language, composed from each row's reason code.

The importer gives every refusal a code and its parameters (``ingest.reasons``);
here the code picks the sentence from the catalogs (``locale/``) and the
parameters that are codes themselves (``record``, ``lines``, ``kind``) are
worded too. Values from the file (ids, names, what was written) stay as written.
"""

from __future__ import annotations

from collections.abc import Mapping

from ingest.reasons import CAUSE_PREFIX, Notice
from ingest.validate import RowError
from ui.i18n import known, t

__all__ = ["ERROR_COLUMNS", "coded_text", "error_rows", "notice_text", "reason_text"]

ERROR_COLUMNS = ["file", "row", "column", "value", "reason"]
_WORDED = {"record": "import.record", "lines": "import.lines", "kind": "import.json"}
"""Parameters that hold a code, and the key prefix that words it."""
_PLACEHOLDER_COLUMNS = {"(row)": "import.column.row", "(header)": "import.column.header"}


def coded_text(keys: tuple[str, ...], params: Mapping[str, str], english: str) -> str:
    """The first known of ``keys``, worded with ``params`` (codes among them worded too); else ``english``."""
    key = next((k for k in keys if known(k)), None)
    if key is None:
        return english
    words = {name: t(f"{_WORDED[name]}.{value}") if name in _WORDED else value for name, value in params.items()}
    return t(key, **words)


def reason_text(error: RowError) -> str:
    """Why the row was refused, in the chosen language; a code no catalog knows keeps the importer's English."""
    text = _worded(error.code, error.params)
    if text is None:
        return error.reason
    return t("import.reason.after_merge", reason=text) if error.after_merge else text


def _worded(code: str, params: Mapping[str, str]) -> str | None:
    """A reason from its code, with the reason it rests on (``cause``, ``ingest.reasons.Reason.because``) worded
    as well; ``None`` when a catalog knows either code not."""
    key = f"import.reason.{code}"
    if not known(key):
        return None
    own = {name: value for name, value in params.items() if not name.startswith(CAUSE_PREFIX)}
    if "cause" in own:
        nested = {n.removeprefix(CAUSE_PREFIX): v for n, v in params.items() if n.startswith(CAUSE_PREFIX)}
        cause = _worded(own["cause"], nested)
        if cause is None:
            return None
        own["cause"] = cause
    return coded_text((key,), own, "")


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


def notice_text(notice: Notice) -> str:
    """One warning or merge of an import, in the chosen language."""
    params = dict(notice.params)
    if "field" in params:
        params["field"] = t(f"import.field.{params['field']}")
    return coded_text((f"import.notice.{notice.code}",), params, notice.english)
