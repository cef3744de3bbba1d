"""``python -m graph chain|strength|path`` on the demo data, as a script would use them."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from graph.cli.commands import answer
from graph.config.settings import Settings
from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, ChangeSource
from graph.servers.embedded import EmbeddedServer
from graph.store import GraphStore
from ingest.demo_ids import CHINESE_GROUP_ID, COLLISION_COMPANY_ID, DEMO_TODAY, ENGLISH_GROUP_ID
from ingest.load_demo import load_demo

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_cli(store: GraphStore, store_settings: Settings, embedded_server: EmbeddedServer):
    """Run the CLI against the test's graph holding the demo data."""
    load_demo(store)
    env = {k: v for k, v in os.environ.items() if not k.startswith("KAGRAPH_")}
    env |= {"KAGRAPH_DATA_DIR": str(embedded_server.data_dir), "KAGRAPH_GRAPH": store_settings.kagraph_graph}

    def run(*args: str, as_of: str = DEMO_TODAY.isoformat()) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "graph", *args, *_as_of(args, as_of), "--json"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run


def _as_of(args: tuple[str, ...], as_of: str) -> tuple[str, ...]:
    """``--as-of`` for the commands that read a day; those that decide take ``--on`` instead."""
    if args[0] == "access-log":
        return ("--since", as_of)
    return () if args[0] in ("claim", "release", "settle") else ("--as-of", as_of)


