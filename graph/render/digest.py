"""The onboarding digest as Markdown and as HTML that prints well (A4, no external assets), and its print view.

The words come composed: a ``DigestDocument`` holds the title, the sections'
headings, columns and cells as text in the reader's language (``ui.digest_text``
builds it from an ``OnboardingDigest`` with the app's translations), so the
download reads in the language the page was read in. This module only lays it
out. Every value is escaped: Markdown inline syntax with ``table_cell`` (dates
and decimals stay as written), HTML with ``html.escape``; a contact named
``<img src=x onerror=…>`` prints as text.

A PDF is the browser's own "Save as PDF" of the printed page: a PDF written on the server would have to
embed a CJK font (megabytes, and none is a dependency), while every browser that shows the digest already
has the fonts and a PDF printer. So the HTML carries print CSS (A4, a section heading never alone at a
page's foot, table heads repeated, rows never split) and a "print" button that only the screen shows;
``digest_print_page`` is the same page for the app, which opens the print dialog as soon as it loads and
shows only that button, the page above having shown the digest already.
"""

from __future__ import annotations

import html
from typing import Literal

from pydantic import BaseModel

from graph.render.markdown import table_cell

__all__ = ["DigestDocument", "DigestSection", "digest_html", "digest_markdown", "digest_print_page"]


class DigestSection(BaseModel):
    heading: str
    columns: list[str]
    rows: list[list[str]]


class DigestDocument(BaseModel):
    language: Literal["en", "zh"]
    title: str
    meta: str | None
    """One line under the title (the previous owners), or nothing."""
    sections: list[DigestSection]
    empty: str
    """What an empty section says ("Nothing here.")."""
    print_label: str
    """The screen-only button that opens the browser's print dialog ("Print or save as PDF")."""
    print_hint: str
    """Beside it: where the dialog offers a PDF."""


def digest_markdown(document: DigestDocument) -> str:
    """The digest as a Markdown document."""
    lines = [f"# {table_cell(document.title)}", ""]
    if document.meta:
        lines += [table_cell(document.meta), ""]
    for section in document.sections:
        lines += [f"## {table_cell(section.heading)}", ""]
        if not section.rows:
            lines += [table_cell(document.empty), ""]
            continue
        lines.append("| " + " | ".join(table_cell(c) for c in section.columns) + " |")
        lines.append("|" + "---|" * len(section.columns))
        lines += ["| " + " | ".join(table_cell(cell) for cell in row) + " |" for row in section.rows]
        lines.append("")
    return "\n".join(lines)


_STYLE = """
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 10pt; color: #1e293b; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #cbd5e1; break-after: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 1.2mm 2mm; border-bottom: 1px solid #e2e8f0; vertical-align: top; }
th { background: #f1f5f9; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
p.meta { color: #64748b; }
.print-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; margin-bottom: 4mm; color: #475569; }
.print-bar button { font-weight: 600; font-size: 14px; padding: 6px 14px; border: 1px solid #cbd5e1; border-radius: 6px;
  background: #f8fafc; cursor: pointer; }
@media print { .print-bar { display: none; } }
"""
_SCREEN_BAR_ONLY = "@media screen { main { display: none; } body { margin: 0; } .print-bar { margin: 4px 0; } }"
_PRINT_ON_LOAD = "<script>addEventListener('load', function () { setTimeout(print, 150); });</script>"


def digest_html(document: DigestDocument) -> str:
    """The digest as one self-contained HTML page meant for printing (or saving as PDF)."""
    return _page(document)


def digest_print_page(document: DigestDocument, nonce: int, again: str) -> str:
    """The page the app prints from: the print dialog opens on load; the screen shows only a button, ``again``.

    ``nonce`` makes each request a new page: the browser reloads (and prints) a frame only when its page changed.
    """
    head = f"<style>{_SCREEN_BAR_ONLY}</style>{_PRINT_ON_LOAD}<!-- {int(nonce)} -->"
    return _page(document, head, again)


def _page(document: DigestDocument, head: str = "", button: str | None = None) -> str:
    title = html.escape(document.title)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if document.language == "zh" else "en"}"><head><meta charset="utf-8">',
        f"<title>{title}</title><style>{_STYLE}</style>{head}</head><body>",
        '<div class="print-bar"><button type="button" onclick="print()">'
        f"{html.escape(document.print_label if button is None else button)}</button>"
        f"<span>{html.escape(document.print_hint)}</span></div>",
        f"<main><h1>{title}</h1>",
    ]
    if document.meta:
        parts.append(f'<p class="meta">{html.escape(document.meta)}</p>')
    for section in document.sections:
        parts.append(f"<h2>{html.escape(section.heading)}</h2>")
        if not section.rows:
            parts.append(f"<p>{html.escape(document.empty)}</p>")
            continue
        head_row = "".join(f"<th>{html.escape(c)}</th>" for c in section.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in section.rows
        )
        parts.append(f"<table><thead><tr>{head_row}</tr></thead><tbody>{body}</tbody></table>")
    parts.append("</main></body></html>")
    return "\n".join(parts)
