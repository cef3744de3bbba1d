"""The visibility rules themselves: who a signed-in address is, what they see in full, what is masked."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graph.config.access_file import load_access
from graph.domain.access import (
    AccessEntry,
    Role,
    Viewer,
    full_view,
    local_viewer,
    mask_email,
    mask_phone,
    resolve_viewer,
    restricted,
)
from graph.domain.errors import ConfigError

REPS = [
    {"id": "boss", "email": "boss@acme.com", "team": "East", "status": "active"},
    {"id": "amy", "email": "Amy@Acme.com", "team": "East", "manager_id": "boss", "status": "active"},
    {"id": "bo", "email": "bo@acme.com", "team": "East", "manager_id": "boss", "status": "active"},
    {"id": "cy", "email": "cy@acme.com", "team": "West", "manager_id": "dee", "status": "active"},
    {"id": "dee", "email": "dee@acme.com", "team": "West", "manager_id": "boss", "status": "active"},
    {"id": "gone", "email": "gone@acme.com", "team": "East", "status": "left"},
    {"id": "solo", "email": "solo@acme.com", "status": "active"},
]


def test_a_rep_is_found_by_email_whatever_its_case_and_sees_their_team() -> None:
    viewer = resolve_viewer("  amy@ACME.com ", REPS, {})
    assert viewer is not None
    assert (viewer.role, viewer.rep_id, viewer.who) == (Role.REP, "amy", "amy@ACME.com")
    assert viewer.team_reps == {"boss", "amy", "bo", "gone"}


def test_a_rep_without_a_team_sees_only_their_own_work() -> None:
    viewer = resolve_viewer("solo@acme.com", REPS, {})
    assert viewer is not None and viewer.team_reps == {"solo"}


def test_someone_with_reports_is_a_lead_over_every_team_below_them() -> None:
    boss = resolve_viewer("boss@acme.com", REPS, {})
    dee = resolve_viewer("dee@acme.com", REPS, {})
    assert boss is not None and dee is not None
    assert boss.role is Role.LEAD and boss.team_reps == {"boss", "amy", "bo", "gone", "cy", "dee"}
    assert dee.role is Role.LEAD and dee.team_reps == {"cy", "dee"}


def test_a_rep_who_left_and_an_unknown_address_map_to_nobody() -> None:
    assert resolve_viewer("gone@acme.com", REPS, {}) is None
    assert resolve_viewer("stranger@acme.com", REPS, {}) is None


def test_the_access_file_comes_first() -> None:
    lines = {
        "Ops@Acme.com": AccessEntry(role=Role.OPS),
        "amy@acme.com": AccessEntry(role=Role.LEAD, teams=("West",)),
        "boss@acme.com": AccessEntry(role=Role.REP),
        "temp@acme.com": AccessEntry(rep="bo"),
        "nobody@acme.com": AccessEntry(role=Role.LEAD),
        "ghost@acme.com": AccessEntry(rep="no-such-rep"),
    }
    ops = resolve_viewer("ops@acme.com", REPS, lines)
    assert ops is not None and ops.role is Role.OPS and ops.rep_id is None and ops.sees_everything
    amy = resolve_viewer("amy@acme.com", REPS, lines)
    assert amy is not None and amy.role is Role.LEAD and {"cy", "dee", "bo"} <= amy.team_reps
    boss = resolve_viewer("boss@acme.com", REPS, lines)
    assert boss is not None and boss.role is Role.REP and "cy" not in boss.team_reps
    temp = resolve_viewer("temp@acme.com", REPS, lines)
    assert temp is not None and temp.rep_id == "bo" and temp.role is Role.REP
    assert resolve_viewer("nobody@acme.com", REPS, lines) is None  # a lead must be somebody's lead
    assert resolve_viewer("ghost@acme.com", REPS, lines) is None


def test_what_each_role_may_do() -> None:
    rep = resolve_viewer("amy@acme.com", REPS, {})
    lead = resolve_viewer("dee@acme.com", REPS, {})
    ops = Viewer(who="ops", role=Role.OPS)
    assert rep is not None and lead is not None
    assert rep.acts_for("amy") and not rep.acts_for("bo")
    assert lead.acts_for("cy") and not lead.acts_for("amy")
    assert ops.acts_for("anyone")
    assert not rep.settles_for("amy", "cy") and lead.settles_for("cy", "amy") and not lead.settles_for("amy", "cy")
    assert rep.edits_people and lead.edits_people and not ops.edits_people
    assert not rep.runs_the_desk and not lead.runs_the_desk and ops.runs_the_desk
    assert rep.sees_personal_data(True) and not rep.sees_personal_data(False)
    assert not ops.sees_personal_data(True)
    assert local_viewer("me").sees_personal_data(False) and local_viewer("me").sees_everything


def test_full_view_covers_a_claimed_group_unless_its_branches_are_claimed_apart() -> None:
    rep = Viewer(who="a", role=Role.REP, rep_id="a", team_reps=frozenset({"a"}))
    roots = {"g": "g", "g1": "g", "g2": "g", "h": "h", "h1": "h", "k": "k"}
    assert full_view(rep, ["k"], ["g"], roots, []) == frozenset({"g", "g1", "g2", "k"})
    assert full_view(rep, [], ["h1"], roots, ["h"]) == frozenset({"h1"})
    assert full_view(rep, [], ["h"], roots, ["h"]) == frozenset({"h"})
    assert full_view(Viewer(who="o", role=Role.OPS), [], [], roots, []) is None


def test_masks_keep_enough_to_tell_two_apart_and_never_the_whole() -> None:
    assert mask_phone("13812345678") == "138******78"
    assert mask_phone("1234") == "**34"
    assert mask_email("li.na@example.com") == "l***@example.com"
    assert mask_email("broken") == "***"


def _account() -> nx.MultiDiGraph[str]:
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    graph.add_node("Company:x", label="Company", id="x", name="X")
    graph.add_node("Company:y", label="Company", id="y", name="Y")
    for company in ("x", "y"):
        graph.add_node(
            f"Contact:{company}1",
            label="Contact",
            id=f"{company}1",
            company_id=company,
            name=f"Person {company}",
            phone="13900001111",
            email=f"p@{company}.com",
        )
        graph.add_node(f"Opportunity:{company}o", label="Opportunity", id=f"{company}o", company_id=company)
    graph.add_node("Rep:a", label="Rep", id="a", name="Amy")
    graph.add_edge("Rep:a", "Contact:y1", key="KNOWS:", type="KNOWS")
    return graph


def test_restricted_drops_people_and_deals_outside_full_view_and_masks_by_role() -> None:
    rep = Viewer(who="a", role=Role.REP, rep_id="a", team_reps=frozenset({"a"}))
    seen = restricted(_account(), rep, frozenset({"x"}))
    assert "Contact:y1" not in seen and "Opportunity:yo" not in seen and "Company:y" in seen
    assert seen.nodes["Contact:x1"]["phone"] == "13900001111"
    ops = restricted(_account(), Viewer(who="o", role=Role.OPS), None)
    assert ops.nodes["Contact:y1"]["phone"] == "139******11" and ops.nodes["Contact:y1"]["email"] == "p***@y.com"
    admin = restricted(_account(), Viewer(who="ad", role=Role.ADMIN), None)
    assert admin.nodes["Contact:y1"]["email"] == "p@y.com"


def test_the_access_file_is_read_and_a_bad_one_names_the_setting(tmp_path: Path) -> None:
    path = tmp_path / "access.toml"
    assert load_access(path) == {}
    path.write_text('[users."ops@acme.com"]\nrole = "ops"\n\n[users."amy@acme.com"]\nteams = ["West"]\n')
    lines = load_access(path)
    assert lines["ops@acme.com"].role is Role.OPS and lines["amy@acme.com"].teams == ("West",)
    path.write_text('[users."ops@acme.com"]\nrole = "boss"\n')
    with pytest.raises(ConfigError, match=r"access\.toml: users\.ops@acme\.com\.role"):
        load_access(path)
    path.write_text('[users."ops@acme.com"]\nrol = "ops"\n')
    with pytest.raises(ConfigError, match="rol"):
        load_access(path)
    path.write_text("[users\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_access(path)


def test_a_lead_never_hands_over_themselves_or_anyone_above_them() -> None:
    """amy leads East by the access file: boss, her own manager, is in that team, and stays out of her reach."""
    amy = resolve_viewer("amy@acme.com", REPS, {"amy@acme.com": AccessEntry(role=Role.LEAD)})
    dee = resolve_viewer("dee@acme.com", REPS, {})
    assert amy is not None and dee is not None
    assert amy.above == {"boss"} and dee.above == {"boss"}
    assert amy.hands_over("bo") and not amy.hands_over("amy") and not amy.hands_over("boss")
    assert dee.hands_over("cy") and not dee.hands_over("dee") and not dee.hands_over("boss")
    assert not dee.hands_over("amy")  # outside the teams dee leads
    assert not amy.acts_for("boss") and amy.acts_for("bo") and amy.acts_for("amy")
    ops = Viewer(who="ops", role=Role.OPS, rep_id="bo")
    assert ops.hands_over("cy") and not ops.hands_over("bo")


def test_nobody_settles_a_dispute_they_or_their_manager_are_a_party_to() -> None:
    dee = resolve_viewer("dee@acme.com", REPS, {})
    boss = resolve_viewer("boss@acme.com", REPS, {})
    assert dee is not None and boss is not None
    assert dee.settles_for("cy", "amy") and dee.settle_refusal("cy", "amy") is None
    assert dee.settle_refusal("dee", "amy") == "party"  # her own claim
    assert dee.settle_refusal("cy", "dee") == "party"  # her own touch against her rep's claim
    assert dee.settle_refusal("cy", "boss") == "party"  # her manager's touch
    assert dee.settle_refusal("amy", "cy") == "not_led"
    assert boss.settles_for("cy", "amy") and boss.settle_refusal("boss", "cy") == "party"
    assert Viewer(who="ops", role=Role.OPS).settles_for("boss", "cy")
    assert Viewer(who="ops", role=Role.OPS, rep_id="cy").settle_refusal("boss", "cy") == "party"


def test_the_manager_lines_above_a_rep_stop_at_a_cycle() -> None:
    loop = [
        {"id": "a", "email": "a@x.com", "manager_id": "b", "status": "active"},
        {"id": "b", "email": "b@x.com", "manager_id": "a", "status": "active"},
    ]
    a = resolve_viewer("a@x.com", loop, {})
    assert a is not None and a.above == {"b"}


def test_an_access_file_naming_one_address_twice_in_two_cases_is_refused_with_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "access.toml"
    path.write_text('[users."Amy@acme.com"]\nrole = "rep"\n\n[users."amy@ACME.com"]\nrole = "admin"\n')
    with pytest.raises(ConfigError, match=r"'Amy@acme\.com' \(line 1\) and 'amy@ACME\.com' \(line 4\) are one address"):
        load_access(path)


def test_an_access_file_naming_one_subject_twice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "access.toml"
    path.write_text('[users."a@acme.com"]\nsub = "s-1"\n[users."b@acme.com"]\nrole = "ops"\nsub = "s-1"\n')
    with pytest.raises(ConfigError, match=r"'a@acme\.com' \(line 1\) and 'b@acme\.com' \(line 3\) name one sub"):
        load_access(path)
    path.write_text('[users."a@acme.com"]\nsub = "s-1"\n[users."b@acme.com"]\nrole = "ops"\nsub = "s-2"\n')
    assert load_access(path)["b@acme.com"] == AccessEntry(role=Role.OPS, sub="s-2")


@pytest.mark.parametrize("mode", [0o664, 0o646, 0o666], ids=oct)
def test_an_access_file_others_may_write_is_refused(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "access.toml"
    path.write_text('[users."ops@acme.com"]\nrole = "ops"\n')
    path.chmod(mode)
    with pytest.raises(ConfigError, match=rf"access\.toml: writable by others than its owner \(mode {mode:03o}\)"):
        load_access(path)
    path.chmod(0o644)
    assert load_access(path)["ops@acme.com"].role is Role.OPS
