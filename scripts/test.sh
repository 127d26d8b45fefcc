#!/usr/bin/env bash
# One command: install what is needed and run the whole test suite (lint, unit, page and browser tests).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/system-packages.sh test
source scripts/bootstrap.sh requirements-dev.txt
.venv/bin/ruff check analytics pages ui app.py tests benchmarks
# Static type check of analytics/ and ui/ (settings and the baseline in pyproject.toml, issue #13 item 9).
.venv/bin/mypy
set +e
.venv/bin/python -m pytest "$@"
code=$?
set -e
if [ "$code" -eq 5 ]; then
  echo "pytest collected no tests: failing" >&2
  exit 1
fi
exit "$code"
