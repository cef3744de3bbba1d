"""``python -m graph``: the store and its analyses from the command line, as JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
from collections.abc import Callable

from graph.analysis.coverage import DEFAULT_THRESHOLD
from graph.analysis.history import access_records
from graph.analysis.hq_signal import DEFAULT_MIN_BRANCHES, DEFAULT_MIN_SHARE, DEFAULT_WINDOW_DAYS
from graph.analysis.strength import DEFAULT_HALF_LIFE_DAYS
from graph.analysis.warm_path import DEFAULT_MAX_HOPS, MOST_HOPS
from graph.cli.claim_commands import CLAIM_HANDLERS, add_claim_commands
from graph.cli.output import json_text, print_json
from graph.config.claim_policy_file import load_policy
from graph.config.local_user import local_user
from graph.config.settings import load_settings
from graph.domain.access import local_viewer
from graph.domain.errors import ConfigError, NotFound
from graph.servers.connect import open_store
from graph.servers.neo4j_local import ensure_local_neo4j, running_local_neo4j, stop_local_neo4j
from graph.services.account_views import (
    account_onboarding,
    account_timeline,
    company_graph_as_of,
    contact_timeline,
    hand_over,
    protection_search,
)
from graph.services.chain_view import account_graph, account_strengths, chain_report, group_paths
from graph.services.claims_view import claims_on
from graph.services.group_view import expansion_view
from graph.services.portfolio_view import portfolio_lines
from graph.services.visible_store import VisibleStore
from graph.store import GraphStore
from graph.store.subgraph import subgraph_json

__all__ = ["answer", "main"]


def _hop_count(text: str) -> int:
    """``--max-hops``: a whole number from 1 to ``MOST_HOPS``."""
    if not text.isdigit() or not 1 <= int(text) <= MOST_HOPS:
        raise argparse.ArgumentTypeError(f"a number of hops from 1 to {MOST_HOPS} (got {text!r})")
    return int(text)


def _add_limits(sub: argparse.ArgumentParser) -> None:
    """The two limits a rep's warm paths keep (``graph.analysis.warm_path``)."""
    sub.add_argument(
        "--allow-opponents", action="store_true", help="let opponents pass introductions on (default: avoided)"
    )
    sub.add_argument(
        "--max-hops",
        type=_hop_count,
        default=DEFAULT_MAX_HOPS,
        help=f"at most N hops, 1 to {MOST_HOPS} (default {DEFAULT_MAX_HOPS})",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m graph", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--json", action="store_true", help="JSON output (the default; kept for scripts)")
        return sub

    command("status", "which store is in use, and node counts")
    command("groups", "top-level companies (groups and stand-alone companies)")
    subgraph = command("subgraph", "a company's or its whole group's graph")
    subgraph.add_argument("--company", required=True, help="company id")
    subgraph.add_argument("--group", action="store_true", help="the whole group the company belongs to")
    subgraph.add_argument(
        "--as-of", type=dt.date.fromisoformat, default=dt.date.today(), help="as the team knew it that day"
    )
    history = command("history", "who changed what, when and why: a contact's or a company's timeline")
    about = history.add_mutually_exclusive_group(required=True)
    about.add_argument("--contact", help="contact id")
    about.add_argument("--company", help="company id")
    history.add_argument("--limit", type=int, default=200, help="newest changes shown (default 200)")
    history.add_argument(
        "--as-of", type=dt.date.fromisoformat, default=dt.date.today(), help="changes made up to that day"
    )
    for name, help_text in (
        ("chain", "decision chain of a company or one of its opportunities"),
        ("strength", "relationship strength per rep and contact, with breakdowns"),
        ("path", "warm paths from our team to a contact"),
    ):
        sub = command(name, help_text)
        if name == "path":
            sub.add_argument("--to", required=True, help="target contact id")
            sub.add_argument("--from-rep", help="only paths starting with this rep")
            sub.add_argument("--k", type=int, default=3, help="how many alternatives (default 3)")
            _add_limits(sub)
        else:
            sub.add_argument("--company", required=True, help="company id")
        if name == "chain":
            sub.add_argument("--opportunity", help="opportunity id (its contacts and roles only)")
            sub.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, help="strength that counts as known")
        sub.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date.today(), help="YYYY-MM-DD")
        sub.add_argument("--half-life", type=float, default=DEFAULT_HALF_LIFE_DAYS, help="touch half-life in days")
    expansion = command("expansion", "a group's tree, HQ policy signals and ranked expansion targets")
    expansion.add_argument("--group", required=True, help="any company id of the group")
    expansion.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date.today(), help="YYYY-MM-DD")
    expansion.add_argument("--half-life", type=float, default=DEFAULT_HALF_LIFE_DAYS, help="touch half-life in days")
    expansion.add_argument("--min-branches", type=int, default=DEFAULT_MIN_BRANCHES, help="branches for a signal")
    expansion.add_argument("--min-share", type=float, default=DEFAULT_MIN_SHARE, help="or this share of them")
    expansion.add_argument("--window", type=int, default=DEFAULT_WINDOW_DAYS, help="signal window in days")
    _add_limits(expansion)
    groups = command("portfolio", "every group with revenue, rival spend, whitespace, coverage, last touch")
    groups.add_argument("--window", type=int, default=DEFAULT_WINDOW_DAYS, help="HQ signal window in days")
    groups.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date.today(), help="YYYY-MM-DD")
    add_claim_commands(command)
    onboarding = command("onboarding", "what a new owner of an account must know first")
    onboarding.add_argument("--company", required=True, help="company id")
    onboarding.add_argument("--group", action="store_true", help="the whole group the company belongs to")
    onboarding.add_argument("--new-owner", required=True, help="rep id of the new owner")
    onboarding.add_argument("--previous-owner", action="append", help="rep id (default: inferred)")
    onboarding.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date.today(), help="YYYY-MM-DD")
    handover = command("handover", "mark a rep as leaving and give each of their accounts a successor")
    handover.add_argument("--rep", required=True, help="rep id of the one leaving")
    handover.add_argument(
        "--to", action="append", required=True, metavar="COMPANY_ID=REP_ID", help="an account and its successor"
    )
    handover.add_argument(
        "--as-of", type=dt.date.fromisoformat, default=dt.date.today(), help="the day it takes effect, YYYY-MM-DD"
    )
    handover.add_argument("--why", default="", help="a note kept with the handover in the change history")
    local = command("local-neo4j", "start, stop or show the local Neo4j that KAGRAPH_STORE=neo4j-local uses")
    local.add_argument("action", choices=("start", "stop", "show"), help="start (or reuse), stop now, or show it")
    local.add_argument("--shell", action="store_true", help="print NEO4J_* export lines instead of JSON")
    log = command("access-log", "who viewed or downloaded accounts, newest first; verify: check its hash chain")
    log.add_argument(
        "action", nargs="?", choices=("list", "verify"), default="list", help="list (default) or verify the chain"
    )
    log.add_argument("--since", type=dt.date.fromisoformat, default=dt.date.today() - dt.timedelta(days=30))
    log.add_argument("--limit", type=int, default=500, help="newest records shown (default 500)")
    protected = command("protected", '"is it already protected?": companies by name or contact phone')
    protected.add_argument("query", help="a company name in any spelling, or a phone number")
    protected.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date.today(), help="YYYY-MM-DD")
    return parser


