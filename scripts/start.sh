#!/usr/bin/env bash
# One command: install what is needed, build the demo database on first run, start the dashboard.
# Each step says what it is doing, because on a new machine the first two take about a minute.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
echo "[1/4] Checking Debian packages (Chromium, a CJK font); installing any that are missing ..."
bash scripts/system-packages.sh
echo "[2/4] Checking Python packages in .venv (requirements.txt); installing any that are missing ..."
source scripts/bootstrap.sh requirements.txt
DB="${WALKTHROUGH_DB:-$ROOT/data/walkthrough.duckdb}"
if [ ! -f "$DB" ]; then
  echo "[3/4] Building the demo database at $DB (about a minute) ..."
  .venv/bin/python -m analytics demo --db "$DB"
else
  echo "[3/4] Using the database at $DB"
fi
ADDR="${HOST:-127.0.0.1}" PORT_="${PORT:-8501}"
# The script does not open a browser: it prints the address to open.
echo "[4/4] Starting the dashboard: open http://$ADDR:$PORT_ in your browser (Ctrl+C stops it)"
exec .venv/bin/python -m streamlit run app.py --server.address "$ADDR" --server.port "$PORT_" "$@"
