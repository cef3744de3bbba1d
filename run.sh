#!/usr/bin/env bash
# Set up (first time) and run kagraph on the embedded store; demo data loads on first start.
# KAGRAPH_STORE=neo4j-local runs it on a local Neo4j that kagraph starts (Java 17+, Maven);
# NEO4J_URI (and NEO4J_USER/NEO4J_PASSWORD/NEO4J_DATABASE) points it at a Neo4j server instead.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh
.venv/bin/python -m ingest demo --if-empty >/dev/null
exec .venv/bin/streamlit run serve.py \
  --server.headless true \
  --server.address "${KAGRAPH_HTTP_ADDRESS:-127.0.0.1}" \
  --server.port "${KAGRAPH_HTTP_PORT:-8501}" \
  --browser.gatherUsageStats false "$@"
