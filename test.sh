#!/usr/bin/env bash
# Set up (first time) and run the whole test suite: lint, types, unit, integration, app, e2e.
# Integration tests start their own embedded server; with NEO4J_URI set they run against
# that Neo4j instead (use a throwaway database: tests delete everything in it).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh requirements-dev.txt
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy .
exec .venv/bin/pytest "$@"
