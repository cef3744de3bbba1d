"""The store as one viewer may see it: the only store a page gets, so no page can forget the rules.

``VisibleStore`` answers the reads the pages make, each passed through
``graph.domain.access``: accounts outside the viewer's full view lose their people
and deals, phones and e-mails are masked for viewers without the right to
them, lists hold only what the viewer may open. Writes go through a gate
(``editor``, ``desk`` …) that hands out the underlying store only for what
the viewer's role allows, and every signed-in view of an account and every
download go into the history.

The reads come from ``reads``: the store itself, or the app's shared cache of
its answers (every copy handed out is the viewer's own to change).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping, MutableSet
from typing import Any, Protocol

import networkx as nx

from graph.analysis.claim_book import ClaimsReport
from graph.analysis.history import AccessRecord, TimelineItem, access_records
from graph.domain.access import NotAllowed, Viewer, full_view, masked, restricted
from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, ChangeSource
from graph.domain.claim_policy import ClaimPolicy
from graph.services.account_views import account_timeline, company_graph_as_of, contact_timeline
from graph.store import GraphStore

__all__ = ["AccountLists", "GraphReads", "SubgraphLists", "VisibleStore", "viewer_full_view"]


class AccountLists(Protocol):
    """The account lists ``VisibleStore`` filters: ``GraphStore.accounts``, or a cache of them."""

    def groups(self) -> list[dict[str, Any]]: ...
    def group_companies(self, company_id: str) -> list[dict[str, Any]]: ...
    def company_names(self) -> list[dict[str, Any]]: ...
    def company_roots(self) -> dict[str, str]: ...
    def reps(self) -> list[dict[str, Any]]: ...


class SubgraphLists(Protocol):
    """The graphs ``VisibleStore`` filters: ``GraphStore.subgraphs``, or a cache of them."""

    def company(self, company_id: str) -> nx.MultiDiGraph[str]: ...
    def group(self, company_id: str) -> nx.MultiDiGraph[str]: ...
    def claims(self) -> nx.MultiDiGraph[str]: ...


class GraphReads(Protocol):
    """The reads ``VisibleStore`` filters: ``GraphStore``'s read models, or a cache of them."""

    @property
    def accounts(self) -> AccountLists: ...
    @property
    def subgraphs(self) -> SubgraphLists: ...


def viewer_full_view(
    store: GraphStore, viewer: Viewer, report: ClaimsReport, roots: Mapping[str, str], policy: ClaimPolicy
) -> frozenset[str] | None:
    """``access.full_view`` of ``viewer``: their team's worked accounts, and the scopes of their live claims.

    ``report`` is today's claims report (the same for every viewer, so a page
    can share it), ``roots`` every company's group root.
    """
    if viewer.sees_everything:
        return None
    scopes = [c.scope_id for c in report.claims if c.rep_id in viewer.team_reps and c.protects(report.as_of)]
    return full_view(viewer, store.accounts.worked_accounts(viewer.team_reps), scopes, roots, policy.separate_branches)


