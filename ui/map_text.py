"""The words the decision-chain map needs, in one language, for ``graph.render.chain_map``.

The renderer takes translated strings rather than calling ``t()``: it lives
below the UI layer and also serves the CLI and the benchmark, which have no
Streamlit session to ask for the language.
"""

from __future__ import annotations

import networkx as nx

from graph.analysis.decision_roles import ChainReport
from graph.domain.keys import node_key
from graph.render.chain_options import DealLine, format_amount, format_day
from ui.i18n import Language, catalog, tn

__all__ = ["deal_line", "map_text"]


def map_text(lang: Language) -> dict[str, str]:
    """Every ``map.*`` phrase and ``enum.*`` label in ``lang``.

    >>> map_text("zh")["enum.economic_buyer"], map_text("en")["map.points"].format(score=72)
    ('拍板人', '72 pts')
    """
    return {
        m.id: m.string
        for m in catalog(lang)
        if isinstance(m.id, str) and isinstance(m.string, str) and m.id.startswith(("map.", "enum."))
    }


def deal_line(graph: nx.MultiDiGraph[str], deal_id: str, report: ChainReport, lang: Language) -> DealLine:
    """The chosen opportunity for the map: its stage, amount and close date in ``lang``, and who plays what."""
    data = graph.nodes[node_key("Opportunity", deal_id)]
    words = map_text(lang)
    stage = str(data.get("stage", "validate"))
    amount = data.get("amount")
    return DealLine(
        name=str(data.get("name", deal_id)),
        stage=words.get(f"enum.{stage}", stage),
        amount=format_amount(float(amount) if amount is not None else None),
        close_date=format_day(data.get("close_date")),
        people=tn("map.deal.people", "map.deal.people.plural", len(report.contacts), lang, count=len(report.contacts)),
        roles={c.id: c.buying_role for c in report.contacts},
    )