def _pairs(values: list[str], flag: str) -> dict[str, str]:
    pairs = [value.split("=", 1) for value in values]
    if any(len(pair) != 2 or not all(pair) for pair in pairs):
        raise ConfigError(f"{flag} takes KEY=VALUE (got {values})")
    return {key: value for key, value in pairs}


Handler = Callable[[GraphStore, argparse.Namespace], object]


def _everything(store: GraphStore) -> VisibleStore:
    """The store as the machine's one user sees it: everything (the command line has no sign-in)."""
    return VisibleStore(store, local_viewer(local_user()), None)


def _status(store: GraphStore, args: argparse.Namespace) -> object:
    return {"store": store.kind, "address": store.address, "counts": store.accounts.counts()}


def _groups(store: GraphStore, args: argparse.Namespace) -> object:
    return store.accounts.groups()


def _subgraph(store: GraphStore, args: argparse.Namespace) -> object:
    return subgraph_json(company_graph_as_of(store, args.company, args.as_of, args.group))


def _history(store: GraphStore, args: argparse.Namespace) -> object:
    if args.contact:
        items = contact_timeline(store, args.contact, args.limit, args.as_of)
    else:
        items = account_timeline(store, args.company, args.limit, args.as_of)
    return [item.model_dump(mode="json") for item in items]


def _access_log(store: GraphStore, args: argparse.Namespace) -> object:
    if args.action == "verify":
        return store.history.verify_access_log().model_dump(mode="json")
    return [r.model_dump(mode="json") for r in access_records(store.history.access_log(args.since, args.limit))]


def _chain(store: GraphStore, args: argparse.Namespace) -> object:
    graph = account_graph(_everything(store), args.company, args.as_of, dt.date.today())
    return chain_report(graph, args.as_of, args.opportunity, args.threshold, args.half_life).model_dump(mode="json")


