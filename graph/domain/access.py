"""Who may see and do what: roles, the viewer, the accounts a viewer sees in full, personal data masked.

These are the rules of the README's visibility table as plain functions over
plain data (no store, no Streamlit): ``graph.services.visible_store`` applies them to
every read a page makes, and the tests check them directly.

- A **rep** sees in full the accounts where they or their team hold a
  relationship, an open opportunity or a live claim; a **lead** those of the
  teams they lead (their own, every team of a rep below them, and any listed in
  the access file); **ops** and **admin** every account.
- Phones and e-mails are personal data: a rep or lead sees them in the
  accounts they see in full, admin everywhere, ops nowhere (sales ops settle
  ownership and load files; they do not call customers).
- Elsewhere an account shows only what its purpose needs and never a person:
  who holds its claim and until when, and on the group page its status and
  buying signals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

import networkx as nx
from pydantic import BaseModel, ConfigDict

from graph.domain.enums import Status
from graph.domain.errors import KagraphError

__all__ = [
    "PERSONAL_FIELDS",
    "AccessEntry",
    "NotAllowed",
    "Role",
    "Viewer",
    "full_view",
    "local_viewer",
    "mask_email",
    "mask_phone",
    "masked",
    "resolve_viewer",
    "restricted",
]

PERSONAL_FIELDS = ("phone", "email")
"""A contact's properties that are personal data (PIPL/GDPR): masked for viewers without the right to them."""
_PRIVATE_LABELS = frozenset({"Contact", "Opportunity"})
"""Nodes an account outside a viewer's full view never shows: its people and its pipeline."""


class NotAllowed(KagraphError):
    """The signed-in viewer's role does not allow what was asked (an account outside their view, an edit)."""


class Role(StrEnum):
    REP = "rep"
    LEAD = "lead"
    OPS = "ops"
    ADMIN = "admin"


class Viewer(BaseModel):
    """The person using the app, as the rules see them."""

    model_config = ConfigDict(frozen=True)

    who: str
    """What their actions are recorded as: the sign-in e-mail, or the local name."""
    role: Role
    rep_id: str | None = None
    team_reps: frozenset[str] = frozenset()
    """The reps whose accounts this viewer sees in full: themselves and their team, or the teams they lead."""
    above: frozenset[str] = frozenset()
    """Their managers, and theirs, up the manager lines: people a viewer never acts on or decides for."""
    local: bool = False
    """No sign-in is configured: one person's own machine, where they are everyone."""

    @property
    def sees_everything(self) -> bool:
        return self.role in (Role.OPS, Role.ADMIN)

    def sees_personal_data(self, in_full_view: bool) -> bool:
        """Whether phones and e-mails of an account's people show: in the viewer's own accounts, or for admin."""
        if self.role is Role.ADMIN:
            return True
        return in_full_view and self.role in (Role.REP, Role.LEAD)

    def acts_for(self, rep_id: str) -> bool:
        """Whether the viewer may act as ``rep_id``: file or release their claims, record their ties and touches.

        A rep acts as themselves; a lead as themselves and the reps of the
        teams they lead, never as anyone above them; ops and admin as anyone.
        """
        if rep_id == self.rep_id or self.sees_everything:
            return True
        return self.role is Role.LEAD and rep_id in self.team_reps and rep_id not in self.above

    def hands_over(self, rep_id: str) -> bool:
        """Whether the viewer may hand over ``rep_id``'s accounts: a rep they lead, or anyone for ops.

        Nobody hands over themselves or anyone above them (a lead marking their
        own manager as left would move that manager's deals out of their team).
        """
        if rep_id == self.rep_id or rep_id in self.above:
            return False
        return self.sees_everything or (self.role is Role.LEAD and rep_id in self.team_reps)

    def settle_refusal(self, holder_id: str, other_rep_id: str) -> str | None:
        """Why the viewer may not settle the dispute of ``holder_id``'s claim with ``other_rep_id``; ``None``: they may.

        ``"party"``: the viewer, or someone above them, is one of its two
        sides, and nobody decides a matter they are a party to (nor their
        manager's). ``"not_led"``: the holder is not a rep they lead. Sales ops
        and admins settle any other dispute.
        """
        parties = {holder_id, other_rep_id}
        if self.rep_id in parties or parties & self.above:
            return "party"
        if self.sees_everything or (self.role is Role.LEAD and holder_id in self.team_reps):
            return None
        return "not_led"

    def settles_for(self, holder_id: str, other_rep_id: str) -> bool:
        """Whether the viewer may settle that dispute: the holder's lead or sales ops, never one of its sides."""
        return self.settle_refusal(holder_id, other_rep_id) is None

    @property
    def edits_people(self) -> bool:
        """Contacts, influence and touches are edited by those who see their phones: reps, leads, admin."""
        return self.role is not Role.OPS

    @property
    def runs_the_desk(self) -> bool:
        """Imports and the claim policy belong to sales ops and admins."""
        return self.sees_everything


