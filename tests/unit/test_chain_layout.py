"""The org-chart layout: no two cards overlap, connectors cross no card, managers sit above their reports."""

from __future__ import annotations

import functools
import itertools
import random
from collections import defaultdict

import networkx as nx
import pytest

from graph.domain.model import Contact
from graph.render.layout import CARD_W, GAP_X, ChainLayout, chain_layout, primary_managers
from ingest.demo import demo_records


def generated_account(size: int, seed: int, reps: int = 3, competitors: int = 2) -> nx.MultiDiGraph[str]:
    """A random reporting forest of ``size`` people: some with a second manager, some with none, a loop or two."""
    rng = random.Random(seed)
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for number in range(size):
        g.add_node(f"Contact:p{number}", label="Contact", id=f"p{number}", company_id="c", unit_id=f"u{number % 4}")
        if number and rng.random() < 0.9:
            g.add_edge(f"Contact:p{number}", f"Contact:p{rng.randrange(number)}", type="REPORTS_TO")
        if number > 2 and rng.random() < 0.1:
            g.add_edge(f"Contact:p{number}", f"Contact:p{rng.randrange(number)}", type="REPORTS_TO")
    if size > 3 and rng.random() < 0.5:
        g.add_edge("Contact:p0", f"Contact:p{size - 1}", type="REPORTS_TO")  # a loop in the data
    for number in range(reps):
        g.add_node(f"Rep:r{number}", label="Rep", id=f"r{number}")
    for number in range(competitors):
        g.add_node(f"Competitor:k{number}", label="Competitor", id=f"k{number}")
    return g


@functools.cache
def demo_accounts() -> dict[str, nx.MultiDiGraph[str]]:
    """Every demo company's people and reporting lines."""
    people: dict[str, list[Contact]] = defaultdict(list)
    for record in demo_records():
        if isinstance(record, Contact):
            people[record.company_id].append(record)
    graphs = {}
    for company, contacts in people.items():
        g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        for c in contacts:
            g.add_node(f"Contact:{c.id}", label="Contact", **c.to_row())
        for c in contacts:
            for manager in c.reports_to:
                g.add_edge(f"Contact:{c.id}", f"Contact:{manager}", type="REPORTS_TO")
        graphs[company] = g
    return graphs


def rectangles(layout: ChainLayout) -> dict[str, tuple[float, float, float, float]]:
    return {
        key: (
            x - layout.sizes[key][0] / 2,
            y - layout.sizes[key][1] / 2,
            x + layout.sizes[key][0] / 2,
            y + layout.sizes[key][1] / 2,
        )
        for key, (x, y) in layout.positions.items()
    }


def assert_no_overlap(layout: ChainLayout) -> None:
    boxes = rectangles(layout)
    for (a, ra), (b, rb) in itertools.combinations(boxes.items(), 2):
        apart = ra[2] <= rb[0] or rb[2] <= ra[0] or ra[3] <= rb[1] or rb[3] <= ra[1]
        assert apart, f"cards {a} {ra} and {b} {rb} overlap"


def assert_connectors_cross_no_card(layout: ChainLayout) -> None:
    """Org-chart lines run in the gaps: they may touch a card's edge, never pass over it."""
    for x1, y1, x2, y2 in layout.connectors:
        assert x1 == x2 or y1 == y2, "connectors are horizontal or vertical"
        for key, (left, top, right, bottom) in rectangles(layout).items():
            inside_x = max(min(x1, x2), left + 1) < min(max(x1, x2), right - 1)
            inside_y = max(min(y1, y2), top + 1) < min(max(y1, y2), bottom - 1)
            assert not (inside_x and inside_y), f"connector {(x1, y1, x2, y2)} crosses {key}"


@pytest.mark.parametrize("size", [1, 2, 3, 5, 8, 13, 21, 34, 50])
@pytest.mark.parametrize("seed", range(6))
def test_generated_accounts_of_up_to_fifty_people_have_no_overlapping_cards(size: int, seed: int) -> None:
    layout = chain_layout(generated_account(size, seed))
    assert len(layout.positions) == size + 5
    assert_no_overlap(layout)
    assert_connectors_cross_no_card(layout)


