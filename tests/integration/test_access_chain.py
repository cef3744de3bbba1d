"""The access log is a hash chain on both servers: appends follow each other, a deletion or an edit is found."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from graph.config.settings import Settings
from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, ChangeSource
from graph.domain.model import Company
from graph.servers.embedded import EmbeddedServer
from graph.store import GraphStore
from tests.authors import script_author

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
DELETE = "MATCH (c:Change {id: $id}) DETACH DELETE c"
REWRITE = "MATCH (c:Change {id: $id}) SET c.who = $who"


def viewed(store: GraphStore, who: str, company: str = "c1") -> str:
    author = Author(who=who, source=ChangeSource.ACCESS, action=Action.of(ActionCode.VIEW_ACCOUNT))
    return store.unit_of_work(lambda uow: uow.record_access(author, [company]))


@pytest.fixture
def logged(store: GraphStore) -> list[str]:
    """Five access records in a row."""
    store.unit_of_work(
        lambda uow: uow.write(
            [Company(id="c1", name="Acme")],
            script_author(),
        )
    )
    return [viewed(store, f"ops{i}@us.example.com") for i in range(5)]


def test_records_follow_each_other_and_the_chain_verifies(store: GraphStore, logged: list[str]) -> None:
    report = store.history.verify_access_log()
    assert report.ok and report.records == 5 and report.first_break is None and report.unchained == 0
    assert report.head == store.history.access_head()["hash"]  # type: ignore[index]


def test_a_deleted_record_breaks_the_chain_at_the_one_after_it(store: GraphStore, logged: list[str]) -> None:
    store.runner.write(DELETE, {"id": logged[2]})
    report = store.history.verify_access_log()
    assert not report.ok and report.records == 2
    assert report.first_break is not None
    assert (report.first_break.seq, report.first_break.change_id, report.first_break.reason) == (
        4,
        logged[3],
        "missing",
    )


def test_a_changed_record_breaks_the_chain_there(store: GraphStore, logged: list[str]) -> None:
    store.runner.write(REWRITE, {"id": logged[1], "who": "nobody@us.example.com"})
    report = store.history.verify_access_log()
    assert report.first_break is not None
    assert (report.first_break.seq, report.first_break.reason) == (2, "altered")


def test_appends_at_the_same_time_still_make_one_chain(store: GraphStore, logged: list[str]) -> None:
    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(lambda i: viewed(store, f"rep{i}@us.example.com"), range(18)))
    report = store.history.verify_access_log()
    assert report.ok and report.records == 23, report


def test_the_command_line_reports_the_first_broken_link_as_json(
    store: GraphStore, store_settings: Settings, embedded_server: EmbeddedServer, logged: list[str]
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KAGRAPH_")}
    env |= {"KAGRAPH_DATA_DIR": str(embedded_server.data_dir), "KAGRAPH_GRAPH": store_settings.kagraph_graph}

    def verify() -> dict[str, object]:
        command = [sys.executable, "-m", "graph", "access-log", "verify"]
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        answer: dict[str, object] = json.loads(done.stdout)
        return answer

    assert verify()["ok"] is True
    store.runner.write(DELETE, {"id": logged[0]})
    answer = verify()
    assert answer["ok"] is False
    assert answer["first_break"] == {"seq": 2, "change_id": logged[1], "reason": "missing"}
