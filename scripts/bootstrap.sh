#!/usr/bin/env bash
# Create .venv (Python >= 3.11) and install requirements.lock (every package pinned, with hashes) when it changed.
# Sourced by run.sh and test.sh: one lock for the whole environment, app and tools alike.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

pick_python() {
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "kagraph needs Python 3.11 or newer on PATH" >&2
  return 1
}

if [ ! -x .venv/bin/python ]; then
  echo "kagraph: creating .venv" >&2
  "$(pick_python)" -m venv .venv
fi
stamp=".venv/.installed-lock"
wanted="$(sha256sum requirements.lock | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "kagraph: installing requirements.lock" >&2
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock >&2
  echo "$wanted" >"$stamp"
fi
