"""Import: which files and columns it takes, templates, upload, preview, dry-run, import, what was rejected."""

import itertools
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from graph.render.csv_cells import csv_text
from graph.render.markdown import plain
from ingest.columns import STEM_ALIASES, STEMS
from ingest.import_report import StemCounts
from ingest.importer import import_paths
from ingest.readers import ReadFailed, find_sources, read_rows, unknown_headers
from ui.cached_store import current_user, require_store
from ui.downloads import recorded_download
from ui.i18n import t, tn
from ui.import_help import column_lines, format_table, templates
from ui.import_reasons import ERROR_COLUMNS, error_rows, notice_text
from ui.phrases import listing

PREVIEW_ROWS = 8

visible = require_store()
st.title(t("import.title"))
if not visible.viewer.runs_the_desk:
    st.info(t("access.desk_only"))
    st.stop()
store = visible.desk_store()
st.caption(t("import.intro"))
with st.expander(t("import.format")):
    st.caption(t("import.format.hint"))
    st.dataframe(format_table(), hide_index=True, width="stretch")
    st.markdown("**" + t("import.col.columns") + "**")
    for file, columns in column_lines():
        st.caption(f"**{file}** · {plain(columns)}")
with st.expander(t("import.templates")):
    st.caption(t("import.templates.hint"))
    for column, (stem, text) in zip(st.columns(4) * len(STEMS), templates(), strict=False):
        column.download_button(f"{stem}.csv", text, f"{stem}.csv", "text/csv", key=f"template_{stem}", width="stretch")
uploads = st.file_uploader(  # keyed: a language switch keeps the files chosen
    t("import.upload"),
    type=["csv", "xlsx", "json"],
    accept_multiple_files=True,
    help=t("import.upload.help"),
    key="import_uploads",
)
if not uploads:
    st.stop()

if "import_folder" not in st.session_state:  # one scratch folder per browser session, emptied each run
    st.session_state.import_folder = tempfile.mkdtemp(prefix="kagraph-import-")
folder = Path(st.session_state.import_folder)
for old in folder.iterdir():
    old.unlink()
for upload in uploads:
    (folder / Path(upload.name).name).write_bytes(upload.getvalue())
try:
    sources = find_sources([folder])
except ReadFailed as error:
    st.error(t("import.unreadable", reason=error))
    st.stop()
if not sources:
    expected = listing(f"{stem}.csv ({listing(f'{a}.csv' for a in STEM_ALIASES[stem])})" for stem in STEMS)
    st.warning(t("import.nothing", expected=expected))
    st.stop()

for source in sources:
    with st.expander(t("import.preview", file=source.label)):
        rows = [row.cells for row in itertools.islice(read_rows(source), PREVIEW_ROWS)]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
        if ignored := unknown_headers(source):
            st.caption(t("import.ignored_columns", columns=", ".join(ignored)))

dry_run = st.toggle(t("import.dry_run"), value=True)
who = current_user()
why = st.text_input(t("edit.why"), key="import_why")
blocked = not dry_run and who is None
if blocked:
    st.info(t("import.need_name"), icon=":material/badge:")
clicked = st.button(
    t("import.commit"), type="primary", disabled=blocked, help=t("import.need_name") if blocked else None, key="import"
)
if not clicked or blocked:
    st.stop()
bar = st.progress(0.0)
stems = [s.stem for s in sources]


def show_progress(stem: str, rows: int) -> None:
    text = tn("import.progress", "import.progress.plural", rows, stem=t(f"import.kind.{stem}"), rows=f"{rows:,}")
    bar.progress((stems.index(stem) + 1) / len(stems), text=text)


report = import_paths(store, [folder], dry_run=dry_run, progress=show_progress, who=who, why=why)
st.cache_data.clear()  # pages showing subgraphs must see the new data
if dry_run:
    landed = sum(c.landed for c in report.stems.values())
    st.info(tn("import.dry_done", "import.dry_done.plural", report.rejected, landed=landed, rejected=report.rejected))
else:
    counts = report.model_dump(include={"created", "updated", "unchanged", "rejected"})
    (st.warning if report.rejected else st.success)(tn("import.done", "import.done.plural", report.rejected, **counts))
st.dataframe(
    pd.DataFrame([{"stem": t(f"import.kind.{stem}"), **c.model_dump()} for stem, c in report.stems.items()]),
    hide_index=True,
    width="stretch",
    column_config={"stem": t("import.col.stem")} | {k: t(f"import.col.{k}") for k in StemCounts.model_fields},
)
if report.errors:
    st.subheader(t("import.errors"))
    errors = error_rows(report.errors)
    st.dataframe(
        pd.DataFrame(errors), hide_index=True, width="stretch", column_config={c: t(f"col.{c}") for c in ERROR_COLUMNS}
    )
    headers = {c: t(f"col.{c}") for c in ERROR_COLUMNS}  # the download's header in the page's language too
    # Rows of the file just uploaded: recorded as a download, of no account.
    rejected = csv_text([{headers[k]: v for k, v in e.items()} for e in errors], list(headers.values()))
    recorded_download(
        st.container(), visible, t("import.download_errors"), lambda: rejected, t("file.rejected_rows"), "text/csv", []
    )
if report.merged:
    st.subheader(t("import.merged"))
    st.dataframe(
        pd.DataFrame({"merged": [notice_text(n) for n in report.merge_notices]}),
        hide_index=True,
        width="stretch",
        column_config={"merged": t("import.merged")},
    )
if report.warnings:
    st.subheader(t("import.warnings"))
    st.dataframe(
        pd.DataFrame({"warning": [notice_text(n) for n in report.notices]}),
        hide_index=True,
        width="stretch",
        column_config={"warning": t("import.warnings")},
    )
