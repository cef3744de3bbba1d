#!/usr/bin/env bash
# Set up (first time) and run the whole test suite: lint, types, then pytest twice.
# Pass 1: every test, stores on the embedded FalkorDB. Pass 2: every store-touching test
# (integration, app, e2e) against a local Neo4j that this script starts (Java 17+ and Maven
# needed; the launcher is built once). With NEO4J_URI set, one pass runs against that server
# instead (use a throwaway database: tests delete everything in it). With arguments
# (./test.sh tests/unit, ./test.sh -k chain) only pass 1 runs, with those arguments.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh requirements-dev.txt
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy .
if [ -n "${NEO4J_URI:-}" ] || [ "$#" -gt 0 ]; then
  exec .venv/bin/pytest "$@"
fi
echo "== pass 1 of 2: embedded FalkorDB =="
.venv/bin/pytest
echo "== pass 2 of 2: local Neo4j (integration, app, e2e) =="
neo4j_data="$(mktemp -d)"
stop_neo4j() { KAGRAPH_DATA_DIR="$neo4j_data" .venv/bin/python -m graph local-neo4j stop >/dev/null || true; }
trap stop_neo4j EXIT
login="$(KAGRAPH_DATA_DIR="$neo4j_data" KAGRAPH_NEO4J_IDLE=10800 .venv/bin/python -m graph local-neo4j start --shell)"
eval "$login"
.venv/bin/pytest -m "integration or app or e2e" -p no:cacheprovider
