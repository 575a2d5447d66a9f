#!/usr/bin/env bash
# Install what the tests need and run the whole suite: lint, types, import layers, SQLite,
# PostgreSQL, browser tests, dependency audit and the production deployment check. Used by .ci/run.
#
#   DATABASE_URL_TEST  PostgreSQL for the second run (default postgres://postgres@127.0.0.1:5432/test)
#   SKIP_POSTGRES=1    run on SQLite only (a machine without PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install_system_packages.sh
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
# axe-core for the accessibility browser test, pinned in package-lock.json (tests skip without it)
if command -v npm >/dev/null 2>&1; then
  npm ci --no-audit --no-fund --silent || echo "npm ci failed: the accessibility test will be skipped"
else
  echo "npm not found: the accessibility test will be skipped"
fi

export PYTHONDONTWRITEBYTECODE=1
echo "== ruff"; .venv/bin/ruff check hrdwatch tests bench scripts
echo "== ruff format"; .venv/bin/ruff format --check hrdwatch tests bench scripts
echo "== mypy"; .venv/bin/mypy hrdwatch
echo "== import layers"; .venv/bin/lint-imports
echo "== deployment check (production settings)"
DJANGO_SETTINGS_MODULE=hrdwatch.project.settings.production \
  SECRET_KEY="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
  ALLOWED_HOSTS=hrdwatch.example.org HRDWATCH_DATA_DIR="$(mktemp -d)" \
  .venv/bin/hrdwatch check --deploy --fail-level WARNING
echo "== dependency audit (pip-audit --strict)"
set +e; .venv/bin/python scripts/pip_audit.py; audit=$?; set -e
if [ "$audit" = 77 ]; then
  echo "SKIPPED: dependency audit could not reach a vulnerability database (reported as a skip, not a pass)"
elif [ "$audit" != 0 ]; then
  exit "$audit"
fi

echo "== tests on SQLite (with browser tests)"
.venv/bin/pytest -p no:cacheprovider -n 2
if [ "${SKIP_POSTGRES:-0}" != "1" ]; then
  echo "== tests on PostgreSQL"
  DATABASE_URL="${DATABASE_URL_TEST:-postgres://postgres@127.0.0.1:5432/test}" \
    .venv/bin/pytest -p no:cacheprovider -n 2 -m "not browser"
fi
