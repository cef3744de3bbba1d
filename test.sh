#!/usr/bin/env bash
# Set up (first time) and run the whole test suite: lint, types, layer contracts, then pytest twice on parallel
# workers (KAGRAPH_TEST_WORKERS, default 3; each worker has its own servers and data folders).
# Pass 1: every test, stores on the embedded FalkorDB. Pass 2: every store-touching test (integration, app, e2e)
# against local Neo4j servers that this script starts, one per worker (Java 17+ and Maven needed; the launcher is
# built once). With NEO4J_URI set, one pass runs against that server instead, on one worker (use a throwaway
# database: tests delete everything in it).
#   ./test.sh quick        the inner loop: lint, unit tests and doctests, FalkorDB integration tests
#   ./test.sh ARGS...      one FalkorDB pass with those pytest arguments (./test.sh tests/unit, ./test.sh -k chain)
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh
workers="${KAGRAPH_TEST_WORKERS:-3}"
# One test at a time to each worker, slowest layers first (tests/conftest.py): the workers finish together.
parallel=(-n "$workers" --maxschedchunk 1)
started=$SECONDS
lap() { echo "== $1: $((SECONDS - started)) s"; started=$SECONDS; }

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy .
.venv/bin/lint-imports --no-cache
lap "lint, types and layers"

if [ "${1:-}" = "quick" ]; then
  shift
  KAGRAPH_HYPOTHESIS=quick .venv/bin/pytest "${parallel[@]}" -m "not app and not e2e" tests/unit tests/integration graph ingest "$@"
  lap "quick pass"
  exit 0
fi
if [ -n "${NEO4J_URI:-}" ]; then
  exec .venv/bin/pytest "$@"
fi
if [ "$#" -gt 0 ]; then
  exec .venv/bin/pytest "${parallel[@]}" "$@"
fi

# The Neo4j servers boot (a JVM each) while pass 1 runs. They live for one pass: the quick client JIT and the
# serial collector spend a third less CPU on them than the JVM's defaults tuned for long-running servers.
export KAGRAPH_NEO4J_JAVA_OPTS="${KAGRAPH_NEO4J_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
neo4j_root="$(mktemp -d)"
# Tests empty and refill the database many times a second; by default Neo4j then replans every query whenever
# its statistics drift (at most every 10 s), which here cost about four fifths of the servers' CPU. The test
# servers keep their plans (a setting of the local Neo4j's own neo4j.conf, README "A local Neo4j").
for ((i = 0; i < workers; i++)); do
  mkdir -p "$neo4j_root/gw$i/neo4j"
  printf '%s\n' "dbms.cypher.min_replan_interval=1h" "dbms.cypher.statistics_divergence_threshold=1.0" \
    >"$neo4j_root/gw$i/neo4j/neo4j.conf"
done
stop_neo4j() {
  for ((i = 0; i < workers; i++)); do
    KAGRAPH_DATA_DIR="$neo4j_root/gw$i" .venv/bin/python -m graph local-neo4j stop >/dev/null 2>&1 || true
  done
}
trap stop_neo4j EXIT
KAGRAPH_DATA_DIR="$neo4j_root/gw0" KAGRAPH_NEO4J_IDLE=10800 .venv/bin/python -m graph local-neo4j start >/dev/null
for ((i = 1; i < workers; i++)); do
  KAGRAPH_DATA_DIR="$neo4j_root/gw$i" KAGRAPH_NEO4J_IDLE=10800 .venv/bin/python -m graph local-neo4j start >/dev/null &
done
lap "local Neo4j for worker gw0 (the others start in the background)"

echo "== pass 1 of 2: embedded FalkorDB =="
.venv/bin/pytest "${parallel[@]}"
lap "pass 1"
wait
echo "== pass 2 of 2: local Neo4j (integration, app, e2e) =="
KAGRAPH_TEST_NEO4J_ROOT="$neo4j_root" .venv/bin/pytest "${parallel[@]}" -m "integration or app or e2e" -p no:cacheprovider
lap "pass 2"