def local_viewer(who: str) -> Viewer:
    """The viewer on a machine without sign-in: its one user sees and may do everything."""
    return Viewer(who=who, role=Role.ADMIN, local=True)


class AccessEntry(BaseModel):
    """One line of the access file sales ops keep: a sign-in address's role, rep and extra teams."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    role: Role | None = None
    rep: str | None = None
    teams: tuple[str, ...] = ()
    sub: str | None = None
    """The provider's stable subject id (the token's ``sub``): only that sign-in is this address, e-mail or not."""


def _reports(reps: Mapping[str, Mapping[str, Any]], lead: str) -> set[str]:
    """Every rep below ``lead`` in the manager lines (a cycle cannot loop: each rep is visited once)."""
    below: dict[str, list[str]] = {}
    for rep_id, rep in reps.items():
        if rep.get("manager_id"):
            below.setdefault(str(rep["manager_id"]), []).append(rep_id)
    found: set[str] = set()
    todo = [lead]
    while todo:
        for rep_id in below.get(todo.pop(), ()):
            if rep_id not in found and rep_id != lead:
                found.add(rep_id)
                todo.append(rep_id)
    return found


def _above(reps: Mapping[str, Mapping[str, Any]], rep_id: str | None) -> frozenset[str]:
    """``rep_id``'s manager, theirs and so on up the manager lines (a cycle stops where it closes)."""
    found: set[str] = set()
    at = rep_id or ""
    while at in reps and reps[at].get("manager_id"):
        at = str(reps[at]["manager_id"])
        if at == rep_id or at in found:
            break
        found.add(at)
    return frozenset(found)


def resolve_viewer(
    email: str, reps: Iterable[Mapping[str, Any]], access: Mapping[str, AccessEntry], who: str | None = None
) -> Viewer | None:
    """The viewer a signed-in address is, or ``None`` when it maps to nobody (or to a rep who has left).

    The access file's line for the address comes first (its role, its rep,
    extra teams); the rep is otherwise the one whose ``email`` it is. A rep
    with someone below them in the manager lines is a lead unless the file
    says otherwise; a rep or lead must be a rep who has not left.

    >>> team = [{"id": "a", "email": "a@x.com", "team": "T"}, {"id": "b", "manager_id": "a", "team": "U"}]
    >>> resolve_viewer("A@x.com", team, {}).role, sorted(resolve_viewer("a@x.com", team, {}).team_reps)
    (<Role.LEAD: 'lead'>, ['a', 'b'])
    >>> resolve_viewer("nobody@x.com", team, {}) is None
    True
    """
    address = email.strip().casefold()
    by_id = {str(r["id"]): r for r in reps}
    entry = next((e for key, e in access.items() if key.strip().casefold() == address), None)
    rep_id = _rep_of(address, entry, by_id)
    if not _may_sign_in(rep_id, entry, by_id):
        return None
    below = _reports(by_id, rep_id) if rep_id else set()
    role = _role(entry, below)
    teams = _teams(by_id, rep_id, role, below, entry.teams if entry else ())
    return Viewer(
        who=who or email.strip(),
        role=role,
        rep_id=rep_id,
        team_reps=_team_reps(by_id, rep_id, role, below, teams),
        above=_above(by_id, rep_id),
    )


def _rep_of(address: str, entry: AccessEntry | None, by_id: Mapping[str, Mapping[str, Any]]) -> str | None:
    """The rep an address signs in as: the access file's, else the rep with that ``email``."""
    if entry and entry.rep:
        return entry.rep
    return next((i for i, r in by_id.items() if str(r.get("email") or "").casefold() == address), None)


def _may_sign_in(rep_id: str | None, entry: AccessEntry | None, by_id: Mapping[str, Mapping[str, Any]]) -> bool:
    """A known rep who has not left; without a rep, only a role that is not made of a rep's own work (ops, admin)."""
    if rep_id is None:
        return entry is not None and entry.role not in (None, Role.REP, Role.LEAD)
    return rep_id in by_id and by_id[rep_id].get("status") != Status.LEFT


