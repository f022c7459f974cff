#!/usr/bin/env bash
# The whole test suite: unit and integration (vitest), then end to end (Playwright on the built app).
# On the embedded database by default; set DATABASE_URL to run every tier against a PostgreSQL server
# (each tier creates and drops databases of its own there). Ends with one line: N passed, N failed.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/vitest.json reports/e2e.json  # a report left from an earlier run must not count
status=0

npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json || status=1

if [ -z "${SKIP_BUILD:-}" ]; then
  npx next build || status=1
fi
npx playwright test || status=1

node scripts/test-summary.mjs reports/vitest.json reports/e2e.json || status=1
exit $status