def _strength(store: GraphStore, args: argparse.Namespace) -> object:
    scores = account_strengths(_everything(store), args.company, args.as_of, dt.date.today(), args.half_life)
    return {"company_id": args.company, "as_of": args.as_of, "strengths": [s.model_dump() for s in scores]}


def _path(store: GraphStore, args: argparse.Namespace) -> object:
    company_id = store.accounts.contact_company(args.to)
    avoid = not args.allow_opponents
    paths = group_paths(
        _everything(store), company_id, args.to, args.as_of, args.from_rep, args.k, args.half_life, avoid, args.max_hops
    )
    return {
        "to": args.to,
        "avoid_opponents": avoid,
        "max_hops": args.max_hops,
        "paths": [p.model_dump(exclude={"node_keys"}, by_alias=True) for p in paths],
    }


def _expansion(store: GraphStore, args: argparse.Namespace) -> object:
    result = expansion_view(
        _everything(store),
        args.group,
        args.as_of,
        args.min_branches,
        args.min_share,
        args.window,
        args.half_life,
        not args.allow_opponents,
        args.max_hops,
    )
    return result.model_dump(mode="json", exclude={"targets": {"__all__": {"path": {"node_keys"}}}}, by_alias=True)


def _portfolio(store: GraphStore, args: argparse.Namespace) -> object:
    return [row.model_dump(mode="json") for row in portfolio_lines(store.portfolio, args.as_of, args.window)]


def _onboarding(store: GraphStore, args: argparse.Namespace) -> object:
    digest = account_onboarding(
        _everything(store), args.company, args.new_owner, args.as_of, args.group, args.previous_owner
    )
    return digest.model_dump(mode="json")


def _handover(store: GraphStore, args: argparse.Namespace) -> object:
    policy = load_policy(load_settings().claim_policy_path)
    who = local_user()
    successors = _pairs(args.to, "--to")
    done = hand_over(store, args.rep, successors, args.as_of, who, args.why, policy, viewer=local_viewer(who))
    return done.model_dump(mode="json")


def _protected(store: GraphStore, args: argparse.Namespace) -> object:
    everything = _everything(store)
    claims_now = claims_on(everything, args.as_of, load_policy(load_settings().claim_policy_path))
    hits = protection_search(everything, args.query, claims_now, store.accounts.company_names())
    return [hit.model_dump(mode="json") for hit in hits]


_HANDLERS: dict[str, Handler] = {
    "status": _status,
    "groups": _groups,
    "subgraph": _subgraph,
    "history": _history,
    "access-log": _access_log,
    "chain": _chain,
    "strength": _strength,
    "path": _path,
    "expansion": _expansion,
    "portfolio": _portfolio,
    "onboarding": _onboarding,
    "handover": _handover,
    "protected": _protected,
    **CLAIM_HANDLERS,
}
"""Each command's JSON answer; ``local-neo4j`` runs before any store is opened (``main``)."""


def _local_neo4j(args: argparse.Namespace) -> int:
    """Run the local Neo4j by hand (CI, benchmarks): start prints how to reach it; its idle timer then applies."""
    settings = load_settings()
    if args.action == "stop":
        print_json({"stopped": stop_local_neo4j(settings.kagraph_data_dir)})
        return 0
    if args.action == "start":
        server = ensure_local_neo4j(
            settings.kagraph_data_dir,
            settings.kagraph_neo4j_idle,
            settings.kagraph_port,
            settings.kagraph_neo4j_java_opts,
        )
    elif (running := running_local_neo4j(settings.kagraph_data_dir)) is not None:
        server = running
    else:
        raise NotFound(f"no local Neo4j is running for {settings.kagraph_data_dir}")
    if args.shell:
        for name, value in (
            ("NEO4J_URI", server.uri),
            ("NEO4J_USER", server.user),
            ("NEO4J_PASSWORD", server.password),
        ):
            print(f"export {name}={shlex.quote(value)}")
    else:
        print_json({"uri": server.uri, "user": server.user, "pid": server.pid, "home": str(server.home)})
    return 0


def answer(store: GraphStore, argv: list[str]) -> str:
    """The JSON text ``python -m graph <argv>`` prints, computed over ``store`` (every command but ``local-neo4j``).

    ``main`` prints exactly this, so a test that compares answers over two
    stores runs the command as a user does, without a process of its own.
    """
    args = _parser().parse_args(argv)
    if args.command not in _HANDLERS:
        raise ConfigError(f"{args.command!r} does not answer over a store")
    return _answer(store, args)


def _answer(store: GraphStore, args: argparse.Namespace) -> str:
    return json_text(_HANDLERS[args.command](store, args))


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if args.command == "local-neo4j":
        return _local_neo4j(args)
    store = open_store()
    try:
        print(_answer(store, args))
    finally:
        store.close()
    return 0
