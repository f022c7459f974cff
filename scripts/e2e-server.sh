#!/usr/bin/env bash
# Start the built app for the end-to-end tests on a database of its own, seeded at start-up:
# a fresh embedded database in a temporary folder, or a fresh database on DATABASE_URL's server.
set -euo pipefail
port="${1:-3100}"
workdir="$(mktemp -d -t bpm-e2e-XXXXXX)"
if [ -n "${DATABASE_URL:-}" ]; then
  name="bpm_e2e_$$_$(date +%s)"
  psql "$DATABASE_URL" -q -c "create database $name" >/dev/null
  base="${DATABASE_URL%/*}"
  export DATABASE_URL="$base/$name"
  trap 'psql "${base}/postgres" -q -c "drop database if exists $name with (force)" >/dev/null 2>&1 || true; rm -rf "$workdir"' EXIT
else
  export PGLITE_DIR="$workdir/pglite"
  trap 'rm -rf "$workdir"' EXIT
fi
# Playwright stops the server with a signal: turn it into a normal exit, so the EXIT trap above runs
# and the run's database (or folder) does not outlive it.
trap 'exit 143' TERM INT
export AUTH_SECRET_FILE="$workdir/auth-secret"
export UPLOAD_DIR="$workdir/uploads"
export NEXTAUTH_URL="http://localhost:$port"
export SEED_ON_START=true
# The whole suite signs in from one address, wrong passwords included: slowing that address would
# hold up the tests that follow (the slowing itself is proved in tests/integration/sign-in-throttle).
export SIGNIN_ADDRESS_ATTEMPTS="${SIGNIN_ADDRESS_ATTEMPTS:-1000}"
exec_next() { node_modules/.bin/next start -p "$port"; }
exec_next
