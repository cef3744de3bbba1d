"""Pass 1's cycle check: reporting lines, parent companies, departments and rep managers that close a loop.

A loop has to be seen whole, across the import and what is already stored, before
any row is written; a row-by-row check could not tell which rows to refuse.
"""

from __future__ import annotations

import networkx as nx

from graph.store import GraphStore
from ingest.reasons import Reason

__all__ = ["cycle_reasons"]


def cycle_reasons(
    label: str, imported: nx.DiGraph[str], store: GraphStore, named: set[str]
) -> dict[tuple[str, str], Reason]:
    """(label, id) → why, for the imported records whose line up closes a cycle, within the import or with
    what is stored.

    A contact may report to several people, so their stored lines stay beside
    the imported ones; a company, department or rep has one superior, which
    the import replaces where its row names one.
    """
    graph = imported.copy()
    keeps_stored = label == "Contact"
    graph.add_edges_from(
        (lower, upper) for lower, upper in store.records.lines(label) if keeps_stored or lower not in named
    )
    in_cycle: dict[tuple[str, str], Reason] = {}
    for component in nx.strongly_connected_components(graph):
        members = component & set(imported)
        if not members or len(component) == 1:  # a record as its own superior: the model says so more plainly
            continue
        loop = [a for a, _ in nx.find_cycle(graph.subgraph(component))]
        start = loop.index(min(loop))  # the same message on every run
        loop = loop[start:] + loop[:start]
        alone = all(imported.has_edge(a, b) for a, b in zip(loop, loop[1:] + loop[:1], strict=True))
        reason = Reason.of("cycle" if alone else "cycle_with_stored", lines=label, loop=" → ".join([*loop, loop[0]]))
        in_cycle.update({(label, node): reason for node in members if node in named})
    return in_cycle
