"""The onboarding digest as Markdown and as HTML that prints well (A4, no scripts, no external assets).

Every value from the data is escaped: Markdown syntax with ``plain``, HTML
with ``html.escape``; a contact named ``<img src=x onerror=…>`` prints as text.
"""

from __future__ import annotations

import html

from graph.analysis.onboarding import OnboardingDigest
from graph.render.markdown import plain

__all__ = ["digest_html", "digest_markdown"]

_Table = tuple[str, list[str], list[list[str]]]


def _sections(digest: OnboardingDigest, names: dict[str, str]) -> list[_Table]:
    """(heading, columns, rows) per section, the rows as plain text."""

    def name(company_id: str | None) -> str:
        return names.get(company_id or "", company_id or "")

    return [
        (
            "Meet these five first",
            ["Person", "Title", "Why"],
            [[m.name, m.title or "", m.reason] for m in digest.first_meetings],
        ),
        (
            "Key people",
            ["Person", "Title", "Company", "Influence", "Role", "Stance", "Known by", "You"],
            [
                [
                    p.name,
                    p.title or "",
                    name(p.company_id),
                    f"{p.influence:.0%}",
                    p.buying_role.replace("_", " "),
                    p.stance,
                    ", ".join(f"{a.rep_name} {a.strength:.0f}{' (left)' if a.rep_left else ''}" for a in p.known_by)
                    or "nobody",
                    f"{p.new_owner_strength:.0f}",
                ]
                for p in digest.key_people
            ],
        ),
        (
            "Relationships to carry over",
            ["From", "Person", "Title", "Strength", "Last touch", "Importance", "You"],
            [
                [
                    f"{h.rep_name}{' (left)' if h.rep_left else ''}",
                    h.contact_name,
                    h.title or "",
                    f"{h.strength:.0f}",
                    f"{h.days_since_last_touch} days ago" if h.days_since_last_touch is not None else "never",
                    f"{h.importance:.3f}",
                    f"{h.new_owner_strength:.0f}",
                ]
                for h in digest.handover
            ],
        ),
        (
            "Open opportunities",
            ["Opportunity", "Stage", "Amount", "Close", "Roles nobody plays", "Decision makers nobody knows well"],
            [
                [
                    o.name,
                    o.stage.replace("_", " "),
                    f"{o.amount:,.0f}" if o.amount is not None else "",
                    str(o.close_date or ""),
                    ", ".join(r.replace("_", " ") for r in o.missing_roles) or "none",
                    str(len(o.uncovered_decision_makers)),
                ]
                for o in digest.open_opportunities
            ],
        ),
        (
            "Competitor threats",
            ["Competitor", "Where", "What"],
            [[t.competitor, name(t.company_id), t.detail] for t in digest.threats],
        ),
        ("Data to check", ["Person", "Why"], [[s.name, s.reason] for s in digest.stale]),
    ]


def _title(digest: OnboardingDigest, names: dict[str, str]) -> str:
    accounts = ", ".join(names.get(c, c) for c in digest.company_ids)
    return f"Onboarding: {accounts} for {digest.new_owner_name}, as of {digest.as_of}"


def digest_markdown(digest: OnboardingDigest, names: dict[str, str]) -> str:
    """The digest as a Markdown document; ``names`` maps company ids to names."""
    lines = [f"# {plain(_title(digest, names))}", ""]
    if digest.previous_owners:
        lines += [f"Previous owners: {plain(', '.join(digest.previous_owner_names))}", ""]
    for heading, columns, rows in _sections(digest, names):
        lines += [f"## {heading}", ""]
        if not rows:
            lines += ["Nothing here.", ""]
            continue
        lines.append("| " + " | ".join(columns) + " |")
        lines.append("|" + "---|" * len(columns))
        lines += ["| " + " | ".join(plain(" ".join(cell.split())) for cell in row) + " |" for row in rows]
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
tr { break-inside: avoid; }
p.meta { color: #64748b; }
"""


def digest_html(digest: OnboardingDigest, names: dict[str, str]) -> str:
    """The digest as one self-contained HTML page meant for printing (or saving as PDF)."""
    title = html.escape(_title(digest, names))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{title}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{title}</h1>",
    ]
    if digest.previous_owners:
        parts.append(f'<p class="meta">Previous owners: {html.escape(", ".join(digest.previous_owner_names))}</p>')
    for heading, columns, rows in _sections(digest, names):
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        if not rows:
            parts.append("<p>Nothing here.</p>")
            continue
        head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows)
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    parts.append("</body></html>")
    return "\n".join(parts)
