from graph.domain.claim_records import Claim
from graph.domain.model import Contact, Influence, OrgUnit, Purchase, Touch
from graph.store.rows import graph_rows


def test_contact_works_in_its_unit_and_reports_to_every_manager() -> None:
    rows = graph_rows([Contact(id="p", name="P", company_id="c", unit_id="u", reports_to=("m1", "m2"))])
    assert [(e.spec, e.target) for e in rows.edges] == [
        ("Contact-WORKS_IN->OrgUnit", "u"),
        ("Contact-REPORTS_TO->Contact", "m1"),
        ("Contact-REPORTS_TO->Contact", "m2"),
    ]


def test_contact_without_unit_works_in_its_company() -> None:
    rows = graph_rows([Contact(id="p", name="P", company_id="c")])
    assert [(e.spec, e.target) for e in rows.edges] == [("Contact-WORKS_IN->Company", "c")]


def test_top_unit_is_part_of_the_company() -> None:
    rows = graph_rows(
        [OrgUnit(id="u", company_id="c", name="IT"), OrgUnit(id="v", company_id="c", name="Sec", parent_id="u")]
    )
    assert [(e.spec, e.source, e.target) for e in rows.edges] == [
        ("OrgUnit-PART_OF->Company", "u", "c"),
        ("OrgUnit-PART_OF->OrgUnit", "v", "u"),
    ]


def test_edge_keys_keep_parallel_relationships_apart() -> None:
    rows = graph_rows(
        [
            Influence(from_id="a", to_id="b", kind="advice", weight=0.4),
            Influence(from_id="a", to_id="b", kind="friend", weight=0.9),
            Purchase(company_id="c", product="X", category="K", vendor="us"),
            Purchase(company_id="c", product="Y", category="K", vendor="us"),
        ]
    )
    assert [e.key for e in rows.edges] == ["advice", "friend", "X", "Y"]
    assert [(n.label, n.id) for n in rows.nodes] == [("Vendor", "us"), ("Vendor", "us")]


def test_touch_and_claim_rows_use_their_derived_ids() -> None:
    touch = Touch(date="2026-01-01", rep_id="r", contact_id="p", kind="demo", note="POC")
    claim = Claim(company_id="c", rep_id="r", channel="partner", claimed_on="2026-02-01")
    rows = graph_rows([touch, claim])
    assert rows.edges[0].key == touch.id and rows.edges[0].props == {
        "date": "2026-01-01",
        "kind": "demo",
        "note": "POC",
    }
    assert rows.nodes[0].id == claim.id
    assert [(e.spec, e.target) for e in rows.edges[1:]] == [("Claim-ON->Company", "c"), ("Claim-BY->Rep", "r")]
