"""The claims desk on the command line: ``claims``, ``claim``, ``release``, ``settle``, ``attention`` (JSON out).

The policy is the file sales ops maintain (``KAGRAPH_CLAIM_POLICY``, by
default ``claim-policy.toml`` in the data folder); ``--policy`` reads another.
Decisions are recorded as the local user's (``KAGRAPH_USER`` overrides it).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from graph.analysis.claim_attention import attention
from graph.config.claim_policy_file import load_policy
from graph.config.local_user import local_user
from graph.config.settings import load_settings
from graph.domain.access import local_viewer
from graph.domain.claim_policy import ClaimPolicy
from graph.domain.enums import SettlementDecision
from graph.services.claiming import explain, file_claim, release_claim, settle_dispute
from graph.services.claims_view import claims_on
from graph.services.visible_store import VisibleStore
from graph.store import GraphStore

__all__ = ["CLAIM_HANDLERS", "add_claim_commands"]


def add_claim_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """Add the claims desk's commands through the CLI's ``command(name, help)`` factory."""
    today = dt.date.today()
    claims = command("claims", "claims (报备) with status and expiry, collisions (撞单), disputes and the pool (公海)")
    claims.add_argument("--as-of", type=dt.date.fromisoformat, default=today, help="YYYY-MM-DD")
    claim = command("claim", "file a claim: granted with its expiry, or refused naming the holder")
    claim.add_argument("--company", required=True, help="company id (the check covers its whole group)")
    claim.add_argument("--rep", required=True, help="rep id of the claimant")
    release = command("release", "release (退回) a live claim: the enterprise goes back to the pool")
    release.add_argument("--claim", required=True, help="claim id")
    settle = command("settle", "settle (判单) a same-day tie or a collision: keep, transfer or split")
    settle.add_argument("--claim", required=True, help="the holder's claim id")
    settle.add_argument("--other-rep", required=True, help="rep id of the other party")
    settle.add_argument("--decision", required=True, choices=[d.value for d in SettlementDecision])
    for sub in (claim, release, settle):
        sub.add_argument("--on", type=dt.date.fromisoformat, default=today, help="the day it happens, YYYY-MM-DD")
        sub.add_argument("--why", default="", help="a note kept with the decision in the change history")
    needs = command("attention", "claims expiring within 3 days, disputes to settle, enterprises back in the pool")
    needs.add_argument("--rep", help="only what concerns this rep")
    needs.add_argument("--as-of", type=dt.date.fromisoformat, default=today, help="YYYY-MM-DD")
    for sub in (claims, claim, release, settle, needs):
        sub.add_argument("--policy", type=Path, help="a claim policy file other than the configured one")


def _policy(args: argparse.Namespace) -> ClaimPolicy:
    return load_policy(args.policy or load_settings().claim_policy_path)


def _everyone(store: GraphStore) -> VisibleStore:
    """The claims desk sees every claim: the machine's one user sees it all."""
    return VisibleStore(store, local_viewer(local_user()), None)


def _claims(store: GraphStore, args: argparse.Namespace) -> object:
    return claims_on(_everyone(store), args.as_of, _policy(args))


def _attention(store: GraphStore, args: argparse.Namespace) -> object:
    return attention(claims_on(_everyone(store), args.as_of, _policy(args)), args.rep)


def _settle(store: GraphStore, args: argparse.Namespace) -> object:
    decision = SettlementDecision(args.decision)
    who = local_user()
    done = settle_dispute(
        store, args.claim, args.other_rep, decision, who, args.on, _policy(args), args.why, viewer=local_viewer(who)
    )
    return done.model_dump(mode="json")


def _claim(store: GraphStore, args: argparse.Namespace) -> object:
    status = file_claim(store, args.company, args.rep, local_user(), args.on, _policy(args), args.why)
    return {"granted": status.status == "live", "message": explain(status), "claim": status.model_dump(mode="json")}


def _release(store: GraphStore, args: argparse.Namespace) -> object:
    status = release_claim(store, args.claim, local_user(), args.on, _policy(args), args.why)
    return {"released": True, "message": explain(status), "claim": status.model_dump(mode="json")}


CLAIM_HANDLERS: dict[str, Callable[[GraphStore, argparse.Namespace], object]] = {
    "claims": _claims,
    "claim": _claim,
    "release": _release,
    "settle": _settle,
    "attention": _attention,
}
"""The JSON answer of each claims desk command."""
