import pytest

from graph.store import cypher


def test_label_templates_are_filled_from_the_allow_list() -> None:
    assert cypher.UPSERT_NODES["Contact"] == (
        "UNWIND $rows AS row MERGE (n:Contact {id: row.id}) SET n += row.props, n.version = coalesce(n.version, 0) + 1"
    )
    assert cypher.UPSERT_EDGES["Rep-KNOWS->Contact"] == (
        "UNWIND $rows AS row MATCH (a:Rep {id: row.source}) MATCH (b:Contact {id: row.target}) "
        "MERGE (a)-[r:KNOWS {key: row.key}]->(b) SET r += row.props"
    )


def test_identifiers_outside_the_allow_list_are_refused() -> None:
    with pytest.raises(ValueError, match="not an allowed label"):
        cypher._fill("MATCH (n:<label>) RETURN n", label="Contact) DETACH DELETE (n")


def test_only_single_valued_relationships_drop_old_targets() -> None:
    assert set(cypher.DROP_OTHER_EDGES) == {name for name, spec in cypher.EDGES.items() if spec.single}
    assert "Contact-REPORTS_TO->Contact" not in cypher.DROP_OTHER_EDGES


def test_every_statement_has_a_name_for_error_messages() -> None:
    assert cypher.query_name(cypher.DELETE_SOME) == "DELETE_SOME"
    assert cypher.query_name(cypher.COUNT_LABEL["Contact"]) == "COUNT_LABEL[Contact]"
    assert cypher.query_name(cypher.FETCH_NODES["Claim"]) == "FETCH_NODES[Claim]"
    assert cypher.query_name("RETURN 2") == "ad-hoc query"


def test_values_never_appear_inside_statements() -> None:
    """Every constant takes its values as $parameters: no quotes around literals."""
    statements = [
        v for v in vars(cypher).values() if isinstance(v, str) and v.startswith(("MATCH", "UNWIND", "RETURN"))
    ]
    statements += [
        q
        for d in (
            cypher.FETCH_NODES,
            cypher.UPSERT_NODES,
            cypher.UPSERT_EDGES,
            cypher.LINK_CHANGE,
            cypher.CHANGES_ABOUT,
        )
        for q in d.values()
    ]
    assert statements
    assert not [s for s in statements if "'" in s or '"' in s]


def test_schema_statements_come_from_the_allow_list() -> None:
    from graph.store import schema

    assert schema.NEO4J_UNIQUE_IDS["Contact"] == (
        "CREATE CONSTRAINT contact_id IF NOT EXISTS FOR (n:Contact) REQUIRE n.id IS UNIQUE"
    )
    assert "CREATE INDEX FOR (n:Contact) ON (n.phone)" in schema.FALKOR_INDEXES.values()
    with pytest.raises(ValueError, match="not an allowed"):
        schema._fill("CREATE INDEX FOR (n:<label>) ON (n.<prop>)", "Contact", "x) DETACH DELETE (n")