class VisibleStore:
    """One viewer's store for one page run."""

    def __init__(
        self,
        store: GraphStore,
        viewer: Viewer,
        full: frozenset[str] | None,
        reads: GraphReads | None = None,
        recorded: MutableSet[tuple[str, str]] | None = None,
    ) -> None:
        """``full`` is ``viewer_full_view``'s answer; ``recorded`` the (day, company) views already in the history."""
        self._store = store
        self._reads: GraphReads = reads or store
        self.viewer = viewer
        self._full = full
        self._recorded = recorded if recorded is not None else set()

    @property
    def kind(self) -> str:
        return self._store.kind

    @property
    def address(self) -> str:
        return self._store.address

    def counts(self) -> dict[str, int]:
        """How much the store holds, by label: figures, never a record."""
        return self._store.accounts.counts()

    def sees(self, company_id: str) -> bool:
        """Whether the viewer sees ``company_id`` in full: its people, deals and history."""
        return self._full is None or company_id in self._full

    @functools.cached_property
    def _roots(self) -> dict[str, str]:
        return self._reads.accounts.company_roots()

    @functools.cached_property
    def visible_groups(self) -> frozenset[str] | None:
        """The group roots with at least one company in full view (``None``: every group)."""
        if self._full is None:
            return None
        return frozenset(self._roots.get(c, c) for c in self._full)

    def groups(self) -> list[dict[str, Any]]:
        """The groups the viewer may open, with their sizes."""
        shown = self.visible_groups
        return [g for g in self._reads.accounts.groups() if shown is None or g["id"] in shown]

    def group_companies(self, company_id: str) -> list[dict[str, Any]]:
        """Every company of an open group, each with ``full``: whether its people show."""
        self._open_group(company_id)
        return [c | {"full": self.sees(str(c["id"]))} for c in self._reads.accounts.group_companies(company_id)]

    def _open_group(self, company_id: str) -> None:
        shown = self.visible_groups
        if shown is not None and self._roots.get(company_id, company_id) not in shown:
            raise NotAllowed(f"{company_id!r} is not among the accounts you may open")

    def _restricted(self, graph: nx.MultiDiGraph[str]) -> nx.MultiDiGraph[str]:
        return restricted(graph, self.viewer, self._full)

    def company_subgraph(self, company_id: str) -> nx.MultiDiGraph[str]:
        """A company in full view, as ``Subgraphs.company`` (phones masked where the role says)."""
        self._only_full(company_id)
        self._record_view(company_id)
        return self._restricted(self._reads.subgraphs.company(company_id))

    def company_subgraph_as_of(self, company_id: str, day: dt.date) -> nx.MultiDiGraph[str]:
        """A company in full view as it was at the end of ``day``."""
        self._only_full(company_id)
        self._record_view(company_id)
        return self._restricted(company_graph_as_of(self._store, company_id, day))

    def group_subgraph(self, company_id: str) -> nx.MultiDiGraph[str]:
        """An open group; companies outside the viewer's full view keep their status, not their people or deals."""
        self._open_group(company_id)
        graph = self._reads.subgraphs.group(company_id)
        self._record_view(str(graph.graph.get("root", company_id)))
        return self._restricted(graph)

    def _only_full(self, company_id: str) -> None:
        if not self.sees(company_id):
            raise NotAllowed(f"{company_id!r} is not among the accounts you see in full")

    def claims_graph(self) -> nx.MultiDiGraph[str]:
        """The claims graph every claim is judged on, the same for all; people outside full view reduced to ids."""
        graph = self._reads.subgraphs.claims()
        for _, data in graph.nodes(data=True):
            label, company = data.get("label"), str(data.get("company_id"))
            if label == "Contact":
                shown = self.sees(company)
                kept = {k: v for k, v in data.items() if shown or k in ("label", "id", "company_id")}
                data.clear()
                data.update(kept if self.viewer.sees_personal_data(shown) else masked(kept))
                data.setdefault("name", "")
            elif label == "Opportunity" and not self.sees(company):
                kept = {
                    k: data[k] for k in ("label", "id", "company_id", "owner_id", "stage", "stage_since") if k in data
                }
                data.clear()
                data.update(kept)
        return graph

    def visible_claims(self, report: ClaimsReport) -> ClaimsReport:
        """The claims, collisions and disputes the viewer's team is part of or whose account they see; all the pool.

        Whether an enterprise is protected, by whom and until when, is asked of
        the whole report (the protection search): that is its purpose.
        """
        if self._full is None:
            return report
        ours = self.viewer.team_reps
        return report.model_copy(
            update={
                "claims": [c for c in report.claims if c.rep_id in ours or self.sees(c.company_id)],
                "collisions": [
                    c for c in report.collisions if ours & {c.claim_rep_id, c.other_rep_id} or self.sees(c.company_id)
                ],
                "disputes": [
                    d for d in report.disputes if ours & {d.holder_id, d.other_rep_id} or self.sees(d.scope_id)
                ],
            }
        )

    def company_names(self) -> list[dict[str, Any]]:
        """Every company's name and tier: what the "is it already protected?" search answers for."""
        return self._reads.accounts.company_names()

    def phone_companies(self, phone: str) -> list[str]:
        """The companies a phone belongs to (the protection search): companies, never the person."""
        return self._store.accounts.phone_companies(phone)

    def reps(self) -> list[dict[str, Any]]:
        """Our own people: every viewer sees who holds what."""
        return self._reads.accounts.reps()

    def our_categories(self) -> list[str]:
        return self._store.accounts.our_categories()

    def rep_accounts(self, rep_id: str) -> list[str]:
        """The accounts a rep works, among those the viewer sees in full."""
        return [c for c in self._store.accounts.rep_accounts(rep_id) if self.sees(c)]

    def account_timeline(self, company_id: str, limit: int = 200) -> list[TimelineItem]:
        """What happened in a company in full view, newest first, phones and e-mails masked where the role says."""
        self._only_full(company_id)
        return self._masked_items(account_timeline(self._store, company_id, limit), company_id)

    def contact_timeline(self, contact_id: str, limit: int = 200) -> list[TimelineItem]:
        """What happened to one contact of a company in full view, newest first."""
        company_id = self._store.accounts.contact_company(contact_id)
        self._only_full(company_id)
        return self._masked_items(contact_timeline(self._store, contact_id, limit), company_id)

    def _masked_items(self, items: list[TimelineItem], company_id: str) -> list[TimelineItem]:
        if self.viewer.sees_personal_data(self.sees(company_id)):
            return items
        return [i.model_copy(update={"before": masked(i.before), "after": masked(i.after)}) for i in items]

    def _record_view(self, company_id: str) -> None:
        """Every signed-in view of an account goes into the history, once a day per session: a rep's as ops'.

        A rep's own accounts include any they claim from the pool, so a claim
        filed to look at an enterprise leaves the look on record too.
        """
        if self.viewer.local:
            return
        mark = (dt.date.today().isoformat(), company_id)
        if mark not in self._recorded:
            self._store.unit_of_work(
                lambda uow: uow.record_access(self._author(Action.of(ActionCode.VIEW_ACCOUNT)), [company_id])
            )
            self._recorded.add(mark)

    def record_download(self, company_ids: Iterable[str], file_name: str) -> None:
        """Every download goes into the history of the accounts it holds, with who and when."""
        if not self.viewer.local:
            self._store.unit_of_work(
                lambda uow: uow.record_access(self._author(Action.of(ActionCode.DOWNLOAD, file=file_name)), company_ids)
            )

    def access_log(self, since: dt.date, limit: int = 500) -> list[AccessRecord]:
        """Who viewed accounts outside their own or downloaded them since ``since``: for sales ops and admins."""
        if not self.viewer.sees_everything:
            raise NotAllowed("the access log is for sales ops and admins")
        return access_records(self._store.history.access_log(since, limit))

    def _author(self, action: Action) -> Author:
        return Author(who=self.viewer.who, source=ChangeSource.ACCESS, action=action)

    def editor(self, company_id: str) -> GraphStore:
        """The store to edit people, influence and touches of ``company_id`` with, if the role allows."""
        if not (self.viewer.edits_people and self.sees(company_id)):
            raise NotAllowed("your role may not edit this account's people")
        return self._store

    def desk(self, rep_id: str) -> GraphStore:
        """The store to file or release a claim as ``rep_id`` with, if the viewer acts for them."""
        if not self.viewer.acts_for(rep_id):
            raise NotAllowed(f"you may not file or release claims for {rep_id!r}")
        return self._store

    def settler(self, holder_id: str, other_rep_id: str) -> GraphStore:
        """The store to settle ``holder_id``'s dispute with ``other_rep_id`` with: the holder's lead, or sales ops.

        Never one of its sides (``Viewer.settles_for``); ``settle_dispute`` checks again on the stored claim.
        """
        if not self.viewer.settles_for(holder_id, other_rep_id):
            raise NotAllowed("only the holder's lead or sales ops settle this dispute, and never one of its sides")
        return self._store

    def handover(self, leaving: str) -> GraphStore:
        """The store to hand over ``leaving``'s accounts with: their lead (never themselves or above), or sales ops."""
        if not self.viewer.hands_over(leaving):
            raise NotAllowed("only the rep's lead or sales ops hand over their accounts")
        return self._store

    def desk_store(self) -> GraphStore:
        """The store for imports and the claim policy: sales ops and admins only."""
        if not self.viewer.runs_the_desk:
            raise NotAllowed("imports and the claim policy are for sales ops")
        return self._store