def _role(entry: AccessEntry | None, below: set[str]) -> Role:
    """The access file's role, else lead for a rep with someone below them, else rep."""
    if entry and entry.role:
        return entry.role
    return Role.LEAD if below else Role.REP


def _teams(
    by_id: Mapping[str, Mapping[str, Any]], rep_id: str | None, role: Role, below: set[str], extra: Iterable[str]
) -> set[str]:
    """The teams whose accounts a viewer sees: the access file's, their own, and for a lead every team below."""
    teams = set(extra)
    own_team = by_id[rep_id].get("team") if rep_id else None
    if own_team:
        teams.add(str(own_team))
    if role is Role.LEAD:
        teams |= {str(by_id[r]["team"]) for r in below if by_id[r].get("team")}
    return teams


def _team_reps(
    by_id: Mapping[str, Mapping[str, Any]], rep_id: str | None, role: Role, below: set[str], teams: set[str]
) -> frozenset[str]:
    """The members of ``teams``, the viewer's own rep, and for a lead everyone below them."""
    team_reps = {i for i, r in by_id.items() if r.get("team") and str(r["team"]) in teams}
    if rep_id:
        team_reps.add(rep_id)
    if role is Role.LEAD:
        team_reps |= below
    return frozenset(team_reps)


def full_view(
    viewer: Viewer,
    worked: Iterable[str],
    claimed_scopes: Iterable[str],
    roots: Mapping[str, str],
    separate: Iterable[str],
) -> frozenset[str] | None:
    """The companies the viewer sees in full, or ``None`` for every company (ops, admin, one's own machine).

    ``worked`` are the companies where the viewer's reps know someone or own an
    open deal; ``claimed_scopes`` the scopes of their live claims, a group root
    covering every company of the group unless it is in ``separate`` (branches
    claimed one by one); ``roots`` maps every company to its group root.

    >>> rep = Viewer(who="a", role=Role.REP, rep_id="a", team_reps=frozenset({"a"}))
    >>> sorted(full_view(rep, ["x"], ["g"], {"x": "x", "g": "g", "g1": "g", "h1": "h"}, []))
    ['g', 'g1', 'x']
    """
    if viewer.sees_everything:
        return None
    scopes = set(claimed_scopes)
    apart = set(separate)
    covered = {c for c, root in roots.items() if (c if root in apart else root) in scopes}
    return frozenset(covered | set(worked))


def mask_phone(phone: str) -> str:
    """A phone with all but its first three and last two digits starred: enough to tell two apart, not to call.

    >>> mask_phone("13812345678"), mask_phone("12345")
    ('138******78', '***45')
    """
    digits = str(phone)
    if len(digits) <= 6:
        return "*" * max(len(digits) - 2, 1) + digits[-2:]
    return digits[:3] + "*" * (len(digits) - 5) + digits[-2:]


def mask_email(email: str) -> str:
    """An e-mail address with its name starred after the first letter; the domain (the employer) stays.

    >>> mask_email("wang.lei@example.com")
    'w***@example.com'
    """
    local, _, domain = str(email).partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


def masked(props: Mapping[str, Any]) -> dict[str, Any]:
    """A record's properties with its phone and e-mail masked."""
    result = dict(props)
    if result.get("phone"):
        result["phone"] = mask_phone(str(result["phone"]))
    if result.get("email"):
        result["email"] = mask_email(str(result["email"]))
    return result


def restricted(graph: nx.MultiDiGraph[str], viewer: Viewer, full: frozenset[str] | None) -> nx.MultiDiGraph[str]:
    """``graph`` as ``viewer`` may see it: people and deals of companies outside ``full`` gone, phones masked.

    ``full`` is ``full_view``'s answer (``None``: every company). The graph is
    changed in place and returned (callers pass a copy of their own).
    """
    hidden = [
        key
        for key, data in graph.nodes(data=True)
        if data.get("label") in _PRIVATE_LABELS and full is not None and str(data.get("company_id")) not in full
    ]
    graph.remove_nodes_from(hidden)
    for _, data in graph.nodes(data=True):
        if data.get("label") == "Contact":
            in_full = full is None or str(data.get("company_id")) in full
            if not viewer.sees_personal_data(in_full):
                data.update(masked(data))
    return graph
