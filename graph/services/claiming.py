"""The claims desk (报备): file, release and settle claims, each decided and recorded in one unit of work.

Every decision is taken on the claims as committed, inside the unit that
writes it (``UnitOfWork.decide_on_claims``): the enterprise's group root and
the rep are locked first, so two reps claiming one enterprise at the same
moment get one grant and one refusal naming the winner, on both servers.
Each decision, a refusal included, lands with its history entry: who, what,
and why in one sentence.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import networkx as nx

from graph.analysis.claim_attention import dispute_split
from graph.analysis.claim_book import claims_report
from graph.analysis.claim_disputes import Dispute
from graph.analysis.claim_scope import filing_moment
from graph.analysis.claim_status import ClaimStatus
from graph.domain.access import Viewer
from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, ChangeSource
from graph.domain.claim_policy import ClaimPolicy
from graph.domain.claim_records import Claim, Settlement
from graph.domain.enums import SettlementDecision, Status
from graph.domain.errors import EditRefused, FieldProblem, NotFound
from graph.domain.fields import Record
from graph.domain.keys import node_key
from graph.store import Decided, GraphStore

__all__ = ["explain", "file_claim", "release_claim", "settle_dispute"]

_SENTENCES = {
    "": "protected until {until}",
    "renewed": "protected until {until}, renewed after progress on {on} ({stage})",
    "lapsed": "lapsed after {until}: back in the pool",
    "released": "released on {on} by {by}: back in the pool",
    "transferred": "transferred to {to} on {on} by {by}",
    "left": "ended when the holder left on {on}",
    "held": "refused: protected by {holder} ({channel}) until {until}",
    "tie": "refused: claimed the same day as {holder} ({channel}), a tie for a manager to settle",
    "repeat": "refused: already held by the same rep until {until}",
    "cap": "refused: the rep already holds {cap} live claims on customers of this tier",
    "cooling": "refused: the rep let it go lately and may claim it again from {again_from}",
    "filed_refused": "refused when it was filed",
}


_NOT_YOURS = {
    "party": "you or someone above you is a side of this dispute: sales ops or a lead of both sides settle it",
    "not_led": "only the holder's lead or sales ops settle this dispute",
}
"""Why a viewer may not settle a dispute (``Viewer.settle_refusal``), in English; the pages word it by code."""


def explain(status: ClaimStatus) -> str:
    """The claim's state in one English sentence (the pages say it in the reader's language)."""
    return _SENTENCES[status.reason].format_map({"until": str(status.expires_on), **status.detail})


def _rep(store: GraphStore, rep_id: str) -> dict[str, Any]:
    rep = store.records.node("Rep", rep_id)
    if rep is None:
        raise NotFound(f"no rep with id {rep_id!r}")
    return rep


def _locks(store: GraphStore, company_id: str, *rep_ids: str) -> dict[str, list[str]]:
    """The enterprise (its group root and the company) and the reps: what a claims decision serialises on."""
    root = store.accounts.group_root(company_id)
    return {"Company": sorted({root, company_id}), "Rep": sorted(set(rep_ids))}


def _with(graph: nx.MultiDiGraph[str], claim: Claim) -> nx.MultiDiGraph[str]:
    """``graph`` with ``claim`` in it, as stored (a new one added, a changed one replaced)."""
    graph.add_node(node_key("Claim", claim.id), label="Claim", **claim.to_row())
    return graph


def _status(graph: nx.MultiDiGraph[str], claim_id: str, on: dt.date, policy: ClaimPolicy) -> ClaimStatus:
    return next(c for c in claims_report(graph, on, policy).claims if c.id == claim_id)


def file_claim(
    store: GraphStore,
    company_id: str,
    rep_id: str,
    who: str,
    on: dt.date,
    policy: ClaimPolicy,
    why: str = "",
    now: dt.datetime | None = None,
) -> ClaimStatus:
    """File ``rep_id``'s claim on ``company_id`` on ``on``: granted with its expiry, or refused with the holder.

    The check covers the whole enterprise (or the company alone when its
    group's branches are claimed separately). A refused claim is recorded as
    refused and stays so; filing again is a decision of its own.
    """
    rep = _rep(store, rep_id)
    if rep.get("status") == Status.LEFT.value:
        name = str(rep.get("name", rep_id))
        raise EditRefused(
            [FieldProblem("rep_id", rep_id, f"{name} has left and cannot claim", "rep_left", {"rep": name})]
        )

    def decide(graph: nx.MultiDiGraph[str]) -> Decided[ClaimStatus]:
        filed_at = _after_every_filing(graph, now or dt.datetime.now(dt.UTC))
        claim = Claim(company_id=company_id, rep_id=rep_id, channel=rep["channel"], claimed_on=on, filed_at=filed_at)
        author = Author(
            who=who, source=ChangeSource.CLAIM, action=Action.of(ActionCode.FILE_A_CLAIM), why=why, at=filed_at
        )
        status = _status(_with(graph, claim), claim.id, on, policy)
        stored = claim if status.status != "refused" else claim.model_copy(update={"refusal": status.reason})
        note = explain(status) + (f"; {why}" if why else "")
        return Decided([stored], author.model_copy(update={"why": note}), status)

    return store.unit_of_work(lambda uow: uow.decide_on_claims(_locks(store, company_id, rep_id), decide))[0]


def _after_every_filing(graph: nx.MultiDiGraph[str], moment: dt.datetime) -> dt.datetime:
    """``moment``, or just after the latest filing stored if that is later (another machine's clock).

    Taken inside the unit, once the enterprise is locked: the claim filed
    first is decided first, and it also sorts first wherever claims are judged.
    """
    stored = [filing_moment(d.get("filed_at")) for _, d in graph.nodes(data=True) if d.get("label") == "Claim"]
    latest = max(stored, default=moment)
    return moment if moment > latest else latest + dt.timedelta(microseconds=1)


def _stored_claim(graph: nx.MultiDiGraph[str], claim_id: str) -> Claim:
    props = graph.nodes.get(node_key("Claim", claim_id))
    if props is None:
        raise NotFound(f"no claim with id {claim_id!r}")
    return Claim.from_props(props)


def _claim_record(store: GraphStore, claim_id: str) -> dict[str, Any]:
    """The stored claim (its company and holder name the locks), or ``NotFound``."""
    claim = store.records.node("Claim", claim_id)
    if claim is None:
        raise NotFound(f"no claim with id {claim_id!r}")
    return claim


def release_claim(
    store: GraphStore, claim_id: str, who: str, on: dt.date, policy: ClaimPolicy, why: str = ""
) -> ClaimStatus:
    """Release (退回) a live claim on ``on``: it stops protecting that day and the enterprise goes back to the pool."""
    stored = _claim_record(store, claim_id)

    def decide(graph: nx.MultiDiGraph[str]) -> Decided[ClaimStatus]:
        claim = _stored_claim(graph, claim_id)
        before = _status(graph, claim_id, on, policy)
        if before.status != "live":
            reason = f"is {before.status}, not live: nothing to release"
            problem = FieldProblem("claim_id", claim_id, reason, "not_live", {"status": before.status})
            raise EditRefused([problem])
        released = claim.model_copy(update={"released_on": on, "released_by": who})
        author = Author(who=who, source=ChangeSource.CLAIM, action=Action.of(ActionCode.RELEASE_A_CLAIM), why=why)
        return Decided([released], author, _status(_with(graph, released), claim_id, on, policy))

    return store.unit_of_work(
        lambda uow: uow.decide_on_claims(_locks(store, str(stored["company_id"]), str(stored["rep_id"])), decide)
    )[0]


def _waiting(graph: nx.MultiDiGraph[str], claim_id: str, other: str, on: dt.date, policy: ClaimPolicy) -> Dispute:
    for dispute in claims_report(graph, on, policy).disputes:
        if dispute.claim_id == claim_id and dispute.other_rep_id == other and dispute.waiting:
            return dispute
    reason = "has no dispute waiting to be settled in this claim"
    raise EditRefused([FieldProblem("other_rep_id", other, reason, "no_dispute")])


def settle_dispute(
    store: GraphStore,
    claim_id: str,
    other_rep_id: str,
    decision: SettlementDecision,
    who: str,
    on: dt.date,
    policy: ClaimPolicy,
    why: str = "",
    *,
    viewer: Viewer,
) -> Settlement:
    """Settle (判单) a waiting dispute: keep the holder, transfer the enterprise, or split the credit.

    A split's shares come from the dispute's own evidence (``dispute_split``).
    A transfer releases the holder's claim on ``on`` and files one for the
    other rep from that day, by the same rules as any claim: when the policy
    refuses it (their cap, their cooling-off), the settlement is refused.

    Nobody settles a dispute they are a side of: ``viewer`` (who decides) must
    not be the holder, the other rep or above either in the manager lines, and
    must lead the holder unless they are sales ops (``Viewer.settle_refusal``).
    """
    stored = _claim_record(store, claim_id)
    other = _rep(store, other_rep_id)
    refusal = viewer.settle_refusal(str(stored["rep_id"]), other_rep_id)
    if refusal is not None:
        reason = _NOT_YOURS[refusal]
        raise EditRefused([FieldProblem("other_rep_id", other_rep_id, reason, f"settle_{refusal}")])

    def decide(graph: nx.MultiDiGraph[str]) -> Decided[Settlement]:
        dispute = _waiting(graph, claim_id, other_rep_id, on, policy)
        holder = _stored_claim(graph, claim_id)
        share = None
        if decision == SettlementDecision.SPLIT:
            shares = dispute_split(graph, dispute, on, policy)
            share = next(s.total for s in shares if s.name == dispute.holder_id)
        settlement = Settlement(
            claim_id=claim_id,
            company_id=holder.company_id,
            other_rep_id=other_rep_id,
            decision=decision,
            settled_on=on,
            settled_by=who,
            holder_share=share,
            note=why or None,
        )
        records: list[Record] = [settlement]
        if decision == SettlementDecision.TRANSFER:
            records += _transfer(graph, holder, other, on, policy, who)
        author = Author(who=who, source=ChangeSource.CLAIM, action=Action.of(ActionCode.SETTLE_A_DISPUTE), why=why)
        return Decided(records, author, settlement)

    locks = _locks(store, str(stored["company_id"]), str(stored["rep_id"]), other_rep_id)
    return store.unit_of_work(lambda uow: uow.decide_on_claims(locks, decide))[0]


def _transfer(
    graph: nx.MultiDiGraph[str], holder: Claim, other: dict[str, Any], on: dt.date, policy: ClaimPolicy, who: str
) -> list[Record]:
    """The holder's claim released to ``other`` on ``on`` and ``other``'s new claim, which the rules must grant."""
    released = holder.model_copy(update={"released_on": on, "released_by": who, "transferred_to": other["id"]})
    taken = Claim(
        company_id=holder.company_id,
        rep_id=str(other["id"]),
        channel=other["channel"],
        claimed_on=on,
        filed_at=_after_every_filing(graph, dt.datetime.now(dt.UTC)),
    )
    status = _status(_with(_with(graph, released), taken), taken.id, on, policy)
    if status.status != "live":
        params = {
            "rep": str(other.get("name", other["id"])),
            "claim_reason": status.reason,
            "until": str(status.expires_on),
            **status.detail,
        }
        reason = "cannot take it over: " + explain(status)
        raise EditRefused([FieldProblem("other_rep_id", str(other["id"]), reason, "cannot_take_over", params)])
    return [released, taken]