def output(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_chain_reports_the_single_threaded_single_company(demo_cli) -> None:
    chain = output(demo_cli("chain", "--company", COLLISION_COMPANY_ID))
    assert chain["single_threaded"] is True and chain["single_thread_rep"] == "rep-sun"
    contact = chain["contacts"][0]
    assert {"id", "name", "influence", "buying_role", "stance", "best_rep", "best_strength"} <= set(contact)
    assert chain["influence_ranking"] == [c["id"] for c in chain["contacts"]]
    assert set(chain["uncovered_decision_makers"]) <= set(chain["decision_makers"])
    assert 0 <= chain["coverage"]["team"] <= 1


def test_chain_of_an_opportunity_names_its_missing_roles(demo_cli) -> None:
    chain = output(demo_cli("chain", "--company", "co-hd-jx", "--opportunity", "opp-hd-jx-sec"))
    assert "economic_buyer" in chain["missing_roles"] and "champion" in chain["missing_roles"]


def test_paths_come_best_first_with_edges(demo_cli) -> None:
    paths = output(demo_cli("path", "--to", "ct-hd-hq-001", "--k", "3"))["paths"]
    assert 1 <= len(paths) <= 3
    assert [p["score"] for p in paths] == sorted((p["score"] for p in paths), reverse=True)
    first = paths[0]
    assert first["nodes"][-1] == "ct-hd-hq-001" and first["nodes"][0].startswith("rep-")
    assert [(e["from"], e["to"]) for e in first["edges"]] == list(itertools.pairwise(first["nodes"]))


def test_strength_breakdowns(demo_cli) -> None:
    scores = output(demo_cli("strength", "--company", COLLISION_COMPANY_ID))["strengths"]
    assert scores and scores[0]["score"] >= scores[-1]["score"]
    assert {"closeness", "touches", "days_since_last_touch", "activity", "base"} <= set(scores[0])


def test_unknown_contact_is_one_line(demo_cli) -> None:
    result = demo_cli("path", "--to", "nobody")
    assert result.returncode == 2 and result.stderr == "kagraph: no contact with id 'nobody'\n"


def test_expansion_finds_seed_three_and_ranks_targets(demo_cli) -> None:
    result = output(demo_cli("expansion", "--group", "co-hd-nb"))
    assert result["group"] == CHINESE_GROUP_ID
    assert result["companies"][0]["id"] == CHINESE_GROUP_ID and result["companies"][0]["parent_id"] is None
    nb = next(c for c in result["companies"] if c["id"] == "co-hd-nb")
    assert nb["products"]["网络安全"]["status"] == "competitor" and nb["products"]["网络安全"]["vendor"]
    (signal,) = result["hq_signals"]
    assert signal["category"] == "网络安全"
    assert signal["companies"] == ["co-hd-hz", "co-hd-nb", "co-hd-wz", "co-hd-sx"]
    assert signal["window_days"] <= 120
    targets = result["targets"]
    assert [t["score"] for t in targets] == sorted((t["score"] for t in targets), reverse=True)
    assert {"company_id", "product", "score", "reason", "path"} <= set(targets[0])
    assert all((t["company_id"], t["product"]) != ("co-hd-hz", "网络安全") for t in targets)
    first_path = next(t["path"] for t in targets if t["path"])
    assert first_path["nodes"][0].startswith("rep-") and first_path["sentence"]


def test_portfolio_has_a_row_per_group_agreeing_with_expansion(demo_cli) -> None:
    rows = {row["group_id"]: row for row in output(demo_cli("portfolio"))}
    assert {CHINESE_GROUP_ID, ENGLISH_GROUP_ID, COLLISION_COMPANY_ID} <= set(rows)
    grid = rows[CHINESE_GROUP_ID]
    assert grid["hq_signals"] == ["网络安全"] and rows[ENGLISH_GROUP_ID]["hq_signals"] == []
    assert grid["companies"] == 11 and grid["branches"] == 10
    assert set(grid["competitors"]) == {"鼎信科技", "Apex Systems"}
    expansion = output(demo_cli("expansion", "--group", CHINESE_GROUP_ID))
    rollup = expansion["companies"][0]["rollup"]
    assert grid["our_revenue"] == sum(r["our_amount"] for r in rollup.values())
    assert grid["competitor_spend"] == sum(r["competitor_amount"] for r in rollup.values())
    served = {c["id"] for c in expansion["companies"] if any(p["status"] == "ours" for p in c["products"].values())}
    assert grid["untouched_branches"] == len({c["id"] for c in expansion["companies"][1:]} - served)
    assert grid["whitespace"] > 0 and 0 <= grid["coverage"] <= 1 and grid["last_touch"] <= DEMO_TODAY.isoformat()


def test_claims_show_the_demo_desk_on_the_demo_day(demo_cli) -> None:
    result = output(demo_cli("claims"))
    live = {
        c["company_id"]: (c["rep_id"], c["expires_on"], c["reason"]) for c in result["claims"] if c["status"] == "live"
    }
    assert live == {
        CHINESE_GROUP_ID: ("rep-wang", "2026-11-04", ""),
        COLLISION_COMPANY_ID: ("rep-sun", "2026-11-02", "renewed"),  # its deal moved on 10-20
    }
    collision = next(c for c in result["collisions"] if c["group_id"] == COLLISION_COMPANY_ID)
    assert (collision["claim_rep_id"], collision["other_rep_id"], collision["date"]) == (
        "rep-sun",
        "rep-chen",
        "2026-10-20",
    )
    assert [(p["scope_id"], p["since"], p["how"]) for p in result["pool"]] == [
        (ENGLISH_GROUP_ID, "2026-10-26", "lapsed")
    ]
    waiting = {(d["holder_id"], d["other_rep_id"]) for d in result["disputes"] if d["waiting"]}
    assert ("rep-sun", "rep-chen") in waiting
    assert {holder for holder, _ in waiting} <= {"rep-sun", "rep-wang"}


def test_a_policy_file_sets_the_rules(demo_cli, tmp_path: Path) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text("[default]\ndays = 4\nrenewals = 0\n", encoding="utf-8")
    result = output(demo_cli("claims", "--policy", str(policy)))
    assert [c for c in result["claims"] if c["status"] == "live"] == []
    policy.write_text("[default]\ndays = 'two weeks'\n", encoding="utf-8")
    refused = demo_cli("claims", "--policy", str(policy))
    assert refused.returncode == 2 and "policy.toml: default.days: Input should be a valid integer" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_claim_release_settle_and_attention_from_the_command_line(demo_cli) -> None:
    day = ("--on", DEMO_TODAY.isoformat())
    refused = output(demo_cli("claim", "--company", "co-hd-nb", "--rep", "rep-chen", *day))
    assert refused["granted"] is False
    assert refused["message"] == "refused: protected by 王磊 (direct) until 2026-11-04"
    granted = output(demo_cli("claim", "--company", "co-nw-hk", "--rep", "rep-ken", *day))
    assert (granted["granted"], granted["claim"]["scope_id"]) == (True, ENGLISH_GROUP_ID)
    assert granted["claim"]["expires_on"] == "2026-11-14"
    now = output(demo_cli("attention", "--rep", "rep-sun"))
    assert [c["company_id"] for c in now["expiring"]] == [COLLISION_COMPANY_ID]
    assert [d["other_rep_id"] for d in now["disputes"]] == ["rep-chen"]
    sun = next(c for c in now["expiring"])
    settled = output(demo_cli("settle", "--claim", sun["id"], "--other-rep", "rep-chen", "--decision", "split", *day))
    assert settled["decision"] == "split" and 0 <= settled["holder_share"] <= 1
    assert output(demo_cli("attention", "--rep", "rep-sun"))["disputes"] == []
    released = output(demo_cli("release", "--claim", granted["claim"]["id"], *day, "--why", "wrong account"))
    assert released["claim"]["status"] == "released"
    again = demo_cli("release", "--claim", granted["claim"]["id"], *day)
    assert again.returncode == 2 and "is released, not live" in again.stderr and "Traceback" not in again.stderr


def test_protected_finds_a_company_by_a_contacts_phone(demo_cli, store: GraphStore) -> None:
    phone = store.runner.read("MATCH (c:Contact {company_id: $id}) RETURN c.phone AS phone LIMIT 1", {"id": "co-sj"})
    spaced = f"+86 {phone[0]['phone'][:3]} {phone[0]['phone'][3:7]} {phone[0]['phone'][7:]}"
    (hit,) = output(demo_cli("protected", spaced))
    assert (hit["company_id"], hit["matched_by"], hit["holder_id"]) == (COLLISION_COMPANY_ID, "phone", "rep-sun")


def test_onboarding_of_the_departed_reps_account(demo_cli) -> None:
    digest = output(demo_cli("onboarding", "--company", "co-hd-jx", "--new-owner", "rep-li"))
    assert "rep-zhao" in digest["previous_owners"]
    assert digest["handover"] and {h["rep_id"] for h in digest["handover"]} <= set(digest["previous_owners"])
    importance = [h["importance"] for h in digest["handover"]]
    assert importance == sorted(importance, reverse=True)
    assert len(digest["first_meetings"]) == 5 and all(m["reason"] for m in digest["first_meetings"])
    assert {"key_people", "stale", "open_opportunities"} <= set(digest)


def test_handover_moves_deals_and_claims_and_keeps_relationships(demo_cli, store: GraphStore) -> None:
    ties = "MATCH (:Rep {id: $id})-[r]->(:Contact) RETURN type(r) AS type, count(r) AS n ORDER BY type"
    before = store.runner.read(ties, {"id": "rep-sun"})
    deals = store.runner.read("MATCH (o:Opportunity {owner_id: $rep}) RETURN o.id AS id", {"rep": "rep-sun"})
    result = output(
        demo_cli("handover", "--rep", "rep-sun", "--to", f"{COLLISION_COMPANY_ID}=rep-ma", "--why", "moves to Beijing")
    )
    recorded = store.history.changes_about(["Rep:rep-sun"])[0]
    assert (recorded.source, recorded.why) == ("handover", "moves to Beijing")
    (account,) = result["accounts"]
    assert account["opportunities_moved"] == sorted(d["id"] for d in deals) and account["relationships"]
    assert account["claim_transferred"] is True
    leaver = store.runner.read("MATCH (r:Rep {id: $id}) RETURN r.status AS s, r.left_on AS d", {"id": "rep-sun"})
    assert leaver == [{"s": "left", "d": DEMO_TODAY.isoformat()}]
    claims = output(demo_cli("claims"))["claims"]
    on_sj = {c["rep_id"]: (c["status"], c["claimed_on"]) for c in claims if c["company_id"] == COLLISION_COMPANY_ID}
    assert on_sj == {"rep-sun": ("lapsed", "2026-10-10"), "rep-ma": ("live", DEMO_TODAY.isoformat())}
    moved = store.runner.read("MATCH (o:Opportunity {owner_id: $rep}) RETURN o.id AS id", {"rep": "rep-ma"})
    assert {d["id"] for d in deals} <= {d["id"] for d in moved}
    assert store.runner.read(ties, {"id": "rep-sun"}) == before
    refused = demo_cli("handover", "--rep", "rep-sun", "--to", f"{COLLISION_COMPANY_ID}=nobody")
    assert refused.returncode == 2 and "no rep with id 'nobody'" in refused.stderr


def test_history_and_the_subgraph_a_month_back(demo_cli) -> None:
    items = output(demo_cli("history", "--contact", "ct-hd-wz-006"))
    edit = next(i for i in items if i["source"] == "edit")
    assert (edit["who"], edit["action"]["code"], edit["at"][:10]) == ("李娜", "edit_contact", "2026-10-20")
    assert edit["action"]["english"] == "edit contact"
    assert output(demo_cli("history", "--contact", "ct-hd-wz-006", as_of="2026-10-01"))[0]["source"] == "demo"
    account = output(demo_cli("history", "--company", "co-hd-wz", "--limit", "3"))
    assert [i["at"] for i in account] == sorted((i["at"] for i in account), reverse=True) and len(account) == 3
    now = {n["key"] for n in output(demo_cli("subgraph", "--company", "co-hd-wz"))["nodes"]}
    then = {n["key"] for n in output(demo_cli("subgraph", "--company", "co-hd-wz", as_of="2026-10-01"))["nodes"]}
    assert now - then == {"Contact:ct-hd-wz-027"}
    missing = demo_cli("history", "--contact", "ct-nobody")
    assert missing.returncode == 2 and "no contact" in missing.stderr


def test_access_log_lists_the_views_and_downloads_recorded(demo_cli, store: GraphStore) -> None:
    assert output(demo_cli("access-log")) == []
    who = Author(
        who="ops@example.com", source=ChangeSource.ACCESS, action=Action.of(ActionCode.DOWNLOAD, file="portfolio.csv")
    )
    store.unit_of_work(lambda uow: uow.record_access(who, [CHINESE_GROUP_ID, ENGLISH_GROUP_ID]))
    (line,) = output(demo_cli("access-log", as_of=dt.date.today().isoformat()))
    assert (line["who"], line["what"], line["file"]) == ("ops@example.com", "downloaded", "portfolio.csv")
    assert line["company_ids"] == [CHINESE_GROUP_ID, ENGLISH_GROUP_ID]


def _paths_into(store: GraphStore, company_id: str, *limits: str) -> list[dict[str, Any]]:
    """Every path the CLI answers to each contact of ``company_id``, under ``limits``."""
    day = ["--as-of", DEMO_TODAY.isoformat()]
    people = json.loads(answer(store, ["chain", "--company", company_id, *day]))["contacts"]
    return [
        path
        for person in people
        for path in json.loads(answer(store, ["path", "--to", person["id"], "--k", "3", *day, *limits]))["paths"]
    ]


def test_paths_keep_the_limits_they_report(store: GraphStore) -> None:
    load_demo(store)
    paths = _paths_into(store, CHINESE_GROUP_ID, "--max-hops", "1")
    assert paths
    for path in paths:
        assert path["hops"] == len(path["edges"])
        assert path["hops"] <= 1 or ("hops" in path["breaks"] and path["why"])
        assert not path["opponents"] or "opponents" in path["breaks"]


def test_opponents_pass_introductions_on_only_when_allowed(store: GraphStore) -> None:
    """Branch by branch of the Chinese group, until one has a way in that an opponent passes on."""
    load_demo(store)
    day = ["--as-of", DEMO_TODAY.isoformat()]
    companies = json.loads(answer(store, ["expansion", "--group", CHINESE_GROUP_ID, *day]))["companies"]
    for company in companies:
        allowed = _paths_into(store, company["id"], "--allow-opponents")
        assert all("opponents" not in path["breaks"] for path in allowed)
        if any(path["opponents"] for path in allowed):
            avoided = _paths_into(store, company["id"])
            assert all(not path["opponents"] or "opponents" in path["breaks"] for path in avoided)
            assert [p["nodes"] for p in avoided] != [p["nodes"] for p in allowed]
            return
    pytest.fail("no way in to the group passes an opponent, even when allowed")


def test_a_hop_limit_out_of_range_is_one_readable_line(demo_cli) -> None:
    result = demo_cli("path", "--to", "ct-hd-hq-001", "--max-hops", "9")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].endswith("a number of hops from 1 to 6 (got '9')")
