"""The onboarding digest on a hand-made account: what a new owner must see first.

Acme: the boss (economic buyer, level 1), the CFO (decision maker), an engineer
(champion, supporter), a clerk who left, and an analyst close to a rival. Old
(who left) knew the boss and the engineer well (5/5); Pat owns the open deal; the new
owner, New, knows only the engineer a little.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import networkx as nx
import pytest
import streamlit as st

from graph.analysis.decision_roles import decision_chain
from graph.analysis.onboarding_digest import FIRST_MEETINGS, onboarding_digest
from graph.render.digest import digest_html, digest_markdown, digest_print_page
from tests.unit.test_chain_analysis import TODAY, account, knows, line, rep, touch
from ui.digest_text import digest_document
from ui.i18n import LANGUAGE_KEY

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def acme() -> nx.MultiDiGraph[str]:
    g = account(
        ("boss", {"level": 1, "buying_role": "economic_buyer", "stance": "neutral", "last_verified": "2026-10-01"}),
        ("cfo", {"level": 2, "buying_role": "decision_maker", "title": "CFO", "last_verified": "2026-10-01"}),
        ("eng", {"level": 3, "buying_role": "champion", "stance": "supporter", "last_verified": "2026-10-01"}),
        ("clerk", {"level": 4, "status": "left", "last_verified": "2026-10-01"}),
        ("analyst", {"level": 4, "last_verified": "2025-01-01"}),
    )
    g.nodes["Contact:analyst"]["name"] = HOSTILE
    for person in ("cfo", "eng", "clerk", "analyst"):
        line(g, person, "boss")
    rep(g, "old", status="left")
    rep(g, "pat")
    rep(g, "new")
    knows(g, "old", "boss", 5)
    knows(g, "old", "eng", 5)
    touch(g, "old", "boss", 200)
    knows(g, "new", "eng", 2)
    g.add_node(
        "Opportunity:deal",
        label="Opportunity",
        id="deal",
        name="Pilot",
        company_id="c",
        stage="bid",
        owner_id="pat",
        amount=100.0,
        close_date="2026-12-31",
    )
    g.add_edge("Contact:eng", "Opportunity:deal", key="PLAYS:user", type="PLAYS", role="user")
    g.add_node("Competitor:x", label="Competitor", id="x", name="Rival")
    g.add_edge("Competitor:x", "Contact:analyst", key="KNOWS:", type="KNOWS", strength=4)
    return g


def test_previous_owners_are_who_left_and_who_owns_the_open_deal(acme: nx.MultiDiGraph[str]) -> None:
    digest = onboarding_digest(acme, "new", TODAY)
    assert digest.previous_owners == ["old", "pat"]


def test_handover_lists_what_old_knew_most_important_first(acme: nx.MultiDiGraph[str]) -> None:
    handover = onboarding_digest(acme, "new", TODAY).handover
    assert [(h.rep_id, h.contact_id) for h in handover] == [("old", "boss"), ("old", "eng")]
    assert handover[0].importance > handover[1].importance
    assert handover[0].days_since_last_touch == 200 and handover[1].new_owner_strength > 0


def test_named_previous_owners_replace_the_guess(acme: nx.MultiDiGraph[str]) -> None:
    assert onboarding_digest(acme, "new", TODAY, previous_owners=["pat"]).handover == []


def test_key_people_skip_who_left_and_say_who_knows_them(acme: nx.MultiDiGraph[str]) -> None:
    people = onboarding_digest(acme, "new", TODAY).key_people
    assert people[0].id == "boss" and "clerk" not in [p.id for p in people]
    assert [(a.rep_id, a.rep_left) for a in people[0].known_by] == [("old", True)]


def test_gaps_threats_and_stale_data(acme: nx.MultiDiGraph[str]) -> None:
    digest = onboarding_digest(acme, "new", TODAY)
    (deal,) = digest.open_opportunities
    assert deal.id == "deal" and "economic_buyer" in deal.missing_roles and "champion" in deal.missing_roles
    assert [(t.kind, t.competitor, t.contact_id) for t in digest.threats] == [("competitor_tie", "Rival", "analyst")]
    assert {s.contact_id: s.reason for s in digest.stale} == {
        "clerk": "left the company",
        "analyst": "not verified since 2025-01-01",
    }


def test_five_first_meetings_each_with_a_reason(acme: nx.MultiDiGraph[str]) -> None:
    meetings = onboarding_digest(acme, "new", TODAY).first_meetings
    assert len(meetings) == min(FIRST_MEETINGS, 4)  # four active people
    reasons = {m.contact_id: m.reason for m in meetings}
    assert meetings[0].contact_id == "boss" and reasons["boss"] == "economic buyer nobody on our side knows well"
    assert reasons["cfo"] == "decision maker nobody on our side knows well"
    assert "OLD knew them well" in reasons["eng"]


def test_an_unknown_new_owner_is_refused(acme: nx.MultiDiGraph[str]) -> None:
    with pytest.raises(ValueError, match="no rep 'ghost'"):
        onboarding_digest(acme, "ghost", dt.date(2026, 11, 1))


def test_exports_escape_names(acme: nx.MultiDiGraph[str]) -> None:
    digest = onboarding_digest(acme, "new", TODAY)
    page = digest_html(digest_document(digest, {"c": "Acme"}))
    assert HOSTILE not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    printed = digest_print_page(digest_document(digest, {"c": HOSTILE}), 3, HOSTILE)
    assert HOSTILE not in printed and printed.count("&lt;img src=x onerror=alert(1)&gt;") >= 3  # title, cell, button
    assert "<!-- 3 -->" in printed and "setTimeout(print" in printed and "setTimeout(print" not in page
    text = digest_markdown(digest_document(digest, {"c": "Acme"}))
    assert "## Meet these five first" in text and "\\<img" in text


def test_a_role_played_in_an_open_deal_fills_the_account_role(acme: nx.MultiDiGraph[str]) -> None:
    """The account view and the digest read deal roles from one place: no "nobody plays champion" beside one."""
    acme.nodes["Contact:eng"]["buying_role"] = "user"
    acme.remove_edge("Contact:eng", "Opportunity:deal", key="PLAYS:user")
    acme.add_edge("Contact:eng", "Opportunity:deal", key="PLAYS:champion", type="PLAYS", role="champion")
    assert "champion" not in decision_chain(acme, TODAY).missing_roles
    acme.nodes["Opportunity:deal"]["stage"] = "lost"  # a closed deal's roles no longer count
    assert "champion" in decision_chain(acme, TODAY).missing_roles


def test_a_deal_counts_its_companys_unknown_decision_makers(acme: nx.MultiDiGraph[str]) -> None:
    """The five to meet first name an unknown decision maker: so does every open deal of their company."""
    digest = onboarding_digest(acme, "new", TODAY)
    unknown = [m.contact_id for m in digest.first_meetings if m.why == "unknown_decider"]
    assert unknown == ["boss", "cfo"]
    (deal,) = digest.open_opportunities
    assert set(unknown) <= set(deal.uncovered_decision_makers)
    assert "economic_buyer" in deal.missing_roles  # on record as buyer, but not playing it in this deal


ENGLISH_WORDS = re.compile(
    r"\b(Meet|Key people|Relationships|Opportunit|Competitor threats|Data to check|Nothing here|nobody|never|"
    r"days ago|left|economic buyer|decision maker|champion|supporter|neutral|bid|close to|supplies|verified|"
    r"Onboarding|for|as of|Previous owners)\b"
)


@pytest.fixture
def chinese() -> Iterator[None]:
    st.session_state[LANGUAGE_KEY] = "简体中文"
    yield
    del st.session_state[LANGUAGE_KEY]


@pytest.mark.usefixtures("chinese")
def test_the_digest_downloads_in_chinese_when_the_page_is_read_in_chinese(acme: nx.MultiDiGraph[str]) -> None:
    document = digest_document(onboarding_digest(acme, "new", TODAY), {"c": "Acme"})
    text, page = digest_markdown(document), digest_html(document)
    assert "## 优先拜访这五位" in text and "我方无人熟悉的拍板人" in text and '<html lang="zh-CN">' in page
    names = {"Acme", "Boss", "Cfo", "Eng", "Clerk", "Pilot", "Rival", "OLD", "PAT", "NEW", "CFO"}
    words = re.sub("|".join(sorted(names, key=len, reverse=True)), "", text)
    assert ENGLISH_WORDS.findall(words) == []


def test_the_markdown_digest_escapes_markup_but_not_dates_and_decimals(acme: nx.MultiDiGraph[str]) -> None:
    text = digest_markdown(digest_document(onboarding_digest(acme, "new", TODAY), {"c": "Acme"}))
    assert "2026-12-31" in text and "2026\\-12\\-31" not in text
    assert "\\." not in text and "\\-" not in text
    assert "\\<img src=x onerror=alert(1)\\>" in text
