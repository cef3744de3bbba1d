"""Disputes a manager settles (判单): same-day ties and one other rep's collisions inside one claim.

A settlement made on or after a dispute's last event closes it; a later touch opens it again, so the
settlement is matched to the dispute here rather than trusted as a flag.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Literal

import networkx as nx
from pydantic import BaseModel, computed_field

from graph.analysis._graph import nodes_of
from graph.analysis.claim_collisions import Collision
from graph.analysis.claim_scope import claim_day
from graph.analysis.claim_status import ClaimStatus

__all__ = ["Dispute", "SettlementView", "find_disputes"]


class SettlementView(BaseModel):
    decision: str
    """``keep``, ``transfer`` or ``split``."""
    settled_on: dt.date
    settled_by: str
    holder_share: float | None
    note: str


class Dispute(BaseModel):
    """What a manager settles (判单): a same-day tie, or one other rep's collisions inside one claim."""

    kind: Literal["tie", "collision"]
    claim_id: str
    group_id: str
    scope_id: str
    holder_id: str
    holder_name: str
    holder_channel: str
    other_rep_id: str
    other_rep_name: str
    other_channel: str
    first_date: dt.date
    last_date: dt.date
    touches: int
    settlement: SettlementView | None
    """The settlement that closes it, made on or after ``last_date``; ``None`` while it waits."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def waiting(self) -> bool:
        return self.settlement is None


def _settlements(graph: nx.MultiDiGraph[str], as_of: dt.date) -> dict[tuple[str, str], SettlementView]:
    """(claim id, other rep id) → the latest settlement made up to ``as_of`` (of one day's, the last by id)."""
    latest: dict[tuple[str, str], SettlementView] = {}
    for _, d in sorted(nodes_of(graph, "Settlement"), key=lambda n: (str(n[1]["settled_on"]), n[0])):
        if claim_day(d["settled_on"]) <= as_of:
            share = d.get("holder_share")
            latest[(str(d["claim_id"]), str(d["other_rep_id"]))] = SettlementView(
                decision=str(d["decision"]),
                settled_on=claim_day(d["settled_on"]),
                settled_by=str(d.get("settled_by", "")),
                holder_share=None if share is None else float(share),
                note=str(d.get("note") or ""),
            )
    return latest


def find_disputes(
    graph: nx.MultiDiGraph[str],
    statuses: list[ClaimStatus],
    collisions: list[Collision],
    as_of: dt.date,
) -> list[Dispute]:
    """One dispute per claim and other rep: its ties and collisions, and the settlement that closes it, if any."""
    by_id = {c.id: c for c in statuses}
    settled = _settlements(graph, as_of)
    events: dict[tuple[str, str], list[tuple[dt.date, str, str, bool]]] = defaultdict(list)
    for c in collisions:
        events[(c.claim_id, c.other_rep_id)].append((c.date, c.other_rep_name, c.other_channel, True))
    for status in statuses:
        if status.reason == "tie":
            tie = (status.claimed_on, status.rep_name, status.channel, False)
            events[(status.detail["claim"], status.rep_id)].append(tie)
    disputes = []
    for (claim_id, other), found in events.items():
        claim = by_id[claim_id]
        dates = sorted(day for day, *_ in found)
        settlement = settled.get((claim_id, other))
        touches = sum(1 for *_, is_touch in found if is_touch)
        disputes.append(
            Dispute(
                kind="collision" if touches else "tie",
                claim_id=claim_id,
                group_id=claim.group_id,
                scope_id=claim.scope_id,
                holder_id=claim.rep_id,
                holder_name=claim.rep_name,
                holder_channel=claim.channel,
                other_rep_id=other,
                other_rep_name=found[0][1],
                other_channel=found[0][2],
                first_date=dates[0],
                last_date=dates[-1],
                touches=touches,
                settlement=settlement if settlement and settlement.settled_on >= dates[-1] else None,
            )
        )
    return sorted(disputes, key=lambda d: (d.last_date, d.group_id, d.other_rep_id, d.claim_id))
