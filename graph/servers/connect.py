"""Open the store the settings point at: a team's Neo4j, the local Neo4j, or the embedded default."""

from __future__ import annotations

from graph.config.settings import Settings, load_settings
from graph.servers.embedded import ensure_server
from graph.servers.neo4j_local import ensure_local_neo4j
from graph.store import GraphStore
from graph.store.falkordb_runner import FalkorRunner
from graph.store.neo4j_runner import Neo4jRunner

__all__ = ["open_store"]


def open_store(settings: Settings | None = None) -> GraphStore:
    """Connect (starting the embedded server if needed) and make sure the schema exists.

    Raises ``StoreUnavailable`` with a one-line reason when that is impossible.
    """
    settings = settings or load_settings()
    runner: Neo4jRunner | FalkorRunner
    if settings.neo4j_uri:
        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else None
        runner = Neo4jRunner(settings.neo4j_uri, settings.neo4j_user, password, settings.neo4j_database)
    elif settings.kagraph_store == "neo4j-local":
        local = ensure_local_neo4j(
            settings.kagraph_data_dir,
            settings.kagraph_neo4j_idle,
            settings.kagraph_port,
            settings.kagraph_neo4j_java_opts,
        )
        runner = Neo4jRunner(local.uri, local.user, local.password, "neo4j")
    else:
        server = ensure_server(settings.kagraph_data_dir, settings.kagraph_port)
        runner = FalkorRunner(server.host, server.port, settings.kagraph_graph, server.password)
    store = GraphStore(runner)
    store.ensure_schema()
    return store
