#!/usr/bin/env bash
# One command: install what is needed, build the demo database on first run, start the dashboard.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/system-packages.sh
source scripts/bootstrap.sh requirements.txt
DB="${WALKTHROUGH_DB:-$ROOT/data/walkthrough.duckdb}"
if [ ! -f "$DB" ]; then
  echo "Building the demo database at $DB ..."
  .venv/bin/python -m analytics demo --db "$DB"
fi
exec .venv/bin/python -m streamlit run app.py --server.address "${HOST:-127.0.0.1}" --server.port "${PORT:-8501}" "$@"
