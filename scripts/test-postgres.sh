#!/usr/bin/env bash
# Runs the test suite against a local PostgreSQL server (Debian's package), installing and
# starting it when needed. Usage: scripts/test-postgres.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; AS_POSTGRES="sudo -u postgres"; else SUDO=; AS_POSTGRES="runuser -u postgres --"; fi
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
# A machine can have the server package without a cluster (e.g. after pg_dropcluster).
pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$version main" || $SUDO pg_createcluster "$version" main
$SUDO pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 20); do
  $AS_POSTGRES psql -qtAc "SELECT 1" >/dev/null 2>&1 && break
  sleep 0.5
done
$AS_POSTGRES psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname='typ_test'" | grep -q 1 \
  || $AS_POSTGRES psql -qc "CREATE USER typ_test WITH PASSWORD 'typ_test' CREATEDB;"

DATABASE_URL=postgres://typ_test:typ_test@127.0.0.1/typ_test .venv/bin/pytest "$@"