@pytest.mark.parametrize("company", sorted(demo_accounts()))
def test_demo_accounts_have_no_overlapping_cards(company: str) -> None:
    graph = demo_accounts()[company]
    layout = chain_layout(graph)
    assert_no_overlap(layout)
    assert_connectors_cross_no_card(layout)
    xs = [x for x, _ in layout.positions.values()]
    width = max(xs) - min(xs) + CARD_W
    if graph.number_of_nodes() <= 50:  # seven or eight cards across: fits 980 px at 0.6 (12 px text)
        assert width * 0.6 <= 980, f"{company} is {width:.0f} wide"


def test_managers_sit_above_their_reports_and_are_centred_over_them() -> None:
    g = generated_account(0, 0, reps=0, competitors=0)
    for key in ("boss", "a", "b", "a1", "a2", "b1"):
        g.add_node(f"Contact:{key}", label="Contact", id=key)
    for report, manager in (("a", "boss"), ("b", "boss"), ("a1", "a"), ("a2", "a"), ("b1", "b")):
        g.add_edge(f"Contact:{report}", f"Contact:{manager}", type="REPORTS_TO")
    g.add_node("Contact:b2", label="Contact", id="b2")
    g.add_edge("Contact:b2", "Contact:b", type="REPORTS_TO")
    g.add_node("Contact:deep", label="Contact", id="deep")
    g.add_edge("Contact:deep", "Contact:b2", type="REPORTS_TO")
    at = chain_layout(g).positions
    assert at["Contact:boss"][1] < at["Contact:a"][1] < at["Contact:a1"][1]
    assert at["Contact:a1"][0] == at["Contact:a2"][0] and at["Contact:a1"][1] < at["Contact:a2"][1]  # stacked
    assert at["Contact:b"][0] == pytest.approx((at["Contact:b1"][0] + at["Contact:b2"][0]) / 2, abs=CARD_W)
    assert at["Contact:boss"][0] == pytest.approx((at["Contact:a"][0] + at["Contact:b"][0]) / 2)


def test_a_second_manager_is_drawn_as_a_line_not_a_second_place() -> None:
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for key in ("ceo", "cfo", "cio", "analyst"):
        g.add_node(f"Contact:{key}", label="Contact", id=key)
    for report, manager in (("cfo", "ceo"), ("cio", "ceo"), ("analyst", "cfo"), ("analyst", "cio")):
        g.add_edge(f"Contact:{report}", f"Contact:{manager}", type="REPORTS_TO")
    order = {"Contact:cio": 0.8, "Contact:cfo": 0.3}
    layout = chain_layout(g, order)
    assert ("Contact:analyst", "Contact:cio") in layout.tree_lines
    assert ("Contact:analyst", "Contact:cfo") not in layout.tree_lines
    assert primary_managers(g, list(g), order)["Contact:analyst"] == "Contact:cio"


def test_reps_and_competitors_sit_in_a_band_above_the_people() -> None:
    layout = chain_layout(generated_account(12, 3, reps=9, competitors=4))
    people = [y for k, (_, y) in layout.positions.items() if k.startswith("Contact:")]
    sides = [y for k, (_, y) in layout.positions.items() if not k.startswith("Contact:")]
    assert max(sides) < min(people)
    assert {name for name, _, _ in layout.captions} == {"reps", "competitors"}
    assert_no_overlap(layout)


def test_people_without_any_reporting_line_fill_a_grid_not_one_long_row() -> None:
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for number in range(40):
        g.add_node(f"Contact:p{number}", label="Contact", id=f"p{number}")
    layout = chain_layout(g)
    xs = {x for x, _ in layout.positions.values()}
    assert len(xs) <= 8
    assert min(b - a for a, b in itertools.pairwise(sorted(xs))) >= CARD_W + GAP_X
    assert_no_overlap(layout)


def test_a_reporting_loop_still_lays_everyone_out() -> None:
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for key in ("a", "b", "c"):
        g.add_node(f"Contact:{key}", label="Contact", id=key)
    for report, manager in (("a", "b"), ("b", "c"), ("c", "a")):
        g.add_edge(f"Contact:{report}", f"Contact:{manager}", type="REPORTS_TO")
    layout = chain_layout(g)
    assert len(layout.positions) == 3
    assert_no_overlap(layout)


def test_a_two_thousand_person_chain_does_not_recurse() -> None:
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for number in range(2000):
        g.add_node(f"Contact:p{number}", label="Contact", id=f"p{number}")
        if number:
            g.add_edge(f"Contact:p{number}", f"Contact:p{number - 1}", type="REPORTS_TO")
    assert len(chain_layout(g).positions) == 2000
