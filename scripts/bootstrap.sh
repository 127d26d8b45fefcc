#!/usr/bin/env bash
# Creates .venv and installs the pinned requirements (idempotent: a no-op when they are already there).
# Usage: source scripts/bootstrap.sh [requirements-file]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REQ="${1:-requirements.txt}"
PY="${PYTHON:-python3}"
if [ ! -x "$ROOT/.venv/bin/python" ]; then
  "$PY" -m venv "$ROOT/.venv"
fi
STAMP="$ROOT/.venv/.installed-$(basename "$REQ")-$(cat "$ROOT/requirements.txt" "$ROOT/$REQ" | sha256sum | cut -c1-16)"
if [ ! -f "$STAMP" ]; then
  "$ROOT/.venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$ROOT/$REQ"
  touch "$STAMP"
fi
