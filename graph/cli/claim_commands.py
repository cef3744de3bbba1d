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
from graph.analysis.claim_book import claims_report
from graph.config.claim_policy_file import load_policy
from graph.config.local_user import local_user
from graph.config.settings import load_settings
from graph.domain.claim_policy import ClaimPolicy
from graph.domain.enums import SettlementDecision
from graph.services.claiming import explain, file_claim, release_claim, settle_dispute
from graph.store import GraphStore

__all__ = ["CLAIM_COMMANDS", "add_claim_commands", "run_claim_command"]

CLAIM_COMMANDS = frozenset({"claims", "claim", "release", "settle", "attention"})


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


def run_claim_command(store: GraphStore, args: argparse.Namespace) -> object:
    """The JSON answer of one of ``CLAIM_COMMANDS``."""
    policy = _policy(args)
    if args.command == "claims":
        return claims_report(store.subgraphs.claims(), args.as_of, policy)
    if args.command == "attention":
        return attention(claims_report(store.subgraphs.claims(), args.as_of, policy), args.rep)
    if args.command == "settle":
        decision = SettlementDecision(args.decision)
        done = settle_dispute(store, args.claim, args.other_rep, decision, local_user(), args.on, policy, args.why)
        return done.model_dump(mode="json")
    if args.command == "claim":
        status = file_claim(store, args.company, args.rep, local_user(), args.on, policy, args.why)
        return {"granted": status.status == "live", "message": explain(status), "claim": status.model_dump(mode="json")}
    status = release_claim(store, args.claim, local_user(), args.on, policy, args.why)
    return {"released": True, "message": explain(status), "claim": status.model_dump(mode="json")}
